import { describe, expect, it } from 'vitest';
import {
  compactKey,
  endsSentence,
  fixRadicals,
  isPageNumber,
  joinBroken,
  normalizeLine,
  removeDigitSpacing,
  removeSpreadSpacing,
  tidy,
} from '../../../scripts/import/cjk-text.ts';

describe('Chinese text clean-up', () => {
  it('turns radicals that PDFs hand back into the ideographs', () => {
    expect(fixRadicals('⾼校⼯委，厅⻓')).toBe('高校工委，厅长');
  });

  it('makes every kind of space one plain space', () => {
    expect(normalizeLine('\u3000\u3000主\u3000办：山西省教育厅\t1331  办公室 ')).toBe('主 办：山西省教育厅 1331 办公室');
  });

  it('drops spaces around digits inside Chinese, keeps those between Chinese words', () => {
    expect(removeDigitSpacing('实施“1331 工程” 推进“双一流”建设')).toBe('实施“1331工程” 推进“双一流”建设');
    expect(removeDigitSpacing('2017 年 5 月 18 日（总第 02 期）')).toBe('2017年5月18日（总第02期）');
    expect(removeDigitSpacing('建设“一流大学 一流学科”的目标')).toBe('建设“一流大学 一流学科”的目标');
    expect(tidy('中共山西省高等院校工作委员会 中共山西省教育厅党组')).toBe('中共山西省高等院校工作委员会 中共山西省教育厅党组');
    expect(removeDigitSpacing('邮箱 sxs1331bgs@163.com')).toBe('邮箱 sxs1331bgs@163.com');
  });

  it('removes the spacing of a spread-out line but not a single real space', () => {
    expect(removeSpreadSpacing('工 作 要 讯')).toBe('工作要讯');
    expect(removeSpreadSpacing('详细阐释 了 出 台 过 程')).toBe('详细阐释了出台过程');
    expect(removeSpreadSpacing('实施“1331工程” 推进“双一流”建设')).toBe('实施“1331工程” 推进“双一流”建设');
  });

  it('joins a paragraph cut by a break: no space in Chinese, a space between Latin words', () => {
    expect(joinBroken('是贯', '彻落实')).toBe('是贯彻落实');
    expect(joinBroken('Shanxi', 'University')).toBe('Shanxi University');
    // A number cut by a wrap at a fixed count of characters is one number (handmade-text-wrap23).
    expect(joinBroken('强力推动“133', '1工程”实施')).toBe('强力推动“1331工程”实施');
    expect(joinBroken('', '彻落实')).toBe('彻落实');
  });

  it('compares headlines without spaces and with full-width punctuation', () => {
    expect(compactKey('孙世新主持“1331工程”建设方案及 配套文件起草专题研讨')).toBe(compactKey('孙世新主持“1331 工程”建设方案及配套文件起草专题研讨'));
    expect(compactKey('研究生院(处)')).toBe('研究生院（处）');
  });

  it('tells a sentence end from a cut', () => {
    expect(endsSentence('以优异成绩迎接党的十九大胜利召开。')).toBe(true);
    expect(endsSentence('切实做到“不贰过”；')).toBe(true);
    expect(endsSentence('他说：“要抓好落实。”')).toBe(true);
    expect(endsSentence('是推进常态化制度化建设的重要抓手，是贯')).toBe(false);
  });

  it('knows a page number', () => {
    for (const line of ['— 3 —', '—3—', '- 12 -', '第 3 页', '3']) expect(isPageNumber(line), line).toBe(true);
    for (const line of ['（共印 200 份）', '2017年5月18日', '— 3 — 注']) expect(isPageNumber(line), line).toBe(false);
  });
});

describe('running headers', () => {
  it('are lines at the head of most pages after the first, not a 标志 that a pushed 署名 repeats once', async () => {
    const { runningLines, runningKey } = await import('../../../scripts/import/cjk-text.ts');
    const header = '工作要讯 第2期';
    expect(runningLines([{ head: '实施“1331工程”' }, { head: header }, { head: header }, { head: header }]).has(runningKey(header))).toBe(true);
    expect(runningLines([{ head: '示例省教育厅办公室' }, { head: '示例省教育厅办公室' }, { head: '附件' }]).size).toBe(0);
  });

  it('in a document of two pages, is the line at the head of the second that holds a masthead line (fuzz seed 1952466418)', async () => {
    const { runningLines, runningKey } = await import('../../../scripts/import/cjk-text.ts');
    const header = '山西省教育厅1331办公室 工作要讯';
    const masthead = ['实施“1331工程”推进“双一流”建设', '工作要讯'];
    expect(runningLines([{ head: masthead[0] }, { head: header }], masthead).has(runningKey(header))).toBe(true);
    // Without the masthead, or when the line is a sentence or a headline that quotes it, it stays.
    expect(runningLines([{ head: masthead[0] }, { head: header }]).size).toBe(0);
    expect(runningLines([{ head: masthead[0] }, { head: '本期《工作要讯》刊发了座谈会的讲话。' }], masthead).size).toBe(0);
  });
});
