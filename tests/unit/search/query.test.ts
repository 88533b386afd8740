import { describe, expect, it } from 'vitest';
import { highlightStrings, MAX_QUERY_LENGTH, parseQuery, queryPhrases, queryTokens } from '../../../src/lib/search/query.ts';

describe('parseQuery', () => {
  it('turns a phrase into its pairs', () => {
    const terms = parseQuery('吕梁学院');
    expect(queryPhrases(terms)).toEqual([['吕梁', '梁学', '学院']]);
    expect(terms[0]!.runs[0]!.single).toBe(false);
  });
  it('reads space-separated terms as separate requirements', () => {
    const terms = parseQuery('吕梁 职业教育');
    expect(terms.map((t) => t.source)).toEqual(['吕梁', '职业教育']);
    expect(queryPhrases(terms)).toEqual([['吕梁'], ['职业', '业教', '教育']]);
  });
  it('reads a quoted query as one phrase, spaces between Chinese ignored', () => {
    const terms = parseQuery('"吕梁 职业教育"');
    expect(terms).toHaveLength(1);
    expect(terms[0]!.quoted).toBe(true);
    expect(highlightStrings(terms)).toEqual(['吕梁职业教育']);
  });
  it('handles digits mixed with Chinese, with or without spaces', () => {
    expect(queryPhrases(parseQuery('1331工程'))).toEqual([['13', '33', '31', '1工', '工程']]);
    expect(queryPhrases(parseQuery('"1331 工程"'))).toEqual([['13', '33', '31', '1工', '工程']]);
    expect(queryPhrases(parseQuery('5月3日'))).toEqual([['5月', '月3', '3日']]);
  });
  it('matches a single character or digit by prefix, a number as the phrase of its digits', () => {
    const terms = parseQuery('吕 1331 7');
    expect(terms.map((t) => t.runs[0]!.single)).toEqual([true, false, true]);
    expect(queryTokens(terms)).toEqual(['吕', '13', '33', '31', '7']);
  });
  it('cuts a term at its punctuation', () => {
    expect(queryPhrases(parseQuery('提高标准、提升能力'))).toEqual([
      ['提高', '高标', '标准'],
      ['提升', '升能', '能力'],
    ]);
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
