/**
 * Reads an official document (公文, GB/T 9704-2012) out of its blocks of text (source-block.ts),
 * whichever file they came from, part by part as a reader finds them: the 版头 (份号, 密级★期限,
 * 紧急程度, 发文机关标志, 发文字号 with any 签发人), the title however it was wrapped, the 主送机关
 * (the line that ends in ：), the 正文 paragraph by paragraph (made whole across page breaks), the
 * 附件说明, the 署名 and 成文日期, the 附注, each 附件N with its title and text (tables kept as
 * rows), and the 版记 (抄送, 印发机关 and 印发日期). The words decide; where a reader knows the look
 * of a block (centred, right-aligned, a table's cells) it helps. What cannot be read with
 * confidence goes into `undecided`, for the editor.
 */
import { CHINESE_DATE, parseChineseDate } from '../../src/lib/chinese-numbers.ts';
import { formatDocNumber, parseDocNumber } from '../../src/lib/policy/doc-number.ts';
import { disclosureOf } from '../../src/lib/policy/facts.ts';
import { DISCLOSURES, SECRECY_LEVELS, URGENCIES, type Disclosure } from '../../src/schemas/policy.ts';
import { compactKey, endsSentence, isPageNumber, isRule, joinBroken, normalizeLine, removeSpreadSpacing, tidy } from './cjk-text.ts';
import { ImportError } from './errors.ts';
import type { SourceBlock } from './source-block.ts';
import { width } from './read-text.ts';

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
  main: OfficialBlock[];
  attachments: OfficialAttachment[];
  /** What could not be read with confidence, for the editor. */
  undecided: string[];
  /** Paragraphs put together from pieces a page break had cut, as "前文|后文" around the cut. */
  joins: string[];
}

// ── Reading cues (see /work/shared/notes/official-documents.md) ──

const NUMERAL = '[一二三四五六七八九十百零〇两]+';
/** The 文种 a title ends in, longest first where one ends another (管理办法 before 办法). */
export const DOCUMENT_KINDS = ['实施细则', '管理办法', '考评办法', '奖惩办法', '实施方案', '工作方案', '意见', '通知', '决定', '方案', '规划', '规定', '办法', '细则', '通报', '批复', '报告', '请示', '函', '纪要', '决议', '公告', '通告', '命令', '议案'];
const TITLE_KIND = new RegExp(`(?:${DOCUMENT_KINDS.join('|')})(?:[（(]试行[）)])?$`);
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
  const items = rest.split(/(?:^|\s*)(?<![\d.．])(?=\d{1,2}\s*[.．、](?!\d))/).filter((s) => s.trim());
  return items.map((item) => joinTitle([item.replace(LIST_NUMBER, '')]).replace(/[。；;，,、]$/, '')).filter(Boolean);
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
  startsParagraph?: boolean;
  pageBreakBefore?: boolean;
  align?: 'center' | 'right';
  size?: number;
  /** A table row's cells with their extent (PDF positions, or columns of `pdftotext -layout`). */
  cells?: Array<{ text: string; left: number; right: number }>;
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
  const widest = Math.max(0, ...widths);
  const counts = new Map<number, number>();
  for (const w of widths) if (w >= widest * 0.75) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? Infinity;
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

