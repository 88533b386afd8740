// Scratch experiment (not committed): cold-query bytes of the archive at several index chunk sizes.
import { join } from 'node:path';
import { launchBrowser, measureQueries, serveSite } from './search/harness.ts';
const site = process.argv[2]!;
const records = process.argv[3]!;
const sizes = (process.argv[4] ?? '3000').split(',');
const pairs: Array<[string, string]> = [['吕梁', '1331工程'], ['协同创新中心', '绩效考评'], ['重点实验室', '两提一创'], ['职业教育', '专项活动'], ['高等教育', '脱贫攻坚']];
for (const size of sizes) {
  process.env['BENCH_CHUNK'] = size;
  const { execFileSync } = await import('node:child_process');
  execFileSync(process.execPath, [join(import.meta.dirname, 'search/build-index.ts'), site, records], { env: { ...process.env, INDEX_CHUNK_OVERRIDE: size }, stdio: 'inherit' });
  const browser = await launchBrowser();
  const server = await serveSite(site);
  const byKind: Record<string, number> = {};
  let total = 0; let warm = 0;
  for (const pair of pairs) {
    const m = await measureQueries(browser, server.origin, 'ours', pair);
    total += m.cold.bytes / pairs.length; warm += m.warm.bytes / pairs.length;
    for (const [k, v] of Object.entries(m.cold.byKind)) byKind[k] = (byKind[k] ?? 0) + v / pairs.length;
  }
  await browser.close(); await server.close();
  console.log(`chunk ${size}: cold ${(total / 1024).toFixed(1)} kB, warm ${(warm / 1024).toFixed(1)} kB`, Object.entries(byKind).map(([k, v]) => `${k} ${(v / 1024).toFixed(1)}`).join(' '));
}
