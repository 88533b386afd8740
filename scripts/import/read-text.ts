/**
 * Plain text extracted from a bulletin (pdftotext, copy and paste): UTF-8, LF or CRLF, form
 * feeds between pages, full-width spaces. Blank lines separate blocks; a form feed is a page
 * break and so a block boundary; a page number line is dropped. Inside a block, a new block
 * starts at a list item, an indented line, a line of the masthead or 版记 (第2期, 主办：…), and
 * after a line that ends a sentence short of the block's full line width (a paragraph's last line).
 */
import { endsSentence, isPageNumber, isRule, joinBroken, normalizeLine } from './cjk-text.ts';
import { LIST_MARKER, type SourceBlock } from './source-block.ts';

/** Leading space that marks a paragraph's first line: two spaces, a full-width space, a tab. */
const INDENT = /^(?: {2,}|[\u3000\t])/;
/** Lines that stand alone: 第2期, a date, 本期要目, 共印200份. */
const STANDALONE = /^(?:第\s*\S{1,4}\s*期.*|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:本期)?要目|[（(]?\s*共印.*份\s*[)）]?)$/;
/** A 版记 line starts a block; a long one (送：…) may wrap onto the next line. */
const CLOSING_LINE = /^(?:主\s*办|邮\s*箱|电\s*话|出版日期|报|送|发)\s*[：:]/;

/**
 * A line's width in Chinese characters: Latin letters and digits count half; a space between
 * two Chinese characters counts whole (in print it is a full-width gap: 第十条　本办法…).
 */
export const width = (line: string) =>
  [...line.replace(/(?<=[^\x00-\u1fff]) (?=[^\x00-\u1fff])/g, '\u3000')].reduce((sum, c) => sum + (c.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);

export interface TextReading {
  /** Also give each block the lines it was made of, and mark the first block of each page (after a form feed). */
  layout?: boolean;
}

export function blocksFromText(source: string, { layout = false }: TextReading = {}): SourceBlock[] {
  const pages = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\f');
  return pages.flatMap((page, i) => {
    const blocks = page.split(/\n[ \t\u3000]*\n/).flatMap(blocksOfChunk);
    if (!layout) return blocks.map(({ lines: _, ...block }) => block);
    if (i > 0 && blocks[0]) blocks[0].pageBreakBefore = true;
    return blocks;
  });
}

function blocksOfChunk(chunk: string): SourceBlock[] {
  const lines = chunk
    .split('\n')
    .map((raw) => ({ raw, text: normalizeLine(raw) }))
    .filter((line) => line.text && !isPageNumber(line.text));
  // The width of the chunk's full lines: a shorter line that ends a sentence ends its paragraph.
  const full = lines.length >= 3 ? Math.max(...lines.map((l) => width(l.text))) : Infinity;
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
    ended = standalone || (endsSentence(text) && width(text) < full - 1.5);
  }
  if (current) blocks.push(current);
  return blocks;
}
