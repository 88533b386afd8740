import { describe, expect, it } from 'vitest';
import { highlightStrings, MAX_QUERY_LENGTH, parseQuery, partialStrings, queryPhrases, queryTokens } from '../../../src/lib/search/query.ts';
import { STREAM_MARK } from '../../../src/lib/search/index-content.ts';
import { STREAM_MARK as M } from '../../../src/lib/search/index-content.ts';

/** Marked pairs, as the streams index them. */
const marked = (...pairs: string[]) => pairs.map((pair) => M + pair);

describe('parseQuery', () => {
  it('turns a phrase into its pairs: without overlap, marked, for an even run; overlapping for an odd one', () => {
    const terms = parseQuery('吕梁学院');
    expect(queryPhrases(terms)).toEqual([marked('吕梁', '学院')]);
    expect(terms[0]!.runs[0]!.single).toBe(false);
    expect(queryPhrases(parseQuery('重点实验室'))).toEqual([['重点', '点实', '实验', '验室']]);
  });
  it('reads space-separated terms as separate requirements', () => {
    const terms = parseQuery('吕梁 职业教育');
    expect(terms.map((t) => t.source)).toEqual(['吕梁', '职业教育']);
    expect(queryPhrases(terms)).toEqual([marked('吕梁'), marked('职业', '教育')]);
  });
  it('reads a quoted query as one phrase, spaces between Chinese ignored', () => {
    const terms = parseQuery('"吕梁 职业教育"');
    expect(terms).toHaveLength(1);
    expect(terms[0]!.quoted).toBe(true);
    expect(highlightStrings(terms)).toEqual(['吕梁职业教育']);
  });
  it('handles digits mixed with Chinese, with or without spaces', () => {
    expect(queryPhrases(parseQuery('1331工程'))).toEqual([marked('13', '31', '工程')]);
    expect(queryPhrases(parseQuery('"1331 工程"'))).toEqual([marked('13', '31', '工程')]);
    expect(queryPhrases(parseQuery('5月3日'))).toEqual([marked('5月', '3日')]);
    expect(queryPhrases(parseQuery('5月3'))).toEqual([['5月', '月3']]);
  });
  it('matches a single character or digit by prefix, a number as the phrase of its digits', () => {
    const terms = parseQuery('吕 1331 7');
    expect(terms.map((t) => t.runs[0]!.single)).toEqual([true, false, true]);
    expect(queryTokens(terms)).toEqual(['吕', ...marked('13', '31'), '7']);
  });
  it('cuts a term at its punctuation', () => {
    expect(queryPhrases(parseQuery('提高标准、提升能力'))).toEqual([marked('提高', '标准'), marked('提升', '能力')]);
    expect(queryPhrases(parseQuery('提高标准、提升'))).toEqual([marked('提高', '标准'), marked('提升')]);
  });
  it('treats markup as text and ignores punctuation-only terms', () => {
    const terms = parseQuery('<img src=x onerror=alert(1)>');
    expect(queryTokens(terms)).toEqual(['img', 'src', 'x', 'onerror', 'alert', '1']);
    expect(terms.every((term) => term.runs.every((run) => run.single))).toBe(true);
    expect(parseQuery('《》、，')).toEqual([]);
    expect(parseQuery('   ')).toEqual([]);
  });
  it('limits how much of a pasted text is searched', () => {
    const terms = parseQuery('吕'.repeat(1000));
    expect(terms[0]!.runs[0]!.text.length).toBe(MAX_QUERY_LENGTH);
  });
  it('lowercases Latin letters for Pagefind, keeps them for marking', () => {
    const terms = parseQuery('Pagefind');
    expect(queryTokens(terms)).toEqual(['pagefind']);
    expect(highlightStrings(terms)).toEqual(['Pagefind']);
  });
});

describe('what a result marks', () => {
  it('a partial match marks the readable pieces, never the index’s marked pairs (an even run: 两提一创活动)', () => {
    const terms = parseQuery('两提一创活动');
    expect(terms[0]!.runs[0]!.tokens.every((t) => t.startsWith(STREAM_MARK))).toBe(true);
    expect(partialStrings(terms)).toEqual(['两提', '一创', '活动']);
    expect(partialStrings(parseQuery('年度建设报告')).some((s) => s.includes(STREAM_MARK))).toBe(false);
    // An odd run: its overlapping pairs; a single character: itself.
    expect(partialStrings(parseQuery('吕梁学'))).toEqual(['吕梁', '梁学']);
    expect(partialStrings(parseQuery('吕'))).toEqual(['吕']);
  });
  it('a 文号 marks itself as written, not every 2019 of the page', () => {
    const terms = parseQuery('示教科〔2019〕7号');
    expect(highlightStrings(terms)).toEqual(['示教科〔2019〕7号', '示教科', '7号']);
    expect(highlightStrings(terms)).not.toContain('2019');
    expect(partialStrings(terms).every((s) => !/^\d+$/.test(s))).toBe(true);
    // A number searched alone is marked.
    expect(highlightStrings(parseQuery('2019'))).toEqual(['2019']);
  });
});
