/**
 * The comparison (对照) of two versions of a document, as 北大法宝's 对照版 shows it: the two
 * texts side by side, aligned 条 by 条 by what they say rather than by their numbers — a new
 * 第十条 pushes the old 第十条 to 第十一条, and the comparison pairs old 第十条 with new 第十一条
 * and shows only the renumbering — with the changed characters marked. Not only the 条: the
 * 章 and 节 headings, the paragraphs before them, the notice that carries the text, the other
 * attachments and the printed parts outside the text (标题, 主送机关, 附注…) are compared and
 * marked the same way (compareDocuments).
 *
 * Alignment: the units (章, 节 and 条, or numbered headings) of each text, compared without their
 * numbers, aligned in order by dynamic programming (the pairing with the greatest total
 * similarity that keeps both orders, a 章 only with a 章); pairs too unlike to be the same
 * provision are an old one deleted and a new one added. Similarity and the character marks come
 * from jsdiff (the `diff` package), the well-kept JavaScript implementation of Myers' diff. */
import { diffChars, type ChangeObject } from 'diff';
import { allUnits, blockText, comparedPart, type DocumentText, type TextPart, type Unit } from './structure.ts';
import { carriedDocument, noteLines, quotedTitle, signatories } from './facts.ts';
import type { PolicyData } from '../../schemas/policy.ts';

export type RowKind = 'same' | 'renumbered' | 'modified' | 'added' | 'deleted';

/** A run of text in a compared unit: kept, inserted (in the new text) or deleted (from the old). */
export interface Segment {
  text: string;
  change: 'same' | 'ins' | 'del';
}

export interface CompareRow {
  kind: RowKind;
  /** What each side's part is called, as a reader names it: 第十条, 第二章, 第1段, 主送机关 (undefined on the side that lacks it). */
  oldName: string | undefined;
  newName: string | undefined;
  /** The units compared, when the row is a 章, 节, 条 or heading. */
  old: Unit | undefined;
  new: Unit | undefined;
  /** Whether the row is a provision the summary counts: a 条, or a heading of a text without 条. */
  provision: boolean;
  /** Whether the number changed (第十条 → 第十一条), whatever happened to the text. */
  renumbered: boolean;
  /** The old text with its deletions marked, and the new with its insertions (a unit's text without its number). */
  oldSegments: Segment[];
  newSegments: Segment[];
}

export interface Summary {
  modified: number;
  added: number;
  deleted: number;
  renumbered: number;
}

export interface Comparison {
  rows: CompareRow[];
  /** Of the provisions only: 修改 N 条, 新增 N 条, 删除 N 条, 顺延编号 N 条 (renumbered with the text unchanged). */
  summary: Summary;
  /** What the provisions are called: 条, or 处 for a text of numbered headings. */
  unit: '条' | '处';
}

/** Below this similarity two units are not the same provision. */
const SAME_PROVISION = 0.5;

/** The units a comparison aligns: every 章, 节 and 条 of a 办法, else the numbered headings. */
export function comparableUnits(part: TextPart): Unit[] {
  return allUnits(part);
}

/** What a unit says, without its number: the text compared. */
export function unitBody(unit: Unit): string {
  const first = unit.type === 'clause' ? unit.lead : `${unit.title}${unit.lead}`;
  return [first, ...unit.content.flatMap(blockText)].join('\n');
}

/**
 * How alike two units are, from the characters jsdiff finds in common, in [0, 1]: the mean of
 * their Dice coefficient (shared over both lengths) and their overlap (shared over the shorter
 * length), so that a provision that gained a sentence (…同时废止) is still the same provision.
 */
export function similarity(a: string, b: string): number {
  if (!a && !b) return 1;
  if (!a || !b) return 0;
  const common = diffChars(a, b).reduce((n, change) => n + (change.added || change.removed ? 0 : change.value.length), 0);
  return ((2 * common) / (a.length + b.length) + common / Math.min(a.length, b.length)) / 2;
}

const segments = (changes: ChangeObject<string>[], side: 'old' | 'new'): Segment[] =>
  changes
    .filter((c) => (side === 'old' ? !c.added : !c.removed))
    .map((c) => ({ text: c.value, change: c.added ? 'ins' : c.removed ? 'del' : 'same' }));

