/**
 * A content file is `.mdx`, and the site renders a body without components as Markdown
 * (src/lib/content/loader.ts): the body must therefore mean the same in both. An article's body
 * may use the components (src/lib/mdx/components.ts), which components.ts checks; any other tag
 * is refused. MDX gives a meaning of its own to four things Markdown reads as
 * text or HTML — a tag (`<div>`, `<Chart />`), an expression in braces (`{年份}`), an
 * `import`/`export` line, and it reads neither indented code nor `<https://…>` autolinks. Each is
 * refused here with its line, so that an editor who writes one hears why before the build, and
 * no raw HTML reaches a page. Escaped (`\{` `\<`, as the importer writes them) they are text in
 * both, and allowed.
 *
 * The MDX grammar is micromark-extension-mdxjs with mdast-util-mdx, the parser @mdx-js/mdx itself
 * is built on: what it refuses (an unclosed tag) is reported in its own words, as the MDX
 * compiler would have.
 */
import type { Nodes } from 'mdast';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { parseMarkdown } from '../../src/lib/markdown.ts';
import { componentProblems, isComponent, type BesideFile } from './components.ts';

export interface BodyProblem {
  /** 1-based, in the body. */
  line: number;
  message: string;
}

/**
 * Anything MDX reads differently from Markdown starts with one of these: a tag or autolink `<`,
 * an expression `{ }`, an import/export at a line's start, or an indent of four spaces or a tab.
 * A body without any (almost every body) needs no MDX parse.
 */
const MAY_DIFFER = /[<{}]|^[ \t]*(?:import|export)\b|^(?: {4}|\t)/m;

/**
 * What in `body` MDX would read otherwise than the site's Markdown does; [] when nothing.
 * `components`: the body may use components (an article's), whose files are these.
 */
export function markdownOnlyProblems(body: string, components?: BesideFile): BodyProblem[] {
  if (!MAY_DIFFER.test(body)) return [];
  let tree;
  try {
    tree = parseMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
  } catch (error) {
    // A VFileMessage: the MDX parser's own words, and where.
    const { reason, line } = error as { reason?: string; line?: number };
    // Its positions (8:1-8:6) count from the body's start; the line reported counts from the file's.
    const words = (reason ?? String(error)).replace(/ \(\d+:\d+(?:-\d+:\d+)?\)/g, '');
    return [{ line: line ?? 1, message: `正文不是有效的 MDX：${words}` }];
  }
  const problems: BodyProblem[] = [];
  /** Lines a component spans: Markdown reads its tags as HTML, which is not refused there. */
  const componentLines = new Set<number>();
  const visit = (node: Nodes) => {
    const line = node.position?.start.line ?? 1;
    if (components && (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement')) {
      problems.push(...componentProblems(node, components));
      if (!isComponent(node)) return;
      for (let at = line; at <= (node.position?.end.line ?? line); at++) componentLines.add(at);
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      problems.push({ line, message: `正文不能使用标签 <${node.name ?? ''}>：正文按 Markdown 排版，组件只能用在文章中；“<”作文字时写作 \\<` });
      return;
    }
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      problems.push({ line, message: `正文中的 {${node.value}} 会被当作 MDX 表达式：作文字时写作 \\{ 和 \\}` });
      return;
    }
    if (node.type === 'mdxjsEsm') {
      problems.push({ line, message: '正文不能有 import / export 语句：组件不用引入，直接写 <图片 … /> 等（见编辑手册“正文中的组件”）' });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  // What Markdown reads and MDX does not: indented code and <https://…> autolinks.
  const markdown = parseMarkdown(body);
  const lines = body.split('\n');
  const visitMarkdown = (node: Nodes) => {
    const line = node.position?.start.line ?? 1;
    // (A fenced block, ``` or ~~~, is code to both.)
    if (node.type === 'code' && !/^\s*(?:```|~~~)/.test(lines[line - 1] ?? '')) {
      problems.push({ line, message: '行首缩进四个空格或一个制表符会排成代码块：段落不要缩进（首行缩进由网站排版）' });
    } else if (node.type === 'html' && !componentLines.has(line)) {
      problems.push({ line, message: `正文不能使用 HTML：${node.value.split('\n')[0]}` });
    } else if (node.type === 'link' && node.position && lines[line - 1]?.[node.position.start.column - 1] === '<') {
      problems.push({ line, message: '网址不要写在 < > 中：直接写出网址，或写作 [文字](网址)' });
    }
    if ('children' in node) for (const child of node.children) visitMarkdown(child as Nodes);
  };
  visitMarkdown(markdown);
  // One report per line, in order: a tag is both JSX to MDX and HTML to Markdown.
  const seen = new Set<number>();
  return problems
    .sort((a, b) => a.line - b.line)
    .filter((problem) => !seen.has(problem.line) && seen.add(problem.line));
}
