/**
 * What a screen page costs a reader: loads pages of a built site in Chromium (screen media) and
 * prints the bytes of every response by kind, and any font file fetched (there should be none).
 *
 *   npm run build && npm run bench:weight [-- --dir dist /bulletins/2017-02/01/ …]
 */
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumLaunch, exitUnlessChromium } from '../lib/chromium.ts';
import { serveSite, SITE_ORIGIN } from '../pdf/site-files.ts';
import { fileForPath } from '../lib/files.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { dir: { type: 'string', default: 'dist' } } });
const siteDir = resolve(values.dir!);
const paths = positionals.length ? positionals : ['/bulletins/2017-02/01/', '/bulletins/2017-02/', '/policies/1331-gongcheng-yijian/'];

exitUnlessChromium('测量页面分量');
const browser = await chromium.launch(chromiumLaunch);
const context = await browser.newContext();
await serveSite(context, siteDir, new Map());
for (const path of paths) {
  const page = await context.newPage();
  const seen: Array<{ url: string; type: string; bytes: number; gzip: number }> = [];
  page.on('requestfinished', (request) => {
    const url = new URL(request.url());
    const file = fileForPath(siteDir, url.pathname);
    if (!file) return;
    try {
      const body = readFileSync(file);
      seen.push({ url: url.pathname, type: request.resourceType(), bytes: statSync(file).size, gzip: gzipSync(body, { level: 9 }).length });
    } catch {}
  });
  await page.goto(new URL(path, SITE_ORIGIN).href, { waitUntil: 'networkidle' });
  await page.close();
  const sum = (xs: typeof seen) => xs.reduce((a, x) => ({ bytes: a.bytes + x.bytes, gzip: a.gzip + x.gzip }), { bytes: 0, gzip: 0 });
  const total = sum(seen);
  const fonts = seen.filter((x) => x.type === 'font');
  const printOnly = seen.filter((x) => /\/print\.[^/]+\.css$/.test(x.url));
  console.log(`${path}: ${seen.length} requests, ${(total.bytes / 1024).toFixed(1)} KB (${(total.gzip / 1024).toFixed(1)} KB gzip)`);
  for (const x of seen) console.log(`  ${x.type.padEnd(10)} ${(x.bytes / 1024).toFixed(1).padStart(7)} KB ${(x.gzip / 1024).toFixed(1).padStart(6)} KB gz  ${x.url}`);
  const rest = sum(seen.filter((x) => !printOnly.includes(x)));
  console.log(`  without the print-only stylesheet: ${(rest.bytes / 1024).toFixed(1)} KB (${(rest.gzip / 1024).toFixed(1)} KB gzip); font files fetched: ${fonts.length}`);
}
await browser.close();
