import { describe, expect, it } from 'vitest';
import { sortGroups } from '../../../scripts/search-index/order.ts';

describe('the order files', () => {
  const sorts = new Map([
    ['/a/', { date: '2017-05-18', written: '2017-05-18' }],
    ['/b/', { date: '2019-01-02', written: '2018-12-20' }],
    ['/c/', { date: '2017-05-18', written: '2017-05-18' }],
  ]);
  const ids = new Map([['/a/', 'und_a'], ['/b/', 'und_b'], ['/c/', 'und_c']]);

  it('group the pages by each key’s value, from the smallest to the largest', () => {
    expect(sortGroups(sorts, ids)).toEqual({ date: [['und_a', 'und_c'], ['und_b']], written: [['und_a', 'und_c'], ['und_b']] });
    const earlier = new Map([...sorts, ['/b/', { date: '2019-01-02', written: '2016-01-01' }]]);
    expect(sortGroups(earlier, ids).written).toEqual([['und_b'], ['und_a', 'und_c']]);
  });

  it('refuse a record Pagefind wrote no page for, or one without a value', () => {
    expect(() => sortGroups(sorts, new Map([['/a/', 'und_a']]))).toThrow(/no page for 2 record\(s\), such as \/b\//);
    expect(() => sortGroups(new Map([['/a/', { date: '2017-05-18' }]]), ids)).toThrow('/a/: the search record has no “written” sort value');
  });
});
