import { describe, expect, it } from 'vitest';
import { findRanges, makeExcerpt } from '../../../src/lib/search/excerpt.ts';

describe('findRanges', () => {
  it('finds every occurrence, in order', () => {
    expect(findRanges('吕梁学院在吕梁', ['吕梁'])).toEqual([
      [0, 2],
      [5, 7],
    ]);
  });
  it('merges overlapping and touching pieces into one span', () => {
    expect(findRanges('山西医科大学', ['西医', '医科', '科大'])).toEqual([[1, 5]]);
  });
  it('ignores case for Latin letters', () => {
    expect(findRanges('Pagefind API', ['pagefind'])).toEqual([[0, 8]]);
  });
  it('finds a query in the text as written: across its typesetting spaces, in full-width forms', () => {
    const text = '推进“1331 工程”建设，全省３４所高校';
    const [[start, end]] = findRanges(text, ['1331工程']) as [[number, number]];
    expect(text.slice(start, end)).toBe('1331 工程');
    const [[s34, e34]] = findRanges(text, ['34所']) as [[number, number]];
    expect(text.slice(s34, e34)).toBe('３４所');
    // A space between two Chinese words is no typesetting: a phrase does not run over it.
    expect(findRanges('一流大学 一流学科', ['大学一流'])).toEqual([]);
  });
  it('shows pieces parted only by a typesetting space as one span', () => {
    const text = '“1331 工程”';
    expect(findRanges(text, ['1331', '工程']).map(([s, e]) => text.slice(s, e))).toEqual(['1331 工程']);
  });
});

describe('makeExcerpt', () => {
  const text = '第一段。\n' + '甲'.repeat(50) + '吕梁学院' + '乙'.repeat(80) + '\n第三段';
  it('cuts a window around the first match inside its paragraph, marking it', () => {
    const excerpt = makeExcerpt(text, findRanges(text, ['吕梁学院']), 60);
    expect(excerpt.text.startsWith('…')).toBe(true);
    expect(excerpt.text.endsWith('…')).toBe(true);
    const [[start, end]] = excerpt.marks as [[number, number]];
    expect(excerpt.text.slice(start, end)).toBe('吕梁学院');
    expect(excerpt.text).not.toContain('第一段');
  });
  it('shows the start of the text when nothing matches', () => {
    expect(makeExcerpt('短文。', [], 60)).toEqual({ text: '短文。', marks: [] });
  });
});

describe('makeExcerpt ends on a whole term', () => {
  it('never inside a match: the excerpt runs on to its end', () => {
    const text = `${'甲'.repeat(40)}召开“1331工程”推进会`;
    const ranges = findRanges(text, ['1331工程']);
    const excerpt = makeExcerpt(text, ranges, 44);
    expect(excerpt.text).toContain('1331工程');
    const [[s, e]] = excerpt.marks as [[number, number]];
    expect(excerpt.text.slice(s, e)).toBe('1331工程');
  });
  it('never inside a number or a Latin word', () => {
    const text = `${'甲'.repeat(20)}吕梁${'乙'.repeat(24)}2019年`;
    const excerpt = makeExcerpt(text, findRanges(text, ['吕梁']), 40);
    expect(excerpt.text.endsWith('2019…')).toBe(true);
  });
  it('at a punctuation mark near the end, when there is one after the matches', () => {
    const text = `吕梁学院召开会议，${'乙'.repeat(5)}。${'丙'.repeat(60)}`;
    const excerpt = makeExcerpt(text, findRanges(text, ['吕梁']), 20);
    expect(excerpt.text).toBe(`吕梁学院召开会议，${'乙'.repeat(5)}。…`);
  });
});
