/**
 * Reads an official document (公文, GB/T 9704-2012) out of its blocks of text (source-block.ts),
 * whichever file they came from, part by part as a reader finds them: the 版头 (份号, 密级★期限,
 * 紧急程度, 发文机关标志, 发文字号 with any 签发人), the title however it was wrapped, the 主送机关
 * (the line that ends in ：), the 正文 paragraph by paragraph (made whole across page breaks), the
 * 附件说明, the 署名 and 成文日期, the 附注, each 附件N with its title and text (tables kept as
 * rows), and the 版记 (抄送, 印发机关 and 印发日期). The words decide; where a reader knows the look
 * of a block (centred, right-aligned, a table's cells) it helps. What cannot be read with
 * confidence goes into `undecided`, for the editor.
 *
 * It reads the forms the world prints too (docs/import-forms.md lists them with where each was
 * seen): a site's page around the text (its metadata block read into fields, its furniture
 * dropped and listed: web-page.ts); the title before the 文号, a 文号 in brackets, titles whose
 * organs stand on lines of their own (told from a site's logo by the 署名's names, by size, or by
 * no blank line between); the document an 印发 / 转发 / 批转 notice carries straight after its
 * 落款, with no 附件 label (one or several, under their own titles); a 附注 of several remarks.
 * Nothing is dropped: text it cannot place is kept in the body and flagged.
 */
import { CHINESE_DATE, parseChineseDate, parseNumber } from '../../src/lib/chinese-numbers.ts';
import { formatDocNumber, parseDocNumber } from '../../src/lib/policy/doc-number.ts';
import { DISCLOSURES, SECRECY_LEVELS, URGENCIES, type Disclosure } from '../../src/schemas/policy.ts';
import { compactKey, endsSentence, isPageNumber, isRule, joinBroken, normalizeLine, removeSpreadSpacing, tidy } from './cjk-text.ts';
import { ImportError } from './errors.ts';
import type { SourceBlock } from './source-block.ts';
import { width } from './read-text.ts';
import { fullWidthPunctuation, isPageFurniture, isSiteFooter, joinWrappedValues, readMetadata, type PageMetadata } from './web-page.ts';

export interface OfficialTable {
  type: 'table';
  header: string[];
  rows: string[][];
}
export type OfficialBlock = { type: 'paragraph'; text: string } | OfficialTable;

export interface OfficialAttachment {
  /** 1 for 附件1. */
  number: number;
  /** As the 附件说明 lists it (or, when it does not, as the attachment's page heads it). */
  title: string;
  /** Its text, when the document carries it; null when it is only listed. */
  blocks: OfficialBlock[] | null;
  /** Printed with no 附件 label: the document an 印发 notice carries, straight after the notice. */
  unlabelled?: boolean;
}

/** An official document as printed: the fields of src/schemas/policy.ts that the page shows, and its text. */
export interface ParsedOfficial {
  copyNumber?: string;
  secrecy?: (typeof SECRECY_LEVELS)[number];
  secrecyPeriod?: string;
  urgency?: (typeof URGENCIES)[number];
  issuerMark?: string;
  docNumber?: string;
  signers: string[];
  title: string;
  issuer?: string;
  coIssuers: string[];
  recipients?: string;
  writtenDate?: string;
  disclosure?: Disclosure;
  notes: string[];
  copyTo?: string;
  printedBy?: string;
  printedDate?: string;
  /** From a site page's metadata block: 索引号, 主题分类, 发布日期. */
  indexNumber?: string;
  subject?: string;
  publishedDate?: string;
  /** From a site page's metadata block: 生效日期, 失效日期, 废止日期 (the text's own words win for the first two). */
  effectiveDate?: string;
  expiryDate?: string;
  repealedDate?: string;
  main: OfficialBlock[];
  attachments: OfficialAttachment[];
  /** What could not be read with confidence, for the editor. */
  undecided: string[];
  /** Paragraphs put together from pieces a page break had cut, as "前文|后文" around the cut. */
  joins: string[];
}

/** The blocks have no official document's form at all (as opposed to a part of one that cannot be read). */
export class NotOfficialError extends ImportError {}

// ── Reading cues (see /work/shared/notes/official-documents.md) ──

const NUMERAL = '[一二三四五六七八九十百零〇两]+';
/** The 文种 a title ends in, longest first where one ends another (管理办法 before 办法). */
export const DOCUMENT_KINDS = ['实施细则', '管理办法', '考评办法', '奖惩办法', '实施方案', '工作方案', '工作要点', '意见', '通知', '决定', '方案', '规划', '规定', '办法', '细则', '通报', '批复', '报告', '请示', '函', '纪要', '决议', '公告', '通告', '命令', '议案', '要点', '计划', '纲要', '指南', '章程', '条例', '规则', '准则', '标准', '清单', '名单', '指引'];
/** A title ends in its 文种, perhaps followed by （试行）, （暂行）, （修订） or （2023年修订）. */
const TITLE_KIND = new RegExp(`(?:${DOCUMENT_KINDS.join('|')})(?:[（(](?:试行|暂行|修订|修正|征求意见稿|送审稿|\\d{4}年(?:修订|修正))[）)])?$`);
const SECRECY = new RegExp(`^(${SECRECY_LEVELS.join('|')})(?:\\s*★\\s*(\\S+))?$`);
const URGENCY = new RegExp(`^(${URGENCIES.join('|')})$`);
const COPY_NUMBER = /^\d{6}$/;
const SIGNER = /签\s*发\s*人\s*[：:]\s*(.*)$/;
/** 第一章 总则, 第二节, 第十条, 第十条之一 — the units of a 办法, set off from their text by a full-width space. */
const ARTICLE_UNIT = new RegExp(`^(第${NUMERAL}(?:章|节|条(?:之${NUMERAL})?))(?:\\s+|(?=\\S))`);
/** The heading levels 一、 （一） 1. （1）. */
const HEADING_MARK = new RegExp(`^(?:${NUMERAL}、|[（(]${NUMERAL}[)）]|\\d{1,2}[.．](?!\\d)|[（(]\\d{1,2}[)）])`);
const ATTACHMENT_HEAD = /^附\s*件\s*(\d{1,2})?\s*[:：]?$/;
const ATTACHMENT_LIST = /^附\s*件\s*[:：]\s*(.*)$/;
const LIST_NUMBER = /^(\d{1,2})\s*[.．、]\s*/;
const COPY_TO = /^抄\s*送\s*[:：]\s*(.*)$/;
const PRINTED = new RegExp(`^(.*?)\\s*(${CHINESE_DATE.source})\\s*印\\s*发$`);
const DATE_ONLY = new RegExp(`^${CHINESE_DATE.source}$`);
const NOTE = /^[（(](.+)[)）]$/;

/** A line's width in Chinese characters (read-text.ts). */
const widthOf = width;

/** A paragraph's text as the content file writes it: extraction's spaces gone, 第一条 and 第一章 set off by a full-width space. */
export function paragraphText(text: string): string {
  return tidy(text)
    .replace(ARTICLE_UNIT, (whole, unit: string) => (whole.length > unit.length ? `${unit}\u3000` : unit))
    .replace(new RegExp(`(?<=^${HEADING_MARK.source.slice(1)})\\s+`), '');
}

/**
 * Title lines put back together: a line break takes no space (Chinese breaks anywhere, and so does
 * a number: 20|20年度) unless it falls between two Latin words; inside a line, a space stays only
 * between Latin letters or digits (ISO 9001), the others are extraction's.
 */
export function joinTitle(lines: readonly string[]): string {
  return lines
    .map((line) => tidy(line).replace(/ (?![A-Za-z0-9])|(?<![A-Za-z0-9]) /g, ''))
    .filter(Boolean)
    .reduce((title, line) => (/[A-Za-z]$/.test(title) && /^[A-Za-z]/.test(line) ? `${title} ${line}` : title + line), '')
    .replace(/^《(.*)》$/, '$1');
}

/** The 发文字号 in a line (and the 签发人 beside it), or undefined when the line is not one. */
export function readDocNumberLine(line: string): { docNumber: string; signers: string[] } | { invalid: string } | undefined {
  const text = tidy(line);
  const signer = SIGNER.exec(text);
  const number = (signer ? text.slice(0, signer.index) : text).trim();
  const signers = signer ? signer[1]!.split(/[\s、，,]+/).filter(Boolean) : [];
  const parsed = parseDocNumber(number);
  if (parsed) return { docNumber: formatDocNumber(parsed), signers };
  // Something shaped like a 文号 that does not read as one: 示教科〔二〇一九〕7号, 示教科〔2019〕号.
  if (/^[\p{Script=Han}A-Za-z]{1,12}\s*[〔\[［【(（]\s*[^\]］】)）〕]{0,8}\s*[〕\]］】)）]\s*第?\s*\S{0,6}\s*号$/u.test(number)) return { invalid: number };
  return undefined;
}

