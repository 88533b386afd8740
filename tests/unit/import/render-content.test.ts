import { describe, expect, it } from 'vitest';
import { escapeMdx, renderArticle, renderIssue, yamlScalar } from '../../../scripts/import/render-content.ts';

describe('rendering content files', () => {
  it('writes an article the way the hand-made files are written', () => {
    const text = renderArticle(
      { id: '2020-03/01', title: '甲单位召开座谈会', eventDates: ['2020-03-02'], people: ['王小明'], organizations: [], places: [], topics: ['1331工程'], paragraphs: ['第一段。', '第二段。'] },
      '2020-03',
    );
    expect(text).toBe(
      '---\ntitle: 甲单位召开座谈会\nissue: 2020-03\neventDates:\n  - 2020-03-02\npeople:\n  - 王小明\norganizations: []\nplaces: []\ntopics:\n  - 1331工程\n---\n\n第一段。\n\n第二段。\n',
    );
  });

  it('leaves out the 版记 lines and the copies an issue does not print', () => {
    const text = renderIssue({
      id: '2020-03', series: ['工作要讯'], year: 2020, number: 3, serial: 15, date: '2020-03-09', publisher: '某某办公室',
      email: 'office@example.cn', telephone: '0351-0000000', recipients: { fa: '各单位' }, articles: [],
    });
    expect(text).toContain('recipients:\n  fa: 各单位\narticles: []\n---\n');
    expect(text).not.toContain('copies');
  });

  it('quotes a value only where plain YAML would change it', () => {
    expect(yamlScalar('实施“1331工程” 推进“双一流”建设')).toBe('实施“1331工程” 推进“双一流”建设');
    expect(yamlScalar('2017')).toBe('"2017"');
    expect(yamlScalar('注意: 冒号')).toBe('"注意: 冒号"');
  });

  it('escapes what MDX or Markdown would read as markup', () => {
    expect(escapeMdx('公式{a}与<b>')).toBe('公式\\{a\\}与\\<b\\>');
    expect(escapeMdx('# 不是标题')).toBe('\\# 不是标题');
    expect(escapeMdx('1. 不是列表')).toBe('1\\. 不是列表');
    expect(escapeMdx('3月20日下午，召开会议。')).toBe('3月20日下午，召开会议。');
  });
});
