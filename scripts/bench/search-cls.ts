/**
 * Cumulative Layout Shift of the search page as results arrive, measured by Lighthouse (mobile,
 * its default form factor) with Debian's Chromium on a built site, and printed: a measurement run
 * on purpose, not a timed test (Google's limit for “good” is 0.1; the page aims at 0).
 *
 *   node scripts/bench/search-cls.ts [--dir dist] [--query 1331工程] [--runs 3]
 *
 * Lighthouse is not a dependency of the project: the one installed in node_modules is used if
 * there is one, else npx fetches it from the npm registry (LIGHTHOUSE=… names another command).
 * The site is served from the directory by a static server of this script's own, on a free port.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumLaunch } from '../lib/chromium.ts';
import { contentTypeOf, servedFile } from '../lib/files.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    query: { type: 'string', default: '1331工程' },
    runs: { type: 'string', default: '3' },
  },
});
const dir = resolve(values.dir!);
if (!existsSync(join(dir, 'search/index.html'))) {
  console.error(`${dir} 中没有搜索页：先构建网站（npm run build）`);
  process.exit(2);
}

const server = createServer((req, res) => {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  const file = servedFile(dir, pathname);
  res.writeHead(file ? 200 : 404, { 'content-type': file ? contentTypeOf(file) : 'text/plain' });
  res.end(file ? readFileSync(file) : 'not found');
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const address = server.address();
if (!address || typeof address === 'string') throw new Error('no port');
const url = `http://127.0.0.1:${address.port}/search/?${new URLSearchParams({ q: values.query! })}`;

const local = resolve(import.meta.dirname, '../../node_modules/.bin/lighthouse');
const [command, ...prefix] = process.env['LIGHTHOUSE']?.split(' ') ?? (existsSync(local) ? [local] : ['npx', '--yes', 'lighthouse@12']);
const out = mkdtempSync(join(tmpdir(), 'search-cls-'));
const figures: number[] = [];
try {
  for (let run = 1; run <= Number(values.runs); run++) {
    const report = join(out, `run-${run}.json`);
    // Not execFileSync: the server that answers Lighthouse's browser runs in this process.
    await promisify(execFile)(
      command!,
      [...prefix, url, '--only-audits=cumulative-layout-shift', '--output=json', `--output-path=${report}`, '--quiet', '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage'],
      { env: { ...process.env, CHROME_PATH: chromiumLaunch.executablePath }, maxBuffer: 64 << 20 },
    );
    const audit = (JSON.parse(readFileSync(report, 'utf8')) as { audits: Record<string, { numericValue?: number }> }).audits['cumulative-layout-shift'];
    if (audit?.numericValue === undefined) throw new Error('Lighthouse gave no cumulative-layout-shift figure');
    figures.push(audit.numericValue);
    console.log(`run ${run}: CLS ${audit.numericValue.toFixed(3)}`);
  }
} finally {
  server.close();
  rmSync(out, { recursive: true, force: true });
}
console.log(`search page (${values.query}), Lighthouse mobile: CLS ${Math.max(...figures).toFixed(3)} (largest of ${figures.length} runs)`);
