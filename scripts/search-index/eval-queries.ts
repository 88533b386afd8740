/**
 * The queries a search evaluation asks and the pages that should answer them, drawn from the
 * built pages' own text: what a reader could copy from a page. Pure functions: the caller
 * supplies the random numbers, so a run can be repeated from its seed.
 */
import { analyse, isSeparator, isCjkChar, type Unit } from '../../src/lib/search/units.ts';
export { seededRandom } from '../lib/random.ts';

export interface EvalPage {
  url: string;
  /** The page's indexed text, blocks joined by newlines. */
  text: string;
}

/** name, phrase, mixed and single are judged by page; clause by the part of a policy that holds the query (its 条, at its anchor). */
export type QueryKind = 'name' | 'phrase' | 'mixed' | 'single' | 'clause';

export interface EvalQuery {
  query: string;
  kind: QueryKind;
}

/**
 * Text as a reader's query finds it: NFKC, and without the spaces that typesetting puts
 * between Chinese and Latin letters or digits (1331 工程 is found by 1331工程). Written here on
 * purpose rather than taken from the site's own rule (isTypesettingSpace in
 * src/lib/search/units.ts): the evaluation's truth must not share a mistake with what it judges.
 */
export function searchableText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/(?<=\p{Script=Han})[ \t\u3000]+(?=(?!\p{Script=Han})[\p{Alphabetic}\p{N}])|(?<=(?<!\p{Script=Han})[\p{Alphabetic}\p{N}])[ \t\u3000]+(?=\p{Script=Han})/gu, '');
}

/** The pages whose text holds `query` verbatim (after searchableText), by URL. */
export function truthFor(pages: readonly EvalPage[], query: string): Set<string> {
  const sought = searchableText(query).toLowerCase();
  return new Set(pages.filter((page) => searchableText(page.text).toLowerCase().includes(sought)).map((page) => page.url));
}

/** A random integer in [0, n) from a [0, 1) source. */
const pick = (random: () => number, n: number) => Math.floor(random() * n);

/** Runs of Chinese characters only (no digits, no punctuation) in a text. */
function chineseRuns(text: string): string[] {
  return text.match(/[\p{Script=Han}]+/gu) ?? [];
}

/** Random runs of 2–6 Chinese characters from random pages. */
export function randomPhrases(pages: readonly EvalPage[], count: number, random: () => number): EvalQuery[] {
  const runs = pages.flatMap((page) => chineseRuns(page.text)).filter((run) => run.length >= 2);
  const queries: EvalQuery[] = [];
  for (let tries = 0; queries.length < count && runs.length && tries < count * 20; tries++) {
    const run = runs[pick(random, runs.length)]!;
    const length = 2 + pick(random, Math.min(5, run.length - 1));
    const start = pick(random, run.length - length + 1);
    queries.push({ query: run.slice(start, start + length), kind: 'phrase' });
  }
  return queries;
}

/** Random runs that mix digits and Chinese (1331工程, 34所, 5月3日), 2–6 characters long. */
export function randomMixed(pages: readonly EvalPage[], count: number, random: () => number): EvalQuery[] {
  const runs: Unit[][] = pages.flatMap((page) =>
    page.text.split('\n').flatMap((block) =>
      analyse(block).filter((piece): piece is Unit[] => !isSeparator(piece) && piece.some((u) => u.kind === 'digit') && piece.some((u) => u.kind === 'cjk')),
    ),
  );
  const queries: EvalQuery[] = [];
  for (let tries = 0; queries.length < count && runs.length && tries < count * 50; tries++) {
    const run = runs[pick(random, runs.length)]!;
    const length = 2 + pick(random, Math.min(5, run.length - 1));
    const start = pick(random, run.length - length + 1);
    const units = run.slice(start, start + length);
    // Only pieces that mix digits with Chinese.
    if (!units.some((u) => u.kind === 'digit') || !units.some((u) => isCjkChar(u.text))) continue;
    queries.push({ query: units.map((u) => u.text).join(''), kind: 'mixed' });
  }
  return queries;
}

/**
 * Single Chinese characters from random places in random pages: a reader's one-character query,
 * which must find every page that holds the character, however many of the index's chunks its
 * pairs run over (src/lib/search/chunk-starts.ts).
 */
export function randomCharacters(pages: readonly EvalPage[], count: number, random: () => number): EvalQuery[] {
  const withHan = pages.map((page) => page.text.match(/\p{Script=Han}/gu) ?? []).filter((chars) => chars.length);
  const queries: EvalQuery[] = [];
  for (let i = 0; i < count && withHan.length; i++) {
    const chars = withHan[pick(random, withHan.length)]!;
    queries.push({ query: chars[pick(random, chars.length)]!, kind: 'single' });
  }
  return queries;
}
