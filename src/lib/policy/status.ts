/**
 * What a reader must be told wherever they land on a document that is not the text in force —
 * its page (a bar that stays in view), the 条 a link opens, a search result, a feed entry, every
 * page of its PDF: its 时效性, from when, and what replaced it. Worked out once here from the
 * 时效性 (facts.ts validityOn) and what later documents did to it (versions.ts successorActs);
 * the components, the feed and the print stylesheet only render it.
 */
import { formatChineseDate } from '../chinese-date.ts';
import { quotedTitle } from './facts.ts';
import type { Validity } from './validity.ts';
export { NOT_IN_FORCE, isInForce } from './validity.ts';

/** A document named in a notice: the link goes to its page, the text names it by 文号 or title. */
export interface DocumentRef {
  id: string;
  title: string;
  docNumber?: string | undefined;
}

export interface StatusNotice {
  validity: Validity;
  /** The day the 时效性 began or begins: the revision's or repeal's day, 废止日期, 有效期至 (the last day), 实施日期. */
  date?: string | undefined;
  /** What a later document did, when one did: the 时效性 comes from it. */
  act?: 'revises' | 'repeals' | undefined;
  /** That later document (only one this edition shows). */
  by?: DocumentRef | undefined;
  /** The version in force now, when it is another than `by` (a later revision of the revision). */
  current?: DocumentRef | undefined;
}

export interface NoticeInput {
  validity: Validity;
  effectiveDate?: string | undefined;
  expiryDate?: string | undefined;
  repealedDate?: string | undefined;
  /** The day the 时效性 holds for (the build date). */
  asOf: string;
  /** What later documents do to it (versions.ts successorActs), each with the document, when this edition shows it. */
  acts: ReadonlyArray<{ act: 'revises' | 'repeals'; on: string | undefined; by: DocumentRef | undefined }>;
  /** The version of its lineage in force today, if any. */
  current?: DocumentRef | undefined;
  /** The document's own id: it is never its own replacement. */
  id: string;
}

/**
 * The notice for a document, or undefined for one that is 现行有效 (nothing to warn of). A
 * repeal speaks before a revision, as the 时效性 does; only acts in effect by `asOf` count.
 */
export function statusNotice(input: NoticeInput): StatusNotice | undefined {
  const { validity } = input;
  if (validity === '现行有效') return undefined;
  const done = input.acts.filter((a) => a.on === undefined || a.on <= input.asOf);
  const current = input.current && input.current.id !== input.id ? input.current : undefined;
  const withAct = (kind: 'revises' | 'repeals', fallbackDate: string | undefined): StatusNotice => {
    const act = done.find((a) => a.act === kind && a.by) ?? done.find((a) => a.act === kind);
    const by = act?.by;
    return { validity, date: act?.on ?? fallbackDate, act: act ? kind : undefined, by, current: current && current.id !== by?.id ? current : undefined };
  };
  switch (validity) {
    case '已废止':
      return withAct('repeals', input.repealedDate);
    case '已修订':
      return withAct('revises', undefined);
    case '已失效':
      return { validity, date: input.expiryDate, current };
    case '尚未施行':
      return { validity, date: input.effectiveDate };
    default:
      return { validity };
  }
}

/** A piece of a notice's text: words, or a document named (a link on screen). */
export type NoticePiece = string | { ref: DocumentRef; text: string };

/** A document as a short notice names it: by its 文号, else by its title in 《》. */
export const shortName = (ref: DocumentRef) => ref.docNumber ?? quotedTitle(ref.title);
/** A document as a full notice names it: its title in 《》, then its 文号 in brackets. */
export const fullName = (ref: DocumentRef) => `${quotedTitle(ref.title)}${ref.docNumber ? `（${ref.docNumber}）` : ''}`;

const verb = (act: 'revises' | 'repeals') => (act === 'repeals' ? '废止' : '修订');

/**
 * The notice in a line, short enough for a bar that stays in view on a phone and for the top
 * margin of a printed page: 自2022年5月1日起被示教科〔2022〕3号废止 · 现行版本 示教科〔2022〕3号.
 * Without the 时效性 itself, which goes before it as a label.
 */
