/**
 * The comparison (对照) of two versions of a document, as 北大法宝's 对照版 shows it: the two
 * texts side by side, aligned 条 by 条 by what they say rather than by their numbers — a new
 * 第十条 pushes the old 第十条 to 第十一条, and the comparison pairs old 第十条 with new 第十一条
 * and shows only the renumbering — with the changed characters marked.
 *
 * Alignment: the units (条, or numbered headings) of each text, compared without their numbers,
 * aligned in order by dynamic programming (the pairing with the greatest total similarity that
 * keeps both orders); pairs too unlike to be the same provision are an old one deleted and a new
 * one added. Similarity and the character marks come from jsdiff (the `diff` package), the
 * well-kept JavaScript implementation of Myers' diff.
 */
import { diffChars, type ChangeObject } from 'diff';
import { allUnits, blockText, type TextPart, type Unit } from './structure.ts';

export type RowKind = 'same' | 'renumbered' | 'modified' | 'added' | 'deleted';

/** A run of text in a compared unit: kept, inserted (in the new text) or deleted (from the old). */
export interface Segment {
  text: string;
  change: 'same' | 'ins' | 'del';
}

export interface CompareRow {
  kind: RowKind;
  old: Unit | undefined;
  new: Unit | undefined;
  /** Whether the number changed (第十条 → 第十一条), whatever happened to the text. */
  renumbered: boolean;
  /** The old text with its deletions marked, and the new with its insertions (the unit's text without its number). */
  oldSegments: Segment[];
  newSegments: Segment[];
}

export interface Comparison {
  rows: CompareRow[];
  /** 修改 N 条, 新增 N 条, 删除 N 条, 顺延编号 N 条 (renumbered with the text unchanged). */
  summary: { modified: number; added: number; deleted: number; renumbered: number };
}

/** Below this similarity two units are not the same provision. */
const SAME_PROVISION = 0.5;

/** The units a comparison aligns: the 条 of a 办法, else the numbered headings. */
export function comparableUnits(part: TextPart): Unit[] {
  const units = allUnits(part);
  const clauses = units.filter((u) => u.type === 'clause');
  return clauses.length ? clauses : units.filter((u) => u.type === 'heading');
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

/** Aligns two sequences of units by content (see the module's comment). */
export function alignUnits(oldUnits: readonly Unit[], newUnits: readonly Unit[]): Array<[Unit | undefined, Unit | undefined]> {
  const n = oldUnits.length;
  const m = newUnits.length;
  const oldText = oldUnits.map(unitBody);
  const newText = newUnits.map(unitBody);
  const sim = oldText.map((a) => newText.map((b) => similarity(a, b)));
  // best[i][j]: the greatest total similarity aligning the first i old with the first j new.
  const best = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const s = sim[i - 1]![j - 1]!;
      best[i]![j] = Math.max(best[i - 1]![j]!, best[i]![j - 1]!, s >= SAME_PROVISION ? best[i - 1]![j - 1]! + s : -Infinity);
    }
  }
  const pairs: Array<[Unit | undefined, Unit | undefined]> = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const s = i > 0 && j > 0 ? sim[i - 1]![j - 1]! : 0;
    if (i > 0 && j > 0 && s >= SAME_PROVISION && best[i]![j] === best[i - 1]![j - 1]! + s) {
      pairs.push([oldUnits[--i], newUnits[--j]]);
    } else if (i > 0 && (j === 0 || best[i]![j] === best[i - 1]![j])) {
      pairs.push([oldUnits[--i], undefined]);
    } else {
      pairs.push([undefined, newUnits[--j]]);
    }
  }
  return pairs.reverse();
}

export function compareParts(oldPart: TextPart, newPart: TextPart): Comparison {
  const rows = alignUnits(comparableUnits(oldPart), comparableUnits(newPart)).map(([o, n]): CompareRow => {
    if (!o) return { kind: 'added', old: undefined, new: n, renumbered: false, oldSegments: [], newSegments: [{ text: unitBody(n!), change: 'ins' }] };
    if (!n) return { kind: 'deleted', old: o, new: undefined, renumbered: false, oldSegments: [{ text: unitBody(o), change: 'del' }], newSegments: [] };
    const changes = diffChars(unitBody(o), unitBody(n));
    const changed = changes.some((c) => c.added || c.removed);
    const renumbered = o.number !== n.number;
    return {
      kind: changed ? 'modified' : renumbered ? 'renumbered' : 'same',
      old: o,
      new: n,
      renumbered,
      oldSegments: segments(changes, 'old'),
      newSegments: segments(changes, 'new'),
    };
  });
  const count = (kind: RowKind) => rows.filter((r) => r.kind === kind).length;
  return { rows, summary: { modified: count('modified'), added: count('added'), deleted: count('deleted'), renumbered: count('renumbered') } };
}

/** The summary line: 修改 2 条，新增 1 条，删除 0 条，顺延编号 9 条. */
export function formatSummary({ modified, added, deleted, renumbered }: Comparison['summary']): string {
  return `修改 ${modified} 条，新增 ${added} 条，删除 ${deleted} 条，顺延编号 ${renumbered} 条`;
}
