/**
 * Undoing what text extraction does to Chinese: radicals in place of ideographs, full-width
 * and stray spaces, spaces put around digits (1331 工程), lines joined without the space a
 * Latin line break stands for. Pure functions, used by every reader and by the parser.
 */
import { RADICAL_TO_IDEOGRAPH } from './data/radicals.ts';

/** Han ideographs and the punctuation Chinese text sets with them (，。“”《》…). */
const CJK = String.raw`\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026\u00b7`;
const DIGIT_SPACE = new RegExp(String.raw`(?<=[0-9])[ \t]+(?=[${CJK}])|(?<=[${CJK}])[ \t]+(?=[0-9])`, 'gu');
const RADICALS = /[\u2e80-\u2fdf]/g;

/**
 * Traditional forms a simplified Chinese font draws with the simplified glyph, so that a PDF's
 * text map may give either (Noto CJK SC maps 户 and 戶 to one glyph): the simplified form.
 */
const SHARED_GLYPHS = new Map([['戶', '户']]);

/** Radicals that stand in for ideographs (⼯ for 工) turned back into the ideographs. */
export function fixRadicals(text: string): string {
  return text.replace(RADICALS, (radical) => RADICAL_TO_IDEOGRAPH.get(radical) ?? radical).replace(/[戶]/g, (c) => SHARED_GLYPHS.get(c) ?? c);
}

/**
 * One line of text as the rest of the importer wants it: radicals fixed, every kind of space
 * (full-width U+3000, no-break, tab) a plain space, runs of them one, none at either end.
 */
