/**
 * The site's build: validate the content, build the pages, index them for search and render
 * the PDFs, all into a staging directory that replaces dist/ (or dist-internal/) only when
 * every stage has succeeded. A failed build leaves the last good output as it was.
 *
 *   node scripts/build.ts [--edition public|internal] [--out DIR] [--report FILE] [--skip STAGE] [--deploy]
 *
 * --deploy: a build to publish, which needs SITE_URL (the site's address; without it a build
 * only warns, and its links point at localhost). A killed build's staging folder is removed by
 * the next build.
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
import { siteUrlProblem } from './build/site-url.ts';
import { checkOutDir } from './build/out-dir.ts';
import { removeStaleStaging } from './build/stale-staging.ts';
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
  /** A build for deploying: SITE_URL is then required (scripts/build/site-url.ts). */
  deploy?: boolean | undefined;
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
  // The site's address: a warning without it, a refusal when deploying (--deploy).
  const siteUrlWarning = siteUrlProblem(process.env['SITE_URL'], Boolean(options.deploy));
  if (siteUrlWarning) console.warn(`[build] ${siteUrlWarning}`);
  if (!skip.has('pdf')) {
    const missing = printSetupMessage();
    if (missing) throw new BuildError(missing);
  }
  if (!skip.has('search')) {
    const missing = libdeflateSetupMessage();
    if (missing) throw new BuildError(missing);
  }
  const outDir = resolve(root, options.outDir ?? (edition === 'public' ? 'dist' : 'dist-internal'));
  checkOutDir(outDir, root);
  const work = join(root, '.build');
  // What a killed build left (.build/staging-<edition>-<pid> of a process gone) goes first, whatever this build's fate.
  const stale = removeStaleStaging(work);
  if (stale.length) console.log(`[build] 删除了中断的构建留下的 ${stale.map((name) => `.build/${name}`).join('、')}`);
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
    options: { edition: { type: 'string' }, out: { type: 'string' }, report: { type: 'string' }, skip: { type: 'string', multiple: true }, deploy: { type: 'boolean' } },
  });
  try {
    const report = await buildSite({ root: '.', edition: values.edition, outDir: values.out, skip: values.skip, deploy: values.deploy });
    if (values.report) writeFileSync(values.report, JSON.stringify(report));
    const total = Object.values(report.seconds).reduce((a, b) => a + b, 0);
    console.log(`[build] ${report.edition} edition in ${report.outDir} (${total.toFixed(1)} s)`);
  } catch (error) {
    // Anything but a BuildError is the build's own fault: said so in Chinese; its stack with DEBUG=1.
    if (error instanceof BuildError) console.error(error.message);
    else if (process.env['DEBUG']) console.error(error);
    else console.error(`构建程序出错（${(error as Error)?.name ?? 'Error'}：${String((error as Error)?.message ?? error).split('\n')[0]}）：这不是内容的问题，请把这条信息告诉网站的维护者（设置 DEBUG=1 可看到详细的出错位置）`);
    console.error('构建失败，已发布的输出保持不变。');
    process.exitCode = 1;
  }
}

if (import.meta.main) await main();
