import { describe, expect, it } from 'vitest';
import { blocksFromText } from '../../../scripts/import/read-text.ts';
import { tidy } from '../../../scripts/import/cjk-text.ts';

// Synthetic text, made for these tests: not from a real bulletin.
const LF = ['工作要讯', '', '第 9 期', '', '- 甲单位召开座谈会', '- 乙单位开展调研', '', '甲单位召开座谈会', '', '5月1日，甲单位召开座谈会，是贯', '', '— 2 —', '', '彻落实的举措。', ''].join('\n');

describe('reading extracted text', () => {
  it('cuts blocks at blank lines, marks list items, drops page numbers', () => {
    expect(blocksFromText(LF)).toEqual([
      { text: '工作要讯' },
      { text: '第 9 期' },
      { text: '- 甲单位召开座谈会', listItem: true, startsParagraph: true },
      { text: '- 乙单位开展调研', listItem: true, startsParagraph: true },
      { text: '甲单位召开座谈会' },
      { text: '5月1日，甲单位召开座谈会，是贯' },
      { text: '彻落实的举措。' },
    ]);
  });

  it('reads CRLF, form feeds and full-width spaces the same as LF', () => {
    const crlf = LF.replace(/\n/g, '\r\n');
    const formFeeds = LF.replace('\n\n— 2 —\n\n', '\n\f').replace('第 9 期', '第\u30009\u3000期');
    expect(blocksFromText(crlf)).toEqual(blocksFromText(LF));
    expect(blocksFromText(formFeeds).map((b) => b.text.replace(/\s/g, ''))).toEqual(blocksFromText(LF).map((b) => b.text.replace(/\s/g, '')));
  });

  it('joins a wrapped line, and starts a block at an indented line or a 版记 line', () => {
    const text = '送：各市市委书记、市长，省发改委、\n国资委主要负责同志\n\u3000\u3000第二段开头\n主 办：某单位\n邮 箱：a@b.cn';
    expect(blocksFromText(text).map((b) => b.text)).toEqual(['送：各市市委书记、市长，省发改委、国资委主要负责同志', '第二段开头', '主 办：某单位', '邮 箱：a@b.cn']);
  });

  it('ends a paragraph at a short line that ends a sentence', () => {
    const text = ['一二三四五六七八九十一二三四五六七八九十', '一二三四五六七八九十。', '第二段一二三四五六七八九十一二三四五六七', '八九十。'].join('\n');
    expect(blocksFromText(text).map((b) => b.text)).toEqual(['一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十。', '第二段一二三四五六七八九十一二三四五六七八九十。']);
  });

  it('does not end a paragraph at a line full by its characters that digits make narrower (handmade-text-wrap23)', () => {
    // Wrapped at 20 characters, digits counted whole: the second line ends a sentence and is full.
    const text = ['一二三四五六七八九十一二三四五六七八九十', '一二三四五六七八九十一“1331工程”。', '一二三四五六七八九十。'].join('\n');
    expect(blocksFromText(text).map((b) => b.text)).toEqual(['一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一“1331工程”。一二三四五六七八九十。']);
  });

  it('takes the spaces out of a line whose characters a justified print spread apart (pdftotext -layout)', () => {
    const text = '4 月 15 日 、 16 日 ， 吴 俊 清 厅 长 深 入 吕 梁 市 有 关 高 校 调\n研工作。';
    // The spaces around the digits are the bulletin parser's to drop (tidy), as everywhere.
    expect(blocksFromText(text).map((b) => tidy(b.text))).toEqual(['4月15日、16日，吴俊清厅长深入吕梁市有关高校调研工作。']);
  });
});
