/**
 * PDF rendering figures: renders every PDF of a built site with an empty cache, so that
 * Chromium prints everything, then once more with the cache filled. Prints seconds per issue
 * (its whole render: open, measure where the 版记 falls, print once, document properties; a
 * bound volume's copy printed with it apart) and per 100 pages, one page at a time so that each
 * render's seconds are its own; then the whole stage as the build runs it (two pages at once in
 * one browser), with an empty and with a full cache. Measures, asserts nothing.
 *
 *   npm run build && npm run bench:pdf [-- --dir dist --runs 3 --concurrency 2]
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderSitePdfs } from '../pdf/index.ts';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' }, runs: { type: 'string', default: '3' }, concurrency: { type: 'string', default: '2' } } });
const runs = Number(values.runs);
const concurrency = Number(values.concurrency);
// Work on a copy: the stage writes PDFs into the site.
const work = mkdtempSync(join(tmpdir(), 'bench-pdf-'));
const site = join(work, 'site');
cpSync(resolve(values.dir!), site, { recursive: true });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

try {
  console.log(`site: ${resolve(values.dir!)}; load average at start ${load()}`);
  const issueSeconds: number[] = [];
  const per100: number[] = [];
  const walls: number[] = [];
  const parallelWalls: number[] = [];
  let pages = 0;
  let corrected = 0;
  for (let run = 1; run <= runs; run++) {
    const start = performance.now();
    // One page at a time, so that each render's seconds are its own.
    const report = await renderSitePdfs({ siteDir: site, cacheDir: join(work, `cache-${run}`), concurrency: 1 });
    walls.push((performance.now() - start) / 1000);
    const issues = report.timings.filter((t) => t.page.startsWith('/bulletins/') && !t.copy);
    issueSeconds.push(median(issues.map((t) => t.seconds)));
    pages = report.timings.reduce((sum, t) => sum + t.pages, 0);
    corrected += report.corrected.length;
    per100.push((report.renderSeconds / pages) * 100);
    console.log(`run ${run}: ${report.rendered} renders, ${pages} pages, ${report.renderSeconds.toFixed(1)} s rendering, ${walls.at(-1)!.toFixed(1)} s wall; load ${load()}`);
    for (const t of report.timings) console.log(`  ${t.page.padEnd(44)} ${String(t.pages).padStart(3)} pp  ${t.seconds.toFixed(2)} s  ${t.prints} print${t.prints === 1 ? '' : 's'}${t.copy ? ' (volume copy)' : ''}`);
    const parallelStart = performance.now();
    await renderSitePdfs({ siteDir: site, cacheDir: join(work, `cache-parallel-${run}`), concurrency });
    parallelWalls.push((performance.now() - parallelStart) / 1000);
    console.log(`run ${run}, ${concurrency} at once: ${parallelWalls.at(-1)!.toFixed(1)} s wall; load ${load()}`);
  }
  const warmStart = performance.now();
  const warm = await renderSitePdfs({ siteDir: site, cacheDir: join(work, `cache-${runs}`), concurrency });
  const warmSeconds = (performance.now() - warmStart) / 1000;
  console.log('');
  console.log(`PDF rendering, median of ${runs} runs with an empty cache; load average at the end ${load()}:`);
  console.log(`  seconds per issue:     ${median(issueSeconds).toFixed(1)} s (one page at a time)`);
  console.log(`  seconds per 100 pages: ${median(per100).toFixed(1)} s (all renders: issues, policies, volume copies and front matter)`);
  console.log(`  whole stage, empty cache: ${median(parallelWalls).toFixed(1)} s wall, ${concurrency} pages at once (${median(walls).toFixed(1)} s one at a time; browser start and binding included)`);
  console.log(`  whole stage, full cache:  ${warmSeconds.toFixed(1)} s wall (${warm.rendered} renders, ${warm.cached} from cache)`);
  console.log(`  版记 placed by measuring: ${corrected ? `${corrected} render(s) needed printing again` : 'every render, one print each'}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
