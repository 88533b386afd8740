/**
 * What a file beside an article holds, judged by its bytes (scripts/content/file-content.ts): each
 * format by its own signature, text as UTF-8, the size limit; a file renamed to another
 * extension is refused, naming what it should have been.
 */
import { describe, expect, it } from 'vitest';
import { fileContentProblem } from '../../../scripts/content/file-content.ts';
import { MAX_BESIDE_FILE_BYTES } from '../../../scripts/lib/limits.ts';

const judge = (name: string, bytes: Uint8Array, size = bytes.length) => fileContentProblem(name, size, () => bytes.subarray(0, 16), () => bytes);
const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('a file beside an article, by what it holds', () => {
  it('takes each format by its signature', () => {
    expect(judge('a.jpg', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBeUndefined();
    expect(judge('a.JPEG', bytes([0xff, 0xd8, 0xff, 0xe1]))).toBeUndefined();
    expect(judge('a.png', bytes([0x89], 'PNG\r\n\x1a\n'))).toBeUndefined();
    expect(judge('a.webp', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBeUndefined();
    expect(judge('a.avif', bytes([0, 0, 0, 28], 'ftypavif'))).toBeUndefined();
    expect(judge('a.tif', bytes('II*\0'))).toBeUndefined();
    expect(judge('a.pdf', bytes('%PDF-1.7\n'))).toBeUndefined();
    for (const name of ['a.docx', 'a.xlsx', 'a.ofd', 'a.zip']) expect(judge(name, bytes('PK\x03\x04', [20, 0]))).toBeUndefined();
    for (const name of ['a.doc', 'a.xls', 'a.wps', 'a.et']) expect(judge(name, bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBeUndefined();
    expect(judge('a.csv', Buffer.from('项目,数量\n甲,1\n'))).toBeUndefined();
  });

  it('refuses a file whose bytes are another format than its name says', () => {
    expect(judge('a.pdf', Buffer.from('<!doctype html><script>alert(1)</script>'))).toBe('的内容不是PDF 文件（文件开头与 .pdf 格式不符）：可能是改了扩展名的其他文件，请用原文件');
    expect(judge('a.jpg', bytes('MZ', [0x90, 0]))).toMatch(/^的内容不是JPEG 图片/);
    expect(judge('a.docx', bytes('%PDF-1.4'))).toMatch(/^的内容不是ZIP 压缩包/);
    expect(judge('a.csv', Buffer.from([0xcf, 0xee, 0xc4, 0xbf, 0x2c, 0x31]))).toMatch(/^不是 UTF-8 编码的CSV 表格/);
    expect(judge('a.txt', Buffer.from('甲\0乙'))).toMatch(/含有二进制内容/);
  });

  it('refuses an empty file and one over the limit, without reading it', () => {
    expect(judge('a.pdf', Buffer.alloc(0))).toBe('是空文件');
    const unread = () => {
      throw new Error('read');
    };
    expect(fileContentProblem('a.pdf', MAX_BESIDE_FILE_BYTES + 1, unread, unread)).toMatch(/^有 30\.0 MB，超过上限 30\.0 MB/);
  });
});
