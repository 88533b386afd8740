/**
 * The check of the MDX components in an article's body (src/lib/mdx/components.ts: 图片, 附件,
 * 表格, 注): an unknown component, a property it does not take, one it needs and lacks, a value
 * that is no file beside the article or not of the kind wanted, content where there should be
 * none. Each problem names the line and what was expected, in the words of the editors' manual
 * (docs/编辑手册.md).
 */
import type { Nodes } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { COMPONENT_NAMES, COMPONENTS, fileNameProblem, isComponentName, type FileKind } from '../../src/lib/mdx/components.ts';
import { readCsvTable } from '../../src/lib/mdx/csv-table.ts';
import type { BodyProblem } from './markdown-only.ts';
import { fileContentProblem, HEAD_BYTES } from './file-content.ts';

type Element = MdxJsxFlowElement | MdxJsxTextElement;

/**
 * A file a component names, as the check finds it beside the article; undefined when there is
 * none. `bytes`, `size`: the file's bytes and their number, when the caller has the file itself (the check's stand-ins in
 * tests have only a text), to judge what it holds (file-content.ts).
 */
export type BesideFile = (name: string) => { text: () => string; bytes?: () => Uint8Array; size?: number } | undefined;

const AVAILABLE = `可用的组件是 ${COMPONENT_NAMES.map((name) => `<${name}>`).join('、')}（见编辑手册“正文中的组件”）`;

/** Whether the tag names one of the components (the rest of the check passes it to this module). */
export const isComponent = (node: Nodes): node is Element => (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && isComponentName(node.name);

/** The problems of one tag of an article's body: a component, or a tag that is none. `files`: its folder's files. */
export function componentProblems(node: Element, files: BesideFile): BodyProblem[] {
  const line = node.position?.start.line ?? 1;
  const problems: BodyProblem[] = [];
  const say = (message: string, at = line) => problems.push({ line: at, message });
  if (!isComponentName(node.name)) {
    say(/^[a-z]/.test(node.name ?? '') ? `正文不能使用 HTML 标签 <${node.name}>：${AVAILABLE}` : `没有名为 <${node.name ?? ''}> 的组件：${AVAILABLE}`);
    return problems;
  }
  const name = node.name;
  const spec = COMPONENTS[name];
  const known = Object.keys(spec.properties);
  const knownList = known.length ? `可用的属性是 ${known.join('、')}` : '它没有属性';
  if (node.type === 'mdxJsxTextElement') say(`<${name}> 应单独成段：前后各空一行，不要写在段落的文字中间`);

  const given = new Map<string, string>();
  for (const attribute of node.attributes) {
    const at = attribute.position?.start.line ?? line;
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      say(`<${name}> 的属性应写作 名称="文字"，不能用 {…}`, at);
      continue;
    }
    if (!known.includes(attribute.name)) {
      say(`<${name}> 没有属性“${attribute.name}”：${knownList}`, at);
      continue;
    }
    if (given.has(attribute.name)) {
      say(`<${name}> 的属性“${attribute.name}”写了两次`, at);
      continue;
    }
    if (typeof attribute.value !== 'string') {
      say(`<${name}> 的属性“${attribute.name}”应写作 ${attribute.name}="文字"${attribute.value ? '，不能用 {…}' : '，不能没有值'}`, at);
      continue;
    }
    const value = attribute.value.trim();
    const property = spec.properties[attribute.name]!;
    if (!value) {
      say(`<${name}> 的属性“${attribute.name}”不能为空：写明${property.what}`, at);
      continue;
    }
    given.set(attribute.name, value);
    if (property.file) {
      const problem = fileProblem(value, property.file, files);
      if (problem) say(`<${name}> 的属性“${attribute.name}”（${value}）${problem}`, at);
    }
  }
  for (const [property, { required, what }] of Object.entries(spec.properties)) {
    if (required && !given.has(property) && !node.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === property)) {
      say(`<${name}> 缺少属性“${property}”：${what}，如 ${spec.example}`);
    }
  }
  if (spec.oneOf) {
    const present = spec.oneOf.filter((property) => given.has(property));
    if (present.length !== 1) say(`<${name}> 应写明${spec.oneOf.map((p) => `“${p}”`).join('或')}（只写其中一个）：${spec.oneOf.map((p) => spec.properties[p]!.what).join('或')}`);
  }
  problems.push(...contentProblems(node, name, given.has('文件')));
  return problems;
}

/** What is wrong with `value` as a `kind` file beside the article: its name, that it is there, what it holds. */
export function fileProblem(value: string, kind: FileKind, files: BesideFile): string | undefined {
  const named = fileNameProblem(value, kind);
  if (named) return named;
  const file = files(value.slice(2));
  if (!file) return '不存在：文件应与文章放在同一个文件夹中';
  if (file.bytes && file.size !== undefined) {
    // (The size first: a file over the limit is not read.)
    const problem = fileContentProblem(value, file.size, () => file.bytes!().subarray(0, HEAD_BYTES), file.bytes);
    if (problem) return problem;
  }
  if (kind === 'csv') {
    try {
      readCsvTable(file.text());
    } catch (error) {
      return `不是可用的表格：${(error as Error).message}`;
    }
  }
  return undefined;
}

/** What may go between the tags: nothing, text, or a Markdown table unless a CSV file gives it. */
function contentProblems(node: Element, name: keyof typeof COMPONENTS, hasFile: boolean): BodyProblem[] {
  const line = node.position?.start.line ?? 1;
  const children = node.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
  const { content, example } = COMPONENTS[name];
  if (content === 'none' || (content === 'table' && hasFile)) {
    if (children.length) return [{ line, message: `<${name}> 的标签之间不能有内容：写作 ${content === 'none' ? example : `<表格 标题="……" 文件="./表1.csv" />（表格来自 CSV 文件时）`}` }];
    return [];
  }
  if (content === 'table') {
    if (children.length !== 1 || children[0]!.type !== 'table') {
      return [{ line, message: '<表格> 的标签之间应恰好有一个 Markdown 表格（标签前后及表格前后各空一行），或用属性“文件”指明 CSV 文件' }];
    }
    return [];
  }
  if (!children.length) return [{ line, message: `<${name}> 的标签之间应有文字：写作 ${example.replace(/\s*\n\s*/g, ' ')}` }];
  const nested = children.find((child) => child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement');
  if (nested) return [{ line: nested.position?.start.line ?? line, message: `<${name}> 中不能再放组件：${name}只放文字` }];
  return [];
}
