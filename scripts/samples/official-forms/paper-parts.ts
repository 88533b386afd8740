/**
 * A document's parts in the order paper prints them (GB/T 9704-2012 §7): 版头 (the red 发文机关标志,
 * the 文号, the red rule), title, 主送, 正文 paragraphs with their roles, 附件说明, 署名 and date,
 * 附注, each 附件, 版记. The Word, Chromium and LibreOffice producers lay these out each in its
 * own way; the roles come from the model (a （一） in a 办法 is an item, in a 方案 a heading), not
 * from reading the text back.
 */
import {
  attachmentListLines,
  formatDate,
  noteLines,
  printedDocNumber,
  type OfficialForm,
  type SignatureLayout,
} from '../official-forms.ts';

export type ParagraphRole = 'body' | 'heading1' | 'heading2' | 'heading3' | 'heading4' | 'chapter' | 'clause' | 'item';

export interface PaperParagraph {
  kind: 'paragraph';
  role: ParagraphRole;
  text: string;
  /** The part a heading or clause sets in its own font: 一、总体要求 (standalone: the whole), （一）明确目标。, 第一条. */
  lead: string;
  /** The rest of the paragraph after `lead`. */
  rest: string;
  /** The heading's number (一、 （一）) and its words, for Word's list numbering. */
  mark?: string;
}

export type PaperBlock =
  | { kind: 'masthead'; organs: string[]; suffix: string }
  | { kind: 'number'; text: string }
  | { kind: 'rule' }
  | { kind: 'title'; lines: string[] }
  | { kind: 'number-parens'; text: string }
  | { kind: 'recipients'; text: string }
  | PaperParagraph
  | { kind: 'attachment-list'; lines: string[] }
  | { kind: 'signature'; organs: string[]; layout: SignatureLayout; date: string }
  | { kind: 'note'; text: string }
  | { kind: 'attachment'; label: string | null; title: string; newPage: boolean }
  | { kind: 'closing'; copyTo?: string; printedBy?: string; printedDate?: string };

export interface PaperOptions {
  masthead: boolean;
  docNumber: 'masthead' | 'under-title-parens' | 'absent';
  /** An unlabelled carried document on a page of its own. */
  carriedOnNewPage: boolean;
}

const NUM = '[一二三四五六七八九十]+';

/** A paragraph with its role in a text of the given structure. */
export function paperParagraph(text: string, structure: 'main' | 'chapters' | 'clauses' | 'headings' | 'outline'): PaperParagraph {
  const make = (role: ParagraphRole, lead: string, mark?: string): PaperParagraph => ({ kind: 'paragraph', role, text, lead, rest: text.slice(lead.length), ...(mark ? { mark } : {}) });
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`^第${NUM}章\u3000`).exec(text))) return make('chapter', text);
  if ((m = new RegExp(`^第${NUM}条\u3000`).exec(text))) return make('clause', m[0].trimEnd());
  const leadOf = (body: string) => (/。/.test(body) ? body.slice(0, body.indexOf('。') + 1) : body);
  if ((m = new RegExp(`^${NUM}、`).exec(text))) return make('heading1', leadOf(text), m[0]);
  if ((m = new RegExp(`^（${NUM}）`).exec(text))) return structure === 'chapters' || structure === 'clauses' ? make('item', '') : make('heading2', leadOf(text), m[0]);
  if ((m = /^\d+\./.exec(text))) return make('heading3', leadOf(text), m[0]);
  if ((m = /^（\d+）/.exec(text))) return make('heading4', '', m[0]);
  return make('body', '');
}

/** The parts of `form` as paper prints them, with a producer's choices. */
export function paperParts(form: OfficialForm, options: PaperOptions): PaperBlock[] {
  const { doc, forms } = form;
  const out: PaperBlock[] = [];
  const number = doc.docNumber ? printedDocNumber(doc.docNumber, forms.brackets, forms.docNumberSpaced) : undefined;
  if (options.masthead) out.push({ kind: 'masthead', organs: doc.issuerMarkLines, suffix: doc.issuerMarkSuffix });
  if (number && options.docNumber === 'masthead') out.push({ kind: 'number', text: number });
  if (options.masthead || (number && options.docNumber === 'masthead')) out.push({ kind: 'rule' });
  out.push({ kind: 'title', lines: forms.titleLines });
  if (number && options.docNumber === 'under-title-parens') out.push({ kind: 'number-parens', text: `（${number}）` });
  if (doc.recipients) out.push({ kind: 'recipients', text: `${doc.recipients}：` });
  for (const text of doc.main) out.push(paperParagraph(text, 'main'));
  const list = attachmentListLines(doc);
  if (list.length) out.push({ kind: 'attachment-list', lines: list });
  out.push({ kind: 'signature', organs: doc.issuers, layout: forms.signature, date: formatDate(doc.writtenDate, forms.dateStyle) });
  for (const text of noteLines(doc)) out.push({ kind: 'note', text });
  for (const a of doc.attachments) {
    out.push({ kind: 'attachment', label: a.label, title: a.title, newPage: a.label !== null || options.carriedOnNewPage });
    for (const text of a.paragraphs) out.push(paperParagraph(text, a.structure));
  }
  if (doc.copyTo) out.push({ kind: 'closing', copyTo: doc.copyTo, printedBy: doc.printedBy!, printedDate: formatDate(doc.printedDate!, forms.dateStyle) });
  return out;
}
