/**
 * Opens the file an editor names and hands it to the reader for its kind, told by its first
 * bytes rather than its name alone: %PDF- is a PDF, a zip with OFD.xml (or named .ofd) is an
 * OFD, any other zip a .docx, anything else must be UTF-8 text. Every way a file can fail says
 * what is wrong with it.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { ImportError, libraryRefusal } from './errors.ts';
import { checkDocxParagraphs, checkFileSize, checkTextLength } from './input-limits.ts';
import { blocksFromDocx } from './read-docx.ts';
import { blocksFromOfd, isOfdPackage, OfdScanError, ofdScanPdf } from './read-ofd.ts';
import { blocksFromPdf } from './read-pdf.ts';
import { blocksFromText } from './read-text.ts';
import { blocksFromHtml, looksLikeHtml } from './read-html.ts';
import { ocrPdf, ocrText, LOW_CONFIDENCE, type OcrLine } from './read-scan.ts';
export { LOW_CONFIDENCE };
import type { SourceBlock } from './source-block.ts';

export type SourceFormat = 'text' | 'pdf' | 'docx' | 'scan' | 'ofd' | 'ofd-scan' | 'html';

export const FORMAT_NAMES: Record<SourceFormat, string> = { text: '纯文本', pdf: 'PDF', docx: 'Word（.docx）', scan: '扫描件 PDF（文字识别稿）', ofd: 'OFD', 'ofd-scan': '扫描件 OFD（文字识别稿）', html: '网页（HTML）' };

export async function readSource(path: string): Promise<{ format: SourceFormat; blocks: SourceBlock[]; ocr?: OcrLine[] }> {
  let data: Buffer;
  try {
    if (!statSync(path).isFile()) throw new ImportError('不是文件（是文件夹或其他）');
    checkFileSize(path);
    data = readFileSync(path);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ImportError('文件不存在');
    if (code === 'EACCES' || code === 'EPERM') throw new ImportError('没有读取这个文件的权限');
    throw libraryRefusal('无法读取', '文件系统', error, '请检查文件是否完好、能否打开');
  }
  if (!data.length) throw new ImportError('文件是空的');

  const extension = extname(path).toLowerCase();
  const isPdf = data.subarray(0, 5).toString('latin1') === '%PDF-';
  const isZip = data.subarray(0, 4).toString('latin1') === 'PK\x03\x04';
  if (extension === '.doc' || data.subarray(0, 4).toString('hex') === 'd0cf11e0') {
    throw new ImportError('是旧版 Word（.doc）文件，无法读取：请在 Word 中另存为 .docx 再导入');
  }
  if (isPdf) {
    let blocks: SourceBlock[];
    try {
      blocks = await blocksFromPdf(new Uint8Array(data));
    } catch (error) {
      // The limits (input-limits.ts) say themselves what is wrong.
      if (error instanceof ImportError) throw error;
      throw libraryRefusal('无法读取这个 PDF', 'PDF.js', error, '文件可能已损坏或加密，请用原文件重新导出 PDF 后再导入');
    }
    if (!blocks.length) {
      // No text layer: a scan. Its recognised text goes through the plain-text reader.
      const ocr = await ocrPdf(new Uint8Array(data));
      if (!ocr.length) throw new ImportError('PDF 中没有文字，文字识别也没有读出文字：请检查扫描件是否清晰');
      return { format: 'scan', blocks: blocksFromText(ocrText(ocr), { layout: true }), ocr };
    }
    return { format: 'pdf', blocks };
  }
  if (extension === '.pdf') throw new ImportError('扩展名是 .pdf，内容却不是 PDF（文件可能已损坏）');
  if (extension === '.ofd' || (isZip && extension !== '.docx' && isOfdPackage(data))) {
    try {
      return { format: 'ofd', blocks: blocksFromOfd(data) };
    } catch (error) {
      if (error instanceof OfdScanError) {
        // Pages of pictures: a scan, recognised as a scanned PDF is, from a PDF of its pictures.
        const ocr = await ocrPdf(await ofdScanPdf(data));
        if (!ocr.length) throw new ImportError('OFD 中没有文字，文字识别也没有读出文字：请检查扫描件是否清晰');
        return { format: 'ofd-scan', blocks: blocksFromText(ocrText(ocr), { layout: true }), ocr };
      }
      if (error instanceof ImportError) throw error;
      throw libraryRefusal('无法读取这个 OFD 文件', 'OFD', error, '文件可能已损坏，请用原程序重新导出 OFD 后再导入');
    }
  }
  if (isZip) {
    try {
      // Paragraphs counted before mammoth builds its model of them (input-limits.ts).
      checkDocxParagraphs(data);
      return { format: 'docx', blocks: await blocksFromDocx(data) };
    } catch (error) {
      // The size limits (zip-limits.ts) say themselves what is wrong.
      if (error instanceof ImportError) throw error;
      throw libraryRefusal('无法读取这个 Word 文件（应为 .docx）', 'mammoth', error, '文件可能已损坏，请在 Word 中另存为 .docx 后再导入');
    }
  }
  if (extension === '.docx') throw new ImportError('扩展名是 .docx，内容却不是 Word 文件（文件可能已损坏）');
  const text = decodeText(data);
  checkTextLength(text);
  if (text.includes('\u0000')) throw new ImportError('不是文本文件（含有二进制内容），也不是 PDF、.docx 或 OFD 文件');
  if (extension === '.html' || extension === '.htm' || extension === '.shtml' || looksLikeHtml(text)) return { format: 'html', blocks: blocksFromHtml(text) };
  return { format: 'text', blocks: blocksFromText(text, { layout: true }) };
}

/**
 * Text as an office's files hold it: UTF-8 (with or without a BOM), or GB18030 / GBK — what
 * Windows' Notepad saves as “ANSI” on a Chinese system and what many government sites still serve
 * (an HTML page says so in its <meta charset>). Refused when it is neither.
 */
export function decodeText(data: Buffer): string {
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*(gb2312|gbk|gb18030)/i.exec(data.subarray(0, 4096).toString('latin1'))?.[1];
  if (!declared) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      // Not UTF-8: GB18030 below.
    }
  }
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(data);
  } catch {
    throw new ImportError('不是 UTF-8 或 GBK（GB18030）编码的文本，也不是 PDF、.docx 或 OFD 文件：文本文件请以 UTF-8 编码保存');
  }
  // Bytes that happen to decode as GB18030 are not Chinese text: most of a real text is Chinese or ASCII.
  const chars = [...text];
  const plausible = chars.filter((c) => /[\x09\x0a\x0d\x20-\x7e\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’…—·]/u.test(c)).length;
  if (plausible < chars.length * 0.95) throw new ImportError('不是 UTF-8 或 GBK（GB18030）编码的文本，也不是 PDF、.docx 或 OFD 文件：文本文件请以 UTF-8 编码保存');
  return text;
}