/**
 * Aligns two sequences by what they say: the pairing with the greatest total similarity that
 * keeps both orders (dynamic programming), never pairing two of a different `kind` (a 章 with a
 * 条) nor two less alike than SAME_PROVISION.
 */
function align<T>(olds: readonly T[], news: readonly T[], body: (t: T) => string, kind: (t: T) => string): Array<[T | undefined, T | undefined]> {
  const n = olds.length;
  const m = news.length;
  const oldText = olds.map(body);
  const newText = news.map(body);
  const sim = olds.map((a, i) => news.map((b, j) => (kind(a) === kind(b) ? similarity(oldText[i]!, newText[j]!) : 0)));
  // best[i][j]: the greatest total similarity aligning the first i old with the first j new.
  const best = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const s = sim[i - 1]![j - 1]!;
      best[i]![j] = Math.max(best[i - 1]![j]!, best[i]![j - 1]!, s >= SAME_PROVISION ? best[i - 1]![j - 1]! + s : -Infinity);
    }
  }
  const pairs: Array<[T | undefined, T | undefined]> = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const s = i > 0 && j > 0 ? sim[i - 1]![j - 1]! : 0;
    if (i > 0 && j > 0 && s >= SAME_PROVISION && best[i]![j] === best[i - 1]![j - 1]! + s) {
      pairs.push([olds[--i], news[--j]]);
    } else if (i > 0 && (j === 0 || best[i]![j] === best[i - 1]![j])) {
      pairs.push([olds[--i], undefined]);
    } else {
      pairs.push([undefined, news[--j]]);
    }
  }
  return pairs.reverse();
}

/**
 * Aligns two sequences of units by content (see the module's comment): a 章 only with a 章, a 条
 * only with a 条; a 章 or 节 retitled in place is still paired with itself.
 */
export function alignUnits(oldUnits: readonly Unit[], newUnits: readonly Unit[]): Array<[Unit | undefined, Unit | undefined]> {
  return pairInPlace(align(oldUnits, newUnits, unitBody, (u) => u.type), (u) => u.type, ['chapter', 'section']);
}

/**
 * Within each run of unpaired rows between two paired ones, pairs the deleted and added items of
 * one kind one for one when there are as many of each: a paragraph rewritten in place (a
 * notice's opening, re-worded from end to end), or a 章 retitled (第一章 总则 → 第一章 一般规定),
 * is that paragraph or 章 changed, not another one. Only for the `kinds` given: a 条 unlike any
 * other is a new 条.
 */
function pairInPlace<T>(pairs: Array<[T | undefined, T | undefined]>, kind: (t: T) => string, kinds: readonly string[]): Array<[T | undefined, T | undefined]> {
  const out: Array<[T | undefined, T | undefined]> = [];
  let run: Array<[T | undefined, T | undefined]> = [];
  const flush = () => {
    const partner = new Map<T, T>();
    const taken = new Set<T>();
    for (const k of kinds) {
      const olds = run.flatMap(([o]) => (o && kind(o) === k ? [o] : []));
      const news = run.flatMap(([, n]) => (n && kind(n) === k ? [n] : []));
      if (olds.length && olds.length === news.length) olds.forEach((o, i) => (partner.set(o, news[i]!), taken.add(news[i]!)));
    }
    for (const [o, n] of run) {
      if (o && partner.has(o)) out.push([o, partner.get(o)]);
      else if (!(n && taken.has(n))) out.push([o, n]);
    }
    run = [];
  };
  for (const pair of pairs) {
    if (pair[0] && pair[1]) {
      flush();
      out.push(pair);
    } else run.push(pair);
  }
  flush();
  return out;
}

/** A row comparing two texts, either of which may be missing. */
function textRow(oldText: string | undefined, newText: string | undefined, names: { old: string | undefined; new: string | undefined }, extra: Pick<CompareRow, 'old' | 'new' | 'provision'>): CompareRow {
  const base = { oldName: names.old, newName: names.new, ...extra };
  if (newText === undefined) return { ...base, kind: 'deleted', renumbered: false, oldSegments: [{ text: oldText ?? '', change: 'del' }], newSegments: [] };
  if (oldText === undefined) return { ...base, kind: 'added', renumbered: false, oldSegments: [], newSegments: [{ text: newText, change: 'ins' }] };
  const changes = diffChars(oldText, newText);
  const changed = changes.some((c) => c.added || c.removed);
  const renumbered = names.old !== names.new;
  return { ...base, kind: changed ? 'modified' : renumbered ? 'renumbered' : 'same', renumbered, oldSegments: segments(changes, 'old'), newSegments: segments(changes, 'new') };
}

