/**
 * A government site's page saved as HTML (“网页，全部” or “仅 HTML”): the document's text is one
 * part of the page among menus, banners and footers. Read with node-html-parser (already the
 * project's HTML parser; it keeps the whole tree and the attributes that say how a block sits).
 *
 * What is read: the page's metadata block (索引号, 主题分类, 发文字号… — a table of label and
 * value cells, or lines `label：value`) turned into `label：value` blocks, which parse-official.ts
 * reads into fields; then the article itself — the element that holds most of the page's running
 * text (a site's 正文 container), block by block: paragraphs, headings, centred or right-aligned
 * lines (align="center", style="text-align: right"), tables as rows. Script, style, navigation,
 * header and footer elements are never read; what a site prints inside the article
 * (打印本页, 浏览次数) is left for the parser, which drops and lists it.
 */
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import { normalizeLine } from './cjk-text.ts';
import type { SourceBlock } from './source-block.ts';
import { isLabelAlone, metadataPairs } from './web-page.ts';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'iframe', 'svg', 'form', 'button', 'select', 'object']);
const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'tr', 'table', 'section', 'article', 'blockquote', 'center', 'dd', 'dt', 'pre', 'ul', 'ol', 'dl', 'main', 'tbody', 'thead', 'br', 'hr', 'font']);

const tag = (node: Node) => ((node as HTMLElement).rawTagName ?? '').toLowerCase();
const isElement = (node: Node): node is HTMLElement => node.nodeType === 1;

/** How a block sits: align="center", style="text-align:right", <center>. */
function alignOf(element: HTMLElement): 'center' | 'right' | undefined {
  for (let e: HTMLElement | null = element; e && tag(e) !== 'body'; e = e.parentNode as HTMLElement | null) {
    if (!isElement(e)) break;
    const align = (e.getAttribute('align') ?? /text-align\s*:\s*(\w+)/i.exec(e.getAttribute('style') ?? '')?.[1] ?? '').toLowerCase();
    if (align === 'center' || tag(e) === 'center') return 'center';
    if (align === 'right') return 'right';
    if (align === 'left' || align === 'justify') return undefined;
    // A heading is the title or a part's head: sites centre it with their stylesheet, which a saved page may not carry.
    if (/^h[1-3]$/.test(tag(e))) return 'center';
    if (BLOCK.has(tag(e)) && tag(e) !== 'font') break;
  }
  return undefined;
}

/** The text of an element's inline content, lines kept where <br> breaks them. */
function inlineText(node: Node): string {
  if (node.nodeType === 3) return decode(node.rawText);
  if (!isElement(node) || SKIP.has(tag(node))) return '';
  if (tag(node) === 'br') return '\n';
  return node.childNodes.map(inlineText).join('');
}

const decode = (text: string) =>
  text
    .replace(/&nbsp;/gi, '\u00a0')
    .replace(/&ensp;|&emsp;/gi, ' ')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/gi, '&');

/** Blocks of an element, in order: each run of inline content a block (a <br> ends a line), each table its rows. */
function blocksOf(element: HTMLElement, into: SourceBlock[]): void {
  let inline = '';
  let inlineAlign: SourceBlock['align'];
  const flush = () => {
    for (const line of inline.split('\n')) {
      const text = normalizeLine(line);
      if (text) into.push({ text, startsParagraph: true, ...(inlineAlign ? { align: inlineAlign } : {}) });
    }
    inline = '';
  };
  for (const node of element.childNodes) {
    if (isElement(node) && SKIP.has(tag(node))) continue;
    if (isElement(node) && tag(node) === 'table') {
      flush();
      tableBlocks(node, into);
      continue;
    }
    if (isElement(node) && BLOCK.has(tag(node)) && tag(node) !== 'br' && tag(node) !== 'font') {
      flush();
      inlineAlign = undefined;
      blocksOf(node, into);
      continue;
    }
    if (!inline.trim()) inlineAlign = isElement(node) ? alignOf(node) : alignOf(element);
    inline += inlineText(node);
  }
  if (!inlineAlign) inlineAlign = alignOf(element);
  flush();
}

/**
 * A table: a metadata block (label and value cells: 索引号 | 1114… | 主题分类 | 教育) as
 * `label：value` blocks; a layout table (one cell a row) as the blocks inside it; any other as rows.
 */
