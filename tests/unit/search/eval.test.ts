import { describe, expect, it } from 'vitest';
import { randomCharacters, randomMixed, randomPhrases, searchableText, seededRandom, truthFor } from '../../../scripts/search-index/eval-queries.ts';
import { recall, rPrecision } from '../../../scripts/search-index/metrics.ts';

const pages = [
  { url: '/a/', text: '吕梁学院办成有特色的高等学校。\n全省34所本科高校' },
  { url: '/b/', text: '“1331 工程”建设。吕梁市' },
];

describe('evaluation queries', () => {
  it('finds the truth verbatim, spaces between Chinese and digits ignored', () => {
    expect(truthFor(pages, '吕梁')).toEqual(new Set(['/a/', '/b/']));
    expect(truthFor(pages, '1331工程')).toEqual(new Set(['/b/']));
    expect(truthFor(pages, '学院办')).toEqual(new Set(['/a/']));
    expect(searchableText('2017 年 5 月')).toBe('2017年5月');
    // A space between two Chinese phrases is a real gap: 学一 is not in 一流大学 一流学科.
    expect(searchableText('一流大学 一流学科')).toBe('一流大学 一流学科');
    expect(searchableText('见 163.com 网站')).toBe('见163.com网站');
  });
  it('draws Chinese phrases of 2–6 characters that the pages hold', () => {
    const queries = randomPhrases(pages, 50, seededRandom(1));
    expect(queries).toHaveLength(50);
    for (const { query } of queries) {
      expect(query).toMatch(/^\p{Script=Han}{2,6}$/u);
      expect(truthFor(pages, query).size).toBeGreaterThan(0);
    }
  });
  it('draws runs that mix digits with Chinese', () => {
    const queries = randomMixed(pages, 10, seededRandom(2));
    expect(queries.length).toBeGreaterThan(0);
    for (const { query } of queries) expect(query).toMatch(/\d/);
  });
  it('draws single Chinese characters that the pages hold', () => {
    const queries = randomCharacters(pages, 30, seededRandom(3));
    expect(queries).toHaveLength(30);
    for (const { query, kind } of queries) {
      expect(kind).toBe('single');
      expect(query).toMatch(/^\p{Script=Han}$/u);
      expect(truthFor(pages, query).size).toBeGreaterThan(0);
    }
    expect(new Set(queries.map((q) => q.query)).size).toBeGreaterThan(5);
  });
  it('repeats a draw from its seed, and draws anew from another', () => {
    const a = randomPhrases(pages, 5, seededRandom(7)).map((q) => q.query);
    expect(randomPhrases(pages, 5, seededRandom(7)).map((q) => q.query)).toEqual(a);
  });
});

describe('metrics', () => {
  const truth = new Set(['a', 'b']);
  it('measures recall over everything returned', () => {
    expect(recall(['x', 'a', 'y', 'b'], truth)).toBe(1);
    expect(recall(['a'], truth)).toBe(0.5);
  });
  it('measures R-precision over the first |truth| results', () => {
    expect(rPrecision(['a', 'b', 'x'], truth)).toBe(1);
    expect(rPrecision(['x', 'a', 'b'], truth)).toBe(0.5);
  });
});
