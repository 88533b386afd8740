import { describe, expect, it } from 'vitest';
import { placeMarks, type ReviewFile } from '../../../scripts/desk/marks.ts';
import { FORMS } from '../../../scripts/desk/schema-form.ts';

// 合成测试数据: lines in the forms the importer prints them.
const files: ReviewFile[] = [
  { path: 'issues/2017-03.mdx', collection: 'issues', paragraphs: [''] },
  { path: 'articles/2017-03/01.mdx', collection: 'articles', paragraphs: ['3月1日，某校召开会议。', '会议要求各单位抓好落实。'] },
  { path: 'articles/2017-03/02.mdx', collection: 'articles', paragraphs: ['首段。', '接上一页的段落继续写完。'] },
];

describe('where each undecided line goes on the review screen', () => {
  it('an article’s line to that article, a field’s to its field, a paragraph’s to its paragraph', () => {
    const marks = placeMarks(files, FORMS, {
      undecided: ['第2篇：未能从首句确定事件日期（首句：“首段。”）', '版记中没有的字段已按上一期填写，请核对：邮箱（取自 2017-02）', '某个说不出地方的问题'],
      joins: ['第2篇：…上一页的段落|继续写完。…'],
      low: ['第1篇第2段（第1页，置信度 62）：会议要求各单位', '第2篇标题（第2页，置信度 70）：某标题', '报头、要目或版记（第1页，置信度 40）：工作要讯'],
    });
    expect(marks.map(({ kind, file, field, paragraph }) => ({ kind, file, field, paragraph }))).toEqual([
      { kind: 'undecided', file: 2, field: 'eventDates', paragraph: undefined },
      { kind: 'undecided', file: 0, field: 'email', paragraph: undefined },
      { kind: 'undecided', file: 0, field: undefined, paragraph: undefined },
      { kind: 'join', file: 2, field: undefined, paragraph: 1 },
      { kind: 'low', file: 1, field: undefined, paragraph: 1 },
      { kind: 'low', file: 2, field: 'title', paragraph: undefined },
      { kind: 'low', file: 0, field: undefined, paragraph: undefined },
    ]);
  });

  it('a place the reader could not tell a wrap from a new paragraph to the paragraph that holds it, in whichever file', () => {
    const message = '第1页：“会议要求各单位|抓好落实。”——文件的段落既无首行缩进也无段间距，上一行排满并以句末标点结束，无从判断此处是否另起一段，已接排，请对照原件核对';
    expect(placeMarks(files, FORMS, { undecided: [message], joins: [], low: [] })).toEqual([{ kind: 'undecided', message, file: 1, paragraph: 1 }]);
  });
});
