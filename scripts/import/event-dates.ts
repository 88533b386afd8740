/**
 * The day(s) an article's event took place, from its first sentence, as the bulletin writes
 * them: 3月20日下午 → 2017-03-20; 4月15日、16日 → both days; 4月17日下午、4月26日下午、5月3日上午
 * → three days; 4月15日至17日 → the three days of the range. A date without its year is in the
 * issue's year.
 */
import { isoDate } from '../../src/lib/chinese-numbers.ts';

export interface EventDates {
  dates: string[];
  /** The sentence the dates were read from. */
  sentence: string;
  /** Dates written there that are no real day (2月30日), as written. */
  invalid: string[];
}

/** Parts of a day that may stand between a date and the next: 4月17日下午、4月26日. */
const PART_OF_DAY = '(?:上午|下午|晚上|晚间|晚|早上|早晨|中午|凌晨|夜间|夜)?';
const LIST = new RegExp(`^${PART_OF_DAY}\\s*[、，,和及与]\\s*$`);
const RANGE = new RegExp(`^${PART_OF_DAY}\\s*(?:至|到|—|–|-|~|～)\\s*$`);
/** A full date (年 optional) or, after a list or range mark, a bare day or month and day. */
const DATE = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日/g;
const MAX_RANGE_DAYS = 31;

/** The first sentence of a paragraph: up to its first 。！？ (book titles 《…》 do not end it). */
export function firstSentence(paragraph: string): string {
  let depth = 0;
  for (let i = 0; i < paragraph.length; i++) {
    const c = paragraph[i];
    if (c === '《') depth++;
    else if (c === '》') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === '。' || c === '！' || c === '？')) return paragraph.slice(0, i + 1);
  }
  return paragraph;
}

export function eventDates(firstParagraph: string, issueYear: number): EventDates {
  const sentence = firstSentence(firstParagraph);
  // Dates inside a cited title (《2017年…》) are the document's, not the event's.
  const text = sentence.replace(/《[^》]*》/g, (title) => '〓'.repeat(title.length));
  const dates: string[] = [];
  const invalid: string[] = [];
  let previous: { year: number; month: number; day: number; end: number } | undefined;
  for (const m of text.matchAll(DATE)) {
    const gap = previous ? text.slice(previous.end, m.index) : '';
    const inList = previous !== undefined && LIST.test(gap);
    const inRange = previous !== undefined && RANGE.test(gap);
    // A bare 16日 only counts right after another date (4月15日、16日); a month and day anywhere.
    if (!m[2] && !inList && !inRange) continue;
    const year = m[1] ? Number(m[1]) : (previous?.year ?? issueYear);
    const month = m[2] ? Number(m[2]) : previous!.month;
    const day = Number(m[3]);
    const iso = isoDate(year, month, day);
    if (!iso) {
      invalid.push(m[0]);
      previous = undefined;
      continue;
    }
    if (inRange && previous) {
      for (const between of daysBetween(isoDate(previous.year, previous.month, previous.day)!, iso)) {
        if (!dates.includes(between)) dates.push(between);
      }
    }
    if (!dates.includes(iso)) dates.push(iso);
    previous = { year, month, day, end: m.index + m[0].length };
  }
  return { dates, sentence, invalid };
}

/** The days strictly between two dates, when the range is a plausible event's (at most a month). */
function daysBetween(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  const days = (end - start) / 86_400_000;
  if (!(days > 1) || days > MAX_RANGE_DAYS) return [];
  return Array.from({ length: days - 1 }, (_, i) => new Date(start + (i + 1) * 86_400_000).toISOString().slice(0, 10));
}
