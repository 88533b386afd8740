/**
 * What an official document is read into (ParsedOfficial and its parts) and the cues every step of
 * the reading goes by: the 文种 a title ends in, the 文号, dates, 附件 labels, organs' names, what a
 * title's lines look like. Small pure functions; parse-official.ts puts the steps together.
 */
import { CHINESE_DATE, parseChineseDate } from '../../../src/lib/chinese-numbers.ts';
import { formatDocNumber, parseDocNumber } from '../../../src/lib/policy/doc-number.ts';
import { SECRECY_LEVELS, URGENCIES, type Disclosure } from '../../../src/schemas/policy.ts';
import { endsSentence, tidy } from '../cjk-text.ts';
import { ImportError } from '../errors.ts';
import { width } from '../read-text.ts';

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

export const NUMERAL = '[一二三四五六七八九十百零〇两]+';

/** The sentence that closes a notice's 正文 as a paragraph of its own: 特此通知。, 特此函告。… */
export const CLOSING_PHRASE = '特此(?:通知|函告|函复|批复|报告|通告|公告|通报|说明)。';
/** The 文种 a title ends in, longest first where one ends another (管理办法 before 办法). */
export const DOCUMENT_KINDS = ['实施细则', '管理办法', '考评办法', '奖惩办法', '实施方案', '工作方案', '工作要点', '意见', '通知', '决定', '方案', '规划', '规定', '办法', '细则', '通报', '批复', '报告', '请示', '函', '纪要', '决议', '公告', '通告', '命令', '议案', '要点', '计划', '纲要', '指南', '章程', '条例', '规则', '准则', '标准', '清单', '名单', '指引'];
/** A title ends in its 文种, perhaps followed by （试行）, （暂行）, （修订） or （2023年修订）. */
export const TITLE_KIND = new RegExp(`(?:${DOCUMENT_KINDS.join('|')})(?:[（(](?:试行|暂行|修订|修正|征求意见稿|送审稿|\\d{4}年(?:修订|修正))[）)])?$`);
export const SECRECY = new RegExp(`^(${SECRECY_LEVELS.join('|')})(?:\\s*★\\s*(\\S+))?$`);
export const URGENCY = new RegExp(`^(${URGENCIES.join('|')})$`);
export const COPY_NUMBER = /^\d{6}$/;
export const SIGNER = /签\s*发\s*人\s*[：:]\s*(.*)$/;
/** 第一章 总则, 第二节, 第十条, 第十条之一 — the units of a 办法, set off from their text by a full-width space. */
export const ARTICLE_UNIT = new RegExp(`^(第${NUMERAL}(?:章|节|条(?:之${NUMERAL})?))(?:\\s+|(?=\\S))`);
/** The heading levels 一、 （一） 1. （1）. */
export const HEADING_MARK = new RegExp(`^(?:${NUMERAL}、|[（(]${NUMERAL}[)）]|\\d{1,2}[.．](?!\\d)|[（(]\\d{1,2}[)）])`);
export const ATTACHMENT_HEAD = /^附\s*件\s*(\d{1,2})?\s*[:：]?$/;
export const ATTACHMENT_LIST = /^附\s*件\s*[:：]\s*(.*)$/;
export const LIST_NUMBER = /^(\d{1,2})\s*[.．、]\s*/;
export const COPY_TO = /^抄\s*送\s*[:：]\s*(.*)$/;
export const PRINTED = new RegExp(`^(.*?)\\s*(${CHINESE_DATE.source})\\s*印\\s*发$`);
export const DATE_ONLY = new RegExp(`^${CHINESE_DATE.source}$`);
export const NOTE = /^[（(](.+)[)）]$/;

/** A line's width in Chinese characters (read-text.ts). */
export const widthOf = width;

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

/** An organ's name as a 署名 or a title's first line ends: 示例省教育厅, 示例省人民政府办公厅, 共青团示例省委. */
export const ORGAN = /(?:厅|局|委|委员会|政府|办公室|办公厅|部|院|会|署|办|处|室|所|中心|学校|大学|学院|党委|团委|省委|市委|县委|集团|公司|银行|协会|联合会|小组|领导小组)$/;
/** A title's lines joined, ending in a 文种, as far as `limit` lines from `from`: the end, or -1. */
export function titleEnd(texts: readonly string[], from: number, limit: number): number {
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
export const titleLike = (text: string) => text.length <= 100 && !/[。；！？]/.test(text) && !ARTICLE_UNIT.test(text) && !HEADING_MARK.test(text) && !DATE_ONLY.test(text) && !/[：:]$/.test(text);

/**
 * Whether joined title lines make a whole title: brackets closed, and not the tail of one (的通知,
 * 管理办法》的通知): it opens with 关于, with the organs that issue it and 关于, or — a title
 * without 关于 (示例省高等学校科研平台管理办法) — with anything but a word that continues one.
 */
export function wholeTitle(title: string): boolean {
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
export function madeOf(text: string, names: ReadonlySet<string>): boolean {
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

/** A 署名 or 印发机关: a name on a line of its own, no sentence punctuation, not a numbered line. */
export function isNameLike(text: string): boolean {
  return text.length >= 2 && text.length <= 60 && !/[，。；：:、！？“”《》（）()]/.test(text) && !HEADING_MARK.test(text) && !ARTICLE_UNIT.test(text) && !CHINESE_DATE.test(text) && !/^\d/.test(text);
}

/** 附件1 alone on a line, or 附件1：its title on one line (as a site page and many Word files set it): its number and title. */
export function inlineHead(text: string): { number: string | undefined; title: string } | undefined {
  const m = /^附\s*件\s*(\d{1,2})?\s*[:：]\s*(\S.*)$/.exec(text);
  return m && titleLike(m[2]!) && !/^\d{1,2}\s*[.．、]/.test(m[2]!) ? { number: m[1], title: m[2]! } : undefined;
}
