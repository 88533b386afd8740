/**
 * Files uploaded from the body editor (scripts/desk/uploads.ts): named as the files beside the
 * articles are (01-1.jpg, 01-附件1.pdf, 01-表1.csv), the next number no file has; refused by the
 * content check's own rule (type, bytes, a CSV that is no table) and by sharp for a photo, with
 * a message naming the file; held per form until saved. 合成测试数据.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Uploads } from '../../../scripts/desk/uploads.ts';
import { syntheticPdf } from '../../../scripts/samples/component-body.ts';

const ARTICLE = 'content/articles/2017-09/01.mdx';
const TOKEN = 'unit-test-token-0001';
let root: string;
let uploads: Uploads;
let png: Buffer;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'desk-uploads-'));
  mkdirSync(join(root, 'content/articles/2017-09'), { recursive: true });
  // A photo already beside the article: the first upload is photo 2.
  writeFileSync(join(root, 'content/articles/2017-09/01-1.jpg'), 'x');
  png = await sharp({ create: { width: 20, height: 10, channels: 3, background: '#00f' } }).png().toBuffer();
  uploads = new Uploads();
});
afterAll(() => {
  uploads.dispose();
  rmSync(root, { recursive: true, force: true });
});

describe('an upload for an article’s body', () => {
  it('is named as the files beside the articles are, the next number free, and held for its form only', async () => {
    expect((await uploads.add(root, TOKEN, ARTICLE, 'photo', '会场照片.PNG', png)).name).toBe('./01-2.png');
    expect((await uploads.add(root, TOKEN, ARTICLE, 'photo', 'IMG_0001.png', png)).name).toBe('./01-3.png');
    expect((await uploads.add(root, TOKEN, ARTICLE, 'attachment', '实施方案（合成）.pdf', Buffer.from(await syntheticPdf('upload')))).name).toBe('./01-附件1.pdf');
    expect((await uploads.add(root, TOKEN, ARTICLE, 'csv', '名单.csv', Buffer.from('姓名,单位\n甲,乙\n'))).name).toBe('./01-表1.csv');
    expect([...uploads.files(TOKEN, ARTICLE).keys()].sort()).toEqual(['01-2.png', '01-3.png', '01-表1.csv', '01-附件1.pdf']);
    expect(uploads.files('another-form-token-0002', ARTICLE).size).toBe(0);
    uploads.clear(TOKEN, ARTICLE);
    expect(uploads.files(TOKEN, ARTICLE).size).toBe(0);
  });

  it('is refused with a message naming the file when it is not what the component takes', async () => {
    const refused = (kind: 'photo' | 'attachment' | 'csv', name: string, bytes: Buffer) => uploads.add(root, TOKEN, ARTICLE, kind, name, bytes).then(() => 'accepted', (error: Error) => error.message);
    expect(await refused('attachment', '程序.exe', Buffer.from('MZ'))).toBe('“程序.exe”不能作为附件：应为 pdf、ofd、doc、docx、wps、xls、xlsx、et、ppt、pptx、csv、txt、zip 格式的文件');
    expect(await refused('attachment', '通知.pdf', Buffer.from('<html><script>alert(1)</script></html>'))).toMatch(/^“通知\.pdf”的内容不是PDF 文件/);
    expect(await refused('photo', '照片.jpg', Buffer.from('GIF89a'))).toMatch(/^“照片\.jpg”的内容不是JPEG 图片/);
    // The right signature and nothing after it: sharp, which the build hands it to, cannot read it.
    expect(await refused('photo', '坏照片.png', png.subarray(0, 24))).toMatch(/^“坏照片\.png”不是能用的照片：图像处理库 sharp 无法读取它/);
    expect(await refused('csv', '表.csv', Buffer.from('项目,数量\n甲,1,多一栏\n'))).toMatch(/^“表\.csv”不是可用的表格：CSV 文件第 2 行有 3 栏，表头有 2 栏/);
    expect(await refused('csv', '表.csv', Buffer.from([0xcf, 0xee, 0xc4, 0xbf, 0x2c, 0x31, 0x0a, 0x31, 0x2c, 0x32]))).toMatch(/^“表\.csv”不是 UTF-8 编码的CSV 表格/);
    expect(uploads.files(TOKEN, ARTICLE).size).toBe(0);
    await expect(uploads.add(root, 'x', ARTICLE, 'photo', 'a.png', png)).rejects.toThrow('上传的会话无效');
  });
});