export function shortPieces(notice: StatusNotice): NoticePiece[] {
  const date = notice.date ? formatChineseDate(notice.date) : undefined;
  const pieces: NoticePiece[] = [];
  switch (notice.validity) {
    case '已废止':
    case '已修订':
      if (notice.by && notice.act) pieces.push(`${date ? `自${date}起` : ''}被`, { ref: notice.by, text: shortName(notice.by) }, `${verb(notice.act)}，仅供查阅`);
      else if (notice.validity === '已废止') pieces.push(date ? `${date}废止，仅供查阅` : '仅供查阅');
      else pieces.push('已经修订，仅供查阅');
      break;
    case '已失效':
      pieces.push(date ? `有效期至${date}，仅供查阅` : '仅供查阅');
      break;
    case '尚未施行':
      pieces.push(date ? `自${date}起施行` : '施行日期未定');
      break;
    case '起草中':
      pieces.push('未正式印发，以印发文本为准');
      break;
    default:
      pieces.push('本站未掌握决定其效力的日期');
  }
  if (notice.current) pieces.push('；现行版本 ', { ref: notice.current, text: shortName(notice.current) });
  return pieces;
}

/** The notice in full sentences, for the top of the page and a feed entry: names documents by title and 文号. */
export function fullPieces(notice: StatusNotice): NoticePiece[] {
  const date = notice.date ? formatChineseDate(notice.date) : undefined;
  const pieces: NoticePiece[] = [];
  switch (notice.validity) {
    case '已废止':
    case '已修订':
      if (notice.by && notice.act) pieces.push(`本文件${date ? `自${date}起` : ''}已被`, { ref: notice.by, text: fullName(notice.by) }, `${verb(notice.act)}，仅供查阅。`);
      else if (notice.validity === '已废止') pieces.push(date ? `本文件已于${date}废止，仅供查阅。` : '本文件已废止，仅供查阅。');
      else pieces.push('本文件已经修订，请同时查阅修订后的文本。');
      break;
    case '已失效':
      pieces.push(date ? `本文件有效期至${date}，现已失效，仅供查阅。` : '本文件已失效，仅供查阅。');
      break;
    case '尚未施行':
      pieces.push(date ? `本文件自${date}起施行，目前尚未施行。` : '本文件尚未施行。');
      break;
    case '起草中':
      pieces.push('本文件尚在起草，未正式印发，内容以正式印发文本为准。');
      break;
    default:
      pieces.push('本站未掌握决定本文件效力的日期（实施日期、有效期或废止情况），时效性不详。');
  }
  if (notice.current) pieces.push('现行版本：', { ref: notice.current, text: fullName(notice.current) }, '。');
  return pieces;
}

export const piecesText = (pieces: readonly NoticePiece[]) => pieces.map((p) => (typeof p === 'string' ? p : p.text)).join('');

/** The line printed at the top of every page of its PDF, and shown at the 条 a link opens: 已废止　自…起被…废止，仅供查阅. */
export const markLine = (notice: StatusNotice) => `${notice.validity}　${piecesText(shortPieces(notice))}`;

/**
 * What a comparison (对照) page says of itself, so that it is never taken for the text in
 * force: that it only compares, and which version is in force (when this edition shows one).
 */
export function comparisonPieces(current: DocumentRef | undefined): NoticePiece[] {
  return ['本页是两个版本的逐条对照，不是文件的正式文本', ...(current ? ['；现行版本 ', { ref: current, text: shortName(current) }] : ['；本文件目前没有现行有效的版本'])];
}

/** A CSS string: the text in double quotes, its quotes, backslashes and line breaks escaped. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')}"`;
}

/**
 * The stylesheet a document that is not in force links (src/pages/policies/[policy]/status.css.ts):
 * the mark in the top margin of every printed page (the PDF is the page printed) — a page
 * margin box takes only a string written in CSS, and the site's Content-Security-Policy allows
 * no inline style, hence a file of the document's own — and the same line before the 条 or
 * heading a link opens (:target), on screen.
 */
export function statusStylesheet(notice: StatusNotice): string {
  const line = cssString(markLine(notice));
  return [
    `/* ${notice.validity}: src/lib/policy/status.ts statusStylesheet */`,
    `.doc-unit:target::before,.doc-attachment:target::before{content:${line}}`,
    `@media print{@page{@top-center{content:${line}}}}`,
    '',
  ].join('\n');
}

/** A feed entry's words on a document's standing today, after what the entry says happened: 当前时效性：已废止（…）。 */
export function feedNote(notice: StatusNotice | undefined): string {
  return notice ? `当前时效性：${notice.validity}（${piecesText(shortPieces(notice))}）。` : '';
}
