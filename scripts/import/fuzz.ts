/**
 * Proof by generation: renders the committed 第2期 in drawn styles (scripts/samples/render-bulletin.ts
 * drawStyle: wrap widths, page breaks at drawn lines, page-number and 要目 marker styles, with and
 * without a 要目 heading, the 版记 as paragraphs or a table; as text, as .docx, as PDF through
 * Chromium) and imports each with the importer itself (--out a scratch folder): every draw must
 * give the committed content files byte for byte. With --save, a draw that does not is saved under
 * tests/fixtures/import-regressions/ (its file and what differed), which a test replays once
 * committed; without it, the run writes nothing into the project.
 *
 *   npm run import:fuzz -- [--draws 2000] [--seed N] [--formats text,docx,pdf[,ofd]] [--save]
 *   npm run import:fuzz -- --kind policy …   # official documents in the world's forms: fuzz-official.ts
 *
 * Draws are split text : Word : PDF as 5 : 2 : 1 (as the test's fixed draws, 50 : 20 : 10); one browser serves every PDF.
 * OFD (the drawn PDF made OFD by scripts/samples/ofd.ts in a drawn shape) is drawn as often as PDF when asked for.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { EXTENSIONS, plan } from '../samples/bulletin-draws.ts';
import { loadIssue, type RenderFormat } from '../samples/render-bulletin.ts';
import { ISSUE, PROJECT_ROOT, REGRESSIONS, runDraw, type DrawResult } from './round-trip.ts';

type Browser = import('@playwright/test').Browser;

/** Keeps a failing draw as a regression fixture: the rendering and a note of its seed, style and differences. */
export function saveRegression(result: DrawResult, dir = REGRESSIONS): string {
  mkdirSync(dir, { recursive: true });
  const name = `${result.format}-${result.seed}`;
  writeFileSync(join(dir, `${name}.${EXTENSIONS[result.format]}`), result.file);
  writeFileSync(
    join(dir, `${name}.json`),
    `${JSON.stringify({ format: result.format, seed: result.seed, style: result.style, differences: result.differences }, null, 2)}\n`,
  );
  return join(dir, `${name}.${EXTENSIONS[result.format]}`);
}

async function main(): Promise<number> {
  // Official documents: their own generator and producers (fuzz-official.ts).
  const kind = process.argv.slice(2).find((arg, i, all) => arg.startsWith('--kind=') || all[i - 1] === '--kind');
  if (kind && kind.replace('--kind=', '') === 'policy') return (await import('./fuzz-official.ts')).fuzzOfficial(process.argv.slice(2));
  if (kind && kind.replace('--kind=', '') !== 'bulletin') {
    console.error(`--kind 应为 bulletin 或 policy，实为“${kind.replace('--kind=', '')}”`);
    return 2;
  }
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg, i, all) => arg !== '--kind' && all[i - 1] !== '--kind' && !arg.startsWith('--kind=')),
    options: { draws: { type: 'string', default: '200' }, seed: { type: 'string' }, formats: { type: 'string', default: 'text,docx,pdf' }, save: { type: 'boolean' } },
  });
  const draws = Number(values.draws);
  const seed = values.seed ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
  const formats = values.formats.split(',') as RenderFormat[];
  const issue = loadIssue(PROJECT_ROOT, ISSUE);
  const started = Date.now();
  console.log(`import:fuzz：${draws} 次，种子 ${seed}（--seed ${seed} 可重现），格式 ${formats.join('、')}`);
  let browser: Browser | undefined;
  if (formats.includes('pdf') || formats.includes('ofd')) {
    const { chromium } = await import('@playwright/test');
    const { chromiumLaunch } = await import('../lib/chromium.ts');
    browser = await chromium.launch(chromiumLaunch);
  }
  const counts = new Map<RenderFormat, { pass: number; fail: number }>(formats.map((f) => [f, { pass: 0, fail: 0 }]));
  try {
    for (const [i, draw] of plan(draws, seed, formats).entries()) {
      const result = await runDraw(issue, draw.format, draw.seed, browser);
      const count = counts.get(draw.format)!;
      if (result.differences.length) {
        count.fail++;
        const saved = values.save ? `，已存为 ${relative(PROJECT_ROOT, saveRegression(result))}` : '';
        console.log(`失败：${draw.format} 种子 ${draw.seed}${saved}\n  ${result.differences.slice(0, 3).join('\n  ')}`);
      } else count.pass++;
      if ((i + 1) % 100 === 0) console.log(`  ${i + 1}/${draws}，${Math.round((Date.now() - started) / 1000)} 秒`);
    }
  } finally {
    await browser?.close();
  }
  const fail = [...counts.values()].reduce((n, c) => n + c.fail, 0);
  for (const [format, c] of counts) console.log(`${format}：通过 ${c.pass}，失败 ${c.fail}`);
  console.log(`共 ${draws} 次，失败 ${fail} 次，用时 ${Math.round((Date.now() - started) / 1000)} 秒，种子 ${seed}`);
  return fail ? 1 : 0;
}

if (import.meta.main) process.exitCode = await main();
