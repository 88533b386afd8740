import { test, expect } from '@playwright/test';
import { evaluate, formatReport } from '../../scripts/search/eval.ts';

test('every page holding a query verbatim is found and ranked first, on a fresh random draw', async () => {
  test.setTimeout(180_000);
  // A new draw on every run; the seed is in the message so that a failure can be repeated.
  const seed = Date.now() % 2 ** 31;
  const report = await evaluate({ site: 'dist', random: 150, mixed: 30, singles: 20, seed });
  const all = report.byKind.all;
  console.log(formatReport(report));
  expect(all.ours.queries, 'queries asked').toBeGreaterThan(150);
  // The names and terms come from the articles' own tags: 第2期 tags more than thirty.
  expect(report.byKind.name.ours.queries, 'names and terms asked').toBeGreaterThan(30);
  expect(all.ours.misses, `seed ${seed}`).toEqual([]);
  expect(all.ours.recall).toBe(1);
  expect(all.ours.rPrecision).toBe(1);
  // The comparison is measured, not asserted: stock Pagefind's figures are printed above.
});