function unitsOf(blocks: readonly SourceBlock[]): Unit[] {
  const full = fullWidth(blocks);
  const units: Unit[] = [];
  for (const block of blocks) {
    const looks = { ...(block.align ? { align: block.align } : {}), ...(block.size ? { size: block.size } : {}) };
    if (block.rows) {
      units.push({ text: block.text, rows: block.rows, ...(block.pageBreakBefore ? { pageBreakBefore: true } : {}) });
      continue;
    }
    if (!block.lines || block.lines.length < 2) {
      const cells = block.cells ?? (block.lines?.[0] !== undefined ? layoutCells(block.lines[0]) : undefined);
      const indent = block.lines?.[0] !== undefined ? { indent: indentOf(block.lines[0]) } : {};
      units.push({ text: block.text, ...looks, ...(cells ? { cells } : {}), ...pick(block), ...indent });
      continue;
    }
    // Lines of plain text: cut where a part begins, after a line short of the full width, around a table row.
    let current: Unit | undefined;
    let endsHere = false;
    block.lines.forEach((raw, i) => {
      const text = normalizeLine(raw);
      if (!text || isPageNumber(text) || isRule(text)) return;
      const cells = layoutCells(raw);
      const start = !current || endsHere || Boolean(cells) || STRONG_START.test(text) || (HEADING_MARK.test(text) && endsSentence(current.text));
      if (start) {
        if (current) units.push(current);
        current = { text, ...(i === 0 ? pick(block) : { startsParagraph: true }), ...(cells ? { cells } : {}), indent: indentOf(raw) };
      } else {
        current!.text = joinBroken(current!.text, text);
      }
      endsHere = Boolean(cells) || widthOf(text) < full - 3 || (endsSentence(text) && widthOf(text) < full - 1);
    });
    if (current) units.push(current);
  }
  return units;
}

const indentOf = (raw: string) => /^[ \u3000\t]*/.exec(raw)![0].replace(/\u3000|\t/g, '  ').length;

const pick = (block: SourceBlock): Partial<Unit> => ({
  ...(block.startsParagraph ? { startsParagraph: true } : {}),
  ...(block.pageBreakBefore ? { pageBreakBefore: true } : {}),
});

/** A short line that opens a part of the text (一、检查范围, 第二章 遴选与认定): never continued by the next block. */
const isHeadingLine = (text: string) =>
  (HEADING_MARK.test(text) || new RegExp(`^第${NUMERAL}[章节]`).test(text)) && text.length <= 25 && !/[。；：，、]/.test(text);
/** A unit that stands alone: a date, a bracketed note, a 附件 head, a 版记 line. */
const standsAlone = (text: string) => DATE_ONLY.test(text) || NOTE.test(text) || ATTACHMENT_HEAD.test(text) || COPY_TO.test(text) || PRINTED.test(text);

// ── The document ──

