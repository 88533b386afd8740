/** The search page's decisions about its results (src/browser/search/results.ts), apart from the DOM. */
import { describe, expect, it } from 'vitest';
import { nothingFound, placeResults, resultsSummary } from '../../../src/browser/search/results.ts';

describe('placeResults', () => {
  it('lists a document once, its matching 条 under it, whether it was shown in an earlier slice or in this one', () => {
    const slice = [
      { url: '/policies/a/#第三条', exact: true },
      { url: '/bulletins/2017-02/01/', exact: true },
      { url: '/policies/a/#第五条', exact: true },
      { url: '/policies/b/#第一条', exact: true },
    ];
    expect(placeResults(slice, new Set(['/policies/b/']), 20, 30)).toEqual([
      { kind: 'result', page: '/policies/a/', divider: false },
      { kind: 'result', page: '/bulletins/2017-02/01/', divider: false },
      { kind: 'part', page: '/policies/a/' },
      { kind: 'part', page: '/policies/b/' },
    ]);
  });

  it('puts the divider before the first partial match only, counting from where the slice starts', () => {
    const slice = ['/a/', '/b/', '/c/', '/d/'].map((url, i) => ({ url, exact: i < 2 }));
    // 22 exact matches in all: results 20 and 21 are exact, 22 is the first partial one.
    expect(placeResults(slice, new Set(), 20, 22).map((p) => p.kind === 'result' && p.divider)).toEqual([false, false, true, false]);
    // A later slice has none: its first partial match is not the first of all.
    expect(placeResults(slice.map((r) => ({ ...r, exact: false })), new Set(), 40, 22).some((p) => p.kind === 'result' && p.divider)).toBe(false);
    // No divider when nothing matches exactly: there is nothing to divide.
    expect(placeResults(slice.map((r) => ({ ...r, exact: false })), new Set(), 0, 0).some((p) => p.kind === 'result' && p.divider)).toBe(false);
  });
});

describe('the status line', () => {
  const tally = { total: 12, articles: 3, documents: 2, parts: 7, exactResults: 5, complete: true };
  it('counts articles, documents and the 条 under them apart', () => {
    expect(resultsSummary({ ...tally, parts: 0, total: 5 }, '吕梁学院')).toBe('找到 3 篇文章、2 份政策文件。');
    expect(resultsSummary(tally, '考核')).toBe('找到 3 篇文章、2 份政策文件（其中 7 处条款）。');
    expect(resultsSummary({ ...tally, articles: 0, parts: 29, total: 31, exactResults: 2 }, '')).toBe('找到 2 份政策文件（其中 29 处条款）。');
  });
  it('says how many results hold the query as written and how many only its pieces', () => {
    expect(resultsSummary({ ...tally, exactResults: 3 }, '考核')).toBe('找到 3 篇文章、2 份政策文件（其中 7 处条款）：3 项包含“考核”，2 项只包含其部分字词。');
    // Filters alone: no query to hold.
    expect(resultsSummary({ ...tally, exactResults: 3 }, '')).toBe('找到 3 篇文章、2 份政策文件（其中 7 处条款）。');
  });
  it('while more remain, says what is listed and how many matches there are', () => {
    expect(resultsSummary({ ...tally, total: 31, complete: false }, '考核')).toBe('已列出 3 篇文章、2 份政策文件（其中 7 处条款）；共 31 处匹配（文章、文件和文件中的条款各算一处），还有更多。');
  });

  it('says what found nothing', () => {
    expect(nothingFound('吕梁')).toBe('没有找到包含“吕梁”的内容。请检查字词，或减少、放宽条件。');
    expect(nothingFound('')).toBe('没有找到符合条件的内容。');
  });
});
