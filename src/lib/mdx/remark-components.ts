/**
 * The remark plugin of the MDX processor (astro.config.mjs): hands the files that the body's
 * components name (components.ts) to the build, so that the components themselves deal only
 * with what they show.
 *
 * - 图片 文件="./x.jpg" becomes an import of the file, as Astro's own Markdown images do: Vite
 *   resolves it beside the article and astro:assets (sharp) gives the component its size and
 *   format, to make the sizes and formats browsers need.
 * - 附件 文件="./x.pdf" becomes an import of the file's address (`?url`: Vite copies it into the
 *   site under a name with its hash), with its size read here, at build time, and its type.
 * - 表格 文件="./x.csv" gets the file's rows as a Markdown table between its tags, so that a table
 *   from CSV and one written in Markdown are the same HTML.
 *
 * Each component the body uses is imported by the body itself (src/components/mdx/), so that its
 * stylesheet goes to the pages that show such a body (Astro hands an MDX entry's styles to the page
 * that renders it) and to no other: a page whose body has no component loads nothing more.
 *
 * The content check has judged every property already (scripts/content/components.ts); what is
 * thrown here is for `astro dev`, where it does not run, and names the file and line.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root, RootContent, Table, TableRow } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { MdxjsEsm } from 'mdast-util-mdxjs-esm';
import type { Program } from 'estree';
import { attachmentType, isComponentName, type ComponentName } from './components.ts';
import { readCsvTable } from './csv-table.ts';

type Element = MdxJsxFlowElement | MdxJsxTextElement;
interface File {
  path?: string;
  cwd?: string;
}

/** A JavaScript expression as MDX keeps it: its source and its syntax tree. */
const program = (body: Program['body']): Program => ({ type: 'Program', sourceType: 'module', body });
const identifier = (name: string) => ({ type: 'Identifier' as const, name });

function importOf(name: string, source: string): MdxjsEsm {
  return {
    type: 'mdxjsEsm',
    value: `import ${name} from ${JSON.stringify(source)};`,
    data: {
      estree: program([{ type: 'ImportDeclaration', specifiers: [{ type: 'ImportDefaultSpecifier', local: identifier(name) }], source: { type: 'Literal', value: source, raw: JSON.stringify(source) }, attributes: [] }]),
    },
  };
}

function expressionAttribute(name: string, variable: string): MdxJsxAttribute {
  return {
    type: 'mdxJsxAttribute',
    name,
    value: { type: 'mdxJsxAttributeValueExpression', value: variable, data: { estree: program([{ type: 'ExpressionStatement', expression: identifier(variable) }]) } },
  };
}

const textAttribute = (name: string, value: string): MdxJsxAttribute => ({ type: 'mdxJsxAttribute', name, value });

function tableOf(header: string[], rows: string[][]): Table {
  const row = (cells: string[]): TableRow => ({ type: 'tableRow', children: cells.map((cell) => ({ type: 'tableCell', children: cell ? [{ type: 'text', value: cell }] : [] })) });
  return { type: 'table', align: header.map(() => null), children: [row(header), ...rows.map(row)] };
}

/** The file of each component, which the body imports by its Chinese name. */
const COMPONENT_FILES: Record<ComponentName, string> = {
  图片: fileURLToPath(new URL('../../components/mdx/Photo.astro', import.meta.url)),
  附件: fileURLToPath(new URL('../../components/mdx/Attachment.astro', import.meta.url)),
  表格: fileURLToPath(new URL('../../components/mdx/Table.astro', import.meta.url)),
  注: fileURLToPath(new URL('../../components/mdx/Note.astro', import.meta.url)),
};

export default function remarkComponents() {
  return (tree: Root, file: File) => {
    const source = file.path ?? '';
    const folder = dirname(source);
    const where = (node: Element) => `${relative(file.cwd ?? process.cwd(), source)}:${node.position?.start.line ?? 1}`;
    const imports: MdxjsEsm[] = [];
    const used = new Set<ComponentName>();
    const fileOf = (node: Element) => {
      const attribute = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === '文件');
      return typeof attribute?.value === 'string' ? attribute.value : undefined;
    };
    const withoutFile = (node: Element) => node.attributes.filter((a) => !(a.type === 'mdxJsxAttribute' && a.name === '文件'));
    const readable = (node: Element, name: string) => {
      const full = join(folder, name);
      try {
        return { full, size: statSync(full).size };
      } catch {
        throw new Error(`${where(node)}：<${node.name}> 的文件 ${name} 不存在（应放在文章旁边：${relative(file.cwd ?? process.cwd(), full)}）`);
      }
    };

    const visit = (node: Root | RootContent) => {
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && isComponentName(node.name)) {
        used.add(node.name);
        const name = fileOf(node);
        if (name && node.name === '图片') {
          readable(node, name);
          const variable = `__photo${imports.length}`;
          imports.push(importOf(variable, name));
          node.attributes = [...withoutFile(node), expressionAttribute('src', variable)];
        } else if (name && node.name === '附件') {
          const { size } = readable(node, name);
          const variable = `__attachment${imports.length}`;
          imports.push(importOf(variable, `${name}?url`));
          node.attributes = [...withoutFile(node), expressionAttribute('href', variable), textAttribute('bytes', String(size)), textAttribute('type', attachmentType(name)), textAttribute('name', name.slice(2))];
        } else if (name && node.name === '表格') {
          const { full } = readable(node, name);
          let table;
          try {
            table = readCsvTable(readFileSync(full, 'utf8'));
          } catch (error) {
            throw new Error(`${where(node)}：<表格> 的文件 ${name}：${(error as Error).message}`);
          }
          node.attributes = withoutFile(node);
          node.children = [tableOf(table.header, table.rows)] as typeof node.children;
        }
      }
      if ('children' in node) for (const child of node.children) visit(child);
    };
    visit(tree);
    tree.children.unshift(...[...used].map((name) => importOf(name, COMPONENT_FILES[name])), ...imports);
  };
}
