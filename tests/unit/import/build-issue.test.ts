import { describe, expect, it } from 'vitest';
import { buildIssue } from '../../../scripts/import/build-issue.ts';
import type { ParsedBulletin } from '../../../scripts/import/parse-bulletin.ts';

// A synthetic parsed issue, made up for this test.
const parsed: ParsedBulletin = {
  series: ['工作要讯'], year: 2020, number: 3, serial: 15, date: '2020-03-09', publisher: '某某办公室',
  email: 'office@example.cn', telephone: '0351-0000000', recipients: {}, notes: [], missing: [],
  articles: [
    { title: '甲单位召开“1331工程”座谈会', paragraphs: ['3月2日上午，甲单位召开座谈会，厅长赵大江出席。'], joins: ['这是贯|彻落实'] },
    { title: '乙单位开展调研', paragraphs: ['按照部署，乙单位近期开展调研。'], joins: [] },
    { title: '丙单位部署工作', paragraphs: ['6月1日，丙单位部署下半年工作。'], joins: [] },
  ],
};

describe('building the issue content', () => {
  it('numbers the articles, reads their dates and entities, and says what it could not decide', () => {
    const built = buildIssue(parsed, [{ name: '1331工程', keywords: ['1331工程'] }]);
    expect(built.issue.id).toBe('2020-03');
    expect(built.issue.articles.map((a) => [a.id, a.eventDates, a.people, a.topics])).toEqual([
      ['2020-03/01', ['2020-03-02'], ['赵大江'], ['1331工程']],
      ['2020-03/02', [], [], []],
      ['2020-03/03', ['2020-06-01'], [], []],
    ]);
    expect(built.undecided).toEqual([
      '第2篇：未能从首句确定事件日期（首句：“按照部署，乙单位近期开展调研。”）',
      '第3篇：事件日期 2020-06-01 晚于出版日期 2020-03-09，请核对年份',
    ]);
    expect(built.joins).toEqual(['第1篇：…这是贯|彻落实…']);
  });
});
