/** Retrieval figures for one query; averaged over queries by the caller. */

/** The share of the relevant pages that were returned at all. */
export function recall(returned: readonly string[], relevant: ReadonlySet<string>): number {
  if (relevant.size === 0) return 1;
  const got = new Set(returned);
  let hit = 0;
  for (const url of relevant) if (got.has(url)) hit++;
  return hit / relevant.size;
}

/** R-precision: of the first |relevant| results, the share that are relevant (1 when every exact match ranks above every other page). */
export function rPrecision(returned: readonly string[], relevant: ReadonlySet<string>): number {
  if (relevant.size === 0) return 1;
  let hit = 0;
  for (const url of returned.slice(0, relevant.size)) if (relevant.has(url)) hit++;
  return hit / relevant.size;
}

export const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN);
