/**
 * The steps of reading an official document (scripts/import/official/), each on its own: the page
 * (units.ts), the head (head.ts), what follows the 正文 (closing.ts) and the text (body.ts). The
 * blocks are synthetic (合成测试数据): invented organs 示例省…, 文号 and dates.
 */
import { describe, expect, it } from 'vitest';
import { readBody } from '../../../scripts/import/official/body.ts';
import { readClosing } from '../../../scripts/import/official/closing.ts';
import { readHead } from '../../../scripts/import/official/head.ts';
import { readPage } from '../../../scripts/import/official/units.ts';
import type { SourceBlock } from '../../../scripts/import/source-block.ts';

const blocks = (...texts: Array<string | SourceBlock>): SourceBlock[] => texts.map((t) => (typeof t === 'string' ? { text: t, startsParagraph: true } : t));

const NOTICE = blocks(
  { text: '示例省教育厅文件', startsParagraph: true, size: 2, align: 'center' },
  { text: '示教发〔2020〕5号', startsParagraph: true, align: 'center' },
  { text: '示例省教育厅关于印发《示例省合成测试数据管理办法》的通知', startsParagraph: true, size: 1.4, align: 'center' },
  '各市教育局，各普通高等学校：',
  '现将《示例省合成测试数据管理办法》印发给你们，请认真贯彻执行。本文件为合成测试数据，文中机关、人名、文号和日期均为虚构。',
  { text: '示例省教育厅', startsParagraph: true, align: 'right' },
  { text: '2020年3月12日', startsParagraph: true, align: 'right' },
  '（此件主动公开）（联系人：张某，电话：0000-1234567）',
  { text: '示例省合成测试数据管理办法', startsParagraph: true, align: 'center' },
  '第一条　为规范合成测试数据管理，制定本办法。',
  '第二条本办法自印发之日起施行。',
  '抄送：教育部有关司局。',
  '示例省教育厅办公室　2020年3月13日印发',
);

describe('the page (official/units.ts)', () => {
  it('takes a site\'s metadata block and furniture off the units, reading the block into fields and listing what it dropped', () => {
    const page = readPage(blocks('当前位置：首页 > 政务公开 > 政策文件', '索引号：0000000017/2020-00001', '发文字号：示教发〔2020〕5号', '发布日期：2020-03-15', ...NOTICE.slice(2), '【打印本页】【关闭窗口】'));
    expect(page.metadata).toEqual({ indexNumber: '0000000017/2020-00001', docNumber: '示教发〔2020〕5号', publishedDate: '2020-03-15' });
    expect(page.hasMetadata).toBe(true);
    expect(page.units.map((u) => u.text)[0]).toBe('示例省教育厅关于印发《示例省合成测试数据管理办法》的通知');
    expect(page.units.some((u) => u.text.includes('打印本页'))).toBe(false);
    expect(page.undecided.join('\n')).toContain('“【打印本页】【关闭窗口】”');
  });
});

describe('the head (official/head.ts)', () => {
  it('reads the mark, the 文号, the title and the 主送, and says where the text begins', () => {
    const head = readHead(readPage(NOTICE));
    expect(head.result).toMatchObject({ issuerMark: '示例省教育厅文件', docNumber: '示教发〔2020〕5号', recipients: '各市教育局，各普通高等学校' });
    expect(head.title).toBe('示例省教育厅关于印发《示例省合成测试数据管理办法》的通知');
    expect(head.all[head.bodyStart]).toMatch(/^现将/);
  });

  it('refuses blocks with no official form', () => {
    expect(() => readHead(readPage(blocks('今天天气很好。', '我们去公园散步。')))).toThrow('不是公文');
  });
});

describe('what follows the 正文 (official/closing.ts)', () => {
  it('reads the 署名, the 成文日期, each remark of the 附注 with the 公开方式, and the 版记', () => {
    const page = readPage(NOTICE);
    const head = readHead(page);
    const closing = readClosing(page, head);
    expect(head.result).toMatchObject({ issuer: '示例省教育厅', writtenDate: '2020-03-12', disclosure: '主动公开', notes: ['联系人：张某，电话：0000-1234567'], copyTo: '教育部有关司局', printedBy: '示例省教育厅办公室', printedDate: '2020-03-13' });
    expect(closing.rest[closing.bodyEnd - 1]!.text).toMatch(/^现将/);
    expect(closing.rest[closing.next]!.text).toBe('示例省合成测试数据管理办法');
  });
});

describe('pieces a reader ran together (official/units.ts)', () => {
  it('cuts the 署名 off a 附件说明 it ran onto, after the listed title\'s 文种, over the 成文日期', () => {
    const page = readPage(blocks(...NOTICE.slice(0, 4), NOTICE[4]!, '附件：1.示例省合成测试数据管理办法（试行）示例省教育厅 示例省财政厅', '2020年3月12日'));
    expect(page.units.map((u) => u.text).slice(-3)).toEqual(['附件：1.示例省合成测试数据管理办法（试行）', '示例省教育厅 示例省财政厅', '2020年3月12日']);
    const kept = readPage(blocks(...NOTICE.slice(0, 5), '附件：1.示例省合成测试数据管理办法（试行）示例省教育厅 示例省财政厅', '各单位要认真执行。'));
    expect(kept.units.at(-2)!.text).toBe('附件：1.示例省合成测试数据管理办法（试行）示例省教育厅 示例省财政厅');
  });
});

describe('the text (official/body.ts)', () => {
  it('reads the 正文 and the 办法 the notice carries with no 附件 label, its 条 set off', () => {
    const page = readPage(NOTICE);
    const head = readHead(page);
    const { main, attachments } = readBody(page, head, readClosing(page, head));
    expect(main).toEqual([{ type: 'paragraph', text: NOTICE[4]!.text }]);
    expect(attachments).toEqual([
      { number: 1, title: '示例省合成测试数据管理办法', unlabelled: true, blocks: [
        { type: 'paragraph', text: '第一条\u3000为规范合成测试数据管理，制定本办法。' },
        { type: 'paragraph', text: '第二条\u3000本办法自印发之日起施行。' },
      ] },
    ]);
  });
});
