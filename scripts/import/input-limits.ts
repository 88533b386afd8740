/**
 * The importer's limits (scripts/lib/limits.ts), each checked before the work it bounds: the
 * file's size before it is read, a Word file's paragraphs and elements before mammoth builds its
 * model of them (millions of empty paragraphs zip to a few hundred KB), a PDF's pages before
 * their text is extracted, a scan's pages and their size before they are rasterised, and what a
 * reader made of the file (characters, paragraphs) before it is parsed. Each refusal says
 * in Chinese what was found and what the limit is; the command line names the file.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { ImportError } from './errors.ts';
import { inflateEntry, zipEntries } from './zip-limits.ts';
import type { SourceBlock } from './source-block.ts';
import { formatBytes, formatCount, MAX_DOCX_ELEMENTS, MAX_IMPORT_FILE_BYTES, MAX_IMPORT_LINES, MAX_IMPORT_PARAGRAPHS, MAX_IMPORT_TEXT_CHARACTERS, MAX_PDF_PAGES, MAX_SCAN_PAGE_POINTS, MAX_SCAN_PAGES } from '../lib/limits.ts';

/** The file's size, before it is read. */
export function checkFileSize(path: string): void {
  const size = statSync(path).size;
  if (size > MAX_IMPORT_FILE_BYTES) {
    throw new ImportError(`文件有 ${formatBytes(size)}，超过导入上限 ${formatBytes(MAX_IMPORT_FILE_BYTES)}：一期工作要讯或一份公文不会这么大，请检查是否选错了文件`);
  }
}

/** A text's length and lines, before it is split into lines. */
export function checkTextLength(text: string): void {
  if (text.length > MAX_IMPORT_TEXT_CHARACTERS) {
    throw new ImportError(`文本有 ${formatCount(text.length)} 个字符，超过导入上限 ${formatCount(MAX_IMPORT_TEXT_CHARACTERS)}：请把文件拆开导入，或检查是否选错了文件`);
  }
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  if (lines > MAX_IMPORT_LINES) {
    throw new ImportError(`文本有 ${formatCount(lines)} 行，超过导入上限 ${formatCount(MAX_IMPORT_LINES)} 行：请把文件拆开导入，或检查是否选错了文件`);
  }
}

/** What a reader made of the file, before it is parsed: the paragraphs, and their characters together. */
export function checkBlocks(blocks: readonly SourceBlock[]): void {
  if (blocks.length > MAX_IMPORT_PARAGRAPHS) {
    throw new ImportError(`读出 ${formatCount(blocks.length)} 个段落，超过导入上限 ${formatCount(MAX_IMPORT_PARAGRAPHS)}：请把文件拆开导入，或检查是否选错了文件`);
  }
  let characters = 0;
  for (const block of blocks) characters += block.text.length;
  if (characters > MAX_IMPORT_TEXT_CHARACTERS) {
    throw new ImportError(`读出 ${formatCount(characters)} 个字符，超过导入上限 ${formatCount(MAX_IMPORT_TEXT_CHARACTERS)}：请把文件拆开导入，或检查是否选错了文件`);
  }
}

const OPEN = '<'.charCodeAt(0);

/**
 * A Word file's paragraphs (<w:p> elements of word/document.xml) and all its elements, counted in
 * its inflated bytes before mammoth builds its tree of them. The archive's bounds (zip-limits.ts)
 * bound the XML; this counts without making a string of it.
 */
export function checkDocxParagraphs(data: Uint8Array): void {
  const entry = zipEntries(data, 'Word 文件').find((e) => e.name === 'word/document.xml');
  if (!entry) return; // mammoth says what is missing.
  const xml = inflateEntry(data, entry, 'Word 文件');
  let paragraphs = 0;
  let elements = 0;
  for (let at = xml.indexOf(OPEN); at >= 0 && at < xml.length - 4; at = xml.indexOf(OPEN, at + 1)) {
    const first = xml[at + 1];
    // An element opens (not </…>, <?…?>, <!…>).
    if (first !== 0x2f && first !== 0x3f && first !== 0x21) elements++;
    // <w:p> <w:p/> <w:p attr…>, not <w:pPr> or <w:pStyle>.
    if (first === 0x77 && xml[at + 2] === 0x3a && xml[at + 3] === 0x70) {
      const next = xml[at + 4];
      if (next === 0x3e || next === 0x2f || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d) paragraphs++;
    }
  }
  if (paragraphs > MAX_IMPORT_PARAGRAPHS) {
    throw new ImportError(`Word 文件有 ${formatCount(paragraphs)} 个段落，超过导入上限 ${formatCount(MAX_IMPORT_PARAGRAPHS)}：文件异常，或应拆开导入`);
  }
  if (elements > MAX_DOCX_ELEMENTS) {
    throw new ImportError(`Word 文件的正文有 ${formatCount(elements)} 个 XML 元素（段落、文字串及其格式），超过导入上限 ${formatCount(MAX_DOCX_ELEMENTS)}：文件异常，或应拆开导入`);
  }
}

/** A PDF's pages, before their text is extracted. */
export function checkPdfPages(pages: number): void {
  if (pages > MAX_PDF_PAGES) throw new ImportError(`PDF 有 ${formatCount(pages)} 页，超过导入上限 ${formatCount(MAX_PDF_PAGES)} 页：请把文件拆开导入，或检查是否选错了文件`);
}

/** Points as millimetres, for the messages: 842 pt → 297 mm. */
const mm = (points: number) => Math.round((points / 72) * 25.4);

/**
 * A scan's pages and their size, read with poppler's pdfinfo (no page is drawn) before any is
 * rasterised at 300 dpi: at most MAX_SCAN_PAGES pages, each at most A3 either way round.
 */
export function checkScanPages(pdf: string): void {
  const info = spawnSync('pdfinfo', ['-f', '1', '-l', String(MAX_SCAN_PAGES + 1), pdf], { encoding: 'utf8' });
  if (info.status !== 0) throw new ImportError(`无法读出扫描件的页面（pdfinfo：${(info.stderr || '').trim().split('\n')[0] ?? ''}）：文件可能已损坏，请重新扫描或导出`);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1] ?? 0);
  if (pages > MAX_SCAN_PAGES) throw new ImportError(`扫描件有 ${formatCount(pages)} 页，超过文字识别的上限 ${MAX_SCAN_PAGES} 页：请把扫描件拆开导入`);
  for (const [, page, width, height] of info.stdout.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)) {
    const [short, long] = [Number(width), Number(height)].sort((a, b) => a - b) as [number, number];
    if (short > MAX_SCAN_PAGE_POINTS.short || long > MAX_SCAN_PAGE_POINTS.long) {
      throw new ImportError(`扫描件第 ${page} 页为 ${mm(Number(width))} × ${mm(Number(height))} 毫米，超过文字识别的上限（A3，297 × 420 毫米）：请按 A4 或 A3 重新扫描`);
    }
  }
}
