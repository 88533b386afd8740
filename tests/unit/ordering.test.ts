import { describe, expect, it } from 'vitest';
import { compareIssuesNewestFirst, groupByYear, neighbours, orderByIds } from '../../src/lib/ordering.ts';

describe('ordering', () => {
  it('puts the newest issue first: later year, then higher number', () => {
    const issues = [
      { year: 2017, number: 2 },
      { year: 2018, number: 1 },
      { year: 2017, number: 10 },
    ];
    expect([...issues].sort(compareIssuesNewestFirst)).toEqual([
      { year: 2018, number: 1 },
      { year: 2017, number: 10 },
      { year: 2017, number: 2 },
    ]);
  });
  it('groups by year, newest year first, keeping the order inside a year', () => {
    const groups = groupByYear(['2017-b', '2018-a', '2017-a'], (s) => Number(s.slice(0, 4)));
    expect(groups).toEqual([
      { year: 2018, items: ['2018-a'] },
      { year: 2017, items: ['2017-b', '2017-a'] },
    ]);
  });
  it('orders entries as the 要目 lists them, numerically not alphabetically', () => {
    const items = [{ id: 'x/10' }, { id: 'x/2' }, { id: 'x/1' }];
    expect(orderByIds(items, ['x/1', 'x/2', 'x/10']).map((i) => i.id)).toEqual(['x/1', 'x/2', 'x/10']);
  });
  it('puts entries the order does not name last', () => {
    expect(orderByIds([{ id: 'b' }, { id: 'z' }, { id: 'a' }], ['a']).map((i) => i.id)).toEqual(['a', 'b', 'z']);
  });
  it('finds the previous and next entry', () => {
    expect(neighbours(['a', 'b', 'c'], 0)).toEqual({ previous: undefined, next: 'b' });
    expect(neighbours(['a', 'b', 'c'], 1)).toEqual({ previous: 'a', next: 'c' });
    expect(neighbours(['a', 'b', 'c'], 2)).toEqual({ previous: 'b', next: undefined });
  });
});
