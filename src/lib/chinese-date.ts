import type { IsoDate } from '../schemas/common.ts';

function parts(date: IsoDate): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new TypeError(`not an ISO date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** 2017-05-18 → 2017年5月18日: Arabic numerals, full year, no zero padding (GB/T 9704-2012 §7.3.5.4). */
export function formatChineseDate(date: IsoDate): string {
  const [y, m, d] = parts(date);
  return `${y}年${m}月${d}日`;
}

/** 2017-05 → 2017年5月. */
export function formatChineseMonth(date: IsoDate): string {
  const [y, m] = parts(date);
  return `${y}年${m}月`;
}

/**
 * Several event days as a reader would write them: 2017年4月15日、16日 within a month,
 * 2017年4月17日、4月26日、5月3日 across months, each year named once.
 */
export function formatChineseDates(dates: readonly IsoDate[]): string {
  let out = '';
  let prev: [number, number, number] | undefined;
  for (const date of [...dates].sort()) {
    const [y, m, d] = parts(date);
    if (!prev) out = `${y}年${m}月${d}日`;
    else if (prev[0] !== y) out += `、${y}年${m}月${d}日`;
    else if (prev[1] !== m) out += `、${m}月${d}日`;
    else out += `、${d}日`;
    prev = [y, m, d];
  }
  return out;
}