export function parseOfficial(blocks: readonly SourceBlock[]): ParsedOfficial {
  const undecided: string[] = [];
  const joins: string[] = [];
  const units = unitsOf(blocks)
    .map((u) => ({ ...u, text: removeSpreadSpacing(normalizeLine(u.text)) }))
    .filter((u) => u.text && !isPageNumber(u.text) && !isRule(u.text));
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
  let numberAt = -1;
  for (let i = headStart; i < Math.min(units.length, headStart + 6); i++) {
    const line = readDocNumberLine(units[i]!.text);
    if (!line) continue;
    if ('invalid' in line) throw new ImportError(`无法读出发文字号：“${line.invalid}”，应为“机关代字〔年份〕序号号”（如 晋教科〔2019〕7号）`);
    result.docNumber = line.docNumber;
    result.signers = line.signers;
    numberAt = i;
    // 签发人 names the line could not hold stand under it.
    break;
  }
  if (numberAt >= 0) {
    const mark = texts().slice(headStart, numberAt);
    if (mark.length) result.issuerMark = joinTitle(mark);
    at = numberAt + 1;
    // More 签发人 names, one a line under the first.
    while (result.signers.length && at < units.length && /^[\p{Script=Han}]{2,4}$/u.test(tidy(units[at]!.text)) && !units[at]!.startsParagraph) {
      result.signers.push(tidy(units[at]!.text));
      at++;
    }
  } else {
    // No 文号 (a 函, a draft): a mark is only told by its size.
    while (at < units.length && (units[at]!.size ?? 1) >= 1.6 && at - headStart < 3) at++;
    if (at > headStart) result.issuerMark = joinTitle(texts().slice(headStart, at));
  }

  // The title, up to the 主送机关 (a line that ends in ：), or as far as a 文种 ends it.
  const titleStart = at;
  let recipientsAt = -1;
  for (let i = titleStart + 1; i < Math.min(units.length, titleStart + 7); i++) {
    const text = tidy(units[i]!.text);
    if (/[：:]$/.test(text) && !HEADING_MARK.test(text) && !ARTICLE_UNIT.test(text) && text.length <= 80 && !/[。；]/.test(text)) {
      // The 主送 may wrap: the lines before its ： that are not title lines.
      recipientsAt = i;
      break;
    }
    if (endsSentence(text) || ARTICLE_UNIT.test(text) || HEADING_MARK.test(text)) break;
  }
  let bodyStart: number;
  if (recipientsAt > 0) {
    // A 主送 that wrapped onto a second line: its first line is left-aligned and ends in a 、 or ，.
    let first = recipientsAt;
    while (first - 1 > titleStart && /[、，,]$/.test(tidy(units[first - 1]!.text))) first--;
    const title = joinTitle(texts().slice(titleStart, first));
    if (!title) throw new ImportError('未找到公文标题：主送机关之前应有标题（如“关于……的通知”）');
    (result as ParsedOfficial).title = title;
    result.recipients = joinTitle([texts().slice(first, recipientsAt + 1).join('')]).replace(/[：:]$/, '');
    bodyStart = recipientsAt + 1;
  } else {
    let end = titleStart;
    let joined = '';
    while (end < units.length && end - titleStart < 4) {
      joined = joinTitle([joined, tidy(units[end]!.text)]);
      end++;
      if (TITLE_KIND.test(joined)) break;
    }
    if (!TITLE_KIND.test(joined)) {
      throw new ImportError('不是公文，也不是《工作要讯》：未找到发文字号、以文种（通知、意见、办法……）结尾的标题或主送机关');
    }
    (result as ParsedOfficial).title = joined;
    bodyStart = end;
    undecided.push('未找到主送机关（标题之后以“：”结尾的一行）');
  }
  const title = (result as ParsedOfficial).title;

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
  const rest = units.map((u, i) => ({ ...u, index: i })).filter((u) => u.index >= bodyStart && !taken.has(u.index));

  // Where the attachments begin: 附件1 (or 附件) alone on a line, after the 署名 and 成文日期.
  const dateAt = rest.findIndex((u) => DATE_ONLY.test(tidy(u.text)));
  const attachmentHeads = rest.map((u, i) => (i > dateAt && ATTACHMENT_HEAD.test(tidy(u.text)) ? i : -1)).filter((i) => i >= 0);
  const closingEnd = attachmentHeads[0] ?? rest.length;

  // The 主体's end: the 附件说明, the 署名, the 成文日期 and the 附注, in whatever order extraction gave them.
  let bodyEnd = dateAt >= 0 ? dateAt : closingEnd;
  const listAt = rest.findIndex((u, i) => i < bodyEnd && ATTACHMENT_LIST.test(tidy(u.text)));
  const listed: string[] = [];
  if (dateAt >= 0) {
    const written = tidy(rest[dateAt]!.text);
    result.writtenDate = readDate(written, '成文日期');
  } else {
    undecided.push('未找到成文日期（署名下一行的“2019年3月12日”）');
  }
  // Walk back from the date: the 署名 lines, and any 附注 extraction put before them.
  const issuers: string[] = [];
  const closingUnits: number[] = [];
  if (dateAt >= 0) {
    let i = dateAt - 1;
    const floor = listAt >= 0 ? listAt + 1 : 0;
    let named = 0;
    while (i >= floor) {
      const text = tidy(rest[i]!.text);
      if (NOTE.test(text) && /此件|联系|电话|合成|备注|注[：:]/.test(text)) {
        closingUnits.unshift(i);
      } else if (isNameLike(text) && (named === 0 || rest[i]!.align === 'right' || rest[i + 1]?.align === 'right')) {
        closingUnits.unshift(i);
        issuers.unshift(text);
        named++;
      } else break;
      i--;
    }
    bodyEnd = closingUnits[0] ?? dateAt;
    if (!issuers.length) undecided.push('未找到发文机关署名（成文日期上方的机关名称）');
  }
  if (listAt >= 0) {
    // The 附件说明 and its further items, up to the 署名.
    const items = [tidy(rest[listAt]!.text)];
    for (let i = listAt + 1; i < bodyEnd; i++) items.push(tidy(rest[i]!.text));
    listed.push(...parseAttachmentList(items.join(' ')));
    bodyEnd = listAt;
  }
  const names = issuers.flatMap((name) => name.split(/\s+/)).filter(Boolean);
  if (names[0]) result.issuer = names[0];
  result.coIssuers = names.slice(1);

  // 附注: bracketed lines after the date (and any the reading order put before the 署名).
  const afterDate = dateAt >= 0 ? rest.slice(dateAt + 1, closingEnd) : [];
  const noteUnits = [...closingUnits.map((i) => rest[i]!).filter((u) => NOTE.test(tidy(u.text))), ...afterDate];
  for (const unit of noteUnits) {
    const text = tidy(unit.text);
    const note = NOTE.exec(text);
    if (!note) {
      undecided.push(`成文日期之后、附件之前的一段未能归类，未导入：“${text.slice(0, 30)}”`);
      continue;
    }
    const disclosure = disclosureOf(text);
    if (disclosure) result.disclosure = disclosure;
    else if (/^此件/.test(note[1]!)) undecided.push(`附注“${text}”不是 ${DISCLOSURES.join('、')} 之一，已作为附注导入`), result.notes.push(note[1]!);
    else result.notes.push(note[1]!);
  }

  // Text whose paragraphs open with an indent (pdftotext -layout): a line at the margin continues the paragraph above.
  const withIndent = units.filter((u) => u.indent !== undefined);
  const indented = withIndent.length > 0 && withIndent.filter((u) => u.indent! >= 2 && u.indent! <= 4).length >= withIndent.length / 3;
  const blocksOf = (part: readonly Unit[], where: string) => blocksOfUnits(part, { joins, undecided, where, indented });
  const main = blocksOf(rest.slice(0, bodyEnd), '正文');
  if (!main.length) undecided.push('未找到正文');

  // Each attachment: 附件N, its title (as listed), its text.
  const attachments: OfficialAttachment[] = listed.map((t, i) => ({ number: i + 1, title: t, blocks: null }));
  attachmentHeads.forEach((head, k) => {
    const label = ATTACHMENT_HEAD.exec(tidy(rest[head]!.text))!;
    const number = label[1] ? Number(label[1]) : k + 1;
    const end = attachmentHeads[k + 1] ?? rest.length;
    let from = head + 1;
    // The title under 附件N: the listed title, however wrapped.
    const entry = attachments.find((a) => a.number === number);
    let pageTitle = '';
    if (entry) {
      const key = compactKey(entry.title);
      let joined = '';
      for (let n = from; n < end && n < from + 4; n++) {
        joined += compactKey(tidy(rest[n]!.text)).replace(/^《(.*)》$/, '$1');
        if (joined === key) {
          from = n + 1;
          break;
        }
        if (!key.startsWith(joined)) break;
      }
      if (from === head + 1) undecided.push(`附件${number}的标题与附件说明“${entry.title}”不一致，请核对`);
    } else {
      pageTitle = tidy(rest[from]?.text ?? '');
      if (pageTitle && !rest[from]?.cells && !rest[from]?.rows) from++;
    }
    const content = blocksOf(rest.slice(from, end), `附件${number}`);
    if (entry) entry.blocks = content;
    else {
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
 * Whether the blocks have an official document's form: a 发文字号 line near the top, a title
 * ending in a 文种 followed by a 主送 line ending in ：, or a 版记 line …印发.
 */
export function looksOfficial(blocks: readonly SourceBlock[]): boolean {
  const units = unitsOf(blocks).map((u) => tidy(u.text)).filter(Boolean);
  if (units.slice(0, 8).some((text) => readDocNumberLine(text) !== undefined)) return true;
  if (units.some((text) => PRINTED.test(text))) return true;
  return units.slice(0, 10).some((text, i) => {
    if (!/[：:]$/.test(text) || i === 0) return false;
    for (let from = Math.max(0, i - 4); from < i; from++) if (TITLE_KIND.test(joinTitle(units.slice(from, i)))) return true;
    return false;
  });
}
