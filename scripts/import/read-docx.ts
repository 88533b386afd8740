/**
 * A bulletin written in Word (.docx), read with mammoth: its document model gives every
 * paragraph in order, tables included (the 版记 is often one), with its list numbering. Word
 * paragraphs are whole (page breaks do not cut them) and headers and footers (page numbers)
 * are left out, so each paragraph is one block.
 */
import { joinBroken, normalizeLine } from './cjk-text.ts';
import { materializeNumbering } from './docx-numbering.ts';
import type { SourceBlock } from './source-block.ts';
import { checkZip } from './zip-limits.ts';

/** A Word paragraph reduced to what the parser needs. */
export interface DocxParagraph {
  /** Its text; a manual line break is "\n". */
  text: string;
  /** Word's automatic numbering or bullets: a list item. */
  listItem: boolean;
  /** The largest font size of its runs, in points, when the runs say. */
  fontSize?: number;
  /** Every run bold, or a heading style. */
  bold?: boolean;
  align?: 'center' | 'right';
  /** A page break comes before it (in it, or at the end of the paragraph before). */
  pageBreakBefore?: boolean;
  /** A table: its rows of cells, each cell its paragraphs. */
  rows?: DocxParagraph[][][];
}

const lineText = (text: string) => text.split('\n').map(normalizeLine).filter(Boolean).reduce(joinBroken, '');

export function blocksFromDocxParagraphs(paragraphs: readonly DocxParagraph[]): SourceBlock[] {
  // The body's size: the one most of the text is set in.
  const weights = new Map<number, number>();
  for (const p of paragraphs) if (p.fontSize) weights.set(p.fontSize, (weights.get(p.fontSize) ?? 0) + p.text.length);
  const bodySize = [...weights.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const blocks: SourceBlock[] = [];
  for (const p of paragraphs) {
    const facts = {
      ...(p.fontSize && bodySize ? { size: Math.round((p.fontSize / bodySize) * 100) / 100 } : {}),
      ...(p.align ? { align: p.align } : {}),
      ...(p.bold ? { bold: true } : {}),
      ...(p.pageBreakBefore ? { pageBreakBefore: true } : {}),
    };
    if (p.rows) {
      const rows = p.rows.map((row) => row.map((cell) => cell.map((c) => lineText(c.text)).filter(Boolean).join('\n')));
      const text = rows.flat().filter(Boolean).join(' ').replace(/\n/g, ' ');
      if (text) blocks.push({ text, startsParagraph: true, rows, ...facts });
      continue;
    }
    const text = lineText(p.text);
    if (text) blocks.push({ text, startsParagraph: true, ...(p.listItem ? { listItem: true } : {}), ...facts });
  }
  return blocks;
}

/** mammoth's document elements, as far as they are read here. */
interface MammothElement {
  type: string;
  value?: string;
  breakType?: string;
  numbering?: unknown;
  alignment?: string | null;
  styleName?: string | null;
  fontSize?: number | null;
  isBold?: boolean;
  children?: MammothElement[];
}

function textOf(element: MammothElement): string {
  if (element.type === 'text') return element.value ?? '';
  if (element.type === 'tab') return ' ';
  if (element.type === 'break') return element.breakType === 'line' || !element.breakType ? '\n' : '';
  return (element.children ?? []).map(textOf).join('');
}

const runsOf = (element: MammothElement): MammothElement[] =>
  element.type === 'run' ? [element] : (element.children ?? []).flatMap(runsOf);
/** Where a page break stands in a paragraph: before its text, after it, or nowhere. */
function pageBreakIn(element: MammothElement): 'before' | 'after' | undefined {
  let seenText = false;
  let found: 'before' | 'after' | undefined;
  const walk = (e: MammothElement) => {
    if (e.type === 'text' && e.value?.trim()) seenText = true;
    else if (e.type === 'break' && e.breakType === 'page') found = seenText ? 'after' : 'before';
    for (const child of e.children ?? []) walk(child);
  };
  walk(element);
  return found === 'after' && !seenText ? 'before' : found;
}

function paragraphOf(element: MammothElement): DocxParagraph {
  const runs = runsOf(element).filter((run) => textOf(run).trim());
  const sizes = runs.map((run) => run.fontSize).filter((size): size is number => typeof size === 'number');
  const align = element.alignment === 'center' ? 'center' : element.alignment === 'right' || element.alignment === 'end' ? 'right' : undefined;
  const heading = /^(?:heading|title|标题)/i.test(element.styleName ?? '');
  return {
    text: textOf(element),
    listItem: Boolean(element.numbering),
    ...(sizes.length ? { fontSize: Math.max(...sizes) } : {}),
    ...(heading || (runs.length && runs.every((run) => run.isBold)) ? { bold: true } : {}),
    ...(align ? { align } : {}),
  };
}

function collect(element: MammothElement, into: DocxParagraph[], state = { pageBreak: false }): void {
  if (element.type === 'paragraph') {
    const paragraph = paragraphOf(element);
    const pageBreak = pageBreakIn(element);
    if (!paragraph.text.trim()) {
      // An empty paragraph that holds a page break: the break comes before the next text.
      state.pageBreak ||= pageBreak !== undefined;
      return;
    }
    if (state.pageBreak || pageBreak === 'before') paragraph.pageBreakBefore = true;
    state.pageBreak = pageBreak === 'after';
    into.push(paragraph);
    return;
  }
  if (element.type === 'table') {
    const rows = (element.children ?? [])
      .filter((row) => row.type === 'tableRow')
      .map((row) =>
        (row.children ?? [])
          .filter((cell) => cell.type === 'tableCell')
          .map((cell) => {
            const paragraphs: DocxParagraph[] = [];
            collect(cell, paragraphs);
            return paragraphs;
          }),
      );
    into.push({ text: '', listItem: false, rows, ...(state.pageBreak ? { pageBreakBefore: true } : {}) });
    state.pageBreak = false;
    return;
  }
  for (const child of element.children ?? []) collect(child, into, state);
}

/** Reads a .docx; throws what mammoth throws for a file it cannot open. */
export async function blocksFromDocx(data: Buffer): Promise<SourceBlock[]> {
  // mammoth (JSZip) would inflate a zip bomb whole before noticing: the archive is measured first.
  checkZip(data, 'Word 文件');
  const { default: mammoth } = await import('mammoth');
  const paragraphs: DocxParagraph[] = [];
  await mammoth.convertToHtml(
    { buffer: Buffer.from(materializeNumbering(data)) },
    {
      transformDocument: (document: MammothElement) => {
        collect(document, paragraphs);
        return document;
      },
    },
  );
  return blocksFromDocxParagraphs(paragraphs);
}
