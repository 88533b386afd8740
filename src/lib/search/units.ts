/**
 * How the search reads text: as runs of units. A unit is one CJK character (汉字, kana), one
 * digit, or one word of letters (sxs, API). A run is units that belong together: adjacent ones,
 * and a CJK character and a digit or word with only spaces between them, because “1331 工程” is
 * typeset with spaces but read as 1331工程. Anything else — punctuation, a space between two
 * Chinese phrases, between two numbers or two words — ends a run. Digits are units of their own
 * so that a query finds any run of characters it was copied from: 月3 (from 5月3日) is in
 * 12月31日 too, 1331 in sxs1331bgs. The indexer and the query parser both use this, so that a
 * query can only match what the index holds.
 */

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3005\u3007]/u;
const DIGIT = /\p{Nd}/u;
const WORD_CHAR = /[\p{Alphabetic}\p{N}\p{M}]/u;

export type UnitKind = 'cjk' | 'digit' | 'word';

export interface Unit {
  /** The unit as indexed: NFKC-normalised (full-width ３４ is 34), case kept. */
  text: string;
  kind: UnitKind;
}

/** A piece of text between runs: punctuation, symbols and spaces, as written. */
export interface Separator {
  separator: string;
}

export type Piece = Unit[] | Separator;

export const isSeparator = (piece: Piece): piece is Separator => !Array.isArray(piece);

/** Whether a character is a CJK unit on its own. */
export const isCjkChar = (char: string) => CJK.test(char);

/** Whether a character is part of a unit (as opposed to punctuation, symbols and spaces). */
export const isUnitChar = (char: string) => CJK.test(char) || WORD_CHAR.test(char);

/**
 * The one search-text rule for spaces: spaces between a CJK character and a digit or a word
 * (1331 工程, 第 2 期) are typesetting, not a break, so they join what they stand between; any
 * other space separates. The index (analyse), the query (parseQuery) and the highlight on
 * arrival (highlight-marks.ts) all apply this function.
 */
export function isTypesettingSpace(before: string, after: string): boolean {
  return isUnitChar(before) && isUnitChar(after) && isCjkChar(before) !== isCjkChar(after);
}

/**
 * `text` as the search reads it, with where each of its characters came from: each character
 * NFKC-normalised (full-width ３４ reads 34, as analyse reads it, and ，as the query's , since a
 * query is normalised whole) and lower-cased, its typesetting spaces (isTypesettingSpace) left out. `from[i]` and `to[i]` are where the
 * character that gave `view[i]` starts and ends in `text`. A query found in the view maps back
 * to the text as written: a result shows the text's own spacing (1331 工程) and width, and marks
 * what the search matched (1331工程).
 */
export function readingView(text: string): { view: string; from: number[]; to: number[] } {
  let view = '';
  const from: number[] = [];
  const to: number[] = [];
  const chars = [...text];
  let at = 0;
  for (let i = 0; i < chars.length; at += chars[i]!.length, i++) {
    const char = chars[i]!;
    if (/\s/u.test(char)) {
      let next = i + 1;
      while (next < chars.length && /\s/u.test(chars[next]!)) next++;
      const after = chars[next]?.normalize('NFKC')[0] ?? '';
      if (isTypesettingSpace(view.at(-1) ?? '', after)) continue;
    }
    const read = char.normalize('NFKC').toLowerCase();
    view += read;
    for (let k = 0; k < read.length; k++) {
      from.push(at);
      to.push(at + char.length);
    }
  }
  return { view, from, to };
}

/** `text` with its typesetting spaces removed (isTypesettingSpace): 1331 工程 → 1331工程. */
export function removeTypesettingSpaces(text: string): string {
  return text.replace(/(?<=(.))\s+(?=(.))/gsu, (spaces, before: string, after: string) => (isTypesettingSpace(before, after) ? '' : spaces));
}

/** Splits text into runs of units and the separators between them, in order. Between two runs there is always a separator. */
export function analyse(text: string): Piece[] {
  const pieces: Piece[] = [];
  let run: Unit[] = [];
  let separator = '';
  let word = '';

  const pushUnit = (unit: Unit) => {
    const previous = run.at(-1);
    // Only typesetting spaces join (1331 工程): see isTypesettingSpace.
    const spacesOnly = /^\s+$/u.test(separator);
    const joins = previous !== undefined && (separator === '' || (spacesOnly && isTypesettingSpace(previous.text.at(-1)!, unit.text[0]!)));
    if (!joins && run.length) {
      pieces.push(run);
      run = [];
    }
    if (separator && !joins) pieces.push({ separator });
    separator = '';
    run.push(unit);
  };
  const flushWord = () => {
    if (word) pushUnit({ text: word, kind: 'word' });
    word = '';
  };

  for (const raw of text) {
    // Full-width letters and digits read as their ASCII forms; punctuation stays as written.
    const normalised = raw.normalize('NFKC');
    if (![...normalised].some((c) => WORD_CHAR.test(c) || CJK.test(c))) {
      flushWord();
      separator += raw;
      continue;
    }
    for (const char of normalised) {
      if (CJK.test(char)) {
        flushWord();
        pushUnit({ text: char, kind: 'cjk' });
      } else if (DIGIT.test(char)) {
        flushWord();
        pushUnit({ text: char, kind: 'digit' });
      } else if (WORD_CHAR.test(char)) {
        word += char;
      } else {
        flushWord();
        separator += char;
      }
    }
  }
  flushWord();
  if (run.length) pieces.push(run);
  if (separator) pieces.push({ separator });
  return pieces;
}

/** The runs of a text, without separators. */
export function runsOf(text: string): Unit[][] {
  return analyse(text).filter((piece): piece is Unit[] => !isSeparator(piece));
}

/** A run as it reads once the spaces inside it are gone: 1331 工程 → 1331工程. */
export const runText = (run: readonly Unit[]) => run.map((unit) => unit.text).join('');
