import { describe, expect, it } from 'vitest';
import { plainImage, plainReference } from '../../src/schemas/common.ts';
import { articleSchema } from '../../src/schemas/article.ts';

const article = { title: '省教育厅与吕梁市签署“1331工程”战略合作协议', issue: '2017-02' };
const messages = (result: { error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('article photos in the schema', () => {
  const schema = articleSchema(plainReference, plainImage);
  const photo = { src: './04-1.jpg', alt: '签约仪式现场', caption: '省教育厅与吕梁市签署战略合作协议' };

  it('has none by default, and hands the path on to the image helper', () => {
    expect(schema.parse(article).photos).toEqual([]);
    expect(schema.parse({ ...article, photos: [photo] }).photos).toEqual([{ ...photo, src: { path: './04-1.jpg' } }]);
  });
  it('requires alt text and a caption', () => {
    expect(messages(schema.safeParse({ ...article, photos: [{ src: photo.src }] }))).toEqual([
      'photos.0.alt: 每张照片都须有替代文字 alt：写明照片的内容（谁、在做什么、在哪里）',
      'photos.0.caption: 每张照片都须有图片说明 caption',
    ]);
    expect(messages(schema.safeParse({ ...article, photos: [{ ...photo, alt: ' ' }] }))).toEqual([
      'photos.0.alt: 替代文字 alt 不能为空：写明照片的内容（谁、在做什么、在哪里）',
    ]);
  });
  it('takes only local photo files in formats the pipeline reads', () => {
    expect(schema.safeParse({ ...article, photos: [{ ...photo, src: './04-1.JPEG' }] }).success).toBe(true);
    expect(schema.safeParse({ ...article, photos: [{ ...photo, src: '04-1.jpg' }] }).success).toBe(false);
    expect(schema.safeParse({ ...article, photos: [{ ...photo, src: 'https://example.org/04-1.jpg' }] }).success).toBe(false);
    expect(schema.safeParse({ ...article, photos: [{ ...photo, src: './04-1.pdf' }] }).success).toBe(false);
  });
  it('refuses unknown fields in a photo', () => {
    expect(messages(schema.safeParse({ ...article, photos: [{ ...photo, credit: '某' }] }))[0]).toMatch(/^photos.0: /);
  });
});

describe('names that get pages of their own', () => {
  const schema = articleSchema(plainReference, plainImage);
  it('refuses a “/” in a name, which would split its address', () => {
    expect(messages(schema.safeParse({ ...article, organizations: ['省教育厅/高校工委'] }))).toEqual([
      'organizations.0: 名称中不能含有“/”：它是网址的一部分，两个名称请分开写',
    ]);
    expect(schema.safeParse({ ...article, people: ['吴俊清'], places: ['吕梁市'] }).success).toBe(true);
  });
});
