/**
 * What a government site puts around a document's text (scripts/import/web-page.ts), on lines in
 * the forms docs/import-forms.md lists: the metadata block in each layout sites use, the page's
 * furniture, half-width punctuation. Synthetic lines (合成测试数据): organs 示例省…, invented numbers.
 */
import { describe, expect, it } from 'vitest';
import { fullWidthPunctuation, isPageFurniture, joinValuesAroundLabels, joinWrappedValues, metadataPairs, readLooseDate, readMetadata } from '../../../scripts/import/web-page.ts';
import { parseChineseDate } from '../../../src/lib/chinese-numbers.ts';

describe('a site\'s metadata block', () => {
  it('reads label：value lines, several pairs to a line, labels spread with spaces and no colon', () => {
    const undecided: string[] = [];
    const lines = ['索引号：000000/2023-00045　　主题分类：教育\\高等教育', '发文机关: 示例省教育厅', '成文日期：2023年03月15日', '标    题 示例省教育厅关于开展示例工作的通知', '发 文 字 号 示教科[2023]5号', '发布日期：2023-03-20', '', '示例省教育厅关于开展示例工作的通知'];
    const { metadata, taken } = readMetadata(lines, 0, 1, undecided);
    expect(metadata).toEqual({ indexNumber: '000000/2023-00045', subject: '教育\\高等教育', issuer: '示例省教育厅', writtenDate: '2023-03-15', title: '示例省教育厅关于开展示例工作的通知', docNumber: '示教科〔2023〕5号', publishedDate: '2023-03-20' });
    expect(taken).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('reads a label above its value, an empty value, and passes over the breadcrumbs above it', () => {
    const lines = ['当前位置：首页 > 政务公开 > 政策文件', '索引号:', '000000/2011-26813', '发文字号:', '成文日期:', '2011年03月23日', '标题:', '示例省教育厅关于开展示例工作的通知', '示例省教育厅关于开展示例工作的通知'];
    const { metadata, taken } = readMetadata(lines, 0, 1, []);
    expect(metadata).toEqual({ indexNumber: '000000/2011-26813', writtenDate: '2011-03-23', title: '示例省教育厅关于开展示例工作的通知' });
    expect(taken).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('lists the items it has no field for, and the site\'s 有效性, for the editor', () => {
    const undecided: string[] = [];
    readMetadata(['体裁分类：通知', '有效性：有效', '发布日期：2023-03-20'], 0, 1, undecided);
    expect(undecided.join('\n')).toContain('体裁分类：通知');
    expect(undecided.join('\n')).toContain('有效性“有效”');
  });

  it('is no block when fewer than two items name a field', () => {
    expect(readMetadata(['来源：示例省教育厅', '示例省教育厅关于开展示例工作的通知'], 0, 1, []).taken).toEqual([]);
    expect(metadataPairs('各普通本科高等学校：')).toBeUndefined();
  });
});

describe('a site\'s furniture', () => {
  it.each(['【打印本页】【关闭窗口】', '浏览次数：1234', '当前位置：首页 > 政务公开', '【字体：大 中 小】', '2025-06-24 14:30:00信息来源：示例省教育厅浏览次数：3598字体：[ 大 中 小 ]', '2016/9/16 10:21 示例省教育厅关于开展示例工作的通知', 'http://jyt.example/zwgk/t20160916.html 1/3', '首页 机构概况 政务公开 政策文件', '视力保护色：', '_'])('%s is furniture', (line) => {
    expect(isPageFurniture(line)).toBe(true);
  });
  it.each(['示例省教育厅关于开展示例工作的通知', '各普通本科高等学校：', '（此件公开发布）', '一、总体要求', '2023年3月15日'])('%s is the document\'s', (line) => {
    expect(isPageFurniture(line)).toBe(false);
  });
});

describe('half-width punctuation', () => {
  it('becomes full-width beside Chinese, and stays in numbers, times, addresses and Latin text', () => {
    expect(fullWidthPunctuation('各市人民政府,省直各单位:').text).toBe('各市人民政府，省直各单位：');
    expect(fullWidthPunctuation('(示政发[2023]5号)').text).toBe('（示政发[2023]5号）');
    expect(fullWidthPunctuation('(一)优化布局;(2)加强队伍').text).toBe('（一）优化布局；（2）加强队伍');
    expect(fullWidthPunctuation('共1,000人,10:30开会,见http://a.example (ISO 9001)').text).toBe('共1,000人，10:30开会，见http://a.example (ISO 9001)');
    // A . ending a Chinese sentence (a law-text site's copies, S34): 。, and nowhere else.
    expect(fullWidthPunctuation('自2026年4月1日起试行.示例单位为管理单位.').text).toBe('自2026年4月1日起试行。示例单位为管理单位。');
    expect(fullWidthPunctuation('比例为1.5倍,见附件.pdf,1.聚焦重点').text).toBe('比例为1.5倍，见附件.pdf,1.聚焦重点');
  });
});

describe('dates as offices and sites type them', () => {
  it.each([
    ['二○二三年三月十五日', '2023-03-15'],
    ['二〇二三年三月十五日', '2023-03-15'],
    ['二零二三年三月十五日', '2023-03-15'],
    ['二0二0年六月十七日', '2020-06-17'],
    ['二O一一年3月23日', '2011-03-23'],
    ['二 O 一一年 3 月 23 日', '2011-03-23'],
    ['2023年03月15日', '2023-03-15'],
  ])('%s', (text, iso) => expect(parseChineseDate(text)).toBe(iso));
  it('reads a site\'s dates too', () => {
    expect(readLooseDate('2023-03-20 09:48')).toBe('2023-03-20');
    expect(readLooseDate('2023/3/5')).toBe('2023-03-05');
    expect(readLooseDate('三月')).toBeUndefined();
  });
});

describe('a metadata table a browser printed, its values wrapped in their cells', () => {
  // Labels at x=33 and x=420, values at x=98 and x=485, as a printed page sets a two-pair row (合成测试数据).
  const cell = (text: string, left: number) => ({ text, left, right: left + text.length * 8 });
  const row = (...cells: Array<[string, number]>) => ({ text: cells.map(([t]) => t).join(' '), cells: cells.map(([t, x]) => cell(t, x)) });

  it('puts each piece back into its cell: as many of a value’s lines below its label as above it', () => {
    const lines = [
      { text: '财政、金融、审计\\财', extent: { left: 485, right: 560 } },
      row(['索引号：', 33], ['0000000092/2018-95230', 98], ['主题分类：', 420]),
      { text: '政', extent: { left: 485, right: 493 } },
      row(['发文机关：', 33], ['示例省教育厅', 98], ['成文日期：', 420], ['2018年09月20日', 485]),
      row(['示例省教育厅关于组织申报重点研究基地工作', 98], ['示教科〔2018〕47', 485]),
      row(['标题：', 33], ['发文字号：', 420]),
      row(['的通知', 98], ['号', 485]),
      row(['发布日期：', 33], ['2018年10月10日', 98]),
      { text: '示例省教育厅关于组织申报重点研究基地工作的通知', extent: { left: 28, right: 568 } },
    ];
    const joined = joinWrappedValues(lines);
    expect(joined.map((l) => l.text)).toEqual([
      '索引号：0000000092/2018-95230　　主题分类：财政、金融、审计\\财政',
      lines[3]!.text,
      '标题：示例省教育厅关于组织申报重点研究基地工作的通知　　发文字号：示教科〔2018〕47号',
      lines[7]!.text,
      lines[8]!.text,
    ]);
    const undecided: string[] = [];
    expect(readMetadata(joined.map((l) => l.text), 0, 1, undecided).metadata).toMatchObject({ subject: '财政、金融、审计\\财政', title: '示例省教育厅关于组织申报重点研究基地工作的通知', docNumber: '示教科〔2018〕47号' });
  });

  it('leaves lines without positions, and pieces in no label\'s column, as they were', () => {
    const plain = [{ text: '索引号：0001　主题分类：教育' }, { text: '示例' }, { text: '标题：　发文字号：' }];
    expect(joinWrappedValues(plain)).toEqual(plain);
    const outside = [row(['索引号：', 33], ['0001', 98]), { text: '示例省教育厅', extent: { left: 10, right: 30 } }, row(['标题：', 33], ['甲', 98])];
    expect(joinWrappedValues(outside)).toEqual(outside);
  });

  it('puts a value wrapped round its label alone on a line (a table of one column of labels) back to the label', () => {
    const at = (text: string, left: number) => ({ text, extent: { left, right: left + text.length * 8 } });
    const lines = [
      at('成文日期： 2010年11月02日', 33),
      at('示例省教育厅 示例省科学技术厅关于印发《甲》《乙》的通', 98),
      at('标题：', 33),
      at('知', 98),
      at('发文字号： 示教科〔2010〕90号', 33),
    ];
    expect(joinValuesAroundLabels(lines).map((l) => l.text)).toEqual([lines[0]!.text, '标题：示例省教育厅 示例省科学技术厅关于印发《甲》《乙》的通知', lines[4]!.text]);
    // A label with its value under it alone (the table copied cell by cell) is left as it is; so are lines without positions.
    const under = [at('标题：', 33), at('示例省教育厅关于甲的通知', 98), at('发文字号： 示教科〔2010〕90号', 33)];
    expect(joinValuesAroundLabels(under)).toEqual(under);
    const plain = lines.map(({ text }) => ({ text }));
    expect(joinValuesAroundLabels(plain)).toEqual(plain);
  });
});
