/**
 * Plain text extracted from a bulletin (pdftotext, copy and paste): UTF-8, LF or CRLF, form
 * feeds between pages, full-width spaces. Blank lines separate blocks; a form feed is a page
 * break and so a block boundary; a page number line is dropped.
 */
import { isPageNumber, isRule, joinBroken, normalizeLine } from './cjk-text.ts';
import { LIST_MARKER, type SourceBlock } from './source-block.ts';

/** Leading space that marks a paragraph's first line: two spaces, a full-width space, a tab. */
const INDENT = /^(?: {2,}|[\u3000\t])/;

export function blocksFromText(source: string): SourceBlock[] {
  const lines = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n\n')
    .split('\n');
  const blocks: SourceBlock[] = [];
  // The block being built, and whether the last line ended it (a blank line, a rule).
  let current: SourceBlock | undefined;
  const close = () => {
    if (current?.text) blocks.push(current);
    current = undefined;
  };
  for (const raw of lines) {
    const line = normalizeLine(raw);
    if (!line || isRule(line)) {
      close();
      continue;
    }
    if (isPageNumber(line)) continue;
    const indented = INDENT.test(raw.replace(/^\uFEFF/, ''));
    if (LIST_MARKER.test(line)) {
      close();
      current = { text: line, listItem: true, startsParagraph: true };
    } else if (indented && current) {
      close();
      current = { text: line, startsParagraph: true };
    } else if (current) {
      current.text = joinBroken(current.text, line);
    } else {
      current = indented ? { text: line, startsParagraph: true } : { text: line };
    }
  }
  close();
  return blocks;
}