/**
 * Two versions of one part of a text (the 正文, or an attachment): the paragraphs before its first
 * numbered unit (a notice's text), paragraph by paragraph, then every 章, 节 and 条 (or every
 * numbered heading), aligned by what they say.
 */
export function compareParts(oldPart: TextPart, newPart: TextPart): Comparison {
  const paragraphs = (part: TextPart) => {
    // Named as a reader finds them: 第2段, or 表第3行 for a table's rows (表头 its first).
    let paragraph = 0;
    let table = 0;
    return part.content.flatMap((block) => {
      if (block.type !== 'table') return [{ text: blockText(block).join('\n'), name: `第${++paragraph}段` }];
      table++;
      const name = (row: number) => `${part.content.filter((b) => b.type === 'table').length > 1 ? `表${table}` : '表'}${row ? `第${row}行` : '头'}`;
      return blockText(block).map((text, row) => ({ text, name: name(row) }));
    });
  };
  const opening = pairInPlace(align(paragraphs(oldPart), paragraphs(newPart), (p) => p.text, () => 'paragraph'), () => 'paragraph', ['paragraph']).map(([o, n]) =>
    textRow(o?.text, n?.text, { old: o?.name, new: n?.name }, { old: undefined, new: undefined, provision: false }),
  );
  const provisionType = newPart.style === 'clauses' || oldPart.style === 'clauses' ? 'clause' : 'heading';
  const units = alignUnits(comparableUnits(oldPart), comparableUnits(newPart)).map(([o, n]) =>
    textRow(o && unitBody(o), n && unitBody(n), { old: o?.number, new: n?.number }, { old: o, new: n, provision: (o ?? n)!.type === provisionType }),
  );
  const rows = [...opening, ...units];
  return { rows, summary: summarize(rows), unit: provisionType === 'clause' ? '条' : '处' };
}

function summarize(rows: readonly CompareRow[]): Summary {
  const count = (kind: RowKind) => rows.filter((r) => r.provision && r.kind === kind).length;
  return { modified: count('modified'), added: count('added'), deleted: count('deleted'), renumbered: count('renumbered') };
}

/** The parts of a document a comparison sets side by side besides its text, as printed. */
export interface PrintedField {
  name: string;
  text: string;
}

/**
 * What a version prints outside its text, part by part as GB/T 9704 names them: 标题, 发文机关标志,
 * 主送机关, 附件说明, 署名, 附注, 抄送机关, 印发机关. Not the 发文字号 and the dates, which every
 * version has of its own and the comparison names its sides by.
 */
export function printedFields(policy: Pick<PolicyData, 'title' | 'issuerMark' | 'recipients' | 'attachments' | 'issuer' | 'coIssuers' | 'disclosure' | 'notes' | 'copyTo' | 'printedBy'>): PrintedField[] {
  const fields: Array<[string, string | undefined]> = [
    ['标题', policy.title],
    ['发文机关标志', policy.issuerMark],
    ['主送机关', policy.recipients],
    ['附件说明', policy.attachments.map((a, i) => `${i + 1}. ${a.title}`).join('\n') || undefined],
    ['署名', signatories(policy).join('\n') || undefined],
    ['附注', noteLines(policy).join('\n') || undefined],
    ['抄送机关', policy.copyTo],
    ['印发机关', policy.printedBy],
  ];
  return fields.flatMap(([name, text]) => (text ? [{ name, text }] : []));
}

/** One version as the comparison reads it. */
export interface ComparedDocument {
  fields: readonly PrintedField[];
  text: DocumentText;
  /** The attachment an 印发 notice carries (src/lib/policy/facts.ts carriedDocument), if any. */
  carried: { number: number; title: string } | undefined;
  /** The attachments' titles as the 附件说明 lists them, 附件1 first. */
  attachmentTitles: readonly string[];
}

/** A version as the comparison reads it, from its entry's fields and its text's structure. */
export function comparedDocument(policy: Parameters<typeof printedFields>[0], text: DocumentText): ComparedDocument {
  return { fields: printedFields(policy), text, carried: carriedDocument(policy.title, policy.attachments), attachmentTitles: policy.attachments.map((a) => a.title) };
}

