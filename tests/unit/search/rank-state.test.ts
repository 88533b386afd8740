import { describe, expect, it } from 'vitest';
import { rankResults } from '../../../src/lib/search/rank.ts';
import { orderResults, sortOrder, paramsFromState, resultHref, stateFromParams } from '../../../src/lib/search/state.ts';
import { anchorOf } from '../../../src/lib/search/state.ts';

describe('rankResults', () => {
  const ordered = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
  it('puts every exact match before every partial one, keeping the order inside each', () => {
    const ranked = rankResults(ordered, { pieces: [], phrases: [new Set(['c', 'a', 'x']), new Set(['a', 'c', 'd'])] });
    expect(ranked.map((r) => `${r.item.id}${r.exact ? '!' : ''}`)).toEqual(['a!', 'c!', 'b', 'd', 'e']);
  });
  it('leaves out a page that lacks a piece of the query', () => {
    const ranked = rankResults(ordered, { pieces: [new Set(['a', 'b', 'c']), new Set(['a', 'c', 'e'])], phrases: [new Set(['c'])] });
    expect(ranked.map((r) => `${r.item.id}${r.exact ? '!' : ''}`)).toEqual(['c!', 'a']);
  });
  it('treats every result as exact when there is nothing to check', () => {
    expect(rankResults([{ id: 'a' }], { pieces: [], phrases: [] }).every((r) => r.exact)).toBe(true);
  });
});

describe('search state in the URL', () => {
  it('reads the query, filters and sort, ignoring what it does not know', () => {
    const state = stateFromParams(new URLSearchParams('q=吕梁&kind=工作要讯&year=2017&sort=newest&page=9&colour=red'));
    expect(state).toEqual({ q: '吕梁', filters: { kind: '工作要讯', year: '2017' }, sort: 'newest' });
    expect(stateFromParams(new URLSearchParams('sort=sideways')).sort).toBe('relevance');
  });
  it('writes only what is set, so that links stay short', () => {
    expect(paramsFromState({ q: ' 吕梁 ', filters: { topic: '两提一创' }, sort: 'relevance' }).toString()).toBe(
      new URLSearchParams({ q: '吕梁', topic: '两提一创' }).toString(),
    );
  });
  it('sorts by the date key, outside Pagefind: ties keep their relevance order, an unknown page goes last', () => {
    expect(sortOrder('relevance')).toBeUndefined();
    expect(sortOrder('newest')).toEqual({ key: 'date', descending: true });
    expect(sortOrder('written-oldest')).toEqual({ key: 'written', descending: false });
    // Groups from the earliest date to the latest; results in relevance order.
    const groups = [['a'], ['b', 'c'], ['d']];
    const results = ['c', 'x', 'a', 'd', 'b'].map((id) => ({ id }));
    expect(orderResults(results, groups, true).map((r) => r.id)).toEqual(['d', 'c', 'b', 'a', 'x']);
    expect(orderResults(results, groups, false).map((r) => r.id)).toEqual(['a', 'c', 'b', 'd', 'x']);
  });
  it('links a result so that the target page highlights the query', () => {
    expect(resultHref('/bulletins/2017-02/04/', '吕梁 学院')).toBe('/bulletins/2017-02/04/?highlight=%E5%90%95%E6%A2%81+%E5%AD%A6%E9%99%A2');
    expect(resultHref('/bulletins/2017-02/04/', ' ')).toBe('/bulletins/2017-02/04/');
    // A link from before the 时效性 filter still filters.
    expect(stateFromParams(new URLSearchParams('q=办法&status=现行有效')).filters).toEqual({ validity: '现行有效' });
    expect(resultHref('/policies/a/#附件1-第十条', '公示')).toBe('/policies/a/?highlight=%E5%85%AC%E7%A4%BA#附件1-第十条');
  });
});

describe('anchorOf', () => {
  it('decodes an address’s anchor, and quietly gives none for a malformed one', () => {
    expect(anchorOf('#%E7%AC%AC%E5%8D%81%E6%9D%A1')).toBe('第十条');
    expect(anchorOf('#附件1-第十条')).toBe('附件1-第十条');
    expect(anchorOf('#%E0%A4%A')).toBeUndefined();
    expect(anchorOf('')).toBeUndefined();
    expect(anchorOf('#')).toBeUndefined();
  });
});
