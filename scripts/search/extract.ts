/**
 * Reads what a built page offers to search, declared with Pagefind's own HTML attributes so
 * that stock Pagefind (`pagefind --site`) indexes the same pages the same way:
 * `data-pagefind-body` marks the text to index, `data-pagefind-ignore` leaves parts out,
 * `data-pagefind-filter` / `-sort` / `-meta` carry the filters, sort keys and metadata.
 * Supported attribute forms: `name` (the element's text), `name:literal`, and
 * `name[attr], other[attr]` (values from the element's attributes).
 */
import { parse, type HTMLElement, NodeType, type Node } from 'node-html-parser';

export interface PageRecord {
  /** The page's URL path: /bulletins/2017-02/01/. */
  url: string;
  title: string;
  /** The indexed text, block by block (paragraphs, headings, cells), in reading order. */
  blocks: string[];
  filters: Record<string, string[]>;
  sort: Record<string, string>;
  meta: Record<string, string>;
}

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg']);

const squash = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** The text of `root`, one string per block, leaving out ignored parts. */
export function blocksOf(root: HTMLElement): string[] {
  const blocks: string[] = [];
  let current = '';
  const flush = () => {
    const text = squash(current);
    if (text) blocks.push(text);
    current = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      current += node.text;
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const element = node as HTMLElement;
    const tag = element.rawTagName?.toLowerCase() ?? '';
    if (SKIP.has(tag) || element.hasAttribute('data-pagefind-ignore') || element.hasAttribute('hidden')) return;
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const child of element.childNodes) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks;
}

/** Pagefind's attribute syntax: `a[x], b[y]` → [[a, value of x], [b, value of y]]; `a:literal`; `a` → element text. */
export function readAttribute(element: HTMLElement, attribute: string): Array<[string, string]> {
  const value = element.getAttribute(attribute) ?? '';
  const colon = value.indexOf(':');
  const names = colon === -1 ? value : value.slice(0, colon);
  const pairs: Array<[string, string]> = [];
  const chunks = names.split(',').map((chunk) => chunk.trim()).filter(Boolean);
  chunks.forEach((chunk, i) => {
    const fromAttribute = /^([^[\]]+)\[([^[\]]+)\]$/.exec(chunk);
    if (fromAttribute) pairs.push([fromAttribute[1]!.trim(), element.getAttribute(fromAttribute[2]!.trim()) ?? '']);
    else if (colon !== -1 && i === chunks.length - 1) pairs.push([chunk, value.slice(colon + 1).trim()]);
    else pairs.push([chunk, squash(element.text)]);
  });
  return pairs.filter(([name, text]) => name && text);
}

/** The search record of a built page, or undefined when the page asks not to be indexed. */
export function extractPage(html: string, url: string): PageRecord | undefined {
  const root = parse(html, { comment: false });
  const bodies = root.querySelectorAll('[data-pagefind-body]');
  if (!bodies.length) return undefined;
  const filters: Record<string, string[]> = {};
  const sort: Record<string, string> = {};
  const meta: Record<string, string> = {};
  for (const element of root.querySelectorAll('[data-pagefind-filter]')) {
    for (const [name, value] of readAttribute(element, 'data-pagefind-filter')) (filters[name] ??= []).push(value);
  }
  for (const element of root.querySelectorAll('[data-pagefind-sort]')) {
    for (const [name, value] of readAttribute(element, 'data-pagefind-sort')) sort[name] = value;
  }
  for (const element of root.querySelectorAll('[data-pagefind-meta]')) {
    for (const [name, value] of readAttribute(element, 'data-pagefind-meta')) meta[name] = value;
  }
  const h1 = bodies.map((body) => body.querySelector('h1')).find(Boolean);
  const title = meta['title'] ?? squash(h1?.text ?? root.querySelector('title')?.text ?? url);
  const blocks = bodies.flatMap(blocksOf);
  return { url, title, blocks, filters, sort, meta };
}
