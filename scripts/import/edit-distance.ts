/**
 * Levenshtein distance, for an OCR draft: whether a headline is nearly its 要目 item
 * (parse-bulletin.ts), where a flagged line sits in a headline (cli.ts), and how much of a draft
 * OCR got right (scripts/samples/scan.ts). Two rows at a time.
 */

export interface DistanceOptions {
  /** Give up once the distance must exceed this: undefined is returned (rows are cut short). */
  limit?: number;
  /** `a` may sit anywhere in `b` (semi-global): the distance to `b`'s nearest substring. */
  within?: boolean;
}

/** The edit distance of `a` to `b` (or, `within`, to its nearest substring), or undefined past `limit`. */
export function editDistance(a: string, b: string, { limit = Infinity, within = false }: DistanceOptions = {}): number | undefined {
  if (!within && Math.abs(a.length - b.length) > limit) return undefined;
  // Row 0: reaching b's j-th character costs j insertions, or nothing where a may start anywhere.
  let prev = Array.from({ length: b.length + 1 }, (_, j) => (within ? 0 : j));
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      least = Math.min(least, row[j]!);
    }
    // No cell of a later row can be less than this row's least.
    if (least > limit) return undefined;
    prev = row;
  }
  const distance = within ? Math.min(...prev) : prev[b.length]!;
  return distance <= limit ? distance : undefined;
}
