/**
 * Content bodies as a syntax tree, and the plain text a reader sees in them: one parser for the
 * policy structure, the descriptions and the feed, so that what a description says is what the
 * page shows (an importer's escapes \{ \< \* undone, tags and images gone, links as their text).
 *
 * mdast-util-from-markdown is the CommonMark parser of the unified family that Astro's own
 * Markdown uses; with GFM tables, and with the same CJK-friendly emphasis as the site's
 * remark-cjk-friendly (**“1331工程”**是 is emphasis there, so it must be here).
 */
import type { Nodes, Root, Table } from 'mdast';
import { fromMarkdown, type Options } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { toString } from 'mdast-util-to-string';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { gfmTable } from 'micromark-extension-gfm-table';
import { mdxjs } from 'micromark-extension-mdxjs';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { isComponentName, usesComponents } from './mdx/components.ts';
import { readCsvTable } from './mdx/csv-table.ts';

/** `more`: syntax to read beside it (the content check adds MDX's, scripts/content/markdown-only.ts). */
export function parseMarkdown(body: string, more: Pick<Options, 'extensions' | 'mdastExtensions'> = {}): Root {
  return fromMarkdown(body, {
    extensions: [...(more.extensions ?? []), gfmTable(), cjkFriendlyExtension()],
    mdastExtensions: [...(more.mdastExtensions ?? []), gfmTableFromMarkdown()],
  });
}

/** A node's text as shown: markup and inline HTML/JSX left out, soft line breaks joined (Chinese has no spaces between lines). */
export function plainText(node: Nodes): string {
  return toString(node, { includeHtml: false, includeImageAlt: false }).replace(/\s*\n\s*/g, '').trim();
}

/**
 * `body` as the site renders it: with MDX's syntax when it uses components (src/lib/mdx/components.ts),
 * as Markdown otherwise (the content check refuses whatever would read differently in the two:
 * scripts/content/markdown-only.ts).
 */
export function parseBody(body: string): Root {
  return usesComponents(body) ? parseMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] }) : parseMarkdown(body);
}

/** The text of each top-level paragraph of `body`, in order: the article's own text, without what its components show. */
export function paragraphTexts(body: string): string[] {
  return bodyTexts(body).paragraphs;
}

/** A table's rows as text, one a row, its cells apart by a space: the header first, as the page shows it. */
const rowsOf = (header: readonly string[], rows: readonly string[][]) => [header, ...rows].map((cells) => cells.filter(Boolean).join(' ')).filter(Boolean);
const tableRows = (table: Table) => rowsOf(table.children[0]?.children.map(plainText) ?? [], table.children.slice(1).map((row) => row.children.map(plainText)));

/**
 * A body's text from one parse: its top-level paragraphs, and, for search, what its components
 * and tables show as text, in order (a 图片's 图注, a 表格's or 附件's 标题, the paragraphs of a 注,
 * each row of a table, whether written in Markdown or in the CSV file a 表格 names; [] for a body
 * with neither). `besideText`: the text of a file beside the article, by its name (01-表1.csv), or
 * undefined where there is none; without it, a CSV table gives its title only. The CSV is read
 * by readCsvTable, as the check and the build read it; one that is no table is the check's to refuse.
 */
export function bodyTexts(body: string, besideText?: (name: string) => string | undefined): { paragraphs: string[]; components: string[] } {
  const paragraphs: string[] = [];
  const components: string[] = [];
  for (const node of parseBody(body).children) {
    if (node.type === 'paragraph') {
      const text = plainText(node);
      if (text) paragraphs.push(text);
      continue;
    }
    if (node.type === 'table') {
      components.push(...tableRows(node));
      continue;
    }
    if (node.type !== 'mdxJsxFlowElement' || !isComponentName(node.name)) continue;
    const attribute = (name: string) => node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
    const shown = node.name === '图片' ? attribute('图注') : node.name === '注' ? undefined : attribute('标题');
    if (typeof shown === 'string' && shown.trim()) components.push(shown.trim());
    if (node.name === '注') components.push(...node.children.filter((child) => child.type === 'paragraph').map(plainText).filter(Boolean));
    if (node.name === '表格') {
      const file = attribute('文件');
      if (typeof file === 'string') {
        const text = /^\.\/[^/\\]+$/.test(file.trim()) ? besideText?.(file.trim().slice(2)) : undefined;
        if (text !== undefined) {
          try {
            const { header, rows } = readCsvTable(text);
            components.push(...rowsOf(header, rows));
          } catch {
            // No table: the content check refuses it, with its line.
          }
        }
      } else for (const child of node.children) if (child.type === 'table') components.push(...tableRows(child));
    }
  }
  return { paragraphs, components };
}
