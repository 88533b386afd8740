import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../scripts/import/errors.ts';
import { parseBulletin, paragraphsOf } from '../../../scripts/import/parse-bulletin.ts';
import { blocksFromText } from '../../../scripts/import/read-text.ts';

// A synthetic bulletin, made up for these tests (names, dates and text are not real).
const CLOSING = ['主 办：某某办公室', '邮 箱：office@example.cn', '电 话：0351-0000000', '出版日期：2020 年 3 月 9 日（总第 15 期）', '报：某领导', '发：各单位', '（共印 50 份）'];
function bulletin(overrides: { masthead?: string[]; toc?: string[]; body?: string[]; closing?: string[] } = {}): string {
  const masthead = overrides.masthead ?? ['试编 简报', '工作要讯', '第 三 期', '某某办公室 2020 年 3 月 9 日'];
  const toc = overrides.toc ?? ['◆ 甲单位召开“1331 工程”座谈会', '◆ 乙单位开展专题调研活动并部署下一阶段重点工作'];
  const body = overrides.body ?? [
    '甲单位召开“1331工程” 座谈会',
    '3月2日上午，甲单位召开座谈会。会议认为，这是贯',
    '— 2 —',
    '彻落实的重要举措。',
    '会议要求抓好落实。',
    '乙单位开展专题调研活动并部署',
    '下一阶段重点工作',
    '3月5日，乙单位开展调研。',
  ];
  return [...masthead, ...toc, ...body, ...(overrides.closing ?? CLOSING)].join('\n\n');
}
const parse = (text: string) => parseBulletin(blocksFromText(text));
const failure = (text: string) => {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as Error).message;
  }
  throw new Error('parsed without complaint');
};

describe('parsing a bulletin', () => {
  it('reads the masthead, 要目, articles and 版记', () => {
    const parsed = parse(bulletin());
    expect(parsed).toMatchObject({
      series: ['试编 简报', '工作要讯'],
      year: 2020,
      number: 3,
      serial: 15,
      date: '2020-03-09',
      publisher: '某某办公室',
      email: 'office@example.cn',
      telephone: '0351-0000000',
      recipients: { bao: '某领导', fa: '各单位' },
      copies: 50,
      notes: [],
    });
    expect(parsed.articles.map((a) => a.title)).toEqual(['甲单位召开“1331工程”座谈会', '乙单位开展专题调研活动并部署下一阶段重点工作']);
  });

  it('joins a paragraph cut by a page break, drops the page number, keeps whole paragraphs apart', () => {
    const [first, second] = parse(bulletin()).articles;
    expect(first!.paragraphs).toEqual(['3月2日上午，甲单位召开座谈会。会议认为，这是贯彻落实的重要举措。', '会议要求抓好落实。']);
    expect(first!.joins).toEqual(['认为，这是贯|彻落实的重要']);
    expect(second!.paragraphs).toEqual(['3月5日，乙单位开展调研。']);
  });

  it('never joins a block a reader knows starts a paragraph', () => {
    expect(paragraphsOf([{ text: '一段没有句号' }, { text: '另一段。', startsParagraph: true }]).paragraphs).toEqual(['一段没有句号', '另一段。']);
  });

  it('takes the date from the 版记 when the masthead has none', () => {
    const parsed = parse(bulletin({ masthead: ['工作要讯', '第3期', '某某办公室'] }));
    expect(parsed.date).toBe('2020-03-09');
  });

  it('refuses a document without a masthead', () => {
    expect(failure('会议纪要\n\n3月2日上午，甲单位召开座谈会。')).toContain('未找到报头');
    expect(failure(bulletin({ masthead: ['第3期', '某某办公室 2020年3月9日'] }))).toContain('刊名');
  });

  it('refuses a document without a 要目', () => {
    expect(failure(bulletin({ toc: [] }))).toContain('未找到本期要目');
  });

  it('refuses a 要目 item that has no article', () => {
    expect(failure(bulletin({ toc: ['◆ 甲单位召开“1331 工程”座谈会', '◆ 丙单位举办培训班'] }))).toBe('要目第2条“丙单位举办培训班”在正文中没有对应的文章（找不到这一标题）');
  });

  it('refuses an issue number it cannot read', () => {
    expect(failure(bulletin({ masthead: ['工作要讯', '第 X 期', '某某办公室 2020年3月9日'] }))).toBe(
      '无法读出期号：报头写的是“第 X 期”，应为“第N期”（N 为数字，如 第2期）',
    );
  });

  it('notes what a 版记 lacks, and reads an issue that prints no 版记 at all', () => {
    const noEmail = parse(bulletin({ closing: CLOSING.filter((l) => !l.startsWith('邮')) }));
    expect(noEmail.missing).toEqual(['邮箱']);
    expect(noEmail.notes).toContain('版记中未找到：邮箱');
    expect(parse(bulletin({ closing: CLOSING.map((l) => l.replace('（总第 15 期）', '')) })).missing).toEqual(['总期号']);
    const none = parse(bulletin({ closing: [] }));
    expect(none.missing).toEqual(['总期号', '邮箱', '电话']);
    expect(none.recipients).toEqual({});
    expect(none.articles.map((a) => a.paragraphs.length)).toEqual([2, 1]);
    expect(none.notes.join('\n')).toContain('版记：未找到');
  });

  it('reads a 要目 typed without list marks under a 本期要目 heading', () => {
    const parsed = parse(bulletin({ toc: ['本期要目', '甲单位召开“1331 工程”座谈会', '乙单位开展专题调研活动并部署下一阶段重点工作'] }));
    expect(parsed.articles).toHaveLength(2);
  });
});

