/**
 * Proof by generation: renders the committed 第2期 in drawn styles (tests/helpers/render-bulletin.ts
 * drawStyle: wrap widths, page breaks at drawn lines, page-number and 要目 marker styles, with and
 * without a 要目 heading, the 版记 as paragraphs or a table; as text, as .docx, as PDF through
 * Chromium) and imports each with the importer itself (--out a scratch folder): every draw must
 * give the committed content files byte for byte. A draw that does not is saved under
 * tests/fixtures/import-regressions/ (its file and what differed), which a test replays.
 *
 *   npm run import:fuzz -- [--draws 2000] [--seed N] [--formats text,docx,pdf] [--no-save]
 *
 * Draws are split text : Word : PDF as 5 : 2 : 1 (as the CI test's 50 : 20 : 10); one browser serves every PDF.
 */
import { seededRandom } from '../lib/random.ts';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { runImport } from './cli.ts';
import { bulletinDocx, bulletinPdf, bulletinText, drawStyle, loadIssue, type RenderedIssue, type RenderFormat, type RenderStyle } from '../../tests/helpers/render-bulletin.ts';

export const PROJECT_ROOT = join(import.meta.dirname, '../..');
export const REGRESSIONS = join(PROJECT_ROOT, 'tests/fixtures/import-regressions');
const ISSUE = '2017-02';
const EXTENSIONS: Record<RenderFormat, string> = { text: 'txt', docx: 'docx', pdf: 'pdf' };

export interface DrawResult {
  format: RenderFormat;
  seed: number;
  style: RenderStyle;
  /** Empty when the import gave the committed files; else each difference, or the importer's refusal. */
  differences: string[];
  file: Buffer;
}

type Browser = import('@playwright/test').Browser;

/** The rendering drawn from `seed` in `format`. */
export async function renderDraw(issue: RenderedIssue, format: RenderFormat, seed: number, browser?: Browser): Promise<{ style: RenderStyle; file: Buffer }> {
  const r = seededRandom(seed);
  const style = drawStyle(r, format);
  if (format === 'text') return { style, file: Buffer.from(bulletinText(issue, style, r)) };
  if (format === 'docx') return { style, file: await bulletinDocx(issue, style) };
  return { style, file: await bulletinPdf(issue, style, browser) };
}

/** The issue's files under `dir` (a content folder), relative to it. */
function issueFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const entry = join(dir, 'issues', `${ISSUE}.mdx`);
  if (existsSync(entry)) files.set(`issues/${ISSUE}.mdx`, readFileSync(entry, 'utf8'));
  const articles = join(dir, 'articles', ISSUE);
  if (existsSync(articles)) for (const name of readdirSync(articles).sort()) files.set(`articles/${ISSUE}/${name}`, readFileSync(join(articles, name), 'utf8'));
  return files;
}

/** How the files under `actual` differ from the committed ones: each file missing, extra, or its first differing line. */
export function differencesFromCommitted(actual: string): string[] {
  const want = issueFiles(join(PROJECT_ROOT, 'content'));
  const got = issueFiles(actual);
  const out: string[] = [];
  for (const [path, text] of want) {
    const mine = got.get(path);
    if (mine === undefined) out.push(`${path}：未生成`);
    else if (mine !== text) {
      const [a, e] = [mine.split('\n'), text.split('\n')];
      const at = a.findIndex((l, i) => l !== e[i]);
      const line = at < 0 ? a.length : at;
      out.push(`${path} 第${line + 1}行：应为“${e[line] ?? '（文件结束）'}”，实为“${a[line] ?? '（文件结束）'}”`);
    }
  }
  for (const path of got.keys()) if (!want.has(path)) out.push(`${path}：多生成了`);
  return out;
}

/** Imports a file as `npm run import -- FILE --out DIR` would, in this process; the differences from the committed files. */
export async function importDifferences(file: string, format: RenderFormat): Promise<string[]> {
  const scratch = mkdtempSync(join(tmpdir(), 'yaoxun-fuzz-'));
  try {
    const path = join(scratch, `issue.${EXTENSIONS[format]}`);
    writeFileSync(path, readFileSync(file));
    const errors: string[] = [];
    const status = await runImport([path, '--out', join(scratch, 'out')], { cwd: scratch, projectRoot: PROJECT_ROOT, out: () => {}, err: (line) => errors.push(line) });
    if (status !== 0) return errors.length ? errors : [`退出码 ${status}`];
    return differencesFromCommitted(join(scratch, 'out'));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** One draw: rendered, imported, compared. */
export async function runDraw(issue: RenderedIssue, format: RenderFormat, seed: number, browser?: Browser): Promise<DrawResult> {
  const { style, file } = await renderDraw(issue, format, seed, browser);
  const scratch = mkdtempSync(join(tmpdir(), 'yaoxun-fuzz-file-'));
  try {
    const path = join(scratch, `draw.${EXTENSIONS[format]}`);
    writeFileSync(path, file);
    let differences: string[];
    try {
      differences = await importDifferences(path, format);
    } catch (error) {
      differences = [`导入时出错：${(error as Error).stack ?? error}`];
    }
    return { format, seed, style, differences, file };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

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

/** The draw seeds of a run: the formats in turn, 5 : 2 : 1, each draw's seed from the run's seed. */
export function plan(draws: number, seed: number, formats: readonly RenderFormat[] = ['text', 'docx', 'pdf']): Array<{ format: RenderFormat; seed: number }> {
  const weights: Record<RenderFormat, number> = { text: 5, docx: 2, pdf: 1 };
  const cycle = formats.flatMap((f) => Array<RenderFormat>(weights[f]).fill(f));
  const r = seededRandom(seed);
  return Array.from({ length: draws }, (_, i) => ({ format: cycle[i % cycle.length]!, seed: Math.floor(r() * 2 ** 31) }));
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { draws: { type: 'string', default: '200' }, seed: { type: 'string' }, formats: { type: 'string', default: 'text,docx,pdf' }, 'no-save': { type: 'boolean' } },
  });
  const draws = Number(values.draws);
  const seed = values.seed ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
  const formats = values.formats.split(',') as RenderFormat[];
  const issue = loadIssue(PROJECT_ROOT, ISSUE);
  const started = Date.now();
  console.log(`import:fuzz：${draws} 次，种子 ${seed}（--seed ${seed} 可重现），格式 ${formats.join('、')}`);
  let browser: Browser | undefined;
  if (formats.includes('pdf')) {
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
        const saved = values['no-save'] ? '' : `，已存为 ${relative(PROJECT_ROOT, saveRegression(result))}`;
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
