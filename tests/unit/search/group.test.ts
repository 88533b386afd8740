import { describe, expect, it } from 'vitest';
import { groupResults } from '../../../src/lib/search/group.ts';

const r = (url: string, exact: boolean) => ({ item: { url }, exact });

describe('results grouped by page', () => {
  it('a document matched in several 条 is one result, its parts under it in ranked order', () => {
    const groups = groupResults([r('/policies/a/#第五条', true), r('/bulletins/2017-02/01/', true), r('/policies/a/', true), r('/policies/a/#第十二条', true)], (i) => i.url);
    expect(groups.map((g) => g.page)).toEqual(['/policies/a/', '/bulletins/2017-02/01/']);
    expect(groups[0]!.own?.item.url).toBe('/policies/a/');
    expect(groups[0]!.parts.map((p) => p.item.url)).toEqual(['/policies/a/#第五条', '/policies/a/#第十二条']);
  });
  it('a page with any exact match comes before pages with pieces only, and its exact parts first', () => {
    const groups = groupResults([r('/policies/b/#第一条', false), r('/policies/c/', false), r('/policies/b/#第九条', true)], (i) => i.url);
    expect(groups.map((g) => [g.page, g.exact])).toEqual([['/policies/b/', true], ['/policies/c/', false]]);
    expect(groups[0]!.parts.map((p) => p.item.url)).toEqual(['/policies/b/#第九条', '/policies/b/#第一条']);
    expect(groups[0]!.own).toBeUndefined();
  });
});
