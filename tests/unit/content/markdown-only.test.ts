/** What the content check refuses in a body, and what it lets through (scripts/content/markdown-only.ts). */
import { describe, expect, it } from 'vitest';
import { markdownOnlyProblems } from '../../../scripts/content/markdown-only.ts';

const lines = (body: string) => markdownOnlyProblems(body).map((p) => p.line);

describe('a body MDX and Markdown read alike', () => {
  it('passes plain paragraphs, escapes, tables, fenced code and a list item\'s indented paragraph', () => {
    expect(markdownOnlyProblems('第一段。\n\n第二段，\\{甲\\}与\\<乙\\>照印。')).toEqual([]);
    expect(markdownOnlyProblems('| 项目 | 金额 |\n|---|---|\n| 甲 | 1 |')).toEqual([]);
    expect(markdownOnlyProblems('段落。\n\n```\n代码\n```')).toEqual([]);
    expect(markdownOnlyProblems('- 第一项\n\n    第一项的第二段')).toEqual([]);
  });
  it('refuses each construct MDX reads otherwise, at its own line', () => {
    expect(lines('甲。\n\n乙<b>丙</b>。')).toEqual([3]);
    expect(lines('甲。\n\n乙。\n\n{1 + 1}')).toEqual([5]);
    expect(lines('export const a = 1\n\n甲。')).toEqual([1]);
    expect(lines('甲。\n\n    缩进的一段。')).toEqual([3]);
    expect(lines('甲。\n\n见 <https://jyt.shanxi.gov.cn/> 。')).toEqual([3]);
  });
  it('reports an MDX syntax error once, at its line in the body, without the body-relative position', () => {
    const [problem, ...rest] = markdownOnlyProblems('甲。\n\n<div>没有闭合');
    expect(rest).toEqual([]);
    expect(problem?.line).toBe(3);
    expect(problem?.message).toContain('Expected a closing tag for `<div>`');
    expect(problem?.message).not.toMatch(/\d+:\d+/);
  });
});