export function normalizeLine(line: string): string {
  return fixRadicals(line)
    .replace(/[\u3000\u00a0\u2002-\u200a\u202f\u205f\t\f\v]/g, ' ')
    .replace(/[\u200b\ufeff]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * Drops the spaces extraction puts between digits and Chinese (1331 工程 → 1331工程,
 * 2017 年 5 月 → 2017年5月) and keeps those between Chinese words (一流大学 一流学科).
 */
export function removeDigitSpacing(text: string): string {
  return text.replace(DIGIT_SPACE, '');
}

const SPACE_IN_CJK = new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, 'gu');

/**
 * A line whose Chinese characters stand apart (工 作 要 讯, or a justified line stretched by a
 * long unbreakable word) comes out of a PDF with a space between each: those are spacing, not
 * spaces, and go. A single space between Chinese words (一流大学 一流学科) is the text's own.
 */
export function removeSpreadSpacing(line: string): string {
  const spaces = line.match(SPACE_IN_CJK)?.length ?? 0;
  if (spaces < 2) return line;
  // Spacing stands between most of the characters of a run; a few spaces between words (示例省教育厅 示例省财政厅, two organs side by side) are words apart.
  const runs = line.split(' ');
  const single = runs.filter((run) => [...run].length === 1).length;
  return single >= runs.length / 2 ? line.replace(SPACE_IN_CJK, '') : line;
}

/** The whole tidy-up for a piece of bulletin text. */
export function tidy(text: string): string {
  return removeDigitSpacing(normalizeLine(text));
}

const LATIN_END = /[A-Za-z0-9,.;:!?)]$/;
const LATIN_START = /^[A-Za-z0-9(]/;

/**
 * Joins two pieces of one paragraph that a line or page break separated. Chinese breaks
 * anywhere and takes no space; Latin text breaks only at a space, which the break swallowed.
 * A number cut between two digits is one number: text wrapped at a fixed width (typed, or
 * exported as plain text) cuts 1331 into 133 / 1, where a space would make two.
 */
export function joinBroken(before: string, after: string): string {
  if (!before) return after;
  if (!after) return before;
  if (/\d$/.test(before) && /^\d/.test(after)) return before + after;
  return LATIN_END.test(before) && LATIN_START.test(after) ? `${before} ${after}` : before + after;
}

/**
 * The form two headlines are compared in: no whitespace at all, and ASCII punctuation as its
 * full-width twin, so that a wrapped or differently spaced headline still matches its 要目 item.
 */
export function compactKey(text: string): string {
  return fixRadicals(text)
    .replace(/\s+/g, '')
    .replace(/[,:;!?()]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** Whether a paragraph ends a sentence, so that the next block starts a new paragraph. */
export function endsSentence(text: string): boolean {
  return /[。！？!?…；;：:][”’"'」』）)】》]*$/.test(text.trim());
}

/** A page number as printed at a page's foot: — 3 —, -3-, 第3页, 第 3 页 共 9 页, 3/9, or the bare number. */
export function isPageNumber(line: string): boolean {
  return /^(?:[-—–―－~～]\s*\d{1,3}\s*[-—–―－~～]|第\s*\d{1,3}\s*页(?:\s*[,，、/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}(?:\s*\/\s*\d{1,3})?)$/.test(line.replace(/[\u3000\u00a0]/g, ' ').trim());
}

/**
 * Running headers and footers: a short line that stands at the head (or foot) of two or more
 * pages, the same but for its digits, on most pages after the first, or one that names the issue (工作要讯 第2期) at the head
 * of a page after the first, or (in a document of two pages, where nothing repeats) one that holds a
 * line of the masthead, `names` (山西省教育厅1331办公室 工作要讯). Given each page's first and last
 * lines, their keys (runningKey) to drop.
 */
export function runningLines(pages: ReadonlyArray<{ head?: string | undefined; foot?: string | undefined }>, names: readonly string[] = []): Set<string> {
  const counts = new Map<string, number>();
  // (Never a heading of the text itself: two attachments may end their pages on the same 四、保障措施.)
  const fits = (line: string | undefined): line is string => Boolean(line) && line!.length <= 40 && !/[。；！？]/.test(line!) && !/^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十百]+[章节条]|附\s*件\s*\d*$)/.test(line!.trim());
  // Counted on the pages after the first only: page 1 opens with the masthead or the 发文机关标志,
  // which a 署名 pushed to the head of a later page repeats without being a running header.
  pages.forEach(({ head, foot }, i) => {
    if (i === 0) return;
    for (const k of new Set([head, foot].filter(fits).map(runningKey))) counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  // On most pages after the first, not merely two (附件1, 附件2 at the heads of two pages).
  const enough = Math.max(2, Math.ceil((pages.length - 1) * 0.6));
  const running = new Set([...counts].filter(([, n]) => n >= enough).map(([k]) => k));
  pages.forEach(({ head }, i) => {
    if (i > 0 && head && head.length <= 30 && /第\s*\d+\s*期/.test(head) && !/^第\s*\S+?\s*期/.test(head) && !/[，。；：:]|总第/.test(head)) running.add(runningKey(head));
    const compact = head?.replace(/\s/g, '') ?? '';
    if (i > 0 && compact && compact.length <= 30 && !/[，。；：:“”]/.test(compact) && names.some((name) => name.length >= 4 && compact.includes(name))) running.add(runningKey(head!));
  });
  return running;
}
/** Where a document's 第N期 line is among its first lines (-1 when it has none there). */
export const issueNumberAt = (lines: readonly string[]) => lines.slice(0, 16).findIndex((line) => /^第\s*\S{1,4}\s*期/.test(normalizeLine(line)));

/** The masthead's lines above 第N期, without their spaces: the `names` a running header may repeat. */
export function mastheadNames(lines: readonly string[]): string[] {
  const at = issueNumberAt(lines);
  return at > 0 ? lines.slice(0, at).map((line) => normalizeLine(line).replace(/\s/g, '')).filter(Boolean) : [];
}

export const runningKey = (line: string) => line.replace(/\s/g, '').replace(/\d+/g, '#');

/**
 * A rule drawn with characters (————————, ━━━, ______): a separator, not text. Box-drawing
 * characters are never text; dashes, underscores and equals signs are a rule only as a run of
 * five or more: a line of `---` or `———` is text the document prints, and is kept.
 */
export function isRule(line: string): boolean {
  const squeezed = line.replace(/\s/g, '');
  return /^[─━]{3,}$/.test(squeezed) || /^[-—–―_=─━－]{5,}$/.test(squeezed);
}
