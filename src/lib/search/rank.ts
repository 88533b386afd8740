/**
 * The order results are shown in: every page that holds the query as written comes before any
 * page that holds it only in pieces; inside each group, the order Pagefind gave (relevance or
 * date, as the reader chose).
 */
export interface Ranked<T> {
  item: T;
  /** Whether the page holds every phrase of the query as written. */
  exact: boolean;
}

export function rankResults<T extends { id: string }>(ordered: readonly T[], exactSets: ReadonlyArray<ReadonlySet<string>>): Array<Ranked<T>> {
  const isExact = (id: string) => exactSets.every((set) => set.has(id));
  const exact: Array<Ranked<T>> = [];
  const pieces: Array<Ranked<T>> = [];
  for (const item of ordered) (isExact(item.id) ? exact : pieces).push({ item, exact: isExact(item.id) });
  return [...exact, ...pieces];
}
