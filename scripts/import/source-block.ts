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
}

/** Marks a list item starts with in extracted text: - • ◆ ★ ■ 1. 1、 (1) ①. */
export const LIST_MARKER = /^(?:[-•·◆◇●○■□★☆▲△▶►▪✦※]|\d{1,2}[.．、)）]|[（(]\d{1,2}[)）]|[①-⑳])\s*/;
