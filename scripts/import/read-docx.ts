/**
 * A bulletin written in Word (.docx), read with mammoth: its document model gives every
 * paragraph in order, tables included (the 版记 is often one), with its list numbering. Word
 * paragraphs are whole (page breaks do not cut them) and headers and footers (page numbers)
 * are left out, so each paragraph is one block.
 */
import { joinBroken, normalizeLine } from './cjk-text.ts';
import type { SourceBlock } from './source-block.ts';

/** A Word paragraph reduced to what the parser needs. */
export interface DocxParagraph {
  /** Its text; a manual line break is "\n". */
  text: string;
  /** Word's automatic numbering or bullets: a list item. */
  listItem: boolean;
}

export function blocksFromDocxParagraphs(paragraphs: readonly DocxParagraph[]): SourceBlock[] {
  return paragraphs
    .map((p) => ({ text: p.text.split('\n').map(normalizeLine).filter(Boolean).reduce(joinBroken, ''), listItem: p.listItem }))
    .filter((p) => p.text)
    .map((p) => ({ text: p.text, startsParagraph: true, ...(p.listItem ? { listItem: true } : {}) }));
}

/** mammoth's document elements, as far as they are read here. */
interface MammothElement {
  type: string;
  value?: string;
  breakType?: string;
  numbering?: unknown;
  children?: MammothElement[];
}

function textOf(element: MammothElement): string {
  if (element.type === 'text') return element.value ?? '';
  if (element.type === 'tab') return ' ';
  if (element.type === 'break') return element.breakType === 'line' || !element.breakType ? '\n' : '';
  return (element.children ?? []).map(textOf).join('');
}

function collect(element: MammothElement, into: DocxParagraph[]): void {
  if (element.type === 'paragraph') {
    into.push({ text: textOf(element), listItem: Boolean(element.numbering) });
    return;
  }
  for (const child of element.children ?? []) collect(child, into);
}

/** Reads a .docx; throws what mammoth throws for a file it cannot open. */
export async function blocksFromDocx(data: Buffer): Promise<SourceBlock[]> {
  const { default: mammoth } = await import('mammoth');
  const paragraphs: DocxParagraph[] = [];
  await mammoth.convertToHtml(
    { buffer: data },
    {
      transformDocument: (document: MammothElement) => {
        collect(document, paragraphs);
        return document;
      },
    },
  );
  return blocksFromDocxParagraphs(paragraphs);
}
