/**
 * The timeline (大事记): events by the day they happened, grouped by year and month, oldest
 * first as a chronicle reads. An item with days in two months appears in each month, with
 * that month's days only.
 */
import type { IsoDate } from '../schemas/common.ts';

export interface TimelineEntry<T> {
  item: T;
  /** The item's days in this month, in order. */
  dates: IsoDate[];
}

export interface TimelineMonth<T> {
  /** 2017-04: also the month's anchor on the page. */
  key: string;
  month: number;
  entries: Array<TimelineEntry<T>>;
}

export interface TimelineYear<T> {
  year: number;
  months: Array<TimelineMonth<T>>;
}

/**
 * Groups `items` by the months of their dates. Within a month, entries run by their first day;
 * items on the same day keep the order they came in. Items without dates are left out.
 */
export function buildTimeline<T>(items: readonly T[], datesOf: (item: T) => readonly IsoDate[]): Array<TimelineYear<T>> {
  const months = new Map<string, Array<TimelineEntry<T>>>();
  for (const item of items) {
    const byMonth = new Map<string, IsoDate[]>();
    for (const date of [...new Set(datesOf(item))].sort()) {
      const key = date.slice(0, 7);
      const list = byMonth.get(key);
      if (list) list.push(date);
      else byMonth.set(key, [date]);
    }
    for (const [key, dates] of byMonth) {
      const entries = months.get(key);
      if (entries) entries.push({ item, dates });
      else months.set(key, [{ item, dates }]);
    }
  }
  const years = new Map<number, Array<TimelineMonth<T>>>();
  for (const key of [...months.keys()].sort()) {
    // A stable sort: same-day entries stay in the order the items came.
    const entries = months.get(key)!.sort((a, b) => a.dates[0]!.localeCompare(b.dates[0]!));
    const year = Number(key.slice(0, 4));
    const month = { key, month: Number(key.slice(5, 7)), entries };
    const list = years.get(year);
    if (list) list.push(month);
    else years.set(year, [month]);
  }
  return [...years.entries()].map(([year, months]) => ({ year, months }));
}

/** A day within its month, as the timeline prints it under the month's heading: 2017-04-05 → 5日. */
export function formatDayOfMonth(date: IsoDate): string {
  return `${Number(date.slice(8, 10))}日`;
}
