/**
 * The archive-scale benchmark: generates a SYNTHETIC archive (corpus.ts) in a temporary
 * project, builds it with the project's real build, and measures build time by stage, peak
 * memory, output size, search quality and payload in Chromium — beside stock Pagefind
 * (`pagefind --site`, default settings) over the same built pages — and the weight of an
 * article page. Prints a table, then one JSON line.
 *
 * PDFs: printing a thousand issues takes hours on two cores, so the archive is built without
 * its PDF stage, and the PDF stage is measured on a sample archive of --pdf-issues issues
 * (with as many policies): a full build, then a rebuild after one article changed, which must
 * re-render only that issue (and its year's bound volume). The archive's PDF time is
 * extrapolated from the sample's seconds per issue and per policy, and printed as such.
 *
 *   npm run bench [-- --articles 7000] [--policies N] [--seed 1] [--random 200] [--pdf-issues 20] [--keep]
 */
import { spawn } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { makeProjectCopy } from '../lib/project-copy.ts';
import { writeCorpus } from './corpus.ts';
import { samplePeakMemory } from './memory.ts';
import { measureSite, pageWeight } from './site-size.ts';
import { buildStockCopy } from '../search/stock-index.ts';
import { directoryBytes } from '../lib/files.ts';
import { evaluate } from '../search/eval.ts';
import { launchBrowser, measureQueries, serveSite, type QueryCost } from '../search/harness.ts';
import type { BuildReport } from '../build.ts';
import { exitUnlessChromium } from '../lib/chromium.ts';

const projectRoot = new URL('../..', import.meta.url).pathname;

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '7000' },
    policies: { type: 'string' },
    seed: { type: 'string', default: '1' },
    random: { type: 'string', default: '200' },
    names: { type: 'string', default: '100' },
    'pdf-issues': { type: 'string', default: '20' },
    keep: { type: 'boolean', default: false },
  },
});
const articles = Number(values.articles);
const policies = values.policies ? Number(values.policies) : Math.round(articles / 7);
const seed = Number(values.seed);
if (!Number.isInteger(articles) || articles < 7) throw new Error(`--articles must be a whole number of at least 7, not ${values.articles}`);

// The PDF sample and the search measurements print and search with Chromium.
exitUnlessChromium('运行基准测试');

const log = (line: string) => console.error(`[bench] ${line}`);
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Runs the real build in the project copy as its own process, sampling its memory. */
async function buildCopy(root: string, extraArgs: string[] = []): Promise<{ report: BuildReport; wallSeconds: number; peakBytes: number }> {
  const reportFile = join(root, 'build-report.json');
  const start = performance.now();
  const child = spawn(join(projectRoot, 'node_modules/.bin/node'), ['scripts/build.ts', '--report', reportFile, ...extraArgs], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const sampler = samplePeakMemory(child.pid!);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const peakBytes = sampler.stop();
  if (code !== 0) throw new Error(`the build of the synthetic archive failed (exit ${code}); see above`);
  return { report: JSON.parse(readFileSync(reportFile, 'utf8')) as BuildReport, wallSeconds: (performance.now() - start) / 1000, peakBytes };
}

/** The number of PDF files under a built site's pdf/ folder, by kind. */
function countPdfs(dist: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of ['bulletins', 'policies', 'volumes']) {
    try {
      counts[kind] = readdirSync(join(dist, 'pdf', kind)).filter((name) => name.endsWith('.pdf')).length;
    } catch {
      counts[kind] = 0;
    }
  }
  return counts;
}

/**
 * The PDF stage on a small synthetic archive: a first build, then a rebuild after one article
 * changed. Returns seconds per issue and per policy (from the first), and what the rebuild did.
 */
async function measurePdfSample(issues: number) {
  const sample = makeProjectCopy(projectRoot, 'yaoxun-bench-synthetic-pdf-');
  try {
    const corpus = writeCorpus(projectRoot, sample.root, { articles: issues * 7, policies: issues, seed: seed + 1 });
    log(`PDF 样本：${corpus.issues} 期、${corpus.policies} 份政策文件，完整构建`);
    const first = await buildCopy(sample.root);
    const counts = countPdfs(join(sample.root, 'dist'));
    // One article changes: only its issue's PDF (and that year's volume) should be printed again.
    appendFileSync(join(sample.root, 'content', 'articles', '2017-01', '01.mdx'), '\n本段为基准测试追加的合成文字。\n');
    log('PDF 样本：改动一篇文章后再次构建');
    const second = await buildCopy(sample.root);
    return { counts, first: first.report, second: second.report };
  } finally {
    if (!values.keep) sample.remove();
  }
}

