/**
 * The documented limits of what the importer reads and the build publishes (README, "Limits").
 * Anything beyond them is refused with a message in Chinese that names the file and the limit,
 * before it can use more than the memory budget: no input under them takes more than
 * MEMORY_BUDGET_BYTES in the importer (tests/integration/hostile-inputs.test.ts measures it).
 *
 * Each is far above what the office's documents need (a bulletin issue, the longest 公文 with its
 * attachments); what each input cost before its limit, and costs now: docs/security.md, "Limits".
 */

/** The importer's memory budget: peak resident memory of the whole import, on any input. */
export const MEMORY_BUDGET_BYTES = 1024 ** 3;

/** A file to import: above a long scanned issue at 300 dpi. */
export const MAX_IMPORT_FILE_BYTES = 64 * 1024 ** 2;

/** Text to import (a .txt, or what a PDF or Word file holds), in characters. */
export const MAX_IMPORT_TEXT_CHARACTERS = 2_000_000;

/**
 * Lines of a text to import, far more than a long document has. (The readers join a paragraph's
 * lines one by one, which takes time as the square of a paragraph's length: this bounds it.)
 */
export const MAX_IMPORT_LINES = 10_000;

/** Paragraphs (blocks) of an imported file: lines of a text, paragraphs of a Word file, lines of a PDF's pages. */
export const MAX_IMPORT_PARAGRAPHS = 20_000;

/**
 * XML elements of a Word file's document.xml (every tag: paragraphs, runs, their properties).
 * mammoth builds a tree of them all, whose memory grows with their number well within the zip
 * bounds (zip-limits.ts): this keeps it under the budget, far above a long formatted document.
 */
export const MAX_DOCX_ELEMENTS = 250_000;

/** Pages of a PDF to import. */
export const MAX_PDF_PAGES = 500;

/** Pages of a scanned PDF to recognise: each takes Tesseract some seconds. */
export const MAX_SCAN_PAGES = 60;

/**
 * A scanned page's size, in PDF points (1/72 inch), as rasterised at 300 dpi for OCR: at most
 * A3 (297 × 420 mm, 842 × 1191 pt) either way round, with 5 % to spare. A page's pixels grow as
 * its area: a tiny PDF can declare a page that no memory holds at 300 dpi.
 */
export const MAX_SCAN_PAGE_POINTS = { short: 842 * 1.05, long: 1191 * 1.05 } as const;

/**
 * A content file's body, in characters (an article, an issue, a policy with its attachments):
 * well over a hundred pages of 公文 text. The build indexes and prints a body of this size
 * (docs/security.md); the check refuses a longer one before reading it.
 */
export const MAX_BODY_CHARACTERS = 300_000;

/**
 * A file beside an article that a component names (a 图片's photo, an 附件, a 表格's CSV): a
 * camera's photo or a long scanned attachment is well under it; a reader on a phone should not be
 * handed more (scripts/content/file-content.ts).
 */
export const MAX_BESIDE_FILE_BYTES = 30 * 1024 ** 2;

/** Bytes as an editor reads them: 2.9 MB, 820 KB. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

/** A count with thousands marked: 8,300,000. */
export const formatCount = (n: number) => n.toLocaleString('en-US');