/**
 * The 附件说明's titles: 附件：1.甲 2.乙 (the items as lines or run together), or 附件：甲 for a single
 * attachment. Without their numbers and final punctuation.
 */
export function parseAttachmentList(text: string): string[] {
  const rest = tidy(text).replace(/^附\s*件\s*[:：]\s*/, '');
  // Item numbers 1. 2. 3. in order, each at the start or after a space or after the item before
  // (2.2016年度… is item 2, and 1.5倍 inside an item is no number).
  const cuts: number[] = [];
  let next = 1;
  for (const m of rest.matchAll(/(\d{1,2})\s*[.．、]/g)) {
    if (Number(m[1]) !== next) continue;
    const before = rest[m.index - 1];
    if (m.index > 0 && before !== ' ' && next === 1) continue;
    if (m.index > 0 && /\d/.test(before ?? '')) continue;
    cuts.push(m.index);
    next++;
  }
  const items = cuts.length >= 2 || (cuts.length === 1 && cuts[0] === 0) ? cuts.map((at, i) => rest.slice(at, cuts[i + 1])) : [rest];
  return items.map((item) => joinTitle([item.trim().replace(LIST_NUMBER, '')]).replace(/[。；;，,、]$/, '')).filter(Boolean);
}

/** A date written out (2019年3月12日, 二〇一九年三月十二日) as YYYY-MM-DD; throws when it is no real day. */
export function readDate(text: string, what: string): string {
  const iso = parseChineseDate(text);
  if (!iso) throw new ImportError(`${what}“${CHINESE_DATE.exec(text)?.[0] ?? text}”不是真实存在的日期`);
  return iso;
}

// ── Units: blocks cut where an official document's parts begin ──

interface Unit {
  text: string;
  /** The text as extracted, spaces kept (for a site's metadata block). */
  raw?: string;
  /** The source block it came from, whether that block was lines of plain text, and whether a blank line stood before it. */
  block?: number;
  lined?: boolean;
  afterBlank?: boolean;
  startsParagraph?: boolean;
  pageBreakBefore?: boolean;
  align?: 'center' | 'right';
  size?: number;
  /** A table row's cells with their extent (PDF positions, or columns of `pdftotext -layout`). */
  cells?: Array<{ text: string; left: number; right: number }>;
  /** Where the line stands across the page (PDF, OFD). */
  extent?: { left: number; right: number };
  /** A whole table (Word). */
  rows?: string[][];
  /** Plain text: the spaces before its first line (`pdftotext -layout` indents a paragraph's first line, centres a title). */
  indent?: number;
}

/** Starts a new part wherever it stands in a block of lines. */
const STRONG_START = new RegExp(`^(?:${ARTICLE_UNIT.source.slice(1)}|附\\s*件\\s*\\d{0,2}\\s*[:：]?$|附\\s*件\\s*[:：]|抄\\s*送\\s*[:：]|[（(]此件)`);

/** The width most lines of the text are set to: a shorter line ends its paragraph or is a line of its own. */
function fullWidth(blocks: readonly SourceBlock[]): number {
  const widths = blocks.flatMap((block) => (block.lines ?? []).filter((raw) => !/\S {2,}\S/.test(raw.trim())).map((raw) => Math.round(widthOf(normalizeLine(raw)))));
  const widest = widths.reduce((a, b) => Math.max(a, b), 0);
  const counts = new Map<number, number>();
  for (const w of widths) if (w >= widest * 0.75) counts.set(w, (counts.get(w) ?? 0) + 1);
  const [full, count] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [Infinity, 0];
  // Text wrapped at a width (pdftotext, a typed text) has many lines of about that width; text copied
  // off a web page is not wrapped at all — each line is a paragraph, however long — and has none.
  const near = widths.filter((w) => Math.abs(w - full) <= 1).length;
  return count >= 2 && near >= 3 ? full : 0;
}

/** `pdftotext -layout` keeps a table's cells apart by runs of spaces: the cells, by column. */
function layoutCells(raw: string): Unit['cells'] {
  const cells: NonNullable<Unit['cells']> = [];
  const re = /\S+(?: \S+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    // Columns as pdftotext counts them: a Chinese character is one, like a letter.
    cells.push({ text: m[0], left: m.index, right: m.index + m[0].length });
  }
  return cells.length > 1 && /\S {2,}\S/.test(raw.trim()) ? cells : undefined;
}

export function unitsOf(blocks: readonly SourceBlock[]): Unit[] {
  const full = fullWidth(blocks);
  const units: Unit[] = [];
  for (const [b, block] of blocks.entries()) {
    const first = units.length;
    const push = (unit: Unit): number => units.push({ ...unit, block: b, ...(block.lines?.length ? { lined: true } : {}), ...(block.afterBlank && units.length === first ? { afterBlank: true } : {}) });
    const looks = { ...(block.align ? { align: block.align } : {}), ...(block.size ? { size: block.size } : {}) };
    if (block.rows) {
      push({ text: block.text, rows: block.rows, ...(block.pageBreakBefore ? { pageBreakBefore: true } : {}) });
      continue;
    }
    if (!block.lines || block.lines.length < 2) {
      const cells = block.cells ?? (block.lines?.[0] !== undefined ? layoutCells(block.lines[0]) : undefined);
      const indent = block.lines?.[0] !== undefined ? { indent: indentOf(block.lines[0]) } : {};
      push({ text: block.text, ...looks, ...(cells ? { cells } : {}), ...pick(block), ...indent, ...(block.extent ? { extent: block.extent } : {}) });
      continue;
    }
    // Lines of plain text: cut where a part begins, after a line short of the full width, around a table row.
    let current: Unit | undefined;
    let endsHere = false;
    block.lines.forEach((raw, i) => {
      const text = normalizeLine(raw);
      if (!text || isPageNumber(text) || isRule(text)) return;
      const cells = layoutCells(raw);
      const start = !current || !full || endsHere || Boolean(cells) || STRONG_START.test(text) || (HEADING_MARK.test(text) && endsSentence(current.text)) || isDocNumberLine(text) || DATE_ONLY.test(tidy(text));
      if (start) {
        if (current) push(current);
        current = { text, ...(i === 0 ? pick(block) : { startsParagraph: true }), ...(cells ? { cells } : {}), indent: indentOf(raw) };
      } else {
        current!.text = joinBroken(current!.text, text);
      }
      endsHere = Boolean(cells) || widthOf(text) < full - 3 || (endsSentence(text) && widthOf(text) < full - 1) || isDocNumberLine(text) || DATE_ONLY.test(tidy(text));
    });
    if (current) push(current);
  }
  return units;
}

const indentOf = (raw: string) => /^[ \u3000\t]*/.exec(raw)![0].replace(/\u3000|\t/g, '  ').length;

const pick = (block: SourceBlock): Partial<Unit> => ({
  ...(block.startsParagraph ? { startsParagraph: true } : {}),
  ...(block.pageBreakBefore ? { pageBreakBefore: true } : {}),
});

/** A 发文字号 on a line of its own, bare or in brackets: (示政发[2023]5号). */
/** A line that opens with a 文号 (示教发〔2016〕17号《…》, a site's heading): no line of a title. */
const STARTS_WITH_NUMBER = /^[\p{Script=Han}]{1,12}\s*[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*第?\s*\d+\s*号/u;

const isDocNumberLine = (text: string) => {
  const line = tidy(text);
  const read = readDocNumberLine(/^[（(](.+)[)）]$/.exec(line)?.[1] ?? line);
  return read !== undefined && !('invalid' in read);
};

/** A short line that opens a part of the text (一、检查范围, 第二章 遴选与认定): never continued by the next block. */
const isHeadingLine = (text: string) =>
  (HEADING_MARK.test(text) || new RegExp(`^第${NUMERAL}[章节]`).test(text)) && text.length <= 25 && !/[。；：，、]/.test(text.replace(HEADING_MARK, ''));
/** A unit that stands alone: a date, a bracketed note, a 附件 head, a 版记 line. */
const standsAlone = (text: string) => DATE_ONLY.test(text) || NOTE.test(text) || ATTACHMENT_HEAD.test(text) || COPY_TO.test(text) || PRINTED.test(text);

// ── The document ──

/** An organ's name as a 署名 or a title's first line ends: 示例省教育厅, 示例省人民政府办公厅, 共青团示例省委. */
const ORGAN = /(?:厅|局|委|委员会|政府|办公室|办公厅|部|院|会|署|办|处|室|所|中心|学校|大学|学院|党委|团委|省委|市委|县委|集团|公司|银行|协会|联合会|小组|领导小组)$/;
/** A unit that opens with a bracketed 附注 and goes on (a PDF reader joined the 附注 and the line after it). */
const NOTE_THEN_MORE = /^([（(]此\s*件[^）)]{1,20}[)）])\s*(\S.*)$/;

