import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allUnits, needsContents, structureDocument, unitText } from '../../../src/lib/policy/structure.ts';
import { parseContentFile } from '../../../src/lib/content/frontmatter.ts';

const fixture = (name: string) => parseContentFile(readFileSync(new URL(`../../fixtures/official/${name}.mdx`, import.meta.url), 'utf8'), 'frontmatter');

describe('a 管理办法 carried as 附件1 (合成测试数据)', () => {
  const file = fixture('shijiaoke-2019-7');
  const text = structureDocument(file.body, file.bodyLine);
  const paragraphs = file.body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);

  it('every 章 and 条 of the attachment is a unit, in order, with an anchor under 附件1', () => {
    const [measures] = text.attachments;
    const printed = paragraphs.filter((p) => /^第[一二三四五六七八九十]+[章条]/.test(p)).map((p) => /^第[一二三四五六七八九十]+[章条]/.exec(p)![0]);
    expect(allUnits(measures!).map((u) => u.number)).toEqual(printed);
    expect(allUnits(measures!).map((u) => u.anchor)).toEqual(printed.map((n) => `附件1-${n}`));
    expect(measures!.style).toBe('clauses');
    expect(needsContents(measures!)).toBe(true);
  });
  it('a 条 holds its 款 and items; cited clauses are not new ones', () => {
    const clauses = allUnits(text.attachments[0]!).filter((u) => u.type === 'clause');
    const fourth = clauses.find((u) => u.number === '第四条')!;
    expect(fourth.context).toEqual(['第二章 遴选与认定']);
    expect(fourth.content.map((b) => b.type)).toEqual(['item', 'item', 'item', 'item']);
    const fifth = clauses.find((u) => u.number === '第五条')!;
    expect(unitText(fifth)).toHaveLength(2);
    expect(unitText(fifth)[1]).toMatch(/^评审结果/);
  });
  it('the notice’s own text stays before the attachments, and the table stays a table', () => {
    expect(text.main.units).toEqual([]);
    expect(text.main.content.map((b) => b.type === 'paragraph' && b.text.slice(0, 4))).toEqual(['为进一步', '执行中遇']);
    const table = text.attachments[1]!.content[0]!;
    expect(table.type).toBe('table');
    if (table.type === 'table') {
      expect(table.header[0]).toBe('序号');
      expect(table.rows.at(-1)![0]).toBe('合计');
    }
    expect(text.problems).toEqual([]);
  });
  it('lines are the content file’s', () => {
    const lines = readFileSync(new URL('../../fixtures/official/shijiaoke-2019-7.mdx', import.meta.url), 'utf8').split('\n');
    for (const unit of allUnits(text.attachments[0]!)) expect(lines[unit.line - 1]).toMatch(new RegExp(`^${unit.number}`));
  });
});

describe('a 通知 with the heading levels 一、 （一） 1. (合成测试数据)', () => {
  const file = fixture('shijiaoban-2020-15');
  const text = structureDocument(file.body);
  it('nests each level under the one above, anchored by its path of numbers', () => {
    const units = allUnits(text.main);
    expect(text.main.style).toBe('headings');
    expect(units.filter((u) => u.level === 1).map((u) => u.anchor)).toEqual(['一', '二', '三', '四']);
    const funds = units.find((u) => u.anchor === '二（二）')!;
    expect(funds.title).toBe('经费使用情况。');
    expect(funds.lead).toMatch(/^重点检查/);
    expect(funds.children.map((u) => u.anchor)).toEqual(['二（二）1', '二（二）2', '二（二）3']);
    expect(funds.children[0]!.context).toEqual(['二、检查内容', '二、（二）经费使用情况']);
  });
});

describe('what an editor may get wrong', () => {
  it('a unit numbered twice is reported with both lines, and keeps a distinct anchor', () => {
    const text = structureDocument('第一条　甲。\n\n第一条　乙。\n', 10);
    expect(text.problems).toEqual([{ line: 12, message: '“第一条”在第 10 行已经出现过一次：编号重复' }]);
    expect(allUnits(text.main).map((u) => u.anchor)).toEqual(['第一条', '第一条-2']);
  });
  it('a Markdown heading that is not an attachment is reported', () => {
    expect(structureDocument('# 总则\n\n正文。\n').problems[0]!.message).toMatch(/不属于公文格式/);
  });
  it('escapes in the MDX are undone', () => {
    const text = structureDocument('第一条　不得收取\\{费用\\}或\\<其他\\>。\n');
    expect(allUnits(text.main)[0]!.lead).toBe('不得收取{费用}或<其他>。');
  });
});
