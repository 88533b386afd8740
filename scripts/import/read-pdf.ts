/**
 * A bulletin's PDF, read with unpdf (PDF.js built for servers, no dependencies of its own; its
 * extractTextItems gives every run of text with its position and size). Positions tell what a
 * plain text extraction loses: a paragraph starts where a line is indented or the line before
 * ends short of the right edge; a line at a page's head that is not indented continues the
 * paragraph the previous page cut; a page number is the lone number at a page's foot.
 */
import { endsSentence, isPageNumber, isRule, joinBroken, mastheadNames, normalizeLine, removeSpreadSpacing, runningKey, runningLines } from './cjk-text.ts';
import { LIST_MARKER, uncertainJoin, type SourceBlock } from './source-block.ts';
import { checkPdfPages } from './input-limits.ts';
import { parseNumber } from '../../src/lib/chinese-numbers.ts';
import { CLOSING_PHRASE } from './official/cues.ts';

const CLOSING_LINE_OF_NOTICE = new RegExp(`^${CLOSING_PHRASE}$`);

/** A line that opens a part of an official document's text: 第一章, 第一条, 一、, （一）. */
const OPENS_PART = /^(?:第[一二三四五六七八九十百零〇]+[章节条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/;

/** The marks of an item of a list: 一、 （一） 1. （1）. */
const ITEM = /^(?:([一二三四五六七八九十]+)、|[（(]([一二三四五六七八九十]+)[)）]|(\d{1,2})[.．、](?!\d)|[（(](\d{1,2})[)）])/;

/** Whether `line` opens the item after the one `block` opens, marked alike: （二）… then （三）…. */
export function nextItem(block: string, line: string): boolean {
  const [a, b] = [ITEM.exec(block), ITEM.exec(line)];
  if (!a || !b) return false;
  const style = (m: RegExpExecArray) => [1, 2, 3, 4].find((k) => m[k] !== undefined)!;
  if (style(a) !== style(b)) return false;
  const value = (m: RegExpExecArray) => parseNumber(m[style(m)]!);
  return value(a) !== undefined && value(b) === value(a)! + 1;
}

/** A list's first item: 一、 （一） 1. （1）. */
const FIRST_ITEM = /^(?:一、|[（(]一[)）]|1[.．、](?!\d)|[（(]1[)）])/;

/** A labelled line of a bulletin's 版记. */
const CLOSING_LINE = /^(?:主\s*办|邮\s*箱|电\s*话|出版日期|报|送|发)\s*[：:]/;

/** One run of text as PDF.js reports it (unpdf's StructuredTextItem). y grows upwards. */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  /**
   * In a tagged PDF (Chrome's 另存为 PDF, Word's export), the structure element the text belongs to
   * (a P, a heading, a list item, a cell), numbered on its page; left out in an untagged file.
   */
  block?: number;
}

export interface PdfLine {
  text: string;
  left: number;
  right: number;
  /** The baseline, from the page's foot. */
  y: number;
  size: number;
  /** Two parts far apart on one line (主办单位 left, date right): a line of its own. */
  spread: boolean;
  /** The line's parts that stand at least a character apart (a table row's cells), when there are two or more. */
  cells?: PdfCell[];
  /** A tagged PDF's structure elements of the line's first and last text (PdfTextItem.block). */
  tags?: { first: number; last: number };
}

/** A part of a line with its extent: a table cell, or each side of a spread line. */
export interface PdfCell {
  text: string;
  left: number;
  right: number;
}

/** Groups a page's runs into lines, top to bottom, and each line's runs left to right. */
export function linesFromItems(items: readonly PdfTextItem[]): PdfLine[] {
  const runs = items.filter((item) => item.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  for (const run of runs) {
    const line = groups.find((g) => Math.abs(g[0]!.y - run.y) < Math.max(g[0]!.fontSize, run.fontSize) * 0.4);
    if (line) line.push(run);
    else groups.push([run]);
  }
  return groups
    .map((group) => {
      const sorted = group.sort((a, b) => a.x - b.x);
      const inked = sorted.filter((run) => run.str.trim());
      const size = inked.reduce((m, run) => Math.max(m, run.fontSize), 0);
      let text = '';
      let end: number | undefined;
      let spread = false;
      const cells: PdfCell[] = [];
      for (const run of sorted) {
        if (!run.str.trim()) {
          text += ' ';
          continue;
        }
        const gap = end === undefined ? 0 : run.x - end;
        if (gap > size * 0.3) text += ' ';
        if (gap > size * 2) spread = true;
        text += run.str;
        const cell = cells.at(-1);
        if (cell && gap <= size * 1.5) {
          cell.text += gap > size * 0.3 ? ` ${run.str}` : run.str;
          cell.right = run.x + run.width;
        } else {
          cells.push({ text: run.str, left: run.x, right: run.x + run.width });
        }
        end = run.x + run.width;
      }
      const parts = cells.map((c) => ({ ...c, text: removeSpreadSpacing(normalizeLine(c.text)) })).filter((c) => c.text);
      const tagged = inked.filter((run) => run.block !== undefined);
      return {
        text: removeSpreadSpacing(normalizeLine(text)),
        left: inked[0]?.x ?? 0,
        right: inked.reduce((m, run) => Math.max(m, run.x + run.width), 0),
        y: sorted[0]!.y,
        size,
        spread,
        ...(parts.length > 1 ? { cells: parts } : {}),
        ...(tagged.length ? { tags: { first: tagged[0]!.block!, last: tagged.at(-1)!.block! } } : {}),
      };
    })
    .filter((line) => line.text);
}

const mostCommon = (values: number[]) => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
};

/** Blocks from the lines of every page, in reading order (see the module's comment). */
export function blocksFromPdfPages(pages: readonly PdfLine[][]): SourceBlock[] {
  // A page number is the lone number at the page's foot (or head).
  const numbered = pages.map((lines) => {
    const kept = lines.filter((line) => !isRule(line.text));
    while (kept.length && isPageNumber(kept[0]!.text)) kept.shift();
    while (kept.length && isPageNumber(kept.at(-1)!.text)) kept.pop();
    return kept;
  });
  // Running headers and footers (the same line at the head or foot of several pages) go too.
  // A running header may repeat the masthead's lines above 第N期.
  const masthead = mastheadNames((numbered[0] ?? []).map((line) => line.text));
  const running = runningLines(numbered.map((lines) => ({ head: lines[0]?.text, foot: lines.at(-1)?.text })), masthead);
  // A running line stands in the margin, apart from the text: not a line of the text at the page's head
  // or foot at the text's own pitch (the same line of a repeated sentence may open two pages).
  const apart = (lines: readonly PdfLine[], at: 'head' | 'foot') => {
    const [a, b, c] = at === 'head' ? [lines[0], lines[1], lines[2]] : [lines.at(-1), lines.at(-2), lines.at(-3)];
    if (!a || !b || !c || Math.abs(a.size - b.size) > 0.5 || Math.abs(b.size - c.size) > 0.5) return true;
    return Math.abs(a.y - b.y) > Math.abs(b.y - c.y) * 1.25;
  };
  const content = numbered.map((lines) => {
    const kept = [...lines];
    if (kept.length && running.has(runningKey(kept[0]!.text)) && apart(kept, 'head')) kept.shift();
    if (kept.length && running.has(runningKey(kept.at(-1)!.text)) && apart(kept, 'foot')) kept.pop();
    while (kept.length && isPageNumber(kept[0]!.text)) kept.shift();
    while (kept.length && isPageNumber(kept.at(-1)!.text)) kept.pop();
    return kept;
  });
  const all = content.flat();
  const bodySize = mostCommon(all.flatMap((line) => Array<number>(line.text.length).fill(Math.round(line.size * 2) / 2)));
  const body = all.filter((line) => Math.abs(line.size - bodySize) < 0.5);
  // The text's left edge: the leftmost position many body lines start at. (Not the most common one: in a
  // text of one-line paragraphs most lines are first lines, indented.)
  const lefts = new Map<number, number>();
  for (const line of body) lefts.set(Math.round(line.left), (lefts.get(Math.round(line.left)) ?? 0) + 1);
  const shared = [...lefts].filter(([, n]) => n >= Math.max(2, body.length * 0.1)).map(([x]) => x);
  const left = shared.length ? Math.min(...shared) : mostCommon(body.map((line) => Math.round(line.left)));
  // (Loops, not Math.max(...): a spread over every line of a long document overflows the stack.)
  // The right edge: where most full lines end (a line whose last mark hangs into the margin, as CJK
  // typesetting lets ， and 。 do, ends further right and must not make every other line look short).
  const widest = body.reduce((m, line) => Math.max(m, line.right), -Infinity);
  const rights = new Map<number, number>();
  for (const line of body) if (line.right >= widest - bodySize * 2) rights.set(Math.round(line.right), (rights.get(Math.round(line.right)) ?? 0) + 1);
  const right = [...rights].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? widest;
  // How the line sits on the page, for an official document's parts (source-block.ts).
  const textLeft = Math.min(left, ...body.map((line) => line.left));
  const looks = (line: PdfLine, pageHead: boolean): Partial<SourceBlock> => {
    const leftGap = line.left - textLeft;
    const rightGap = right - line.right;
    const align = line.cells
      ? undefined
      : leftGap > line.size * 2.5 && Math.abs(leftGap - rightGap) < line.size * 1.5
        ? 'center'
        : rightGap < line.size * 4.5 && leftGap > rightGap + line.size * 4
          ? 'right'
          : undefined;
    return {
      ...(bodySize ? { size: Math.round((line.size / bodySize) * 100) / 100 } : {}),
      ...(align ? { align } : {}),
      ...(pageHead ? { pageBreakBefore: true } : {}),
      ...(line.cells ? { cells: line.cells.map((c) => ({ ...c })) } : {}),
      extent: { left: line.left, right: line.right },
    } as Partial<SourceBlock>;
  };
  // The usual distance between the lines of a paragraph, measured on the body's lines (1.5 to 2
  // times the type size, as the producer set it): a wider gap is space between blocks.
  const gaps: number[] = [];
  for (const lines of content) {
    for (let i = 1; i < lines.length; i++) {
      const [a, b] = [lines[i - 1]!, lines[i]!];
      if (Math.abs(a.size - bodySize) < 0.5 && Math.abs(b.size - bodySize) < 0.5) gaps.push(Math.round((a.y - b.y) * 2) / 2);
    }
  }
  const bodyPitch = gaps.length >= 3 ? mostCommon(gaps.filter((g) => g > bodySize * 0.9)) : 0;
  const pitch = (size: number) => (bodyPitch > 0 && Math.abs(size - bodySize) < 0.5 ? bodyPitch : size * 1.8);
  // Paragraphs marked by space between them rather than by an indent (a web page printed, many WPS
  // and LibreOffice templates), often with a ragged right edge: there a short line does not end a
  // paragraph by itself, the space after it does.
  const spaced = gaps.filter((g) => bodyPitch > 0 && g > bodyPitch * 1.15 && g < bodyPitch * 3).length;
  const indentedLines = body.filter((line) => line.left > left + line.size * 0.5).length;
  const bySpacing = bodyPitch > 0 && spaced >= 2 && spaced >= indentedLines;
  // The foot of the text block: the lowest a body line stands on any page.
  const textFoot = body.reduce((low, line) => Math.min(low, line.y), Infinity);
  // Justified text (GB/T 9704, Word's and LibreOffice's default for a 公文, Chromium's text-align:
  // justify) stretches every line but a paragraph's last to the edge, to the point: there a line
  // that stops even a few points short is a paragraph's last line, however nearly full it is.
  const nearEdge = body.filter((line) => line.right >= right - bodySize && line.right <= right + bodySize * 0.2);
  const justified = nearEdge.length >= 6 && nearEdge.filter((line) => Math.abs(line.right - right) <= 1.5).length >= nearEdge.length * 0.8;
  // A text whose paragraphs are marked by neither an indent nor space: a paragraph whose last line
  // happens to fill the line looks exactly like a wrap. Where a full line ends a sentence and the next
  // opens nothing, the lines are joined and the place is said, for the editor to check.
  // (A first-line indent shows as full lines standing in by a character or three; lines set apart —
  // centred, to the right, a 附注 — stand in too, and say nothing.)
  const indentedFull = body.filter((line) => line.left > left + line.size * 0.5 && line.left < left + line.size * 3.5 && line.right >= right - line.size * 0.9).length;
  const unmarked = !bySpacing && indentedFull <= Math.max(1, body.length * 0.02);

  const blocks: SourceBlock[] = [];
  let current: SourceBlock | undefined;
  let previous: (PdfLine & { short: boolean; setApart: boolean }) | undefined;
  let previousPage = -1;
  content.forEach((lines, page) => {
    for (const line of lines) {
      const indented = line.left > left + line.size * 0.5;
      // By spacing, a line is short only when it stops well before the edge: a ragged right edge falls short by a character or two.
      // (Only a line that ends a sentence: ragged CJK lines fill to an even edge too, and fall short by a character where the next may not open a line.)
      const short =
        line.spread ||
        line.right < right - line.size * (bySpacing ? 2.5 : 0.9) ||
        // (Not where space between paragraphs marks them: ragged lines there fill to an even edge as well.)
        (justified && !bySpacing && Math.abs(line.size - bodySize) < 0.5 && /[。！？：；]$/.test(line.text) && line.right < right - Math.max(3, line.size * 0.25));
      const listItem = LIST_MARKER.test(line.text);
      const samePage = page === previousPage;
      // Across a page break the space between paragraphs cannot be seen: a page that ends a sentence a
      // character short ends its paragraph, as does a page whose text stops short of the text block's
      // foot (the space a new paragraph needed was not there). A guess — a page break may fall inside a
      // paragraph after a full stop — so the place is named when nothing firmer decided it.
      const guessedBreak =
        bySpacing && !samePage && previous !== undefined && endsSentence(previous.text) && (previous.right < right - previous.size * 0.9 || previous.y - textFoot > pitch(previous.size) * 0.6);
      const firmBreak =
        !current ||
        !previous ||
        listItem ||
        // A bulletin's 版记 line (报：…) starts a block even under a full line (送：… wrapped to the margin).
        CLOSING_LINE.test(line.text) ||
        // A line whose parts stand far apart (a 版记's organ and date, a table's row, a printed metadata
        // table's labels) is a line of its own, however a text marks its paragraphs: nothing runs onto it
        // (a site's 相关附件： under the 印发 line) and it runs onto nothing (标题：　发文字号： under a value's line).
        previous.spread ||
        line.spread ||
        // By spacing, a line well short of the edge ends its paragraph when it ends a sentence (各市…：); a ragged line does not.
        (previous.short && (!bySpacing || !samePage || endsSentence(previous.text) || OPENS_PART.test(previous.text))) ||
        // A heading run into its paragraph (二、时间安排。…) after a sentence's end opens a part, whatever the line before looks like.
        (/[。！？]$/.test(previous.text) && OPENS_PART.test(line.text)) ||
        // An official document's 附件说明 (附件：1.…) after a sentence's end, however full the line before.
        (/[。！？]$/.test(previous.text) && /^附\s*件\s*\d{0,2}\s*[:：]/.test(line.text)) ||
        // The next item of a list whose item the block is ((二)…； then (三)…), after the item's end.
        (/[。；]$/.test(previous.text) && nextItem(current.text, line.text)) ||
        // A list's first item ((一)…, 一、…, 1.…) after the line that announces it (…下列条件：), however full that line.
        (/[：:]$/.test(previous.text) && FIRST_ITEM.test(line.text)) ||
        // A tagged PDF says where each paragraph ends: the line below one of another element starts a block.
        (samePage && previous.tags !== undefined && line.tags !== undefined && previous.tags.last !== line.tags.first) ||
        // A line that starts well left of one set to the right or centred (a 署名 or a date, then a site's
        // 相关附件：; a metadata value set right, then its label): never its continuation, which would stand under it.
        (samePage && previous.setApart && line.left < previous.left - line.size * 2) ||
        Math.abs(line.size - previous.size) > 0.5 ||
        (samePage && previous.y - line.y > pitch(line.size) * (bySpacing ? 1.12 : 1.2)) ||
        // An indented line starts a block, except the second line of a list item on the same page.
        (indented && (!current.listItem || !samePage)) ||
        // A short line at a page's head with no sentence end after a page that ended one: a line
        // of its own (附件2 on a new page), not the end of a paragraph cut by the break.
        (!samePage && previous && endsSentence(previous.text) && short && !endsSentence(line.text) && !listItem);
      if (firmBreak || guessedBreak) {
        if (current) blocks.push(current);
        current = { text: line.text, startsParagraph: true, ...(listItem ? { listItem: true } : {}), ...looks(line, page !== previousPage && page > 0) };
        if (!firmBreak) {
          current.uncertain = [`第${page + 1}页开头“${line.text.slice(0, 12)}”——段落以段间距区分，翻页处看不出间距，上一页在句末（“${previous!.text.slice(-12)}”）提前结束，无从判断这里是另起一段还是接续上一段，已另起一段，请对照原件核对`];
        }
      } else {
        // (特此通知。 is a paragraph of its own wherever it stands: the parser sets it off.)
        const toldByTags = page === previousPage && previous!.tags !== undefined && line.tags !== undefined;
        if (unmarked && !toldByTags && /[。！？；]$/.test(previous!.text) && Math.abs(line.size - bodySize) < 0.5 && !CLOSING_LINE_OF_NOTICE.test(line.text)) {
          (current!.uncertain ??= []).push(uncertainJoin(page + 1, previous!.text.slice(-12), line.text.slice(0, 12)));
        }
        current!.text = joinBroken(current!.text, line.text);
      }
      previous = { ...line, short, setApart: looks(line, false).align !== undefined };
      previousPage = page;
    }
  });
  if (current) blocks.push(current);
  return blocks;
}

/** The structure elements a reader sees as a paragraph of their own (ISO 32000 §14.8.4). */
const BLOCK_ROLES = new Set(['P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'Lbl', 'LBody', 'TD', 'TH', 'Caption', 'BlockQuote', 'Note', 'Title']);

/** A node of PDF.js's structure tree of a page (getStructTree): an element with its role, or marked content. */
interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

/**
 * Marked content id → the number of the innermost block element (BLOCK_ROLES) that holds it, on
 * one page's structure tree. Walked without recursion: a file's tree may be as deep as it likes.
 */
export function blockOfContent(tree: StructNode | null | undefined): Map<string, number> {
  const blocks = new Map<string, number>();
  let count = 0;
  const stack: Array<{ node: StructNode; block: number | undefined }> = tree ? [{ node: tree, block: undefined }] : [];
  while (stack.length) {
    const { node, block } = stack.pop()!;
    if (node.type === 'content' && node.id !== undefined) {
      if (block !== undefined) blocks.set(node.id, block);
      continue;
    }
    const own = node.role !== undefined && BLOCK_ROLES.has(node.role) ? count++ : block;
    for (const child of [...(node.children ?? [])].reverse()) stack.push({ node: child, block: own });
  }
  return blocks;
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<typeof import('unpdf')['getDocumentProxy']>>['getPage']>>;

/** The text items of a PDF.js page, each with its structure element when the file is tagged. */
async function pageTextItems(page: PdfPage): Promise<PdfTextItem[]> {
  const [content, tree] = await Promise.all([page.getTextContent({ includeMarkedContent: true }), page.getStructTree().catch(() => null)]);
  const blocks = blockOfContent(tree as StructNode | null);
  const items: PdfTextItem[] = [];
  // Marked content nests: the innermost sequence with an element names the text's.
  const open: Array<string | undefined> = [];
  for (const item of content.items) {
    if ('type' in item) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push(item.id ?? undefined);
      else if (item.type === 'endMarkedContent') open.pop();
      continue;
    }
    const [, , c, d, x, y] = item.transform as number[];
    const id = open.findLast((k) => k !== undefined && blocks.has(k));
    items.push({ str: item.str, x: x!, y: y!, width: item.width, fontSize: Math.hypot(c!, d!), ...(id !== undefined ? { block: blocks.get(id)! } : {}) });
  }
  return items;
}

/** Reads a PDF's text with positions; throws what PDF.js throws for a file it cannot open. */
export async function blocksFromPdf(data: Uint8Array): Promise<SourceBlock[]> {
  const { getDocumentProxy } = await import('unpdf');
  const document = await getDocumentProxy(data);
  try {
    checkPdfPages(document.numPages);
    const pages: PdfLine[][] = [];
    for (let n = 1; n <= document.numPages; n++) pages.push(linesFromItems(await pageTextItems(await document.getPage(n))));
    return blocksFromPdfPages(pages);
  } finally {
    await document.loadingTask.destroy();
  }
}