/** A title's lines joined, ending in a 文种, as far as `limit` lines from `from`: the end, or -1. */
function titleEnd(texts: readonly string[], from: number, limit: number): number {
  let joined = '';
  for (let end = from; end < Math.min(texts.length, from + limit); end++) {
    const text = texts[end]!;
    if (end > from && (endsSentence(joined) || ARTICLE_UNIT.test(text) || HEADING_MARK.test(text))) return -1;
    joined = joinTitle([joined, text]);
    if (TITLE_KIND.test(joined)) return end + 1;
  }
  return -1;
}

/** Whether a line can be part of a title: no sentence inside it, not a part of the text. */
const titleLike = (text: string) => text.length <= 100 && !/[。；！？]/.test(text) && !ARTICLE_UNIT.test(text) && !HEADING_MARK.test(text) && !DATE_ONLY.test(text) && !/[：:]$/.test(text);

/**
 * Whether joined title lines make a whole title: brackets closed, and not the tail of one (的通知,
 * 管理办法》的通知): it opens with 关于, with the organs that issue it and 关于, or — a title
 * without 关于 (示例省高等学校科研平台管理办法) — with anything but a word that continues one.
 */
function wholeTitle(title: string): boolean {
  const count = (re: RegExp) => (title.match(re) ?? []).length;
  if (count(/《/g) !== count(/》/g) || count(/[（(]/g) !== count(/[)）]/g)) return false;
  if (/^关于/.test(title)) return true;
  // The documents a notice carries and its 文种 (《甲》《乙》的通知): the tail of 关于印发《甲》《乙》的通知.
  if (/^《[^《》]+》(?:[、和及与]?《[^《》]+》)*(?:等[^《》]{0,4}文件)?的/.test(title)) return false;
  const before = /^(.+?)关于/.exec(title)?.[1];
  const organs = new RegExp(`^(?:[\\p{Script=Han}（）]+?${ORGAN.source.replace(/\$$/, '')})+$`, 'u');
  // 示例省人民政府批转示例省教育厅关于…: whole; 批转示例省教育厅关于… is the rest of a title whose issuing organ stands on the line above.
  const verb = before === undefined ? null : /印发|转发|批转|发布|颁布/.exec(before);
  if (before !== undefined && verb) return organs.test(before.slice(0, verb.index));
  if (before !== undefined) return organs.test(before);
  return !/^[的和与及、》）之等]/.test(title) && [...title].length >= 6;
}

/** Whether `text` is the names of `names` one after another (示例省教育厅示例省财政厅, or with spaces), each at least once. */
function madeOf(text: string, names: ReadonlySet<string>): boolean {
  let rest = text.replace(/\s/g, '');
  const sorted = [...names].filter(Boolean).sort((a, b) => b.length - a.length);
  while (rest) {
    const name = sorted.find((n) => rest.startsWith(n));
    if (!name) return false;
    rest = rest.slice(name.length);
  }
  return text.trim().length > 0;
}

/**
 * 署名 side by side in a table whose cell wrapped a long name (示例省发展和改革委 / 员会): the piece
 * on the line under it, standing under one of the cells, goes back into that cell.
 */
function mergeWrappedCells<T extends Unit>(units: T[]): T[] {
  const out: T[] = [];
  for (const [k, unit] of units.entries()) {
    const above = out.at(-1);
    const text = tidy(unit.text);
    const cell = above?.cells && unit.extent && !unit.cells && text.length <= 6 && /^[\p{Script=Han}]+$/u.test(text) && above.cells.length >= 2 && above.cells.every((c) => isNameLike(tidy(c.text)))
      ? above.cells.find((c) => unit.extent!.left >= c.left - 2 && unit.extent!.right <= c.right + 2)
      : undefined;
    if (above && cell) {
      cell.text = tidy(cell.text) + text;
      above.text = above.cells!.map((c) => tidy(c.text)).join(' ');
      continue;
    }
    // 署名 side by side in a line that wrapped at the margin (示例省财政厅　示例省人力资源和社会 / 保障厅):
    // a piece under it, shorter than any name there (a second row of 署名 holds whole names), that ends as an organ's does.
    const names = above && !above.rows && !unit.cells && /^[\p{Script=Han}]+$/u.test(text) && ORGAN.test(text) ? tidy(above.text).split(/\s+/) : [];
    const dateNext = units[k + 1] !== undefined && DATE_ONLY.test(tidy(units[k + 1]!.text));
    if (above && dateNext && names.length >= 2 && names.every((name) => isNameLike(name) && name.length > text.length) && names.slice(0, -1).every((name) => ORGAN.test(name))) {
      above.text = `${tidy(above.text)}${text}`;
      if (above.cells) above.cells.at(-1)!.text = tidy(above.cells.at(-1)!.text) + text;
      continue;
    }
    out.push(unit);
  }
  return out;
}

/**
 * Organs' names run together (示例省财政厅示例省人力资源和社会保障厅), cut where the region that
 * `known` (an organ of the same document) is of begins again after an organ's name ends.
 */
export function splitOrgans(text: string, known: string): string[] {
  const region = /^(?:中共)?(.+?(?:自治区|省|市|县))/.exec(known)?.[1];
  if (!region) return [text];
  const names: string[] = [];
  let from = 0;
  for (let at = text.indexOf(region, 1); at > 0; at = text.indexOf(region, at + 1)) {
    if (!ORGAN.test(text.slice(from, at))) continue;
    names.push(text.slice(from, at));
    from = at;
  }
  return [...names, text.slice(from)];
}

/** A site's link to download an attachment: 1.申报书.pdf, 附件2：汇总表.xlsx. */
const DOWNLOAD = /^(?:(?:附\s*件|相\s*关\s*附\s*件)\s*(?:下\s*载)?\s*\d{0,2}\s*[:：]?\s*)?(?:\d{1,2}\s*[.．、]\s*)?(.+?)\.(?:pdf|docx?|xlsx?|wps|et|ofd|zip|rar|7z|jpe?g|png|txt)$/i;

/** The titles of a list of download links, when every line is one. */
const downloadTitles = (texts: readonly string[]) => {
  // Under a head of their own (附件下载：, 相关附件：) or not.
  const links = texts.length > 1 && /^(?:相\s*关\s*)?附\s*件\s*(?:下\s*载)?\s*[:：]?$/.test(texts[0]!) ? texts.slice(1) : texts;
  return links.length && links.every((t) => DOWNLOAD.test(t)) ? links.map((t) => joinTitle([DOWNLOAD.exec(t)![1]!])) : undefined;
};

/**
 * The 版记's last line set as a table's two cells, each wrapped (中共示例省委…办公 | 二〇一一年…日印 /
 * 室 | 发): the pieces under it go back to their cells — the name's end to the 印发机关, 发 to the date.
 */
export function joinWrappedPrinted<T extends { text: string; cells?: unknown }>(units: T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < units.length; i++) {
    const text = tidy(units[i]!.text);
    const head = new RegExp(`^(.*?)\\s*(${CHINESE_DATE.source})\\s*(印?)$`).exec(text);
    const tail = units[i + 1] ? /^([\p{Script=Han}]{0,6})\s*(印?\s*发)$/u.exec(tidy(units[i + 1]!.text)) : null;
    if (head && tail && !PRINTED.test(text) && `${head.at(-1)}${tail[2]!.replace(/\s/g, '')}` === '印发' && (head[1] || tail[1])) {
      const { cells: _cells, ...line } = units[i]!;
      out.push({ ...line, text: `${head[1]}${tail[1]}　${head[2]}印发` } as T);
      i++;
      continue;
    }
    out.push(units[i]!);
  }
  return out;
}

/** Units the readers could not cut where an official document's parts meet: （此件主动公开）示例办法, 示例省教育厅 2021年6月8日. */
function splitJoinedParts(units: Unit[]): Unit[] {
  return units.flatMap((unit) => {
    if (unit.rows) return [unit];
    const text = tidy(unit.text);
    // The 版记's last line with what follows it run on: …二〇一六年12月19日印发附件：
    const printedThen = /^(.*印\s*发)\s*(附\s*件.*)$/.exec(text);
    if (printedThen && PRINTED.test(printedThen[1]!)) {
      const { cells: _cells, ...line } = unit;
      return [{ ...line, text: printedThen[1]! }, { text: printedThen[2]!, startsParagraph: true }];
    }
    if (unit.cells) return [unit];
    // The 文号 in brackets under the title run onto the 主送's line: （示教工委〔2008〕76号）各市委教育工委…：
    const numbered = /^([（(][^（()）]*[〔\[［【]\s*\d{4}\s*[〕\]］】][^（()）]*号[)）])\s*(\S.*)$/.exec(text);
    if (numbered) return [{ ...unit, text: numbered[1]! }, { text: numbered[2]!, startsParagraph: true }];
    const note = NOTE_THEN_MORE.exec(text);
    if (note) return [{ ...unit, text: note[1]! }, { text: note[2]!, startsParagraph: true }];
    // A date with the 附注 run onto its line: 二○二五年六月八日（此件依申请公开）.
    const noted = new RegExp(`^(${CHINESE_DATE.source})\\s*([（(][^（()）]+[)）].*)$`).exec(text);
    if (noted) return [{ ...unit, text: noted[1]! }, { text: noted[noted.length - 1]!, startsParagraph: true }];
    const dated = new RegExp(`^(\\S.*?)\\s+(${CHINESE_DATE.source})$`).exec(text);
    if (dated && isNameLike(dated[1]!) && dated[1]!.split(/\s+/).every((name) => ORGAN.test(name))) return [{ ...unit, text: dated[1]! }, { text: dated[2]!, startsParagraph: true, ...(unit.align ? { align: unit.align } : {}) }];
    return [unit];
  });
}

