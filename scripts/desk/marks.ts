/**
 * Where each thing the importer could not decide belongs on the review screen: the same lines
 * the command prints (未能确定, the paragraphs joined across a page break, a scan's lines under
 * the confidence threshold), each put at its place: an article (第N篇), a field (its label in the
 * message: 实施日期, 主送机关), a paragraph (the text it quotes or the seam it shows), or else
 * the top of the entry.
 */
import type { CollectionName } from '../../src/schemas/common.ts';
import type { FieldSpec } from './schema-form.ts';
import { joinSeam } from '../import/source-block.ts';

export interface ReviewFile {
  /** Relative to the content folder: articles/2017-02/01.mdx. */
  path: string;
  collection: CollectionName;
  paragraphs: string[];
}

export interface Mark {
  kind: 'undecided' | 'join' | 'low';
  message: string;
  /** The file it belongs to (an index into the files). */
  file: number;
  /** The field (its key), when it names one. */
  field?: string;
  /** The paragraph (from 0), when it is about one. */
  paragraph?: number;
}

const squeeze = (text: string) => text.replace(/\s/g, '');

/** The label a message would use for a field: its title without a bracketed note. */
const plainLabel = (field: FieldSpec) => field.label.replace(/（.*$/, '');

export function placeMarks(
  files: readonly ReviewFile[],
  forms: Record<CollectionName, readonly FieldSpec[]>,
  lines: { undecided: readonly string[]; joins: readonly string[]; low: readonly string[] },
): Mark[] {
  const articles = files.map((f, i) => ({ f, i })).filter(({ f }) => f.collection === 'articles');
  const paragraphIn = (file: ReviewFile, text: string) => {
    const t = squeeze(text);
    return t ? file.paragraphs.findIndex((p) => squeeze(p).includes(t)) : -1;
  };
  const place = (kind: Mark['kind'], message: string): Mark => {
    // 第N篇: an article of an issue.
    const article = /^第(\d+)篇/.exec(message);
    const target = article ? articles[Number(article[1]) - 1] : undefined;
    const fileIndex = target?.i ?? 0;
    const file = files[fileIndex]!;
    if (kind === 'low') {
      const para = /^第\d+篇第(\d+)段/.exec(message);
      if (para && target) return { kind, message, file: fileIndex, paragraph: Number(para[1]) - 1 };
      if (/^第\d+篇标题/.test(message) && target) return { kind, message, file: fileIndex, field: 'title' };
      return { kind, message, file: fileIndex };
    }
    if (kind === 'join') {
      const seam = /([^…|：]*)\|([^…|]*)/.exec(message);
      const p = seam ? paragraphIn(file, seam[1]! + seam[2]!) : -1;
      return p >= 0 ? { kind, message, file: fileIndex, paragraph: p } : { kind, message, file: fileIndex };
    }
    // A place the reader joined two lines it could not tell from two paragraphs (“前文|后文”), in
    // whichever file holds it (a bulletin's article, a document): before a field's name the quoted
    // text may happen to hold.
    const seam = joinSeam(message);
    if (seam) {
      for (const [i, candidate] of [[fileIndex, file] as const, ...files.map((f, k) => [k, f] as const)]) {
        const p = paragraphIn(candidate, seam[0] + seam[1]);
        if (p >= 0) return { kind, message, file: i, paragraph: p };
      }
    }
    const field = forms[file.collection].find((f) => message.includes(plainLabel(f)) && plainLabel(f).length > 1 && f.key !== 'title');
    if (field) return { kind, message, file: fileIndex, field: field.key };
    for (const quoted of message.matchAll(/“([^”]{2,})”/g)) {
      const p = paragraphIn(file, quoted[1]!.replace(/…$/, ''));
      if (p >= 0) return { kind, message, file: fileIndex, paragraph: p };
    }
    return { kind, message, file: fileIndex };
  };
  return [...lines.undecided.map((m) => place('undecided', m)), ...lines.joins.map((m) => place('join', m)), ...lines.low.map((m) => place('low', m))];
}
