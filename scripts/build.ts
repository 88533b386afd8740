/**
 * The site's build: validate the content, build the pages, index them for search and render
 * the PDFs, all into a staging directory that replaces dist/ (or dist-internal/) only when
 * every stage has succeeded. A failed build leaves the last good output as it was.
 *
 *   node scripts/build.ts [--edition public|internal] [--out DIR] [--report FILE] [--skip STAGE]
 *
 * --report writes the stage timings as JSON (the benchmark reads them). --skip leaves a stage
 * out (repeatable): the benchmark builds a large synthetic archive without its PDFs, which it
 * measures on a sample instead. A site built so is not for publishing: its pages link PDFs
 * that were not made.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseEdition } from '../src/lib/edition.ts';
import { validateInChild } from './build/validate-stage.ts';
import { astroStage } from './build/astro-stage.ts';
import { searchStage } from './search-index/stage.ts';
import { pdfStage } from './pdf/index.ts';
import { compressStage } from './build/compress.ts';
import { swapInto } from './build/swap.ts';
import { buildDataStage, keepBuildData } from './build/build-data-stage.ts';
import { BuildError } from './build/build-error.ts';
import { printSetupMessage } from './lib/chromium.ts';
import { libdeflateSetupMessage } from './lib/libdeflate.ts';
import { installedPagefindVersion, pagefindVersionProblem } from './search-index/pagefind-version.ts';
import type { BuildContext, Stage } from './build/stages.ts';

// The build data leaves the site once search and PDFs have read it; compress stays last: it
// precompresses what every earlier stage wrote.
const STAGES: Stage[] = [astroStage, searchStage, pdfStage, buildDataStage, compressStage];

export interface BuildReport {
  edition: string;
  outDir: string;
  /** Seconds per stage, in order. */
  seconds: Record<string, number>;
  /** What each stage said it did, by stage. */
  notes: Record<string, string>;
  /** Peak resident memory of this process, in bytes. */
  peakRssBytes: number;
}

export const STAGE_NAMES = STAGES.map((stage) => stage.name);

export async function buildSite(options: {
  root: string;
  edition: string | undefined;
  outDir?: string | undefined;
  skip?: readonly string[] | undefined;
}): Promise<BuildReport> {
  // Before anything else: the search index is written in one Pagefind version's private format.
  const pagefindProblem = pagefindVersionProblem(installedPagefindVersion(resolve(options.root)));
  if (pagefindProblem) throw new BuildError(pagefindProblem);
  const skip = new Set(options.skip ?? []);
  for (const name of skip) {
    if (!STAGE_NAMES.includes(name) || name === 'astro' || name === 'build-data') throw new BuildError(`--skip 只能是 ${STAGE_NAMES.filter((n) => n !== 'astro' && n !== 'build-data').join('、')} 之一，不能是“${name}”`);
  }
  const root = resolve(options.root);
  const edition = parseEdition(options.edition);
  if (!skip.has('pdf')) {
    const missing = printSetupMessage();
    if (missing) throw new BuildError(missing);
  }
  if (!skip.has('search')) {
    const missing = libdeflateSetupMessage();
    if (missing) throw new BuildError(missing);
  }
  const outDir = resolve(root, options.outDir ?? (edition === 'public' ? 'dist' : 'dist-internal'));
  const work = join(root, '.build');
  const context: BuildContext = {
    root,
    edition,
    outDir,
    stagingDir: join(work, `staging-${edition}-${process.pid}`),
    cacheDir: join(work, 'cache', edition),
  };
  const seconds: Record<string, number> = {};
  const notes: Record<string, string> = {};
  const time = async (name: string, run: () => Promise<unknown>) => {
    const start = performance.now();
    const note = await run();
    seconds[name] = (performance.now() - start) / 1000;
    if (typeof note === 'string') notes[name] = note;
    console.log(`[build] ${name}: ${seconds[name].toFixed(1)} s${typeof note === 'string' ? ` — ${note}` : ''}`);
  };

  await time('validate', async () => {
    const { problems, counts, drafts } = await validateInChild(root);
    if (problems.length) {
      throw new BuildError(`内容检查未通过，共 ${problems.length} 处问题：\n${problems.map((p) => `  ${p}`).join('\n')}`);
    }
    for (const line of drafts) console.log(`[build] ${line}`);
    return `${counts.issues} 期、${counts.articles} 篇文章、${counts.policies} 份政策文件`;
  });

  mkdirSync(work, { recursive: true });
  mkdirSync(context.cacheDir, { recursive: true });
  rmSync(context.stagingDir, { recursive: true, force: true });
  try {
    for (const stage of STAGES) if (!skip.has(stage.name)) await time(stage.name, () => stage.run(context));
    swapInto(context.stagingDir, outDir);
    keepBuildData(outDir);
  } finally {
    rmSync(context.stagingDir, { recursive: true, force: true });
  }
  return { edition, outDir, seconds, notes, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
}

export { BuildError };

async function main() {
  const { values } = parseArgs({
    options: { edition: { type: 'string' }, out: { type: 'string' }, report: { type: 'string' }, skip: { type: 'string', multiple: true } },
  });
  try {
    const report = await buildSite({ root: '.', edition: values.edition, outDir: values.out, skip: values.skip });
    if (values.report) writeFileSync(values.report, JSON.stringify(report));
    const total = Object.values(report.seconds).reduce((a, b) => a + b, 0);
    console.log(`[build] ${report.edition} edition in ${report.outDir} (${total.toFixed(1)} s)`);
  } catch (error) {
    console.error(error instanceof BuildError ? error.message : error);
    console.error('构建失败，已发布的输出保持不变。');
    process.exitCode = 1;
  }
}

if (import.meta.main) await main();
