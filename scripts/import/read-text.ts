/**
 * Plain text extracted from a bulletin (pdftotext, copy and paste): UTF-8, LF or CRLF, form
 * feeds between pages, full-width spaces. Blank lines separate blocks; a form feed is a page
 * break and so a block boundary; a page number line is dropped. Inside a block, a new block
 * starts at a list item, an indented line, a line of the masthead or 版记 (第2期, 主办：…), and
 * after a line that ends a sentence short of the block's full line width (a paragraph's last line).
 */
import { endsSentence, isPageNumber, isRule, issueNumberAt, joinBroken, mastheadNames, normalizeLine, removeSpreadSpacing, runningKey, runningLines } from './cjk-text.ts';
import { LIST_MARKER, type SourceBlock } from './source-block.ts';

/** Leading space that marks a paragraph's first line: two spaces, a full-width space, a tab. */
const INDENT = /^(?: {2,}|[\u3000\t])/;
/** Lines that stand alone: 第2期, a date, 本期要目, 共印200份. */
const STANDALONE = /^(?:第\s*\S{1,4}\s*期.*|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:本\s*期\s*)?要\s*目|目\s*录|[（(]?\s*共印.*份\s*[)）]?)$/;
/** A 版记 line starts a block; a long one (送：…) may wrap onto the next line. */
const CLOSING_LINE = /^(?:主\s*办|邮\s*箱|电\s*话|出版日期|报|送|发)\s*[：:]/;

/**
 * A line's width in Chinese characters: Latin letters and digits count half; a space between
 * two Chinese characters counts whole (in print it is a full-width gap: 第十条　本办法…).
 */
export const width = (line: string) =>
  [...line.replace(/(?<=[^\x00-\u1fff]) (?=[^\x00-\u1fff])/g, '\u3000')].reduce((sum, c) => sum + (c.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);

/** A line's length both ways: its printed width (width), and its characters, as a text wrapped at a fixed count of characters measures it. */
interface Measure {
  width: number;
  chars: number;
}
const measure = (line: string): Measure => ({ width: width(line), chars: [...line].length });

/**
 * Whether a line falls short of the full line by more than `by` — by both measures, since a
 * line wrapped at a fixed count of characters with digits in it (half width each) is full by
 * its characters though narrower, and one set to the page's width is full by its width.
 */
const shortOf = (line: string, full: Measure, by: number) => {
  const m = measure(line);
  return m.width < full.width - by && m.chars < full.chars - by;
};

export interface TextReading {
  /** Also give each block the lines it was made of, and mark the first block of each page (after a form feed). */
  layout?: boolean;
}

export function blocksFromText(source: string, { layout = false }: TextReading = {}): SourceBlock[] {
  const pages = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\f')
    .map((page) => page.split('\n'));
  // The masthead's lines (刊名 lines down to 第N期) stand each on its own, however close.
  const first = pages[0]!;
  const numberLine = issueNumberAt(first);
  if (numberLine > 0) pages[0] = [...first.slice(0, numberLine).flatMap((line) => [line, '']), ...first.slice(numberLine)];
  const isContent = (line: string) => Boolean(normalizeLine(line)) && !isPageNumber(normalizeLine(line));
  const edges = pages.map((lines) => {
    const content = lines.filter(isContent).map(normalizeLine);
    return { head: content[0], foot: content.at(-1) };
  });
  // Running headers and footers go, line by line, before the lines are put together.
  const running = runningLines(edges, mastheadNames(first));
  for (const lines of pages) {
    const at = [lines.findIndex(isContent), lines.findLastIndex(isContent)];
    for (const i of new Set(at)) if (i >= 0 && running.has(runningKey(normalizeLine(lines[i]!)))) lines[i] = '';
  }
  const all = pages.flat().filter(isContent);
  const usesIndent = all.filter((line) => INDENT.test(line)).length >= 3;
  const measured = all.map((line) => measure(normalizeLine(line))).filter((m) => m.width >= 8);
  const full: Measure = { width: mostCommon(measured.map((m) => Math.floor(m.width))), chars: mostCommon(measured.map((m) => m.chars)) };
  return pages.flatMap((lines, i) => {
    // A block after a blank line is marked so: the parser of official documents keeps a title's lines together only where no blank line parts them.
    const blocks = lines
      .join('\n')
      .split(/\n[ \t\u3000\u00a0]*\n/)
      .flatMap((chunk, k) => blocksOfChunk(chunk, full).map((block, b) => (k > 0 && b === 0 && layout ? { ...block, afterBlank: true } : block)));
    if (i > 0 && blocks[0]) {
      // The page's first block continues the paragraph the break cut when the page before ended
      // on a full line with no blank line after it, and (where paragraphs are indented) it is not.
      const before = pages[i - 1]!;
      const last = before.findLastIndex(isContent);
      const after = last < 0 ? [] : before.slice(last + 1);
      const next = after.findIndex((line) => normalizeLine(line));
      const blanks = (next < 0 ? after : after.slice(0, next)).filter((line) => !normalizeLine(line)).length;
      const ended = next < 0 ? blanks >= 2 : blanks >= 1;
      const first = blocks[0];
      if (last >= 0 && !ended && !first.startsParagraph && !shortOf(normalizeLine(before[last]!), full, 3) && (!usesIndent || !INDENT.test(first.lines?.[0] ?? ''))) {
        first.continuesParagraph = true;
      }
    }
    if (!layout) return blocks.map(({ lines: _, ...block }) => block);
    if (i > 0 && blocks[0]) blocks[0].pageBreakBefore = true;
    return blocks;
  });
}

function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? Infinity;
}

function blocksOfChunk(chunk: string, pageFull: Measure = { width: Infinity, chars: Infinity }): SourceBlock[] {
  const lines = chunk
    .split('\n')
    .map((raw) => ({ raw, text: removeSpreadSpacing(normalizeLine(raw)) }))
    .filter((line) => line.text && !isPageNumber(line.text));
  // The width of the chunk's full lines (of the document's, for a chunk of a line or two): a
  // shorter line that ends a sentence ends its paragraph.
  // (A loop, not Math.max(...lines): a spread over every line of a long text overflows the stack.)
  const full: Measure = lines.length >= 3 ? lines.reduce((m, l) => ({ width: Math.max(m.width, width(l.text)), chars: Math.max(m.chars, [...l.text].length) }), { width: -Infinity, chars: -Infinity }) : pageFull;
  const blocks: SourceBlock[] = [];
  let current: SourceBlock | undefined;
  let ended = false;
  for (const { raw, text } of lines) {
    if (isRule(text)) {
      ended = true;
      continue;
    }
    const listItem = LIST_MARKER.test(text);
    const indented = INDENT.test(raw);
    const standalone = STANDALONE.test(text);
    if (!current || ended || listItem || indented || standalone || CLOSING_LINE.test(text)) {
      if (current) blocks.push(current);
      current = { text, ...(listItem ? { listItem: true } : {}), ...(listItem || indented || ended ? { startsParagraph: true } : {}), lines: [raw.trimEnd()] };
    } else {
      current.text = joinBroken(current.text, text);
      current.lines!.push(raw.trimEnd());
    }
    ended = standalone || (endsSentence(text) && shortOf(text, full, 1.5));
  }
  if (current) blocks.push(current);
  return blocks;
}