/** 附注 pieces: each bracketed remark in a unit ((此件主动公开)(联系人：…) on one line), or the unit when it holds none. */
const notePieces = (text: string) => text.match(/[（(][^（()）]*(?:[（(][^（()）]*[)）][^（()）]*)*[)）]/g) ?? [];

export function parseOfficial(blocks: readonly SourceBlock[]): ParsedOfficial {
  const undecided: string[] = [];
  const joins: string[] = [];
  let halfWidth = 0;
  const read = splitJoinedParts(
    joinWrappedPrinted(joinWrappedValues(unitsOf(blocks)))
      .map((u) => {
        const full = fullWidthPunctuation(removeSpreadSpacing(normalizeLine(u.text)));
        halfWidth += full.changed;
        // As extracted, for a site's metadata block: its labels may be spread (索 引 号) and set apart by spaces only.
        return { ...u, text: full.text, raw: normalizeLine(u.text) };
      })
      .filter((u) => u.text && !isPageNumber(u.text) && !isRule(u.text)),
  );

  // A site's page around the text: its metadata block (read into fields) and its furniture (dropped, listed).
  const readTexts = read.map((u) => (u.rows ? '' : tidy(u.text)));
  const rawTexts = read.map((u) => (u.rows ? '' : (u.raw ?? u.text)));
  const top = readMetadata(rawTexts, rawTexts.findIndex(Boolean), 1, undecided);
  const bottom = readMetadata(rawTexts, rawTexts.findLastIndex(Boolean), -1, undecided);
  const metadata: PageMetadata = { ...bottom.metadata, ...top.metadata };
  const leftOut = new Set([...top.taken, ...bottom.taken]);
  const furniture: string[] = [];
  // The site's footer ends the page: what follows it (a note about the site, the browser's last footer) is the site's.
  const lastDate = readTexts.findLastIndex((text) => DATE_ONLY.test(text) || new RegExp(`^${CHINESE_DATE.source}`).test(text));
  const footerAt = readTexts.findIndex((text, i) => i > lastDate && lastDate >= 0 && isSiteFooter(text));
  readTexts.forEach((text, i) => {
    if (text && !leftOut.has(i) && (isPageFurniture(text) || (footerAt >= 0 && i >= footerAt))) {
      leftOut.add(i);
      furniture.push(text);
    }
  });
  const units = read.map((u, i) => ({ ...u, at: i })).filter((u) => !leftOut.has(u.at));
  /** Whether two units stood next to each other (nothing dropped between them; in plain text, no blank line between them). */
  const adjacent = (i: number, j: number) => units[j]!.at - units[i]!.at === 1 && (units[i]!.block === units[j]!.block || !units[j]!.afterBlank);
  const hasMetadata = top.taken.length + bottom.taken.length > 0;
  if (furniture.length) undecided.push(`已去除网页附加的文字（不属于公文）：${furniture.map((t) => `“${t}”`).join('、')}`);
  if (halfWidth) undecided.push(`已将 ${halfWidth} 处半角标点（, : ; ( ) 等）改为全角，请核对`);

  const texts = () => units.map((u) => tidy(u.text));
  let at = 0;
  const result: Omit<ParsedOfficial, 'title' | 'main' | 'attachments'> = { signers: [], coIssuers: [], notes: [], undecided, joins };

  // 版头: 份号, 密级★期限, 紧急程度 (in any order, one or two to a line), then the 发文机关标志 up to the 文号.
  for (; at < units.length && at < 4; at++) {
    const words = tidy(units[at]!.text).split(/\s+/);
    const read = words.map((word) => {
      if (COPY_NUMBER.test(word) && !result.copyNumber) return (result.copyNumber = word), true;
      const secrecy = SECRECY.exec(word);
      if (secrecy) {
        result.secrecy = secrecy[1] as NonNullable<ParsedOfficial['secrecy']>;
        if (secrecy[2]) result.secrecyPeriod = secrecy[2];
        return true;
      }
      const urgency = URGENCY.exec(word);
      if (urgency) return (result.urgency = urgency[1] as NonNullable<ParsedOfficial['urgency']>), true;
      return false;
    });
    if (!read.every(Boolean)) break;
  }
  const headStart = at;
  const all = texts();
  const HEAD = 16;
  const isNumberLine = (i: number) => isDocNumberLine(all[i]!);
  // Where the text begins: the 主送 (a line that ends in ：), or the first line that reads as text.
  let recipientsAt = -1;
  let headEnd = Math.min(units.length, headStart + HEAD);
  for (let i = headStart; i < headEnd; i++) {
    const text = all[i]!;
    if (i > headStart && /[：:]$/.test(text) && !HEADING_MARK.test(text) && !ARTICLE_UNIT.test(text) && text.length <= 80 && !/[。；]/.test(text)) {
      recipientsAt = i;
      headEnd = i;
      break;
    }
    // (A long line without a sentence's punctuation is a long title, or a site's heading that repeats it.)
    if (!isNumberLine(i) && (/[。！？；…]$/.test(text) || ARTICLE_UNIT.test(text) || HEADING_MARK.test(text) || (text.length > 60 && /[，。；]/.test(text)))) {
      headEnd = i;
      break;
    }
  }
  // The 署名's names (the lines above the first date on a line of its own), by which a title's organ lines are told from a site's logo.
  const firstDate = all.findIndex((text, i) => i >= headEnd && DATE_ONLY.test(text));
  const signerNames = new Set<string>([...(metadata.issuer ? metadata.issuer.split(/[\s、，,]+/) : [])]);
  for (let i = firstDate - 1; firstDate > 0 && i >= Math.max(headEnd, firstDate - 5) && isNameLike(all[i]!); i--) for (const name of all[i]!.split(/\s+/)) signerNames.add(name);
  const sizeOf = (i: number) => units[i]!.size;
  const isMark = (i: number) => (units[i]!.size ?? 1) >= 1.6 || /文\s*件$/.test(all[i]!);
  const sameSize = (i: number, j: number) => sizeOf(i) === undefined || sizeOf(j) === undefined || Math.abs(sizeOf(i)! - sizeOf(j)!) < 0.1;

  // The title: where the metadata block's 标题 stands, else the lines nearest the text that make a whole title ending in a 文种.
  let titleFrom = -1;
  let titleTo = -1;
  if (metadata.title) {
    const key = compactKey(metadata.title).replace(/《|》/g, '');
    // The last place it stands: a site may print it above the text too (its heading, its metadata values).
    for (let from = headEnd - 1; from >= headStart && titleFrom < 0; from--) {
      let joined = '';
      for (let to = from; to < headEnd && to < from + 5; to++) {
        joined += compactKey(all[to]!).replace(/《|》/g, '');
        if (joined === key) [titleFrom, titleTo] = [from, to + 1];
        if (!key.startsWith(joined)) break;
      }
    }
  }
  // The one nearest the text: above it a site may print the title again (its heading, its metadata values).
  for (let end = headEnd - 1; titleFrom < 0 && end >= headStart; end--) {
    // (The line may hold only the end of the 文种 a wrap cut: …的通 / 知.)
    if (!titleLike(all[end]!) || isNumberLine(end) || !TITLE_KIND.test(end > headStart && adjacent(end - 1, end) && titleLike(all[end - 1]!) ? joinTitle([all[end - 1]!, all[end]!]) : all[end]!)) continue;
    // Up from the line that ends in a 文种: over the lines a wrap cut from it (示例省教育厅关于开展 /
    // 高等学校…的通知), and over the organs of a joint title above 关于… when they sign it — never over
    // a site's logo or heading (not beside it in the text, or an organ that does not sign).
    let from = end;
    for (;;) {
      const prev = from - 1;
      if (prev < headStart || !adjacent(prev, from) || !titleLike(all[prev]!) || isNumberLine(prev) || isMark(prev) || units[prev]!.rows !== undefined || STARTS_WITH_NUMBER.test(all[prev]!) || !sameSize(prev, end) || end - prev > 4) break;
      const joined = joinTitle(all.slice(from, end + 1));
      // A line above that ends a title of its own is not this one's — unless this one is not whole yet (…管理办法 / （试行）》的通知).
      if (TITLE_KIND.test(all[prev]!) && wholeTitle(joined)) break;
      // A line that is a title in 《》 (a site's heading) is not a line of this one once it is whole.
      if (/^《.*》$/.test(all[prev]!) && wholeTitle(joined)) break;
      // Where the file gives sizes, a line set like the title's lines is one of them (the mark is larger).
      if (sizeOf(prev) !== undefined && sizeOf(end) !== undefined && Math.abs(sizeOf(prev)! - sizeOf(end)!) < 0.05) {
        from = prev;
        continue;
      }
      const organs = all[prev]!.split(/\s+/);
      if (organs.every((w) => ORGAN.test(w)) && !/关于|印发|转发|批转|联合/.test(all[prev]!)) {
        // With no 署名 to go by (a site that prints the date alone), the organs stacked right above 关于… are the title's.
        // (An organ's name a wrap cut: 示例省发展和改革 / 委员会 示例省财政厅 — the line above ends in no organ.)
        const cut = prev - 1 >= headStart && adjacent(prev - 1, prev) && !ORGAN.test(all[prev - 1]!) && titleLike(all[prev - 1]!) && madeOf(all[prev - 1]! + all[prev]!, signerNames);
        const organLine = (k: number) => all[k]!.split(/\s+/).every((w) => ORGAN.test(w));
        // The organ lines stacked above, up to the first a 署名 or the metadata block names — or opens with
        // (a site's block often names the first organ alone: 示例省教育厅 over 示例省教育厅示例省财政厅…).
        const opensNamed = (k: number) => madeOf(all[k]!, signerNames) || [...signerNames].some((name) => name && all[k]!.replace(/\s/g, '').startsWith(name));
        let top = prev;
        while (top - 1 >= headStart && adjacent(top - 1, top) && organLine(top - 1) && !opensNamed(top)) top--;
        const named = signerNames.size === 0 || opensNamed(top);
        const together = units[from]!.lined ? !units[from]!.afterBlank || units[prev]!.block === units[from]!.block : units[from]!.align === 'center' && units[prev]!.align === 'center';
        const signing = madeOf(all[prev]!, signerNames) || cut || (named && (/^关于/.test(all[from]!) || organLine(from)) && together);
        if (!signing && wholeTitle(joined)) break;
        // (Signing organs the title does not name yet go on it: 示例省教育厅　示例省科学技术厅 / 示例省财政厅关于推进….)
        const adds = signing && organs.every((w) => !compactKey(joined).includes(compactKey(w)));
        if (wholeTitle(joined) && !/^关于/.test(joined) && !(signing && (organLine(from) || adds))) break;
      } else if (wholeTitle(joined) && ORGAN.test(all[prev]!) && !/关于|印发|转发|批转|联合/.test(all[prev]!)) break;
      from = prev;
    }
    if (!wholeTitle(joinTitle(all.slice(from, end + 1)))) continue;
    [titleFrom, titleTo] = [from, end + 1];
  }
  // A title that ends in no 文种 known: the lines between the 文号 and the 主送.
  if (titleFrom < 0 && recipientsAt > headStart) {
    const numberBefore = [...Array(recipientsAt - headStart).keys()].map((k) => headStart + k).filter(isNumberLine).at(-1);
    const from = numberBefore !== undefined ? numberBefore + 1 : headStart;
    if (from < recipientsAt && all.slice(from, recipientsAt).every(titleLike)) [titleFrom, titleTo] = [from, recipientsAt];
  }

  // The 发文字号: under the title (as sites print it, perhaps in brackets), else the nearest above it (under the mark).
  let numberAt = -1;
  if (titleFrom >= 0 && titleTo < units.length && isNumberLine(titleTo)) numberAt = titleTo;
  else if (titleFrom >= 0) {
    for (let i = titleFrom - 1; i >= headStart && numberAt < 0; i--) if (isNumberLine(i)) numberAt = i;
  } else {
    for (let i = headStart; i < headEnd && numberAt < 0; i++) if (isNumberLine(i)) numberAt = i;
  }
  // A line shaped like a 文号 that does not read as one, where the 文号 stands: refused with what it says.
  for (let i = headStart; i < Math.min(units.length, (titleTo >= 0 ? titleTo : headEnd) + 1); i++) {
    const text = all[i]!;
    const line = readDocNumberLine(text);
    if (line && 'invalid' in line && numberAt < 0) throw new ImportError(`无法读出发文字号：“${line.invalid}”，应为“机关代字〔年份〕序号号”（如 晋教科〔2019〕7号）`);
  }
  let afterNumber = numberAt + 1;
  if (numberAt >= 0) {
    const line = readDocNumberLine(/^[（(](.+)[)）]$/.exec(all[numberAt]!)?.[1] ?? all[numberAt]!) as { docNumber: string; signers: string[] };
    result.docNumber = line.docNumber;
    result.signers = line.signers;
    // More 签发人 names, one a line under the first.
    while (result.signers.length && afterNumber < units.length && /^[\p{Script=Han}]{2,4}$/u.test(all[afterNumber]!) && !units[afterNumber]!.startsParagraph) {
      result.signers.push(all[afterNumber]!);
      afterNumber++;
    }
  }

  let title: string;
  if (titleFrom >= 0) {
    title = joinTitle(all.slice(titleFrom, titleTo));
    if (metadata.title && compactKey(metadata.title).replace(/《|》/g, '') !== compactKey(title).replace(/《|》/g, '')) {
      undecided.push(`网页信息栏的标题“${metadata.title}”与正文上方的标题“${title}”不同，取了正文上方的，请核对`);
    }
  } else if (metadata.title) {
    // The text has no title line of its own (a page that prints the title only in its metadata).
    title = joinTitle([metadata.title]);
    titleFrom = titleTo = Math.max(headStart, numberAt + 1);
    undecided.push(`正文上方没有找到标题，标题取自网页信息栏：“${title}”`);
  } else {
    throw new NotOfficialError('不是公文，也不是《工作要讯》：未找到发文字号、以文种（通知、意见、办法……）结尾的标题或主送机关');
  }
  // Above the title: the 发文机关标志 when a 文号 stands under it (GB/T 9704); anything else there
  // is a site's page around the text (its logo, a heading repeating the title, metadata values).
  const above = [...Array(Math.max(0, titleFrom - headStart)).keys()].map((k) => headStart + k).filter((i) => i !== numberAt && !(i > numberAt && i < afterNumber && numberAt >= 0));
  // A mark is the organs' names (and 文件): not a line that opens with a 文号 or quotes a title (a site's heading).
  const markLike = (i: number) => !STARTS_WITH_NUMBER.test(all[i]!) && !/[《》]/.test(all[i]!) && !isNumberLine(i);
  // With no 文号 above the title, the mark is the block of organ lines right above it, one of them 文件 or set large.
  const markBlock: number[] = [];
  for (let i = titleFrom - 1; i >= headStart && !leftOut.size && !hasMetadata; i--) {
    if (i === numberAt || !adjacent(i, i + 1) || !(isMark(i) || all[i]!.split(/\s+/).every((w) => ORGAN.test(w) || w === '文件'))) break;
    markBlock.unshift(i);
  }
  // Above a 文号 that stands above the title: the organ lines right above it (a site's values above it are not).
  // (Only where the 文号 heads the title, as GB/T 9704 sets it: a 文号 with dates and other values
  // between it and the title is a site's metadata block printed without its labels, and an organ
  // above it is that block's value, not a mark; nor is a line a dropped block parts from the 文号.)
  const overNumber: number[] = [];
  const numberHeadsTitle = numberAt >= 0 && afterNumber === titleFrom;
  for (let i = numberAt - 1; numberHeadsTitle && i >= headStart && adjacent(i, i + 1); i--) {
    // (A large mark may wrap anywhere: 中共示例省委教育工作委员会文 / 件.)
    if (!markLike(i) || !/^[\p{Script=Han}\s]+$/u.test(all[i]!) || (!isMark(i) && !all[i]!.split(/\s+/).every((w) => ORGAN.test(w) || /文\s*件$/.test(w)))) break;
    overNumber.unshift(i);
  }
  // (Or set larger than the title, where the file gives sizes: a mark without 文件 in a LibreOffice Word file.)
  const largerThanTitle = (i: number) => sizeOf(i) !== undefined && sizeOf(titleFrom) !== undefined && sizeOf(i)! > sizeOf(titleFrom)! * 1.2;
  const markLines = numberAt >= 0 && numberAt < titleFrom ? overNumber : (markBlock.some((i) => isMark(i) || largerThanTitle(i)) ? markBlock : []).filter(markLike);
  // A joint mark prints 文件 once, beside the stacked organs: wherever extraction put it, it ends the mark.
  if (markLines.length) result.issuerMark = joinTitle(markLines.map((i) => all[i]!)).replace(/^(.+?)文件(.+)$/, (whole, a: string, b: string) => (ORGAN.test(a) && !/文件$/.test(b) ? `${a}${b}文件` : whole));
  const siteLines = above.filter((i) => !markLines.includes(i));
  if (siteLines.length) undecided.push(`标题上方的以下文字不是公文的一部分（网页的标志、栏目或重复的标题），未导入：${siteLines.map((i) => `“${all[i]}”`).join('、')}`);

  let bodyStart = Math.max(titleTo, afterNumber);
  if (recipientsAt >= bodyStart) {
    // A 主送 that wrapped: the lines before its ： that end in a 、 or ，.
    let first = recipientsAt;
    while (first - 1 >= bodyStart && /[、，,]$/.test(all[first - 1]!)) first--;
    if (first === bodyStart) {
      result.recipients = joinTitle([all.slice(first, recipientsAt + 1).join('')]).replace(/[：:]$/, '');
      bodyStart = recipientsAt + 1;
    }
  }
  if (!result.recipients) undecided.push('未找到主送机关（标题之后以“：”结尾的一行）');

  // A site's heading above the title that opens with the 文号 (示教发[2018]72号《…》), when the text prints none.
  if (!result.docNumber && !metadata.docNumber) {
    const heading = above.map((i) => STARTS_WITH_NUMBER.exec(all[i]!)?.[0]).find(Boolean);
    const number = heading ? readDocNumberLine(heading) : undefined;
    if (number && !('invalid' in number)) {
      result.docNumber = number.docNumber;
      undecided.push(`发文字号取自网页标题栏：${number.docNumber}`);
    }
  }
  // What the metadata block says and the text does not.
  if (!result.docNumber && metadata.docNumber) {
    result.docNumber = metadata.docNumber;
    undecided.push(`发文字号取自网页信息栏：${metadata.docNumber}`);
  } else if (result.docNumber && metadata.docNumber && metadata.docNumber !== result.docNumber) {
    undecided.push(`网页信息栏的发文字号 ${metadata.docNumber} 与正文的 ${result.docNumber} 不同，取了正文的，请核对`);
  }
  if (metadata.indexNumber) result.indexNumber = metadata.indexNumber;
  if (metadata.subject) result.subject = metadata.subject;
  if (metadata.publishedDate) result.publishedDate = metadata.publishedDate;
  // Dates the text itself may state better (自2019年4月1日起施行): build-policy.ts prefers the text's.
  if (metadata.effectiveDate) result.effectiveDate = metadata.effectiveDate;
  if (metadata.expiryDate) result.expiryDate = metadata.expiryDate;
  if (metadata.repealedDate) result.repealedDate = metadata.repealedDate;

  // The 版记: 抄送：…。 (perhaps wrapped) and 印发机关 … 印发, wherever the reading order put them after the title.
  const taken = new Set<number>();
  for (let i = bodyStart; i < units.length; i++) {
    const unit = units[i]!;
    const text = tidy(unit.rows ? unit.rows.map((r) => r.join(' ')).join('\n') : unit.text);
    for (const line of unit.rows ? unit.rows.map((r) => tidy(r.filter(Boolean).join(' '))) : [text]) {
      const copyTo = COPY_TO.exec(line);
      if (copyTo) {
        let value = copyTo[1]!;
        taken.add(i);
        // Wrapped: the lines after it up to the one that ends in 。
        while (!unit.rows && !/。$/.test(value) && i + 1 < units.length && !PRINTED.test(tidy(units[i + 1]!.text)) && !endsSentence(value)) {
          value = joinBroken(value, tidy(units[++i]!.text));
          taken.add(i);
        }
        result.copyTo = value.replace(/[。.]$/, '');
        continue;
      }
      const printed = PRINTED.exec(line) ?? (DATE_ONLY.test(line.replace(/\s*印\s*发$/, '')) && /印\s*发$/.test(line) ? ['', '', line.replace(/\s*印\s*发$/, '')] : null);
      if (printed) {
        taken.add(i);
        result.printedDate = readDate(printed[2]!, '印发日期');
        let by = tidy(printed[1] ?? '');
        // The 印发机关 on a line of its own before the date (text extraction splits the line).
        if (!by && !unit.rows && i - 1 >= bodyStart && !taken.has(i - 1) && isNameLike(tidy(units[i - 1]!.text))) {
          by = tidy(units[i - 1]!.text);
          taken.add(i - 1);
        }
        if (by) result.printedBy = by;
        else undecided.push('版记中未找到印发机关');
      }
    }
  }
  const rest = mergeWrappedCells(units.map((u, i) => ({ ...u, index: i })).filter((u) => u.index >= bodyStart && !taken.has(u.index)));
  const restText = (i: number) => tidy(rest[i]!.text);

  // The 成文日期: a date on a line of its own (the first after the body; an 附件 or a carried document may hold more).
  const dateAt = rest.findIndex((u) => !u.rows && DATE_ONLY.test(tidy(u.text)));
  // 附件1 alone on a line, or 附件1：its title on one line (as a site page and many Word files set it).
  const inlineHead = (text: string) => {
    const m = /^附\s*件\s*(\d{1,2})?\s*[:：]\s*(\S.*)$/.exec(text);
    return m && titleLike(m[2]!) && !/^\d{1,2}\s*[.．、]/.test(m[2]!) ? { number: m[1], title: m[2]! } : undefined;
  };
  const attachmentHeads = rest.map((_, i) => (i > dateAt && dateAt >= 0 && (ATTACHMENT_HEAD.test(restText(i)) || inlineHead(restText(i))) ? i : -1)).filter((i) => i >= 0);
  const closingEnd = attachmentHeads[0] ?? rest.length;

  // The 主体's end: the 附件说明, the 署名, the 成文日期 and the 附注, in whatever order extraction gave them.
  let bodyEnd = dateAt >= 0 ? dateAt : closingEnd;
  const listAt = rest.findIndex((_, i) => i < bodyEnd && ATTACHMENT_LIST.test(restText(i)));
  const listed: string[] = [];
  if (dateAt >= 0) {
    result.writtenDate = readDate(restText(dateAt), '成文日期');
    if (metadata.writtenDate && metadata.writtenDate !== result.writtenDate) undecided.push(`网页信息栏的成文日期 ${metadata.writtenDate} 与落款的 ${result.writtenDate} 不同，取了落款的，请核对`);
  } else if (metadata.writtenDate) {
    result.writtenDate = metadata.writtenDate;
    undecided.push(`落款中没有成文日期，取自网页信息栏：${metadata.writtenDate}`);
  } else {
    undecided.push('未找到成文日期（署名下一行的“2019年3月12日”）');
  }
  // Walk back from the date: the 署名 lines (one organ a line, or side by side), and any 附注 extraction put before them.
  const issuers: string[] = [];
  const closingUnits: number[] = [];
  if (dateAt >= 0) {
    let i = dateAt - 1;
    const floor = listAt >= 0 ? listAt + 1 : 0;
    while (i >= floor) {
      const text = restText(i);
      const named = issuers.length;
      if (NOTE.test(text) && /此件|联系|电话|合成|备注|注[：:]/.test(text)) {
        closingUnits.unshift(i);
      } else if (isNameLike(text) && (named === 0 || rest[i]!.align === 'right' || (text.length <= 30 && text.split(/\s+/).every((name) => ORGAN.test(name))))) {
        closingUnits.unshift(i);
        issuers.unshift(text);
      } else break;
      i--;
    }
    bodyEnd = closingUnits[0] ?? dateAt;
    if (!issuers.length) undecided.push('未找到发文机关署名（成文日期上方的机关名称）');
  }
  if (listAt >= 0) {
    // The 附件说明 and its further items, up to the 署名.
    const items = [restText(listAt)];
    for (let i = listAt + 1; i < bodyEnd; i++) items.push(restText(i));
    listed.push(...parseAttachmentList(items.join(' ')));
    bodyEnd = listAt;
  }
  const names = issuers.flatMap((name) => name.split(/\s+/)).filter(Boolean);
  if (names[0]) result.issuer = names[0];
  else {
    // No 署名 (a site that prints the date alone): the organs the title names before 关于 — its own
    // lines when it stacks them — or those the site's metadata block names (often the first alone).
    // (A 批转 / 转发 / 印发 notice is the organs' before the verb: 示例省人民政府办公厅批转示例省教育厅关于….)
    const stacked = all.slice(titleFrom, titleTo).join(' ').split(/关于|印发|转发|批转/)[0]!.trim().split(/\s+/).filter((w) => ORGAN.test(w));
    const named = /^(.+?)(?:关于|印发|转发|批转)/.exec(title)?.[1];
    // (Organs the title runs together, or a wrap cut — 中共示例省委教育工作委员会 示例省教 / 育厅关于 — are cut where their region begins again.)
    const fromTitle = (stacked.length && named === stacked.join('') ? stacked : named && ORGAN.test(named) && !/印发|转发|批转/.test(named) ? [named] : []).flatMap((organ) => splitOrgans(organ, organ));
    // A joint document's organs in the metadata, one after another (示例省教育厅 示例省财政厅, or 、 between them).
    const fromMetadata = metadata.issuer ? metadata.issuer.split(/[\s、，,；;]+/).filter(Boolean) : [];
    // The metadata often names the first organ alone: the title's prefix after it names the others (…委员会示例省教育厅关于).
    const lead = fromMetadata.join('');
    const others = named && lead && named.startsWith(lead) && named.length > lead.length && ORGAN.test(named) ? named.slice(lead.length) : '';
    const organs = fromTitle.length > fromMetadata.length ? fromTitle : others ? [...fromMetadata, ...splitOrgans(others, lead)] : fromMetadata.length ? fromMetadata : fromTitle;
    if (organs.length) {
      result.issuer = organs[0]!;
      result.coIssuers = organs.slice(1);
      undecided.push(`落款没有发文机关署名，发文机关取自${organs === fromMetadata ? '网页信息栏' : '标题'}：${organs.join('、')}`);
    }
  }
  if (names.length) result.coIssuers = names.slice(1);

  // 附注: bracketed remarks after the date (and any the reading order put before the 署名), one or
  // more to a line, a remark that wrapped joined again; the 公开方式 wherever it stands in them.
  let next = dateAt >= 0 ? dateAt + 1 : closingEnd;
  const noteTexts = closingUnits.map((i) => restText(i)).filter((t) => NOTE.test(t));
  while (dateAt >= 0 && next < closingEnd) {
    let text = restText(next);
    if (!/^[（(]/.test(text) && !/^此\s*件/.test(text)) break;
    // A remark cut by a line break: the lines up to its closing bracket.
    while (/^[（(]/.test(text) && (text.match(/[（(]/g) ?? []).length > (text.match(/[)）]/g) ?? []).length && next + 1 < closingEnd && restText(next + 1).length < 60) text = joinBroken(text, restText(++next));
    noteTexts.push(text);
    next++;
  }
  for (const text of noteTexts) {
    const pieces = /^此\s*件/.test(text) ? [`（${text}）`] : notePieces(text);
    if (!pieces.length) pieces.push(text);
    for (const piece of pieces) {
      const inner = piece.replace(/^[（(]\s*|\s*[)）]$/g, '');
      const stated = new RegExp(`此\\s*件\\s*(${DISCLOSURES.join('|')})`).exec(inner);
      if (stated) {
        result.disclosure = stated[1] as Disclosure;
        const remainder = inner.replace(stated[0], '').replace(/^[，,；;。\s]+|[，,；;。\s]+$/g, '');
        if (remainder) result.notes.push(remainder);
      } else if (/^此\s*件/.test(inner)) {
        undecided.push(`附注“${piece}”不是 ${DISCLOSURES.map((d) => `此件${d}`).join('、')} 之一，已作为附注导入`);
        result.notes.push(inner);
      } else result.notes.push(inner);
    }
  }
  if (!result.disclosure && metadata.disclosure) {
    const stated = DISCLOSURES.find((d) => metadata.disclosure!.replace(/\s/g, '') === d);
    if (stated) {
      result.disclosure = stated;
      undecided.push(`附注中没有公开方式，取自网页信息栏：${stated}`);
    }
  }

  // Text whose paragraphs open with an indent (pdftotext -layout): a line at the margin continues the paragraph above.
  const withIndent = units.filter((u) => u.indent !== undefined);
  const indented = withIndent.length > 0 && withIndent.filter((u) => u.indent! >= 2 && u.indent! <= 4).length >= withIndent.length / 3;
  const blocksOf = (part: readonly Unit[], where: string) => blocksOfUnits(part, { joins, undecided, where, indented });
  const main = blocksOf(rest.slice(0, bodyEnd), '正文');
  if (!main.length) undecided.push('未找到正文');

  // What follows the 附注 before any 附件N: the document an 印发 / 转发 notice carries, under its own
  // title with no 附件 label (as sites and many offices print it), or text kept where it stood.
  const attachments: OfficialAttachment[] = listed.map((t, i) => ({ number: i + 1, title: t, blocks: null }));
  let carried: OfficialAttachment | undefined;
  // A site lists a notice's attachments as links to download after the 落款 (附件： 1.申报书.pdf …): their titles, not their text.
  const linked = (texts: readonly string[]) => {
    const titles = downloadTitles(texts);
    if (!titles) return false;
    for (const t of titles) if (!attachments.some((a) => compactKey(a.title) === compactKey(t))) attachments.push({ number: attachments.length + 1, title: t, blocks: null });
    undecided.push(`网页上附件的下载链接（附件正文不在文件中，只导入了标题）：${texts.map((t) => `“${t}”`).join('、')}`);
    return true;
  };
  if (next < closingEnd && linked(rest.slice(next, closingEnd).map((u) => tidy(u.text)))) next = closingEnd;
  if (next < closingEnd) {
    const part = rest.slice(next, closingEnd);
    const partText = part.map((u) => tidy(u.text));
    // The documents the notice carries (印发《甲》《乙》的通知) and those its 附件说明 lists, in the order they stand.
    // (…《甲》等两个文件的通知 names one: the notice's own text names the rest, 现将《甲》《乙》印发给你们.)
    const quoted = (text: string) => [...text.matchAll(/《([^》]+)》/g)].map((m) => m[1]!).filter((name) => TITLE_KIND.test(name));
    const named = /印发|转发|批转|发布|颁布|公布/.test(title) ? [...quoted(title), ...main.flatMap((b) => (b.type === 'paragraph' ? quoted(b.text) : []))] : [];
    const wanted = [...new Set([...named, ...listed])];
    const found: Array<{ at: number; lines: number; title: string }> = [];
    for (let at = 0; at < part.length; at++) {
      for (const name of wanted) {
        if (found.some((f) => f.title === name)) continue;
        const key = compactKey(name);
        let joined = '';
        for (let n = at; n < Math.min(at + 4, part.length); n++) {
          joined += compactKey(partText[n]!).replace(/^《(.*)》$/, '$1');
          if (joined === key) {
            found.push({ at, lines: n - at + 1, title: name });
            break;
          }
          if (!key.startsWith(joined)) break;
        }
        if (found.at(-1)?.at === at) {
          at += found.at(-1)!.lines - 1;
          break;
        }
      }
    }
    // None named: a title line of its own at the head of what follows (centred or larger, or ending in a 文种).
    if (!found.length) {
      const end = titleEnd(partText, 0, 3);
      if (end > 0 && partText.slice(0, end).every(titleLike)) found.push({ at: 0, lines: end, title: joinTitle(partText.slice(0, end)) });
      else if (titleLike(partText[0]!) && (part[0]!.align === 'center' || (part[0]!.size ?? 1) > 1.1) && partText.length > 1) found.push({ at: 0, lines: 1, title: joinTitle(partText.slice(0, 1)) });
    }
    const before = found.length ? found[0]!.at : part.length;
    if (before > 0) {
      const content = blocksOf(part.slice(0, before), '落款之后');
      main.push(...content);
      undecided.push(`落款（署名、成文日期、附注）之后有 ${content.length} 段没有标题、不是附件的文字，已接在正文末尾，请对照原件核对：“${partText[0]!.slice(0, 30)}”`);
    }
    const unlabelled: OfficialAttachment[] = [];
    found.forEach((f, k) => {
      const content = blocksOf(part.slice(f.at + f.lines, found[k + 1]?.at ?? part.length), `《${f.title}》`);
      const listedAt = listed.findIndex((t) => compactKey(t) === compactKey(f.title));
      if (listedAt >= 0) {
        attachments[listedAt]!.blocks = content;
        carried = attachments[listedAt];
      } else {
        carried = { number: 0, title: f.title, blocks: content, unlabelled: true };
        unlabelled.push(carried);
      }
    });
    // Unlabelled ones first, as they stand after the notice: the labelled ones number on after them.
    attachments.forEach((a) => (a.number += unlabelled.length));
    unlabelled.forEach((a, i) => (a.number = i + 1));
    attachments.unshift(...unlabelled);
  }

  // Each attachment: 附件N, its title (as listed), its text.
  const shift = attachments.filter((a) => a.unlabelled).length;
  attachmentHeads.forEach((head, k) => {
    if (ATTACHMENT_HEAD.test(restText(head)) && linked(rest.slice(head + 1, attachmentHeads[k + 1] ?? rest.length).map((u) => tidy(u.text)))) return;
    const inline = inlineHead(restText(head));
    const label = inline ? [restText(head), inline.number] : ATTACHMENT_HEAD.exec(restText(head))!;
    const number = (label[1] ? Number(label[1]) : k + 1) + shift;
    const end = attachmentHeads[k + 1] ?? rest.length;
    let from = head + 1;
    // The title under 附件N: the listed title, however wrapped.
    const entry = attachments.find((a) => a.number === number && !a.unlabelled);
    let pageTitle = '';
    if (inline) {
      pageTitle = joinTitle([inline.title]);
      if (entry && compactKey(entry.title) !== compactKey(pageTitle)) undecided.push(`附件${number - shift}的标题“${pageTitle}”与附件说明“${entry.title}”不一致，请核对`);
    } else if (entry) {
      const key = compactKey(entry.title);
      let joined = '';
      for (let n = from; n < end && n < from + 4; n++) {
        joined += compactKey(restText(n)).replace(/^《(.*)》$/, '$1');
        if (joined === key) {
          from = n + 1;
          break;
        }
        if (!key.startsWith(joined)) break;
      }
      if (from === head + 1) undecided.push(`附件${number - shift}的标题与附件说明“${entry.title}”不一致，请核对`);
    } else {
      pageTitle = tidy(rest[from]?.text ?? '');
      if (pageTitle && !rest[from]?.cells && !rest[from]?.rows) from++;
    }
    const content = blocksOf(rest.slice(from, end), `附件${number - shift}`);
    if (entry) entry.blocks = content;
    else if (carried?.unlabelled) {
      // The carried document's own attachment (the notice lists none): kept in the carried text, under its label.
      carried.blocks!.push({ type: 'paragraph', text: `附件${number - shift}` }, ...(pageTitle ? [{ type: 'paragraph' as const, text: pageTitle }] : []), ...content);
      undecided.push(`附件${number - shift}“${pageTitle}”属于《${carried.title}》（通知本身没有附件说明），已接在其文字之后，请核对`);
    } else {
      attachments.push({ number, title: joinTitle([pageTitle]), blocks: content });
      undecided.push(`附件说明中没有附件${number}：标题取自附件页“${pageTitle}”`);
    }
  });
  attachments.sort((a, b) => a.number - b.number);
  for (const a of attachments) if (!a.blocks) undecided.push(`附件${a.number}“${a.title}”的正文不在文件中，只导入了标题`);

  if (!result.docNumber) undecided.push('未找到发文字号');
  return { ...result, title, main, attachments } as ParsedOfficial;
}

/** A 署名 or 印发机关: a name on a line of its own, no sentence punctuation, not a numbered line. */
function isNameLike(text: string): boolean {
  return text.length >= 2 && text.length <= 60 && !/[，。；：:、！？“”《》（）()]/.test(text) && !HEADING_MARK.test(text) && !ARTICLE_UNIT.test(text) && !CHINESE_DATE.test(text) && !/^\d/.test(text);
}

/** Paragraphs and tables from units: a paragraph a page break cut is joined again; table rows become a table. */
function blocksOfUnits(units: readonly Unit[], { joins, undecided, where, indented }: { joins: string[]; undecided: string[]; where: string; indented: boolean }): OfficialBlock[] {
  const blocks: OfficialBlock[] = [];
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    if (unit.rows) {
      const rows = unit.rows.map((row) => row.map((cell) => paragraphText(cell.replace(/\n/g, ''))));
      blocks.push({ type: 'table', header: rows[0] ?? [], rows: rows.slice(1) });
      continue;
    }
    if (unit.cells) {
      // A run of table rows (PDF positions, pdftotext -layout columns).
      let end = i;
      while (end < units.length && units[end]!.cells) end++;
      if (end - i >= 2) {
        const table = tableOf(units.slice(i, end), undecided, where);
        blocks.push(table);
        i = end - 1;
        continue;
      }
    }
    const text = paragraphText(unit.text);
    const last = blocks.at(-1);
    // A page break cut it (the piece after it opens no paragraph), or (Word) the paragraph was split in two:
    // a paragraph of some length that stops without punctuation goes on in the next.
    const continues = indented ? unit.indent === 0 : unit.pageBreakBefore || (last?.type === 'paragraph' && last.text.length > 12 && /[，。；：]/.test(last.text) && !/[。！？；：…”’）》」』\])]$/.test(last.text));
    if (
      last?.type === 'paragraph' &&
      continues &&
      (indented || !endsSentence(last.text)) &&
      !isHeadingLine(last.text) &&
      !standsAlone(text) &&
      !ARTICLE_UNIT.test(text) &&
      !(HEADING_MARK.test(text) && unit.startsParagraph)
    ) {
      joins.push(`${last.text.slice(-6)}|${text.slice(0, 6)}`);
      last.text = paragraphText(joinBroken(last.text, text));
      continue;
    }
    blocks.push({ type: 'paragraph', text });
  }
  setOffUnits(blocks);
  // 特此通知。 (特此函告。…) stands as a paragraph of its own: where a file marks no paragraphs, a full line before it ran it on.
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const closing = block.type === 'paragraph' ? /^(.*[。！？])(特此(?:通知|函告|函复|批复|报告|通告|公告|通报|说明)。)$/.exec(block.text) : null;
    if (closing) blocks.splice(i, 1, { type: 'paragraph', text: closing[1]! }, { type: 'paragraph', text: closing[2]! });
  }
  // Cells a text extraction gave one a line (plain pdftotext reads a table column by column).
  let run = 0;
  for (const block of [...blocks, undefined]) {
    if (block?.type === 'paragraph' && block.text.length <= 12 && !/[，。；：]/.test(block.text)) run++;
    else {
      if (run >= 6) undecided.push(`${where}中有 ${run} 段连续的短文字，可能是未能重建的表格（纯文本按列给出表格），请对照原件改写为表格`);
      run = 0;
    }
  }
  return blocks;
}