/** A part of the document compared: its heading and its rows. */
export interface CompareSection {
  /** 公文要素, 通知正文, 《…办法》, 正文, 附件2　…表. */
  heading: string;
  /** Whether it is the document's text proper, whose provisions the summary counts. */
  principal: boolean;
  rows: CompareRow[];
}

export interface DocumentComparison {
  sections: CompareSection[];
  /** The provisions of the text proper (the document an 印发 notice carries, else the 正文). */
  summary: Summary;
  unit: Comparison['unit'];
  /** Every other part that changed, as a reader names it: 标题, 通知正文, 第二章标题, 附件2. */
  otherChanges: string[];
}

const changedRow = (row: CompareRow) => row.kind !== 'same' && row.kind !== 'renumbered';

/**
 * Two versions of a document, everything that changed: the printed parts outside the text (only
 * those that differ), the notice that carries the text, the text itself 章, 节 and 条, and every
 * other attachment, each aligned and marked the same way. This is the one rule for what a
 * comparison shows; the page only lays it out.
 */
export function compareDocuments(before: ComparedDocument, after: ComparedDocument): DocumentComparison {
  const sections: CompareSection[] = [];
  const fieldNames = [...new Set([...before.fields, ...after.fields].map((f) => f.name))];
  const fieldRows = fieldNames
    .map((name) => {
      const [o, n] = [before.fields.find((f) => f.name === name), after.fields.find((f) => f.name === name)];
      return textRow(o?.text, n?.text, { old: o && name, new: n && name }, { old: undefined, new: undefined, provision: false });
    })
    .filter(changedRow);
  if (fieldRows.length) sections.push({ heading: '公文要素', principal: false, rows: fieldRows });

  const principal = compareParts(comparedPart(before.text, before.carried), comparedPart(after.text, after.carried));
  const carries = Boolean(after.carried?.number && before.carried?.number);
  if (carries) sections.push({ heading: '通知正文', principal: false, rows: compareParts(before.text.main, after.text.main).rows });
  sections.push({ heading: carries ? quotedTitle(after.carried!.title) : '正文', principal: true, rows: principal.rows });

  // The other attachments, by number.
  const others = (doc: ComparedDocument) => doc.text.attachments.filter((a) => !(carries && a.number === doc.carried!.number));
  const numbers = [...new Set([...others(before), ...others(after)].map((a) => a.number))].sort((a, b) => a - b);
  const empty: TextPart = { content: [], units: [], style: 'headings' };
  for (const number of numbers) {
    const [o, n] = [others(before).find((a) => a.number === number), others(after).find((a) => a.number === number)];
    const title = after.attachmentTitles[number - 1] ?? before.attachmentTitles[number - 1];
    sections.push({ heading: title ? `附件${number}　${title}` : `附件${number}`, principal: false, rows: compareParts(o ?? empty, n ?? empty).rows });
  }

  const otherChanges = new Set([
    ...fieldRows.map((row) => (row.newName ?? row.oldName)!),
    ...sections.filter((s) => s.heading !== '公文要素' && !s.principal && s.rows.some(changedRow)).map((s) => s.heading.split('　')[0]!),
    // In the text proper, beside its provisions: a 章's or 节's heading, or the paragraphs before the first.
    ...principal.rows.filter((row) => !row.provision && changedRow(row)).map((row) => (row.old ?? row.new ? `${row.newName ?? row.oldName}标题` : '正文开头')),
  ]);
  return { sections, summary: principal.summary, unit: principal.unit, otherChanges: [...otherChanges] };
}

/** The summary line: 修改 2 条，新增 1 条，删除 0 条，顺延编号 9 条；通知正文、标题也有改动. */
export function formatSummary({ summary: { modified, added, deleted, renumbered }, unit, otherChanges }: Pick<DocumentComparison, 'summary' | 'unit' | 'otherChanges'>): string {
  const counts = `修改 ${modified} ${unit}，新增 ${added} ${unit}，删除 ${deleted} ${unit}，顺延编号 ${renumbered} ${unit}`;
  return otherChanges.length ? `${counts}；${otherChanges.join('、')}也有改动` : counts;
}