function tableBlocks(table: HTMLElement, into: SourceBlock[]): void {
  const rows = table.querySelectorAll('tr').filter((tr) => tr.closest('table') === table);
  const cellsOf = (tr: HTMLElement) => tr.childNodes.filter((n): n is HTMLElement => isElement(n) && (tag(n) === 'td' || tag(n) === 'th'));
  const texts = rows.map((tr) => cellsOf(tr).map((cell) => normalizeLine(inlineText(cell).replace(/\n/g, ' ')) || drawnLabel(cell)));
  const labelled = texts.flat().filter((cell) => isLabelAlone(cell) || metadataPairs(cell)).length;
  if (labelled >= 2) {
    for (const row of texts) {
      for (let i = 0; i < row.length; i++) {
        const cell = row[i]!;
        if (isLabelAlone(cell) && i + 1 < row.length && !isLabelAlone(row[i + 1]!)) {
          into.push({ text: `${cell.replace(/[：:]\s*$/, '')}：${row[i + 1]}`, startsParagraph: true });
          i++;
        } else if (cell) into.push({ text: cell, startsParagraph: true });
      }
    }
    return;
  }
  if (rows.every((tr) => cellsOf(tr).length <= 1)) {
    for (const tr of rows) for (const cell of cellsOf(tr)) blocksOf(cell, into);
    return;
  }
  const cells = texts.filter((row) => row.some(Boolean));
  if (cells.length) into.push({ text: cells.flat().filter(Boolean).join(' '), startsParagraph: true, rows: cells });
}

/**
 * A label cell left empty in the HTML, its label drawn by the stylesheet from an attribute
 * (th[data-label]::before { content: attr(data-label) }, or read out from aria-label / title):
 * the label, when it is one a metadata block uses.
 */
function drawnLabel(cell: HTMLElement): string {
  const label = ['data-label', 'aria-label', 'title'].map((name) => normalizeLine(cell.getAttribute(name) ?? '')).find(Boolean) ?? '';
  return label && isLabelAlone(label) ? label : '';
}

const CJK = /\p{Script=Han}/gu;
const chinese = (text: string) => (text.match(CJK) ?? []).length;

/**
 * The article: as Readability finds it, by where the running text is — every paragraph of some
 * length (20 Chinese characters or more) counts its characters to its parent and half to its
 * grandparent; the element with the most is the site's 正文 container, whatever its class is
 * called. Menus (links, short items) and footers score little.
 */
function articleOf(body: HTMLElement): HTMLElement {
  for (const skip of body.querySelectorAll(['script', 'style', 'noscript', 'nav', 'header', 'footer', 'iframe', 'form', 'select'].join(','))) skip.remove();
  const scores = new Map<HTMLElement, number>();
  const add = (e: HTMLElement | null, n: number) => e && isElement(e) && scores.set(e, (scores.get(e) ?? 0) + n);
  for (const p of body.querySelectorAll('p, div, td, li, span, font')) {
    // A paragraph: its own text, not that of block children.
    const own = p.childNodes.filter((n) => !(isElement(n) && BLOCK.has(tag(n)) && tag(n) !== 'br' && tag(n) !== 'font')).map(inlineText).join('');
    const n = chinese(own);
    if (n < 20 || !/[，。；：]/.test(own)) continue;
    add(p.parentNode as HTMLElement, n);
    add(p.parentNode?.parentNode as HTMLElement, n / 2);
  }
  let best: HTMLElement = body;
  let top = 0;
  for (const [element, score] of scores) if (score > top) [best, top] = [element, score];
  return best;
}

/** Reads an HTML page into blocks: the metadata block first (wherever the page has it), then the article. */
export function blocksFromHtml(html: string): SourceBlock[] {
  const root = parse(html, { comment: false, blockTextElements: { script: false, style: false, noscript: false, pre: true } });
  const body = root.querySelector('body') ?? root;
  const article = articleOf(body);
  const blocks: SourceBlock[] = [];

  // Headings above the article (a site's heading that repeats the title, perhaps with the 文号: 示教发[2018]72号《…》).
  for (const heading of body.querySelectorAll('h1, h2, h3')) {
    if (article.querySelectorAll('h1, h2, h3').includes(heading)) continue;
    const text = normalizeLine(inlineText(heading));
    if (text && /《.+》|[〔\[［【]\d{4}[〕\]］】]/.test(text)) blocks.push({ text, startsParagraph: true });
  }
  // A metadata table outside the article (sites set it above the text, in a box of its own).
  for (const table of body.querySelectorAll('table')) {
    if (article === table || article.querySelectorAll('table').includes(table) || table.querySelector('table')) continue;
    const before = blocks.length;
    tableBlocks(table, blocks);
    if (!blocks.slice(before).some((b) => metadataPairs(b.text))) blocks.length = before;
  }
  blocksOf(article, blocks);
  return blocks;
}

/** Whether bytes of text are an HTML page rather than plain text. */
export const looksLikeHtml = (text: string) => /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<meta\s)/i.test(text.slice(0, 2048)) || /<\/(?:p|div|body|table)>/i.test(text.slice(0, 65536)) && /<(?:p|div|body|table)[\s>]/i.test(text.slice(0, 65536));
