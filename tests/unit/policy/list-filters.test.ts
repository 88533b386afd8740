import { describe, expect, it } from 'vitest';
import { combinedFilters, filterLinks, listHref, listTitle, type ListEntry } from '../../../src/lib/policy/list-filters.ts';

const entries: ListEntry[] = [
  { validity: '现行有效', category: '管理办法' },
  { validity: '已废止', category: '管理办法' },
  { validity: '现行有效', category: '通知' },
  { validity: '起草中', category: '方案' },
];
const categories = ['意见', '通知', '方案', '管理办法'];
const labels = (links: Array<{ label: string; count: number }>) => links.map((l) => `${l.label}${l.count}`);

describe('the policy list’s filters', () => {
  it('addresses: one page per filter and per combination', () => {
    expect(listHref({})).toBe('/policies/');
    expect(listHref({ validity: '已废止' })).toBe('/policies/status/repealed/');
    expect(listHref({ category: '管理办法' })).toBe('/policies/category/管理办法/');
    expect(listHref({ validity: '已废止', category: '管理办法' })).toBe('/policies/status/repealed/管理办法/');
  });
  it('unfiltered: every value with documents, none without', () => {
    const links = filterLinks(entries, {}, categories);
    expect(labels(links.validity)).toEqual(['全部4', '现行有效2', '已废止1', '起草中1']);
    expect(labels(links.category)).toEqual(['全部4', '通知1', '方案1', '管理办法2']);
    expect(links.validity[0]!.current).toBe(true);
  });
  it('choosing a 类别 keeps the 时效性, and counts each value under the other filter', () => {
    const links = filterLinks(entries, { validity: '现行有效' }, categories);
    // 类别 links keep 现行有效; 方案 has no document in force: not offered.
    expect(links.category.map((l) => l.href)).toEqual(['/policies/status/in-force/', '/policies/status/in-force/通知/', '/policies/status/in-force/管理办法/']);
    expect(labels(links.category)).toEqual(['全部2', '通知1', '管理办法1']);
    // 时效性 links keep no 类别 here, and 全部 leads back to the unfiltered list.
    expect(links.validity.find((l) => l.current)!.label).toBe('现行有效');
    expect(links.validity[0]!.href).toBe('/policies/');
  });
  it('choosing a 时效性 keeps the 类别', () => {
    const links = filterLinks(entries, { category: '管理办法' }, categories);
    expect(links.validity.map((l) => l.href)).toEqual(['/policies/category/管理办法/', '/policies/status/in-force/管理办法/', '/policies/status/repealed/管理办法/']);
  });
  it('never links to a combination that shows nothing, except the page the reader is on', () => {
    for (const filter of [{}, { validity: '已废止' as const }, { category: '通知' }, { validity: '现行有效' as const, category: '管理办法' }, { validity: '已失效' as const }]) {
      const links = filterLinks(entries, filter, categories);
      for (const link of [...links.validity.slice(1), ...links.category.slice(1)]) expect(link.count > 0 || link.current, `${link.href}`).toBe(true);
    }
    // The value the page shows is listed even when it has nothing under the other filter.
    expect(labels(filterLinks(entries, { validity: '已失效' }, categories).validity)).toContain('已失效0');
  });
  it('builds a page for each combination with documents, once', () => {
    expect(combinedFilters([...entries, entries[0]!])).toEqual([
      { validity: '现行有效', category: '管理办法' },
      { validity: '已废止', category: '管理办法' },
      { validity: '现行有效', category: '通知' },
      { validity: '起草中', category: '方案' },
    ]);
  });
  it('titles', () => {
    expect(listTitle({})).toBe('政策文件');
    expect(listTitle({ validity: '已废止' })).toBe('政策文件：已废止');
    expect(listTitle({ validity: '已废止', category: '管理办法' })).toBe('政策文件：管理办法（已废止）');
  });
});