const average = (costs: QueryCost[]) => {
  const byKind: Record<string, number> = {};
  for (const cost of costs) for (const [kind, bytes] of Object.entries(cost.byKind)) byKind[kind] = (byKind[kind] ?? 0) + bytes / costs.length;
  return {
    bytes: costs.reduce((s, c) => s + c.bytes, 0) / costs.length,
    milliseconds: costs.reduce((s, c) => s + c.milliseconds, 0) / costs.length,
    byKind,
  };
};

/** Where a query's bytes go, by kind of Pagefind file, in a fixed order: "js 12.9 kB，wasm 53.6 kB，…". */
const KINDS = ['js', 'wasm', 'meta', 'filter', 'index', 'fragment'];
const byKindNote = (byKind: Record<string, number>) =>
  KINDS.filter((kind) => byKind[kind]).map((kind) => `${kind} ${kB(byKind[kind]!)}`).join('，');
const wholeBytes = (byKind: Record<string, number>) => Object.fromEntries(Object.entries(byKind).map(([kind, bytes]) => [kind, Math.round(bytes)]));

const copy = makeProjectCopy(projectRoot, 'yaoxun-bench-synthetic-');
try {
  log(`合成语料：${articles} 篇文章、${policies} 份政策文件，种子 ${seed}，目录 ${copy.root}`);
  const corpus = writeCorpus(projectRoot, copy.root, { articles, policies, seed });
  log(`${corpus.issues} 期，正文 ${corpus.characters} 字；开始构建（不含 PDF，PDF 另在样本上测量）`);
  const build = await buildCopy(copy.root, ['--skip', 'pdf']);
  const dist = join(copy.root, 'dist');
  const size = measureSite(dist);

  log('原版 Pagefind 建索引');
  const stockStart = performance.now();
  const stock = buildStockCopy(dist);
  const stockSeconds = (performance.now() - stockStart) / 1000;
  const stockIndexBytes = directoryBytes(join(stock.dir, 'pagefind'));

  log('搜索质量（Chromium）');
  const quality = await evaluate({ site: dist, random: Number(values.random), mixed: Math.round(Number(values.random) / 5), seed, names: Number(values.names), stockDir: stock.dir });

  log('搜索传输量与耗时（Chromium，冷启动与第二次查询）');
  const browser = await launchBrowser();
  const servers = { ours: await serveSite(dist), stock: await serveSite(stock.dir) };
  const pairs: Array<[string, string]> = [
    ['吕梁', '1331工程'],
    ['协同创新中心', '绩效考评'],
    ['重点实验室', '两提一创'],
    ['职业教育', '专项活动'],
    ['高等教育', '脱贫攻坚'],
  ];
  const cost = { ours: { cold: [] as QueryCost[], warm: [] as QueryCost[] }, stock: { cold: [] as QueryCost[], warm: [] as QueryCost[] } };
  for (const pair of pairs) {
    for (const engine of ['ours', 'stock'] as const) {
      const measured = await measureQueries(browser, servers[engine].origin, engine, pair);
      cost[engine].cold.push(measured.cold);
      cost[engine].warm.push(measured.warm);
    }
  }
  await browser.close();
  await servers.ours.close();
  await servers.stock.close();
  stock.remove();

  const pdf = await measurePdfSample(Number(values['pdf-issues']));
  const pdfFirstSeconds = pdf.first.seconds['pdf'] ?? 0;
  const pdfDocuments = (pdf.counts['bulletins'] ?? 0) + (pdf.counts['policies'] ?? 0);
  // Seconds per document of the sample, applied to the archive's issues and policies (volumes included in the sample's time).
  const pdfSecondsPerDocument = pdfDocuments ? pdfFirstSeconds / pdfDocuments : 0;
  const pdfArchiveSeconds = pdfSecondsPerDocument * (corpus.issues + policies);

  const articleUrl = '/bulletins/2017-01/01/';
  const weight = pageWeight(dist, articleUrl);
  const figures = {
    ours: { cold: average(cost.ours.cold), warm: average(cost.ours.warm) },
    stock: { cold: average(cost.stock.cold), warm: average(cost.stock.warm) },
  };
  const all = quality.byKind.all;
  const stages = build.report.seconds;
  const buildSeconds = Object.values(stages).reduce((a, b) => a + b, 0);

  const rows: Array<[string, string, string]> = [
    ['合成语料', `${corpus.issues} 期 / ${articles} 篇 / ${policies} 份政策`, ''],
    ['构建（站点与索引，不含 PDF）', `${buildSeconds.toFixed(1)} s`, Object.entries(stages).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join('，')],
    ['峰值内存', MB(build.peakBytes), '构建进程及其子进程'],
    [
      'PDF（样本）',
      `${pdfFirstSeconds.toFixed(1)} s`,
      `${pdf.counts['bulletins']} 期、${pdf.counts['policies']} 份政策、${pdf.counts['volumes']} 册合订本：${pdf.first.notes['pdf'] ?? ''}`,
    ],
    ['PDF（改一篇后）', `${(pdf.second.seconds['pdf'] ?? 0).toFixed(1)} s`, pdf.second.notes['pdf'] ?? ''],
    ['PDF（整个档案，推算）', `${(pdfArchiveSeconds / 60).toFixed(0)} min`, `按样本每份 ${pdfSecondsPerDocument.toFixed(1)} s × ${corpus.issues + policies} 份`],
    ['HTML 页面', `${size.htmlPages} 页，${MB(size.htmlBytes)}`, `站点共 ${MB(size.totalBytes)}`],
    ['搜索索引', MB(size.indexBytes), `原版 Pagefind ${MB(stockIndexBytes)}（建索引 ${stockSeconds.toFixed(1)} s）`],
    ['首次查询传输', kB(figures.ours.cold.bytes), `原版 ${kB(figures.stock.cold.bytes)}（比值 ${(figures.ours.cold.bytes / figures.stock.cold.bytes).toFixed(2)}）`],
    ['首次查询传输（按文件）', kB(figures.ours.cold.bytes), `本站 ${byKindNote(figures.ours.cold.byKind)}；原版 ${byKindNote(figures.stock.cold.byKind)}`],
    ['首次查询耗时', `${figures.ours.cold.milliseconds.toFixed(0)} ms`, `原版 ${figures.stock.cold.milliseconds.toFixed(0)} ms`],
    ['再次查询传输/耗时', `${kB(figures.ours.warm.bytes)} / ${figures.ours.warm.milliseconds.toFixed(0)} ms`, `原版 ${kB(figures.stock.warm.bytes)} / ${figures.stock.warm.milliseconds.toFixed(0)} ms`],
    ['召回率', all.ours.recall.toFixed(3), `原版 ${all.stock.recall.toFixed(3)}（${all.ours.queries} 个查询）`],
    ['R-precision', all.ours.rPrecision.toFixed(3), `原版 ${all.stock.rPrecision.toFixed(3)}`],
    ['文章页重量', kB(weight.bytes), `gzip ${kB(weight.gzipBytes)}：${weight.parts.map((p) => `${p.file} ${kB(p.bytes)}`).join('，')}`],
  ];
  console.log('| 项目 | 本站 | 说明 |\n|---|---|---|');
  for (const [name, value, note] of rows) console.log(`| ${name} | ${value} | ${note} |`);
  for (const [kind, byEngine] of Object.entries(quality.byKind)) {
    console.log(`  ${kind}: ${byEngine.ours.queries} 个查询，召回率 ${byEngine.ours.recall.toFixed(3)} / ${byEngine.stock.recall.toFixed(3)}，R-precision ${byEngine.ours.rPrecision.toFixed(3)} / ${byEngine.stock.rPrecision.toFixed(3)}（本站 / 原版）`);
  }
  if (all.ours.misses.length) console.log(`  本站未满分的查询：${all.ours.misses.slice(0, 10).map((m) => `${m.query}(${m.rPrecision.toFixed(2)})`).join('，')}`);
  console.log(
    JSON.stringify({
      articles,
      issues: corpus.issues,
      policies,
      seed,
      buildSeconds: Number(buildSeconds.toFixed(1)),
      stageSeconds: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Number(v.toFixed(1))])),
      peakMemoryBytes: build.peakBytes,
      pdfSampleDocuments: pdfDocuments,
      pdfSampleSeconds: Number(pdfFirstSeconds.toFixed(1)),
      pdfIncrementalSeconds: Number((pdf.second.seconds['pdf'] ?? 0).toFixed(1)),
      pdfIncrementalNote: pdf.second.notes['pdf'] ?? '',
      pdfArchiveSecondsEstimate: Math.round(pdfArchiveSeconds),
      htmlPages: size.htmlPages,
      htmlBytes: size.htmlBytes,
      indexBytes: size.indexBytes,
      stockIndexBytes,
      coldQueryBytes: Math.round(figures.ours.cold.bytes),
      stockColdQueryBytes: Math.round(figures.stock.cold.bytes),
      coldQueryBytesByKind: wholeBytes(figures.ours.cold.byKind),
      stockColdQueryBytesByKind: wholeBytes(figures.stock.cold.byKind),
      coldQueryMs: Math.round(figures.ours.cold.milliseconds),
      stockColdQueryMs: Math.round(figures.stock.cold.milliseconds),
      warmQueryBytes: Math.round(figures.ours.warm.bytes),
      warmQueryMs: Math.round(figures.ours.warm.milliseconds),
      queries: all.ours.queries,
      recall: all.ours.recall,
      rPrecision: all.ours.rPrecision,
      stockRecall: all.stock.recall,
      stockRPrecision: all.stock.rPrecision,
      articlePageBytes: weight.bytes,
      articlePageGzipBytes: weight.gzipBytes,
    }),
  );
} finally {
  if (values.keep) log(`保留了合成项目：${copy.root}`);
  else copy.remove();
}
