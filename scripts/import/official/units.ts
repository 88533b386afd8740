/**
 * The first step of reading an official document: its blocks cut into units where the document's
 * parts begin (a 文号, a date, 第N条, 附件…), pieces the readers ran together or wrapped put back
 * (a 版记 line in two cells, a 署名 wrapped at the margin, a metadata table's wrapped values), and
 * the site's page around the text (its metadata block read into fields, its furniture dropped and
 * listed: web-page.ts).
 */
import { CHINESE_DATE } from '../../../src/lib/chinese-numbers.ts';
import { endsSentence, isPageNumber, isRule, joinBroken, normalizeLine, removeSpreadSpacing, tidy } from '../cjk-text.ts';
import type { SourceBlock } from '../source-block.ts';
import { fullWidthPunctuation, isPageFurniture, isSiteFooter, joinValuesAroundLabels, joinWrappedValues, readMetadata, type PageMetadata } from '../web-page.ts';
import { NUMERAL, ARTICLE_UNIT, HEADING_MARK, ATTACHMENT_HEAD, COPY_TO, PRINTED, DATE_ONLY, NOTE, widthOf, readDocNumberLine, ORGAN, isNameLike, TITLE_KIND } from './cues.ts';

// ── Units: blocks cut where an official document's parts begin ──

export interface Unit {
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
export const STRONG_START = new RegExp(`^(?:${ARTICLE_UNIT.source.slice(1)}|附\\s*件\\s*\\d{0,2}\\s*[:：]?$|附\\s*件\\s*[:：]|抄\\s*送\\s*[:：]|[（(]此件)`);

/** The width most lines of the text are set to: a shorter line ends its paragraph or is a line of its own. */
export function fullWidth(blocks: readonly SourceBlock[]): number {
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
export function layoutCells(raw: string): Unit['cells'] {
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

export const indentOf = (raw: string) => /^[ \u3000\t]*/.exec(raw)![0].replace(/\u3000|\t/g, '  ').length;

export const pick = (block: SourceBlock): Partial<Unit> => ({
  ...(block.startsParagraph ? { startsParagraph: true } : {}),
  ...(block.pageBreakBefore ? { pageBreakBefore: true } : {}),
});

/** A 发文字号 on a line of its own, bare or in brackets: (示政发[2023]5号). */
/** A line that opens with a 文号 (示教发〔2016〕17号《…》, a site's heading): no line of a title. */
export const STARTS_WITH_NUMBER = /^[\p{Script=Han}]{1,12}\s*[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*第?\s*\d+\s*号/u;

export const isDocNumberLine = (text: string) => {
  const line = tidy(text);
  const read = readDocNumberLine(/^[（(](.+)[)）]$/.exec(line)?.[1] ?? line);
  return read !== undefined && !('invalid' in read);
};

/** A short line that opens a part of the text (一、检查范围, 第二章 遴选与认定): never continued by the next block. */
export const isHeadingLine = (text: string) =>
  (HEADING_MARK.test(text) || new RegExp(`^第${NUMERAL}[章节]`).test(text)) && text.length <= 25 && !/[。；：，、]/.test(text.replace(HEADING_MARK, ''));
/** A unit that stands alone: a date, a bracketed note, a 附件 head, a 版记 line. */
export const standsAlone = (text: string) => DATE_ONLY.test(text) || NOTE.test(text) || ATTACHMENT_HEAD.test(text) || COPY_TO.test(text) || PRINTED.test(text);

/** A unit that opens with a bracketed 附注 and goes on (a PDF reader joined the 附注 and the line after it). */
export const NOTE_THEN_MORE = /^([（(]此\s*件[^）)]{1,20}[)）])\s*(\S.*)$/;

/**
 * 署名 side by side in a table whose cell wrapped a long name (示例省发展和改革委 / 员会): the piece
 * on the line under it, standing under one of the cells, goes back into that cell.
 */
export function mergeWrappedCells<T extends Unit>(units: T[]): T[] {
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
    // (Its cells copied: a piece put back changes them, never the reader's blocks.)
    out.push(unit.cells ? { ...unit, cells: unit.cells.map((c) => ({ ...c })) } : unit);
  }
  return out;
}

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

/** A 附件说明 whose last listed title, ending in its 文种, runs on into organs' names (the 署名). */
const LIST_THEN_ORGANS = new RegExp(
  `^(附\\s*件\\s*[:：].*?${TITLE_KIND.source.replace(/\$$/, '')})\\s*((?:[\\p{Script=Han}]+?${ORGAN.source.replace(/\$$/, '')}\\s*)+)$`,
  'u',
);

/** Units the readers could not cut where an official document's parts meet: （此件主动公开）示例办法, 示例省教育厅 2021年6月8日. */
export function splitJoinedParts(units: Unit[]): Unit[] {
  return units.flatMap((unit, i) => {
    if (unit.rows) return [unit];
    const text = tidy(unit.text);
    // The 附件说明 with the 署名 under it run on (a file that marks no paragraphs, the 附件说明 filling
    // its line): the organs after the listed title's 文种, straight over the 成文日期.
    const signed = DATE_ONLY.test(tidy(units[i + 1]?.text ?? '')) ? LIST_THEN_ORGANS.exec(text) : null;
    if (signed) return [{ ...unit, text: signed[1]! }, { text: signed[2]!, startsParagraph: true }];
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

/** A unit as the page gives it, with its place among the units read (before the site's page was taken off). */
export type PageUnit = Unit & { at: number };

/** The document's units with the site's page around them taken off, and what the page said. */
export interface Page {
  units: PageUnit[];
  /** Whether two units stood next to each other (nothing dropped between them; in plain text, no blank line between them). */
  adjacent: (i: number, j: number) => boolean;
  metadata: PageMetadata;
  /** The units read that are not the document's (the metadata block, the site's furniture). */
  leftOut: Set<number>;
  hasMetadata: boolean;
  undecided: string[];
  joins: string[];
}

/** Units from blocks, the site's page around the text read and taken off. */
export function readPage(blocks: readonly SourceBlock[]): Page {
  const undecided: string[] = [];
  const joins: string[] = [];
  let halfWidth = 0;
  const read = splitJoinedParts(
    joinWrappedPrinted(joinWrappedValues(joinValuesAroundLabels(unitsOf(blocks))))
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
  const adjacent = (i: number, j: number) => units[j]!.at - units[i]!.at === 1 && (units[i]!.block === units[j]!.block || !units[j]!.afterBlank);
  const hasMetadata = top.taken.length + bottom.taken.length > 0;
  if (furniture.length) undecided.push(`已去除网页附加的文字（不属于公文）：${furniture.map((t) => `“${t}”`).join('、')}`);
  if (halfWidth) undecided.push(`已将 ${halfWidth} 处半角标点（, : ; ( ) 等）改为全角，请核对`);

  return { units, adjacent, metadata, leftOut, hasMetadata, undecided, joins };
}
