/**
 * What every reader (plain text, PDF, Word) hands the parser: the document's text in reading
 * order, cut into blocks. A block is a paragraph, a headline, a 要目 item or a line of the
 * masthead or 版记 — or a piece of a paragraph that a page break cut, which the parser joins.
 */
export interface SourceBlock {
  /** The block's text on one line, spaces normalised (cjk-text.ts normalizeLine). */
  text: string;
  /** A list item, such as a 要目 entry. The text keeps its marker (◆, -, 1.) if it has one: see LIST_MARKER. */
  listItem?: boolean;
  /**
   * Whether the block is known to start a paragraph (an indented first line, a Word
   * paragraph). Left out when the reader cannot tell: the parser then joins a block to a
   * paragraph that does not end a sentence.
   */
  startsParagraph?: boolean;
  /**
   * The block is known to continue the paragraph before it, which a page break cut even where
   * the cut fell after a full stop (a full last line with no blank line after it, the next page
   * not indented). The parser joins it whatever the paragraph before ends with.
   */
  continuesParagraph?: boolean;

  // What a reader can tell of the block's look, for an official document (公文), whose parts are
  // told apart as much by their place on the page as by their words. Each is left out when the
  // reader cannot tell; the bulletin parser reads none of them.

  /** Its font size over the body text's (1 the body; a title in 2号 over a 3号 body ≈ 1.4). */
  size?: number;
  /** Centred, or set to the right margin (a 署名, a 成文日期). */
  align?: 'center' | 'right';
  /** Set in bold (or a Word heading). */
  bold?: boolean;
  /** A table: its rows, each a list of cells' text (a cell's paragraphs joined by "\n"); `text` is the cells' text in order. */
  rows?: string[][];
  /** The block starts a new page (a page break, a form feed, the head of a PDF page). */
  pageBreakBefore?: boolean;
  /** A line's parts that stand apart, with their extent on the page (PDF): a table row's cells. */
  cells?: Array<{ text: string; left: number; right: number }>;
  /** Plain text: a blank line stands before the block. */
  afterBlank?: boolean;
  /** Where the line stands across the page (PDF, OFD), from its first mark to its last. */
  extent?: { left: number; right: number };
  /**
   * The lines the block was put together from, as extracted (leading spaces kept: `pdftotext
   * -layout` keeps a table's columns), when the reader saw lines but not paragraphs (plain
   * text): an official document's heading (一、检查范围) sits on a line of its own that the
   * plain-text rules would join to the paragraph under it.
   */
  lines?: string[];
  /**
   * Where the reader could not tell a wrap from a new paragraph and decided anyway, each said as
   * the 未能确定 list says it, for the editor to check: lines joined in a PDF or OFD that marks
   * paragraphs by neither an indent nor space (a line filled to the edge ending a sentence), or a
   * paragraph started at a page's head in one marked by space (the page stopped after a full stop).
   */
  uncertain?: string[];
}

/** The reader's 未能确定 of every block, in reading order. */
export const uncertainPlaces = (blocks: readonly SourceBlock[]): string[] => blocks.flatMap((b) => b.uncertain ?? []);

/**
 * Blocks as the bulletin parser reads them: a table's cells one block a paragraph, in reading
 * order (a bulletin's 版记 is often typed as a table).
 */
export function flattenTables(blocks: readonly SourceBlock[]): SourceBlock[] {
  return blocks.flatMap((block) =>
    block.rows
      ? block.rows.flatMap((row) => row.flatMap((cell) => cell.split('\n').filter(Boolean).map((text) => ({ text, startsParagraph: true }))))
      : [block],
  );
}

/** Marks a list item starts with in extracted text: - • ◆ ★ ■ 1. 1、 (1) ①. */
export const LIST_MARKER = /^(?:[-•·◆◇●○■□★☆▲△▶►▪✦※]|\d{1,2}[.．、)）]|[（(]\d{1,2}[)）]|[①-⑳])\s*/;

/** A place a reader joined two lines it could not tell from two paragraphs, as the 未能确定 list says it. */
export const uncertainJoin = (page: number, before: string, after: string): string =>
  `第${page}页：“${before}|${after}”——文件的段落既无首行缩进也无段间距，上一行排满并以句末标点结束，无从判断此处是否另起一段，已接排，请对照原件核对`;

/** The text either side of such a join, [before, after]; undefined for any other line. */
export function joinSeam(line: string): [string, string] | undefined {
  const m = /“([^“”|]+)\|([^“”|]+)”——文件的段落既无首行缩进也无段间距/.exec(line);
  return m ? [m[1]!, m[2]!] : undefined;
}
