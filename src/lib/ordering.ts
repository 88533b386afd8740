/** Newest issue first: by year, then by number within the year. */
export function compareIssuesNewestFirst(a: { year: number; number: number }, b: { year: number; number: number }): number {
  return b.year - a.year || b.number - a.number;
}

/** Groups items by year, years newest first, keeping each group's order. */
export function groupByYear<T>(items: readonly T[], yearOf: (item: T) => number): Array<{ year: number; items: T[] }> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const year = yearOf(item);
    const group = groups.get(year);
    if (group) group.push(item);
    else groups.set(year, [item]);
  }
  return [...groups.entries()].sort(([a], [b]) => b - a).map(([year, items]) => ({ year, items }));
}

/** Puts `items` in the order their ids appear in `order`; ids missing from `order` go last, by id. */
export function orderByIds<T extends { id: string }>(items: readonly T[], order: readonly string[]): T[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  const at = (item: T) => rank.get(item.id) ?? Number.POSITIVE_INFINITY;
  return [...items].sort((a, b) => at(a) - at(b) || a.id.localeCompare(b.id));
}

/** The items just before and after position `index`, undefined at the ends. */
export function neighbours<T>(items: readonly T[], index: number): { previous: T | undefined; next: T | undefined } {
  return { previous: index > 0 ? items[index - 1] : undefined, next: items[index + 1] };
}
