/**
 * How the search reads text: as runs of units. A unit is one CJK character (汉字, kana) or one
 * word of letters and digits (1331, sxs1331bgs). A run is units that belong together: adjacent
 * ones, and a word and a CJK character with only spaces between them, because “1331 工程” is
 * typeset with spaces but read as 1331工程. Anything else — punctuation, a space between two
 * Chinese phrases, a space between two words — ends a run. The indexer and the query parser
 * both use this, so that a query can only match what the index holds.
 */

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3005\u3007]/u;
const WORD_CHAR = /[\p{Alphabetic}\p{N}\p{M}]/u;

export type UnitKind = 'cjk' | 'word';

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

/** Splits a token back into its units: each CJK character alone, letters and digits together. */
export function splitUnits(token: string): string[] {
  return token.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3005\u3007]|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3005\u3007]+/gu) ?? [];
}

/** Splits text into runs of units and the separators between them, in order. Between two runs there is always a separator. */
export function analyse(text: string): Piece[] {
  const pieces: Piece[] = [];
  let run: Unit[] = [];
  let separator = '';
  let word = '';

  const flushWord = () => {
    if (word) {
      pushUnit({ text: word.normalize('NFKC'), kind: 'word' });
      word = '';
    }
  };
  const pushUnit = (unit: Unit) => {
    const previous = run.at(-1);
    // A separator made only of spaces joins a word and a CJK character (1331 工程), nothing else.
    const joins = previous !== undefined && (separator === '' || (/^\s+$/u.test(separator) && previous.kind !== unit.kind));
    if (!joins && run.length) {
      pieces.push(run);
      run = [];
    }
    if (separator && !joins) pieces.push({ separator });
    separator = '';
    run.push(unit);
  };

  for (const char of text) {
    if (CJK.test(char)) {
      flushWord();
      pushUnit({ text: char.normalize('NFKC'), kind: 'cjk' });
    } else if (WORD_CHAR.test(char)) {
      word += char;
    } else {
      flushWord();
      separator += char;
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
