/**
 * The content check of the body components (scripts/content/components.ts, through
 * markdown-only.ts as the validator calls it): each refusal at its line, saying what was
 * expected; what is right passes. The files beside the article are stand-ins: the names listed,
 * with the text given.
 */
import { describe, expect, it } from 'vitest';
import { markdownOnlyProblems } from '../../../scripts/content/markdown-only.ts';
import { COMPONENT_NAMES, COMPONENTS } from '../../../src/lib/mdx/components.ts';

const FILES: Record<string, string> = {
  '01-1.jpg': '',
  '01-附件1.pdf': '',
  '01-表1.csv': '项目,数量\n甲,1\n乙,2\n',
  '01-坏表.csv': '项目,数量\n甲,1,多一栏\n',
};
const beside = (name: string) => (name in FILES ? { text: () => FILES[name]! } : undefined);
const check = (body: string) => markdownOnlyProblems(body, beside);

const PHOTO = '<图片 文件="./01-1.jpg" 图注="会议现场" 替代文字="与会人员在会场" 摄影="某某" />';

describe('body components that are right', () => {
  it('pass: each component as the manual writes it, among paragraphs', () => {
    const body = [
      '第一段。',
      PHOTO,
      '<图片 文件="./01-1.jpg" 图注="会议现场" 替代文字="与会人员在会场" 来源="某单位" />',
      '<附件 文件="./01-附件1.pdf" 标题="实施方案" />',
      '<表格 标题="名单" 文件="./01-表1.csv" />',
      '<表格 标题="名单">\n\n| 项目 | 数量 |\n|---|---|\n| 甲 | 1 |\n\n</表格>',
      '<注>\n\n本文有删节。\n\n</注>',
      '末段。',
    ].join('\n\n');
    expect(check(body)).toEqual([]);
  });
});

describe('body components the check refuses, each at its line with what was expected', () => {
  it('an unknown component, naming those there are', () => {
    expect(check('甲。\n\n<照片 文件="./01-1.jpg" />')).toEqual([{ line: 3, message: `没有名为 <照片> 的组件：可用的组件是 ${COMPONENT_NAMES.map((n) => `<${n}>`).join('、')}（见编辑手册“正文中的组件”）` }]);
  });

  it('an HTML tag, as before, with the components offered instead', () => {
    const [problem] = check('甲。\n\n<div>乙</div>');
    expect(problem).toMatchObject({ line: 3 });
    expect(problem!.message).toMatch(/^正文不能使用 HTML 标签 <div>：可用的组件是 <图片>/);
  });

  it('a property the component does not take, naming those it does', () => {
    expect(check('甲。\n\n<附件 文件="./01-附件1.pdf" 标题="方案" 大小="2 MB" />')).toEqual([{ line: 3, message: '<附件> 没有属性“大小”：可用的属性是 文件、标题' }]);
    expect(check('<注 标题="说明">\n\n乙。\n\n</注>')).toEqual([{ line: 1, message: '<注> 没有属性“标题”：它没有属性' }]);
  });

  it('a missing property, saying what it is and how the component is written', () => {
    expect(check('甲。\n\n<图片 文件="./01-1.jpg" 替代文字="会场" 摄影="某某" />')).toEqual([
      { line: 3, message: `<图片> 缺少属性“图注”：${COMPONENTS.图片.properties['图注']!.what}，如 ${COMPONENTS.图片.example}` },
    ]);
    expect(check('<表格 文件="./01-表1.csv" />')).toEqual([{ line: 1, message: `<表格> 缺少属性“标题”：表格的标题，如 ${COMPONENTS.表格.example}` }]);
  });

  it('neither or both of 摄影 and 来源', () => {
    const expected = '<图片> 应写明“摄影”或“来源”（只写其中一个）：摄影者或照片的来源单位';
    expect(check('<图片 文件="./01-1.jpg" 图注="会场" 替代文字="会场" />')).toEqual([{ line: 1, message: expected }]);
    expect(check('<图片 文件="./01-1.jpg" 图注="会场" 替代文字="会场" 摄影="甲" 来源="乙" />')).toEqual([{ line: 1, message: expected }]);
  });

  it('a value written as an expression, an empty one, and one given twice, at the property\'s own line', () => {
    // (Refused for its form, not reported missing as well.)
    expect(check('<附件\n  文件="./01-附件1.pdf"\n  标题={"方案"}\n/>')).toEqual([{ line: 3, message: '<附件> 的属性“标题”应写作 标题="文字"，不能用 {…}' }]);
    expect(check('<附件 文件="./01-附件1.pdf" 标题=" " />')).toEqual([{ line: 1, message: '<附件> 的属性“标题”不能为空：写明文件的标题' }]);
    expect(check('<附件 文件="./01-附件1.pdf" 标题="甲" 标题="乙" />')).toEqual([{ line: 1, message: '<附件> 的属性“标题”写了两次' }]);
  });

  it('a file that is not beside the article, not of the kind wanted, or missing', () => {
    expect(check('<附件 文件="../2017-01/01-附件1.pdf" 标题="方案" />')).toEqual([
      { line: 1, message: '<附件> 的属性“文件”（../2017-01/01-附件1.pdf）应为放在文章旁边的文件，写作 ./文件名，如 ./01-附件1.pdf' },
    ]);
    expect(check('<图片 文件="./01-附件1.pdf" 图注="会场" 替代文字="会场" 摄影="甲" />')).toEqual([
      { line: 1, message: '<图片> 的属性“文件”（./01-附件1.pdf）应为 jpg、jpeg、png、webp、avif、tif、tiff 格式的文件' },
    ]);
    expect(check('<附件 文件="./01-附件2.pdf" 标题="方案" />')).toEqual([{ line: 1, message: '<附件> 的属性“文件”（./01-附件2.pdf）不存在：文件应与文章放在同一个文件夹中' }]);
  });

  it('a CSV file that is no table, with the file\'s own line', () => {
    expect(check('<表格 标题="名单" 文件="./01-坏表.csv" />')).toEqual([
      { line: 1, message: '<表格> 的属性“文件”（./01-坏表.csv）不是可用的表格：CSV 文件第 2 行有 3 栏，表头有 2 栏：每行的栏数应与表头相同' },
    ]);
  });

  it('content where there should be none, no table where one should be, an empty note', () => {
    expect(check('<图片 文件="./01-1.jpg" 图注="会场" 替代文字="会场" 摄影="甲">\n\n说明。\n\n</图片>')).toEqual([
      { line: 1, message: `<图片> 的标签之间不能有内容：写作 ${COMPONENTS.图片.example}` },
    ]);
    expect(check('<表格 标题="名单">\n\n一段文字。\n\n</表格>')).toEqual([
      { line: 1, message: '<表格> 的标签之间应恰好有一个 Markdown 表格（标签前后及表格前后各空一行），或用属性“文件”指明 CSV 文件' },
    ]);
    expect(check('<注></注>')).toEqual([{ line: 1, message: '<注> 的标签之间应有文字：写作 <注> 编者注的文字。 </注>' }]);
  });

  it('a component inside a paragraph\'s text', () => {
    expect(check(`甲。${PHOTO}乙。`)).toEqual([{ line: 1, message: '<图片> 应单独成段：前后各空一行，不要写在段落的文字中间' }]);
  });

  it('a component outside an article: issues and policies take none', () => {
    const [problem] = markdownOnlyProblems(`甲。\n\n${PHOTO}`);
    expect(problem).toMatchObject({ line: 3 });
    expect(problem!.message).toContain('组件只能用在文章中');
  });
});
