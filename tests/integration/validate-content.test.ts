import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateContent, formatProblem } from '../../scripts/content/validate.ts';
import { copyContent, PROJECT_ROOT, type ContentCopy } from '../helpers/content-copy.ts';

let copy: ContentCopy;
afterEach(() => copy?.remove());

/** The problems the validator reports for a broken copy of the content, as printed. */
function problemsAfter(breakIt: (copy: ContentCopy) => void): string[] {
  // A test may break the content twice: the first copy goes before the second replaces it.
  copy?.remove();
  copy = copyContent();
  breakIt(copy);
  return validateContent(copy.root).problems.map(formatProblem);
}

const ARTICLE = 'content/articles/2017-02/01.mdx';
const ISSUE = 'content/issues/2017-02.mdx';
const POLICY = 'content/policies/1331-gongcheng-yijian.mdx';

describe('content validation', () => {
  it('passes the real content', () => {
    expect(validateContent(PROJECT_ROOT).problems).toEqual([]);
  });

  it('refuses in a body what MDX would read otherwise than the site\'s Markdown, by line', () => {
    // Each case is appended to an article as a paragraph of its own; the line is where it lands.
    const cases: Array<[string, RegExp]> = [
      ['<div>没有闭合的标签', /：正文不是有效的 MDX：Expected a closing tag for `<div>`/],
      ['会议要求<span>加快</span>推进。', /：正文不能使用 HTML 标签 <span>：可用的组件是 <图片>/],
      ['《方案》{年份}起施行。', /：正文中的 \{年份\} 会被当作 MDX 表达式/],
      ['import Chart from "./chart.astro"', /：正文不能有 import \/ export 语句/],
      ['    缩进四格的一段。', /：行首缩进四个空格或一个制表符会排成代码块/],
    ];
    for (const [paragraph, message] of cases) {
      let line = 0;
      const problems = problemsAfter((c) =>
        c.edit(ARTICLE, (text) => {
          const edited = `${text.trimEnd()}\n\n${paragraph}\n`;
          line = edited.trimEnd().split('\n').length;
          return edited;
        }),
      );
      expect(problems, paragraph).toHaveLength(1);
      expect(problems[0], paragraph).toMatch(new RegExp(`^${ARTICLE}:${line}：`));
      expect(problems[0], paragraph).toMatch(message);
    }
    // Escaped, the same characters are text, as the importer writes them.
    expect(problemsAfter((c) => c.edit(ARTICLE, (text) => `${text.trimEnd()}\n\n《方案》\\{年份\\}起施行，\\<附件\\>照印。\n`))).toEqual([]);
  });

  it('names a missing headline', () => {
    expect(problemsAfter((c) => c.edit(ARTICLE, (t) => t.replace(/^title: .*\n/m, '')))).toEqual([
      `${ARTICLE}:2 title：缺少必填字段，应为文字`,
    ]);
  });

  it('names a date that is not a date, and an impossible one', () => {
    expect(problemsAfter((c) => c.edit(ARTICLE, (t) => t.replace('2017-03-20', '3月20日')))).toEqual([
      `${ARTICLE}:5 eventDates[0]：应为真实存在的日期，写作 YYYY-MM-DD（如 2017-05-18），实际为“3月20日”`,
    ]);
    expect(problemsAfter((c) => c.edit(ISSUE, (t) => t.replace('date: 2017-05-18', 'date: 2017-13-45')))).toEqual([
      `${ISSUE}:8 date：应为真实存在的日期，写作 YYYY-MM-DD（如 2017-05-18），实际为“2017-13-45”`,
    ]);
  });

  it('names an unknown status and visibility', () => {
    expect(problemsAfter((c) => c.edit(POLICY, (t) => t.replace('status: in-force', 'status: active')))).toEqual([
      `${POLICY}:4 status：状态应为 draft / in-force / amended / repealed 之一，实际为“active”`,
    ]);
    expect(problemsAfter((c) => c.edit(POLICY, (t) => t.replace('visibility: public', 'visibility: everyone')))).toEqual([
      `${POLICY}:6 visibility：可见范围应为 public 或 internal，实际为“everyone”`,
    ]);
  });

  it('names a wrong-typed field', () => {
    expect(problemsAfter((c) => c.edit(ISSUE, (t) => t.replace('copies: 200', 'copies: 二百')))).toEqual([
      `${ISSUE}:16 copies：应为印数，如 200`,
    ]);
  });

  it('names an article whose issue does not exist', () => {
    const problems = problemsAfter((c) => c.edit(ARTICLE, (t) => t.replace('issue: 2017-02', 'issue: 2017-09')));
    expect(problems).toContain(`${ARTICLE}:3 issue：所属期“2017-09”不存在`);
  });

  it('names two issues with the same number, and with the same serial', () => {
    // A second file that repeats 第2期 and 总第02期 (its name would be 2017-02.mdx too).
    const problems = problemsAfter((c) => c.write('content/issues/2017-03.mdx', readFileSync(join(c.root, ISSUE), 'utf8')));
    expect(problems).toContain(`content/issues/2017-03.mdx:6 number：2017年第2期与 ${ISSUE} 重复`);
    expect(problems).toContain(`content/issues/2017-03.mdx:7 serial：总第2期与 ${ISSUE} 重复`);
  });

  // A synthetic 第3期 (not a real issue: only its numbers matter), from the real 第2期's file.
  const thirdIssue = (c: ContentCopy, fields: { serial: number; articles: string[] }) =>
    c.write(
      'content/issues/2017-03.mdx',
      readFileSync(join(c.root, ISSUE), 'utf8')
        .replace('number: 2', 'number: 3')
        .replace('serial: 2', `serial: ${fields.serial}`)
        .replace('date: 2017-05-18', 'date: 2017-06-18')
        .replace(/articles:\n(?:  - .*\n)+/, `articles:\n${fields.articles.map((id) => `  - ${id}\n`).join('')}`),
    );

  it('names two issues with the same 总期号 alone', () => {
    const problems = problemsAfter((c) => thirdIssue(c, { serial: 2, articles: ['2017-02/07'] }));
    expect(problems).toContain(`content/issues/2017-03.mdx:7 serial：总第2期与 ${ISSUE} 重复`);
    expect(problems.some((p) => p.includes(' number：'))).toBe(false);
  });

  it('names an issue whose 要目 lists an article of another issue', () => {
    const problems = problemsAfter((c) => thirdIssue(c, { serial: 3, articles: ['2017-02/07'] }));
    expect(problems).toEqual([`content/issues/2017-03.mdx:18 articles[0]：要目列出了文章“2017-02/07”，但该文章的 issue 是“2017-02”`]);
  });

  it('names an issue whose 要目 and articles disagree', () => {
    expect(problemsAfter((c) => c.edit(ISSUE, (t) => t.replace('  - 2017-02/07\n', '')))).toEqual([
      `content/articles/2017-02/07.mdx:3 issue：该文章属于 2017-02，但 ${ISSUE} 的要目（articles）没有列出它`,
    ]);
  });

  it('names a repealed document without a repeal date', () => {
    expect(problemsAfter((c) => c.edit(POLICY, (t) => t.replace('status: in-force', 'status: repealed')))).toEqual([
      `${POLICY}:2 repealedDate：状态为 repealed（已废止）的文件须写明废止日期 repealedDate`,
    ]);
  });

  it('names a reference to a missing entry', () => {
    expect(problemsAfter((c) => c.edit(POLICY, (t) => t.replace('  - 2017-02/05', '  - 2017-02/99')))).toEqual([
      `${POLICY}:8 mentionedIn[0]：文章“2017-02/99”不存在`,
    ]);
    expect(problemsAfter((c) => c.edit(ARTICLE, (t) => t.replace('  - 两提一创', '  - 两学一做')))).toEqual([
      `${ARTICLE}:15 topics[1]：主题（content/topics/ 中的 name）“两学一做”不存在`,
    ]);
  });

  it('names broken YAML by its line', () => {
    expect(problemsAfter((c) => c.edit(ARTICLE, (t) => t.replace('people:\n', 'people:\n  - 吴俊清\n wrong: [\n')))[0]).toMatch(
      new RegExp(`^${ARTICLE}:\\d+：YAML 格式错误`),
    );
  });

  it('exits non-zero from the command line, printing the file', () => {
    copy = copyContent();
    copy.edit(ARTICLE, (t) => t.replace(/^title: .*\n/m, ''));
    const node = join(PROJECT_ROOT, 'node_modules/.bin/node');
    const run = spawnSync(node, [join(PROJECT_ROOT, 'scripts/content/validate.ts'), copy.root], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${ARTICLE}:2 title：缺少必填字段`);
    expect(execFileSync(node, [join(PROJECT_ROOT, 'scripts/content/validate.ts'), PROJECT_ROOT], { encoding: 'utf8' })).toMatch(/^内容检查通过/);
  });

  it('reports to the build as one JSON line (--report): the problems as printed, the counts, the drafts', () => {
    const node = join(PROJECT_ROOT, 'node_modules/.bin/node');
    const report = (root: string) => JSON.parse(execFileSync(node, [join(PROJECT_ROOT, 'scripts/content/validate.ts'), root, '--report'], { encoding: 'utf8' }).trim());
    const { content } = validateContent(PROJECT_ROOT);
    expect(report(PROJECT_ROOT)).toEqual({
      problems: [],
      counts: { issues: content.issues.length, articles: content.articles.length, policies: content.policies.length, topics: content.topics.length },
      drafts: [],
    });
    const problems = problemsAfter((c) => c.edit(ARTICLE, (text) => text.replace(/^title:.*\n/m, '')));
    expect(report(copy.root).problems).toEqual(problems);
    expect(problems.length).toBeGreaterThan(0);
  });
});
