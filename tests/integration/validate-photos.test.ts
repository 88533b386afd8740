/** The content check on article photos: each problem named with the file, the line and the field. */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateContent, formatProblem } from '../../scripts/content/validate.ts';
import { copyContent, type ContentCopy } from '../helpers/content-copy.ts';
import { writeSyntheticPhoto } from '../../scripts/samples/synthetic-photo.ts';

let copy: ContentCopy;
// A test may make several copies: each is removed, not only the last.
const copies: ContentCopy[] = [];
afterEach(() => copies.splice(0).forEach((c) => c.remove()));

const ARTICLE = 'content/articles/2017-02/01.mdx';
/** The line `photos:` lands on when added at the end of the article's frontmatter. */
const PHOTOS_LINE = 16;

async function problemsWith(photosYaml: string, options: { files?: string[]; body?: string } = {}): Promise<string[]> {
  copy = copyContent();
  copies.push(copy);
  for (const file of options.files ?? []) {
    await writeSyntheticPhoto(join(copy.root, 'content/articles/2017-02', file), { width: 400, height: 300, format: 'jpeg' });
  }
  if (photosYaml) copy.edit(ARTICLE, (text) => text.replace(/\n---\n/, `\n${photosYaml}---\n`));
  if (options.body !== undefined) copy.edit(ARTICLE, (text) => `${text}\n${options.body}\n`);
  return validateContent(copy.root).problems.map(formatProblem);
}

const photo = (fields: string) => `photos:\n  - ${fields.trim().split('\n').join('\n    ')}\n`;

describe('article photos in the content check', () => {
  it('accepts a photo beside its article, with alt text and a caption', async () => {
    expect(await problemsWith(photo('src: ./01-1.jpg\nalt: 会场\ncaption: 会议现场'), { files: ['01-1.jpg'] })).toEqual([]);
  });

  it('names a photo without alt text, and one whose alt text is blank', async () => {
    expect(await problemsWith(photo('src: ./01-1.jpg\ncaption: 会议现场'), { files: ['01-1.jpg'] })).toEqual([
      `${ARTICLE}:${PHOTOS_LINE + 1} photos[0].alt：每张照片都须有替代文字 alt：写明照片的内容（谁、在做什么、在哪里）`,
    ]);
    expect(await problemsWith(photo('src: ./01-1.jpg\nalt: "  "\ncaption: 会议现场'), { files: ['01-1.jpg'] })).toEqual([
      `${ARTICLE}:${PHOTOS_LINE + 2} photos[0].alt：替代文字 alt 不能为空：写明照片的内容（谁、在做什么、在哪里）`,
    ]);
  });

  it('names a photo without a caption', async () => {
    expect(await problemsWith(photo('src: ./01-1.jpg\nalt: 会场'), { files: ['01-1.jpg'] })).toEqual([
      `${ARTICLE}:${PHOTOS_LINE + 1} photos[0].caption：每张照片都须有图片说明 caption`,
    ]);
  });

  it('names a photo file that does not exist', async () => {
    expect(await problemsWith(photo('src: ./01-9.jpg\nalt: 会场\ncaption: 会议现场'))).toEqual([
      `${ARTICLE}:${PHOTOS_LINE + 1} photos[0].src：照片文件 ./01-9.jpg（content/articles/2017-02/01-9.jpg）不存在`,
    ]);
  });

  it('refuses a remote address and a format the pipeline does not take', async () => {
    expect(await problemsWith(photo('src: https://example.org/a.jpg\nalt: 会场\ncaption: 会议现场'))).toEqual([
      `${ARTICLE}:${PHOTOS_LINE + 1} photos[0].src：照片应为与本文件放在一起的图片文件，路径以 ./ 开头，如 ./01-1.jpg`,
    ]);
    expect(await problemsWith(photo('src: ./01-1.svg\nalt: 会场\ncaption: 会议现场'))).toEqual([
      `${ARTICLE}:${PHOTOS_LINE + 1} photos[0].src：照片应为 jpg、jpeg、png、webp、avif、tif、tiff 格式的文件`,
    ]);
  });

  it('names a photo file that no article lists', async () => {
    expect(await problemsWith('', { files: ['01-1.jpg'] })).toEqual([
      'content/articles/2017-02/01-1.jpg:1：这张照片没有被任何文章的 photos 列出，也没有用在 <图片> 中：请在文章中列出，或删去该文件',
    ]);
  });

  it('names an image put in the body, where nothing asks for its alt text', async () => {
    const problems = await problemsWith('', { body: '![](./01-1.jpg)' });
    const line = readFileSync(join(copy.root, ARTICLE), 'utf8').split('\n').indexOf('![](./01-1.jpg)') + 1;
    expect(problems).toEqual([`${ARTICLE}:${line}：正文中不能用 Markdown 插入图片：请用 <图片 文件="./…" 图注="…" 替代文字="…" 摄影="…" />，或把照片列在头信息的 photos 中`]);
  });
});
