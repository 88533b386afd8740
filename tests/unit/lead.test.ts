import { describe, expect, it } from 'vitest';
import { leadOf } from '../../src/lib/lead.ts';
import { articleText } from '../../src/lib/article-text.ts';

describe('leadOf', () => {
  it('takes the first paragraph whole when it fits', () => {
    expect(leadOf(['4月25日，省教育厅召开“1331工程”推进座谈会。', '第二段。'])).toBe('4月25日，省教育厅召开“1331工程”推进座谈会。');
  });
  it('cuts a long paragraph at the last sentence end that fits', () => {
    const paragraph = `${'甲'.repeat(60)}。${'乙'.repeat(30)}！${'丙'.repeat(100)}。`;
    expect(leadOf([paragraph], 120)).toBe(`${'甲'.repeat(60)}。${'乙'.repeat(30)}！`);
  });
  it('cuts mid-sentence with …… when no sentence ends late enough', () => {
    const lead = leadOf([`${'甲'.repeat(10)}。${'乙'.repeat(200)}。`], 120);
    expect([...lead]).toHaveLength(120);
    expect(lead.endsWith('……')).toBe(true);
  });
  it('keeps a closing quote with its sentence', () => {
    expect(leadOf([`${'甲'.repeat(70)}“好。”${'乙'.repeat(100)}`], 100)).toBe(`${'甲'.repeat(70)}“好。”`);
  });
  it('gives an empty string for a text without paragraphs', () => {
    expect(leadOf([])).toBe('');
  });
});

describe('articleText', () => {
  it('holds each paragraph with text as plain text, and the paragraphs one a line', () => {
    const text = articleText('\n4月25日，省教育厅召开**“1331工程”**推进座谈会。\n\n第二段\n接着写。\n\n\n');
    expect(text.paragraphs).toEqual(['4月25日，省教育厅召开“1331工程”推进座谈会。', '第二段接着写。']);
    expect(text.text).toBe('4月25日，省教育厅召开“1331工程”推进座谈会。\n第二段接着写。');
    expect(leadOf(text.paragraphs)).toBe('4月25日，省教育厅召开“1331工程”推进座谈会。');
  });
  it('shows no markup: links as their text, a stray tag left out', () => {
    // (A body has no import lines or tags: the content check refuses them; a stray tag still shows no markup.)
    expect(articleText('见[《意见》](/policies/a/)。<X />').paragraphs).toEqual(['见《意见》。']);
  });
  it('keeps the text’s own spacing inside a line: 1331 工程 stays as written', () => {
    expect(articleText('实施“1331 工程”　推进“双一流”建设').paragraphs).toEqual(['实施“1331 工程”　推进“双一流”建设']);
  });
  it('shows what the page shows of what an import writes: escapes undone, text between < and > kept', () => {
    expect(articleText('经费按\\<管理办法\\>执行，\\{不得\\}挪用\\\\x。').paragraphs).toEqual(['经费按<管理办法>执行，{不得}挪用\\x。']);
    expect(articleText('1\\. 第一项').paragraphs).toEqual(['1. 第一项']);
  });
  it('keeps what components show apart from the paragraphs', () => {
    expect(articleText('甲。\n\n<注>\n\n编者的话。\n\n</注>\n\n<图片 文件="./a.jpg" 图注="会场" 替代文字="会场" 摄影="某" />')).toEqual({ paragraphs: ['甲。'], text: '甲。', components: ['编者的话。', '会场'] });
  });
  it('is empty for an empty body', () => {
    expect(articleText('')).toEqual({ paragraphs: [], text: '', components: [] });
  });
});
