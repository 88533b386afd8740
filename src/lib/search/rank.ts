/**
 * The order results are shown in: every page that holds the query as written comes before any
 * page that holds it only in pieces; inside each group, the order Pagefind gave (relevance or
 * date, as the reader chose). A page that lacks a piece altogether is not a result.
 */
export interface Ranked<T> {
  item: T;
  /** Whether the page holds every phrase of the query as written. */
  exact: boolean;
}

export interface Evidence {
  /** Pages holding each piece of the query (each character pair, each single character or word). */
  pieces: ReadonlyArray<ReadonlySet<string>>;
  /** Pages holding each phrase of the query as written. */
  phrases: ReadonlyArray<ReadonlySet<string>>;
}

export function rankResults<T extends { id: string }>(ordered: readonly T[], evidence: Evidence): Array<Ranked<T>> {
  const exact: Array<Ranked<T>> = [];
  const pieces: Array<Ranked<T>> = [];
  for (const item of ordered) {
    if (!evidence.pieces.every((set) => set.has(item.id))) continue;
    if (evidence.phrases.every((set) => set.has(item.id))) exact.push({ item, exact: true });
    else pieces.push({ item, exact: false });
  }
  return [...exact, ...pieces];
}