describe('a 版记 line that holds two items', () => {
  it('is cut before the second label, with or without a space before it (the site’s own print)', async () => {
    const { parseClosingBlock } = await import('../../../scripts/import/parse-bulletin.ts');
    for (const line of ['电话：0351-0000000 出版日期：2020年3月9日（总第15期）', '电话：0351-0000000出版日期：2020年3月9日（总第15期）']) {
      expect(parseClosingBlock([line]), line).toMatchObject({ telephone: '0351-0000000', date: '2020-03-09', serial: 15 });
    }
  });
});

describe('a 要目 line that runs numbered items together', () => {
  it('is cut where the next number begins, and only there', async () => {
    const { splitNumberedRun } = await import('../../../scripts/import/parse-bulletin.ts');
    expect(splitNumberedRun('（六）推进会组织专题集体学习（七）孙世新主持专题研讨')).toEqual(['（六）推进会组织专题集体学习', '（七）孙世新主持专题研讨']);
    expect(splitNumberedRun('6.专题学习7.专题研讨8.座谈会')).toEqual(['6.专题学习', '7.专题研讨', '8.座谈会']);
    expect(splitNumberedRun('⑥专题学习⑦专题研讨')).toEqual(['⑥专题学习', '⑦专题研讨']);
    // A bracketed number that is not the next one stays in its headline.
    expect(splitNumberedRun('（二）落实（一）号文件精神')).toEqual(['（二）落实（一）号文件精神']);
  });

  it('cuts an item’s wrapped second line where it runs into the next item (pdf-1041819268)', async () => {
    const { splitNumberedRun } = await import('../../../scripts/import/parse-bulletin.ts');
    expect(splitNumberedRun('动员会上提出要求（二）吴俊清在反馈会上强调', '（二）')).toEqual(['动员会上提出要求', '（二）吴俊清在反馈会上强调']);
    // Without the number that comes next, a line that opens with none is left whole.
    expect(splitNumberedRun('动员会上提出要求（二）吴俊清在反馈会上强调')).toEqual(['动员会上提出要求（二）吴俊清在反馈会上强调']);
  });
});

describe('an OCR draft', () => {
  it('finds each headline when OCR misread a character or two, and drops a 要目 mark read as a character', async () => {
    const { parseBulletin } = await import('../../../scripts/import/parse-bulletin.ts');
    // The ◆ marks read as 令 and 售; 清 read as 请, 党 as 浣, the opening quote dropped.
    const text = bulletin({
      toc: ['本期要目', '令甲单位召开“1331工程”座谈会部署重点工作', '售乙单位开展专题调研活动并部署下一阶段重点工作'],
      body: ['甲单位召开1331工程”座谈会部署重点工怍', '3月2日上午，甲单位召开座谈会。', '乙单位开展专题调研活动并部暑下一阶段重点工作', '3月5日，乙单位开展调研。'],
    });
    expect(() => parse(text)).toThrow(/未找到本期要目/);
    const parsed = parseBulletin(blocksFromText(text), { ocr: true });
    expect(parsed.articles.map((a) => a.title)).toEqual(['甲单位召开“1331工程”座谈会部署重点工作', '乙单位开展专题调研活动并部署下一阶段重点工作']);
  });

  it('does not take a different headline for an item', async () => {
    const { parseBulletin } = await import('../../../scripts/import/parse-bulletin.ts');
    const text = bulletin({
      toc: ['本期要目', '甲单位召开“1331工程”座谈会部署重点工作', '乙单位开展专题调研活动并部署下一阶段重点工作'],
      body: ['甲单位召开“1331工程”座谈会部署重点工作', '3月2日上午，甲单位召开座谈会。', '丙单位举行年度总结表彰大会暨新春团拜会', '3月5日，丙单位举行大会。'],
    });
    expect(() => parseBulletin(blocksFromText(text), { ocr: true })).toThrow(/未能对上本期要目/);
  });
});
