/**
 * PDF rendering figures: renders every PDF of a built site with an empty cache, so that
 * Chromium prints everything, then once more with the cache filled. Prints seconds per issue
 * (its whole render: print, find the 版记, print again with it placed, document properties)
 * and per 100 pages. Measures, asserts nothing.
 *
 *   npm run build && npm run bench:pdf [-- --dir dist --runs 3]
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderSitePdfs } from '../pdf/index.ts';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' }, runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
// Work on a copy: the stage writes PDFs into the site.
const work = mkdtempSync(join(tmpdir(), 'bench-pdf-'));
const site = join(work, 'site');
cpSync(resolve(values.dir!), site, { recursive: true });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  const issueSeconds: number[] = [];
  const per100: number[] = [];
  const walls: number[] = [];
  let pages = 0;
  for (let run = 1; run <= runs; run++) {
    const start = performance.now();
    // One page at a time, so that each render's seconds are its own.
    const report = await renderSitePdfs({ siteDir: site, cacheDir: join(work, `cache-${run}`), concurrency: 1 });
    walls.push((performance.now() - start) / 1000);
    const issues = report.timings.filter((t) => t.page.startsWith('/bulletins/'));
    issueSeconds.push(...issues.map((t) => t.seconds));
    pages = report.timings.reduce((sum, t) => sum + t.pages, 0);
    per100.push((report.renderSeconds / pages) * 100);
    console.log(`run ${run}: ${report.rendered} renders, ${pages} pages, ${report.renderSeconds.toFixed(1)} s rendering, ${walls.at(-1)!.toFixed(1)} s wall`);
    for (const t of report.timings) console.log(`  ${t.page.padEnd(44)} ${String(t.pages).padStart(3)} pp  ${t.seconds.toFixed(2)} s`);
  }
  const warmStart = performance.now();
  const warm = await renderSitePdfs({ siteDir: site, cacheDir: join(work, `cache-${runs}`), concurrency: 1 });
  const warmSeconds = (performance.now() - warmStart) / 1000;
  console.log('');
  console.log(`PDF rendering, median of ${runs} runs with an empty cache (one page at a time):`);
  console.log(`  seconds per issue:     ${median(issueSeconds).toFixed(1)} s`);
  console.log(`  seconds per 100 pages: ${median(per100).toFixed(1)} s (all renders: issues, policies, volume front matter)`);
  console.log(`  whole stage, empty cache: ${median(walls).toFixed(1)} s wall (browser start and binding included)`);
  console.log(`  whole stage, full cache:  ${warmSeconds.toFixed(1)} s wall (${warm.rendered} renders, ${warm.cached} from cache)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
