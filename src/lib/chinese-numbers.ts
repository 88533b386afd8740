/** Numbers and dates as bulletins print them: 第二期, 第12期, 2017年5月18日, 二〇一七年五月十八日. */
import { isCalendarDate } from '../schemas/common.ts';

/**
 * Chinese digits, with the zeros offices type: 〇 (U+3007), 零, and the look-alikes ○ (U+25CB, a
 * circle), ◯ (U+25EF), Ｏ, O and o that a typist picks for 〇 when the font or the input method
 * offers no 〇.
 */
const DIGITS: Record<string, number> = { 〇: 0, 零: 0, '○': 0, '◯': 0, Ｏ: 0, O: 0, o: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 2, 02, 二, 十二, 二十, 一百零五 → the number; undefined when it is not a number. */
export function parseNumber(text: string): number | undefined {
  let s = text.replace(/\s/g, '').normalize('NFKC').replace(/[OoＯ](?=\d)|(?<=\d)[OoＯ]/g, '0');
  if (/^\d+$/.test(s)) return Number(s);
  // Digits typed among Chinese numerals (二0二0): each the Chinese digit it stands for.
  if (/\d/.test(s)) s = s.replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)]!);
  if (!/^[〇零○◯Oo一二两三四五六七八九十百]+$/.test(s)) return undefined;
  // Digit by digit (二〇一七) when there is no unit character.
  if (!/[十百]/.test(s)) return Number([...s].map((c) => DIGITS[c]).join(''));
  let total = 0;
  let digit = 0;
  for (const c of s) {
    if (c === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (c === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else {
      digit = DIGITS[c]!;
    }
  }
  return total + digit;
}

const NUMERAL = '[0-9０-９〇零○◯ＯOo一二两三四五六七八九十]';
/** A date written out: 2017年5月18日 (spaces allowed), 2017年05月18日, or 二〇一七年五月十八日 (二○一七, 二零一七). */
export const CHINESE_DATE = new RegExp(`((?:${NUMERAL}\\s?){3}${NUMERAL})\\s*年\\s*(${NUMERAL}{1,3})\\s*月\\s*(${NUMERAL}{1,3})\\s*日`);

/** YYYY-MM-DD, or undefined when there is no such day (2月30日). */
export function isoDate(year: number, month: number, day: number): string | undefined {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : undefined;
}

/** The first date written out in `text`, as YYYY-MM-DD; undefined when there is none or it is no real day. */
export function parseChineseDate(text: string): string | undefined {
  const m = CHINESE_DATE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [m[1]!, m[2]!, m[3]!].map(parseNumber);
  return year && month && day ? isoDate(year, month, day) : undefined;
}

const NUMERALS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (up to 999), as 第十二条 writes it. */
export function formatChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) throw new RangeError(`${n}: only whole numbers from 0 to 999`);
  if (n < 10) return NUMERALS[n]!;
  if (n < 20) return `十${n % 10 ? NUMERALS[n % 10] : ''}`;
  if (n < 100) return `${NUMERALS[Math.floor(n / 10)]}十${n % 10 ? NUMERALS[n % 10] : ''}`;
  const rest = n % 100;
  return `${NUMERALS[Math.floor(n / 100)]}百${rest === 0 ? '' : rest < 10 ? `零${NUMERALS[rest]}` : rest < 20 ? `一${formatChineseNumber(rest)}` : formatChineseNumber(rest)}`;
}
