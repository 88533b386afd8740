/**
 * What a file beside an article holds, judged by its bytes rather than its name: a 图片's photo,
 * an 附件's file or a 表格's CSV must be what its extension says (a page offers it for download
 * under that type, the build hands a photo to sharp), and no larger than the site serves. A
 * program or a web page renamed `.pdf` is refused here, in the content check and in the
 * 编辑台's upload alike (scripts/content/components.ts, scripts/desk/uploads.ts).
 *
 * The marks are the formats' own signatures (the first bytes every such file begins with):
 * JPEG FF D8 FF, PNG's eight bytes, WebP's RIFF…WEBP, AVIF's ftyp box with an avif/avis brand,
 * TIFF's II*\0 or MM\0*, PDF's %PDF-, the zip container of OOXML, OFD and zip (PK\3\4), the OLE
 * compound file of the older Word, Excel, PowerPoint and WPS formats; CSV and text: UTF-8.
 */
import { MAX_BESIDE_FILE_BYTES, formatBytes } from '../lib/limits.ts';

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const at = (head: Uint8Array, offset: number, bytes: readonly number[]) => bytes.every((b, i) => head[offset + i] === b);

const ZIP = ascii('PK\x03\x04');
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const TEXT = 'text';

/** Each extension's signature test, and what the file is called in a message. */
const SIGNATURES: Record<string, { what: string; test: ((head: Uint8Array) => boolean) | typeof TEXT }> = {
  jpg: { what: 'JPEG 图片', test: (h) => at(h, 0, [0xff, 0xd8, 0xff]) },
  png: { what: 'PNG 图片', test: (h) => at(h, 0, [0x89, ...ascii('PNG\r\n\x1a\n')]) },
  webp: { what: 'WebP 图片', test: (h) => at(h, 0, ascii('RIFF')) && at(h, 8, ascii('WEBP')) },
  avif: { what: 'AVIF 图片', test: (h) => at(h, 4, ascii('ftyp')) && (at(h, 8, ascii('avif')) || at(h, 8, ascii('avis'))) },
  tif: { what: 'TIFF 图片', test: (h) => at(h, 0, ascii('II*\x00')) || at(h, 0, ascii('MM\x00*')) },
  pdf: { what: 'PDF 文件', test: (h) => at(h, 0, ascii('%PDF-')) },
  zip: { what: 'ZIP 压缩包', test: (h) => at(h, 0, ZIP) },
  doc: { what: 'Word 97–2003 文件', test: (h) => at(h, 0, OLE) },
  csv: { what: 'CSV 表格', test: TEXT },
  txt: { what: '文本文件', test: TEXT },
};
const SAME_AS: Record<string, string> = { jpeg: 'jpg', tiff: 'tif', ofd: 'zip', docx: 'zip', xlsx: 'zip', pptx: 'zip', xls: 'doc', ppt: 'doc', wps: 'doc', et: 'doc' };

/** How many bytes of a file the signature test reads. */
export const HEAD_BYTES = 16;

const extensionOf = (name: string) => /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * What is wrong with the file `name` of `size` bytes, whose first bytes are `head()` (HEAD_BYTES or
 * all, if fewer) and whole bytes `whole()` (read only for a text), in Chinese; undefined when
 * nothing. An extension this module does not know is left to the name's own check (fileNameProblem).
 */
export function fileContentProblem(name: string, size: number, head: () => Uint8Array, whole: () => Uint8Array): string | undefined {
  if (size > MAX_BESIDE_FILE_BYTES) return `有 ${formatBytes(size)}，超过上限 ${formatBytes(MAX_BESIDE_FILE_BYTES)}：请压缩后再用（照片缩小尺寸，PDF 降低分辨率）`;
  if (size === 0) return '是空文件';
  const extension = extensionOf(name);
  const signature = SIGNATURES[SAME_AS[extension] ?? extension];
  if (!signature) return undefined;
  if (signature.test === TEXT) {
    const bytes = whole();
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return `不是 UTF-8 编码的${signature.what}：请在 Excel 或 WPS 中“另存为”CSV UTF-8（逗号分隔）`;
    }
    if (text.includes('\0')) return `不是${signature.what}（含有二进制内容）：可能是改了扩展名的其他文件`;
    return undefined;
  }
  if (!signature.test(head())) return `的内容不是${signature.what}（文件开头与 .${extension} 格式不符）：可能是改了扩展名的其他文件，请用原文件`;
  return undefined;
}