/**
 * 第N条 run into its text (第三条项目实施期…: a PDF that lost the space a justified line squeezed) is
 * set off like its neighbours when it stands in their sequence — the unit set off before it is
 * numbered N−1, or the one after it N+1 — and left alone otherwise (第一条规定的事项 opens a sentence).
 */
export function setOffUnits(blocks: OfficialBlock[]): void {
  const runIn = new RegExp(`^第(${NUMERAL})(章|节|条)(?=[^\\u3000之])`);
  const setOff = new RegExp(`^第(${NUMERAL})(章|节|条)\\u3000`);
  const texts = blocks.map((b) => (b.type === 'paragraph' ? b.text : ''));
  const numberOf = (m: RegExpExecArray | null, kind: string) => (m && m[2] === kind ? parseNumber(m[1]!) : undefined);
  blocks.forEach((block, i) => {
    const m = runIn.exec(texts[i]!);
    const n = m ? parseNumber(m[1]!) : undefined;
    if (block.type !== 'paragraph' || !m || n === undefined) return;
    const before = texts.slice(0, i).findLast((t) => numberOf(setOff.exec(t), m[2]!) !== undefined);
    const after = texts.slice(i + 1).find((t) => numberOf(setOff.exec(t), m[2]!) !== undefined);
    if ((before !== undefined && numberOf(setOff.exec(before), m[2]!) === n - 1) || (after !== undefined && numberOf(setOff.exec(after), m[2]!) === n + 1)) {
      block.text = `${m[0]}\u3000${block.text.slice(m[0].length)}`;
      texts[i] = block.text;
    }
  });
}

