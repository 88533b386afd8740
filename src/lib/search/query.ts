/**
 * A reader's query as the search runs it. Space-separated terms must all be found (AND);
 * "quoted text" is one phrase, spaces inside it between Chinese and digits ignored. Each term
 * is cut at its punctuation into runs (units.ts); a run of two or more units must appear as
 * written (searched by its pairs: index-content.ts runPhrase), a single unit (吕, 7) matches any
 * word it starts.
 */
import { isCjkChar, removeTypesettingSpaces, runsOf, runText } from './units.ts';
import { runPhrase, STREAM_MARK } from './index-content.ts';

/** Longest query taken into account: a hostile or pasted-in page of text is cut, not refused. */
export const MAX_QUERY_LENGTH = 120;
export const MAX_TERMS = 12;

export interface QueryRun {
  /** The run as it reads in decoded content: 1331工程. */
  text: string;
  /** Its tokens as a phrase (index-content.ts runPhrase): pairs for two or more units, else the unit. */
  tokens: string[];
  /** True for one unit: matched by prefix, not as a phrase. */
  single: boolean;
}

export interface QueryTerm {
  /** The term as the reader wrote it (normalised spaces), for messages. */
  source: string;
  quoted: boolean;
  runs: QueryRun[];
}

/**
 * A quoted phrase as one run: its typesetting spaces go (the rule of units.ts), and so do the
 * spaces a reader put between Chinese words ("吕梁 职业教育" is the phrase 吕梁职业教育).
 */
function phraseText(source: string): string {
  return removeTypesettingSpaces(source).replace(/(?<=(.))\s+(?=(.))/gsu, (spaces, before: string, after: string) => (isCjkChar(before) && isCjkChar(after) ? '' : spaces));
}

export function parseQuery(query: string): QueryTerm[] {
  const text = query.normalize('NFKC').slice(0, MAX_QUERY_LENGTH);
  const terms: QueryTerm[] = [];
  // "…" is a phrase; everything else splits on whitespace.
  const pattern = /"([^"]*)"?|(\S+)/gu;
  for (const match of text.matchAll(pattern)) {
    const quoted = match[1] !== undefined;
    const source = (quoted ? match[1]! : match[2]!).trim();
    if (!source) continue;
    const runs = runsOf(quoted ? phraseText(source) : source).map((run) => ({
      text: runText(run),
      tokens: runPhrase(run).map((token) => token.toLowerCase()),
      single: run.length === 1,
    }));
    if (runs.length) terms.push({ source, quoted, runs });
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

/** Every token a query needs, once each: what a non-exact Pagefind search is given. */
export function queryTokens(terms: readonly QueryTerm[]): string[] {
  return [...new Set(terms.flatMap((term) => term.runs.flatMap((run) => run.tokens)))];
}

/** The phrases that must appear as written: one exact Pagefind search each. */
export function queryPhrases(terms: readonly QueryTerm[]): string[][] {
  const phrases = terms.flatMap((term) => term.runs.filter((run) => !run.single).map((run) => run.tokens));
  const seen = new Set<string>();
  return phrases.filter((tokens) => {
    const key = tokens.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A run that says nothing alone: a bare number (2019 of a 文号) or a single character, which would mark unrelated dates and words. */
const saysNothingAlone = (run: QueryRun) => run.single || /^\p{Nd}+$/u.test(run.text);

/**
 * The strings to mark in a result's text and on the page it opens: each term's runs; a term of
 * several runs cut by punctuation (a 文号: 示教科〔2019〕7号) also as written, and without those of
 * its runs that say nothing alone (its 2019 would mark every date of 2019).
 */
export function highlightStrings(terms: readonly QueryTerm[]): string[] {
  return [
    ...new Set(
      terms.flatMap((term) => {
        if (term.runs.length === 1) return [term.runs[0]!.text];
        return [term.source, ...term.runs.filter((run) => !saysNothingAlone(run)).map((run) => run.text)];
      }),
    ),
  ];
}

/**
 * The strings to mark where a text holds only pieces of the query (a partial match): each run's
 * pieces as the search looked for them — its pairs, without the index's internal pair marker
 * (index-content.ts STREAM_MARK), which never occurs in readable text — and a single unit as
 * itself. Bare numbers of a longer run are left out, as in highlightStrings.
 */
export function partialStrings(terms: readonly QueryTerm[]): string[] {
  const pieces = terms.flatMap((term) =>
    term.runs.flatMap((run) => {
      const alone = term.runs.length === 1;
      if (run.single) return alone ? [run.text] : [];
      const digits = /^\p{Nd}+$/u;
      if (digits.test(run.text) && !alone) return [];
      const readable = run.tokens.map((token) => token.replaceAll(STREAM_MARK, ''));
      return digits.test(run.text) ? readable : readable.filter((piece) => !digits.test(piece));
    }),
  );
  return [...new Set(pieces.filter(Boolean))];
}
