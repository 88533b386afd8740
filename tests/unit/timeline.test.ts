import { describe, expect, it } from 'vitest';
import { buildTimeline, formatDayOfMonth } from '../../src/lib/timeline.ts';

const items = [
  { id: 'a', dates: ['2017-04-25'] },
  { id: 'b', dates: ['2017-05-03', '2017-04-17', '2017-04-26'] },
  { id: 'c', dates: [] },
  { id: 'd', dates: ['2017-03-20'] },
  { id: 'e', dates: ['2017-04-25', '2017-04-25'] },
  { id: 'f', dates: ['2016-12-30'] },
];
const timeline = buildTimeline(items, (item) => item.dates);
const view = timeline.map(({ year, months }) => ({
  year,
  months: months.map(({ key, month, entries }) => ({ key, month, entries: entries.map((e) => `${e.item.id}:${e.dates.join(',')}`) })),
}));

describe('buildTimeline', () => {
  it('groups by year and month, oldest first', () => {
    expect(view.map((y) => y.year)).toEqual([2016, 2017]);
    expect(view[1]!.months.map((m) => [m.key, m.month])).toEqual([
      ['2017-03', 3],
      ['2017-04', 4],
      ['2017-05', 5],
    ]);
  });
  it('puts an item in each month it has days in, with that month’s days only', () => {
    expect(view[1]!.months[1]!.entries).toEqual(['b:2017-04-17,2017-04-26', 'a:2017-04-25', 'e:2017-04-25']);
    expect(view[1]!.months[2]!.entries).toEqual(['b:2017-05-03']);
  });
  it('orders a month by first day, keeping the given order on the same day, and counts a repeated day once', () => {
    expect(view[1]!.months[1]!.entries.slice(1)).toEqual(['a:2017-04-25', 'e:2017-04-25']);
  });
  it('leaves out items without dates', () => {
    expect(view.flatMap((y) => y.months.flatMap((m) => m.entries)).some((e) => e.startsWith('c:'))).toBe(false);
  });
});

describe('formatDayOfMonth', () => {
  it('prints the day without zero padding', () => {
    expect(formatDayOfMonth('2017-04-05')).toBe('5日');
    expect(formatDayOfMonth('2017-04-25')).toBe('25日');
  });
});