/** Table rows from cells with their extent: the row with the most cells gives the columns; each cell goes to the nearest. */
function tableOf(units: readonly Unit[], undecided: string[], where: string): OfficialTable {
  const widest = units.reduce((a, b) => (b.cells!.length > a.cells!.length ? b : a));
  const columns = widest.cells!.map((c) => ({ left: c.left, right: c.right, centre: (c.left + c.right) / 2 }));
  let doubtful = false;
  const rows = units.map((unit) => {
    const row = columns.map(() => '');
    for (const cell of unit.cells!) {
      const centre = (cell.left + cell.right) / 2;
      const distance = (c: (typeof columns)[number]) => Math.min(Math.abs(c.centre - centre), Math.abs(c.left - cell.left), Math.abs(c.right - cell.right));
      const index = columns.reduce((best, c, k) => (distance(c) < distance(columns[best]!) ? k : best), 0);
      if (row[index]) doubtful = true;
      row[index] = row[index] ? `${row[index]} ${cell.text}` : cell.text;
    }
    return row.map((c) => paragraphText(c));
  });
  // A lone line of a single cell (a wrapped cell) would not be in the run; a row with fewer cells is read by position.
  if (doubtful || units.some((u) => u.cells!.length < columns.length)) {
    undecided.push(`${where}的表格按各列位置重建（${rows.length - 1} 行 ${columns.length} 列），请核对空格与换行的单元格`);
  }
  return { type: 'table', header: rows[0]!, rows: rows.slice(1) };
}

/**
 * Whether the blocks have an official document's form, as the parser reads it: a title that
 * ends in a 文种 (or a site's metadata block naming one) and at least one of a 发文字号, a 主送
 * line, a 成文日期 under a 署名, or a 版记 line …印发.
 */
export function looksOfficial(blocks: readonly SourceBlock[]): boolean {
  try {
    const parsed = parseOfficial(blocks);
    return Boolean(parsed.docNumber || parsed.recipients || parsed.printedDate || (parsed.writtenDate && parsed.issuer));
  } catch (error) {
    // A document with an official form whose 文号 or date cannot be read is one: the import says why.
    if (error instanceof NotOfficialError) return false;
    if (error instanceof ImportError) return true;
    throw error;
  }
}
