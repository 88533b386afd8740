/**
 * The search on the built public edition (dist/), judged against the pages' own text
 * (scripts/search-index/eval.ts) on the queries drawn from a few fixed seeds (SEEDS, each in its test's
 * name): every page holding a query verbatim must be found and ranked first. Fresh draws, and
 * the comparison with stock Pagefind, are `npm run search:eval` (and `npm run bench`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { evaluate, formatReport } from '../../scripts/search-index/eval.ts';
import { parseContentFile } from '../../src/lib/content/frontmatter.ts';
import { isPublishable } from '../../src/lib/issue-review.ts';
import { listFiles } from '../../scripts/lib/files.ts';
import { PROJECT_ROOT } from '../helpers/content-copy.ts';

const SEEDS = [1, 2];
const DRAWS = { random: 75, mixed: 15, singles: 10 };

const frontmatter = (file: string) => parseContentFile(readFileSync(file, 'utf8'), 'frontmatter').data ?? {};
const strings = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);

/**
 * The names the evaluation must ask, read from the content files: every person, organisation,
 * place and topic the articles of the published issues are tagged with, and the titles of the
 * public policies.
 */
function contentNames(): Set<string> {
  const content = join(PROJECT_ROOT, 'content');
  const published = new Set(
    readdirSync(join(content, 'issues'))
      .filter((name) => name.endsWith('.mdx') && isPublishable(frontmatter(join(content, 'issues', name))))
      .map((name) => name.replace(/\.mdx$/, '')),
  );
  const names = new Set<string>();
  for (const file of listFiles(join(content, 'articles')).filter((f) => f.endsWith('.mdx'))) {
    const data = frontmatter(file);
    if (!published.has(String(data['issue']))) continue;
    for (const field of ['people', 'organizations', 'places', 'topics']) for (const name of strings(data[field])) names.add(name);
  }
  for (const file of listFiles(join(content, 'policies')).filter((f) => f.endsWith('.mdx'))) {
    const data = frontmatter(file);
    if ((data['visibility'] ?? 'public') === 'public') names.add(String(data['title']));
  }
  return names;
}

for (const seed of SEEDS) {
  test(`seed ${seed}: every page holding a query verbatim is found and ranked first`, async () => {
    test.setTimeout(180_000);
    const report = await evaluate({ site: 'dist', ...DRAWS, seed, stock: false });
    console.log(formatReport(report));
    const all = report.byKind.all;
    // Every drawn query is asked (a query drawn from the text is always found in it) …
    expect(report.byKind.phrase.ours.queries, 'phrases asked').toBe(DRAWS.random);
    expect(report.byKind.mixed.ours.queries, 'digits with Chinese asked').toBe(DRAWS.mixed);
    expect(report.byKind.single.ours.queries, 'single characters asked').toBe(DRAWS.singles);
    // … and every name the content tags its articles with, and each public policy's title, is asked
    // unless no page spells it out verbatim.
    const names = [...report.asked, ...report.unfound].filter((q) => q.kind === 'name').map((q) => q.query);
    expect(new Set(names)).toEqual(contentNames());
    expect(report.byKind.name.ours.queries, 'names asked').toBeGreaterThan(0);
    expect(all.ours.misses).toEqual([]);
    expect(all.ours.recall).toBe(1);
    expect(all.ours.rPrecision).toBe(1);
  });
}
