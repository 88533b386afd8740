/**
 * The archive-scale benchmark: generates a SYNTHETIC archive (corpus.ts) in a temporary
 * project, builds it with the project's real build, and measures build time by stage, peak
 * memory (by stage too), output size, search quality and payload in Chromium — beside stock
 * Pagefind (`pagefind --site`, default settings) over the same built pages — and the weight of
 * an article page. Prints every figure beside its target (targets.ts) and stock's, then one
 * JSON line.
 *
 * How the costs grow: --sizes 1750,3500,7000,14000 runs the same measurements at each size
 * (policies in proportion, one to seven articles), prints a growth table and writes the growth
 * chart (chart.ts) to --chart. Search quality and the article page are measured at the
 * headline size (--articles, or the largest size) only.
 *
 * PDFs: a sample archive of --pdf-issues issues (with as many policies) is printed from an empty
 * cache, then again after one article changed, which must re-render only that issue (and its
 * year's bound volume): seconds per issue and the incremental rebuild. --pdf-archive also prints
 * the whole headline archive from an empty cache after its build (`node scripts/pdf/index.ts`
 * on its dist/, the build's own PDF stage run alone), which is the measured archive figure;
 * without it the archive's PDF time is extrapolated from the sample and says so.
 *
 *   npm run bench [-- --articles 7000] [--policies N] [--sizes 1750,3500,7000,14000] [--chart FILE]
 *                 [--seed 1] [--random 200] [--names 100] [--pdf-issues 20] [--pdf-archive] [--keep]
 *                 [--components 5]
 *
 * --components: the percentage of articles whose bodies use MDX components (corpus.ts), 5 by default.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { makeProjectCopy } from '../lib/project-copy.ts';
import { writeCorpus } from './corpus.ts';
import { peakByStage, sampleMemory } from './memory.ts';
import { measureSite, pageWeight } from './site-size.ts';
import { buildStockCopyTimed } from '../search-index/stock-index.ts';
import { directoryBytes } from '../lib/files.ts';
import { evaluate } from '../search-index/eval.ts';
import { measureQueries, serveEngines, type QueryCost } from '../search-index/harness.ts';
import type { BuildReport } from '../build.ts';
import { exitUnlessChromium } from '../lib/chromium.ts';
import { verdictMark, verdicts, type ScaleFigures } from './targets.ts';
import { growthChart } from './chart.ts';
import { machineSpeed } from './calibrate.ts';

const projectRoot = new URL('../..', import.meta.url).pathname;
const node = join(projectRoot, 'node_modules/.bin/node');

const { values } = parseArgs({
  options: {
    articles: { type: 'string' },
    policies: { type: 'string' },
    sizes: { type: 'string' },
    chart: { type: 'string', default: join(projectRoot, 'scripts/bench/results/growth.svg') },
    seed: { type: 'string', default: '1' },
    random: { type: 'string', default: '200' },
    names: { type: 'string', default: '100' },
    'pdf-issues': { type: 'string', default: '20' },
    'pdf-archive': { type: 'boolean', default: false },
    components: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
  },
});
const wholeNumber = (text: string, name: string, least: number) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < least) {
    console.error(`${name} 应为不小于 ${least} 的整数，实为“${text}”`);
    process.exit(2);
  }
  return n;
};
const sizes = values.sizes ? [...new Set(values.sizes.split(',').map((s) => wholeNumber(s.trim(), '--sizes 的每一项', 7)))].sort((a, b) => a - b) : [];
const headline = values.articles ? wholeNumber(values.articles, '--articles', 7) : sizes.length ? Math.max(...sizes) : 7000;
if (!sizes.includes(headline)) sizes.push(headline), sizes.sort((a, b) => a - b);
const policiesFor = (articles: number) => (values.policies && articles === headline ? wholeNumber(values.policies, '--policies', 0) : Math.round(articles / 7));
const seed = Number(values.seed);
/** The share of articles whose bodies use MDX components (--components, a percentage). */
const componentShare = Number(values.components) / 100;
if (!(componentShare >= 0 && componentShare <= 1)) {
  console.error(`--components 应为 0 到 100 之间的百分数，实为“${values.components}”`);
  process.exit(2);
}

// The PDF sample and the search measurements print and search with Chromium.
exitUnlessChromium('运行基准测试');

const log = (line: string) => console.error(`[bench] ${line}`);
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const GB = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;

/** Runs a command in a project copy as its own process, sampling its memory (and its children's). */
async function runSampled(root: string, args: string[]) {
  const start = performance.now();
  const child = spawn(node, args, { cwd: root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'inherit', 'inherit'] });
  const sampler = sampleMemory(child.pid!);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, memory: sampler.stop(), wallSeconds: (performance.now() - start) / 1000 };
}

/** Runs the real build in the project copy, sampling its memory. */
async function buildCopy(root: string, extraArgs: string[] = []) {
  const reportFile = join(root, 'build-report.json');
  const run = await runSampled(root, ['scripts/build.ts', '--report', reportFile, ...extraArgs]);
  if (run.code !== 0) throw new Error(`the build of the synthetic archive failed (exit ${run.code}); see above`);
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as BuildReport;
  return { report, wallSeconds: run.wallSeconds, peakBytes: run.memory.peak, peakByStage: peakByStage(run.memory.samples, report.seconds) };
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
 * changed. Returns what each did.
 */
async function measurePdfSample(issues: number) {
  const sample = makeProjectCopy(projectRoot, 'yaoxun-bench-synthetic-pdf-');
  try {
    const corpus = await writeCorpus(projectRoot, sample.root, { articles: issues * 7, policies: issues, seed: seed + 1, componentShare });
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
const rounded = (record: Record<string, number>, digits = 1) => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, Number(v.toFixed(digits))]));

/** The five first queries (and their second queries) whose bytes are averaged. */
const QUERY_PAIRS: Array<[string, string]> = [
  ['吕梁', '1331工程'],
  ['协同创新中心', '绩效考评'],
  ['重点实验室', '两提一创'],
  ['职业教育', '专项活动'],
  ['高等教育', '脱贫攻坚'],
];

/** Everything measured at one archive size. */
async function measureSize(articles: number, full: boolean) {
  const policies = policiesFor(articles);
  const copy = makeProjectCopy(projectRoot, 'yaoxun-bench-synthetic-');
  try {
    log(`合成语料：${articles} 篇文章、${policies} 份政策文件，种子 ${seed}，目录 ${copy.root}`);
    const corpus = await writeCorpus(projectRoot, copy.root, { articles, policies, seed, componentShare });
    const used = corpus.withComponents;
    log(`${corpus.issues} 期，正文 ${corpus.characters} 字，${used.articles} 篇用组件（图片 ${used.photo}、表格 ${used.table}、附件 ${used.attachment}、注 ${used.note}）；开始构建（不含 PDF）`);
    const build = await buildCopy(copy.root, ['--skip', 'pdf']);
    const dist = join(copy.root, 'dist');
    const size = measureSite(dist);

    log('原版 Pagefind 建索引');
    const stock = await buildStockCopyTimed(dist, (pid) => {
      const sampler = sampleMemory(pid);
      return () => sampler.stop().peak;
    });
    const stockIndexBytes = directoryBytes(join(stock.dir, 'pagefind'));

    let quality: Awaited<ReturnType<typeof evaluate>> | undefined;
    if (full) {
      log('搜索质量（Chromium）');
      quality = await evaluate({ site: dist, random: Number(values.random), mixed: Math.round(Number(values.random) / 5), singles: Math.round(Number(values.random) / 10), seed, names: Number(values.names), stock: { dir: stock.dir } });
    }

    log('搜索传输量与耗时（Chromium，冷启动与第二次查询）');
    const served = await serveEngines({ ours: dist, stock: stock.dir }, stock.remove);
    const cost = { ours: { cold: [] as QueryCost[], warm: [] as QueryCost[] }, stock: { cold: [] as QueryCost[], warm: [] as QueryCost[] } };
    try {
      for (const pair of QUERY_PAIRS) {
        for (const engine of ['ours', 'stock'] as const) {
          const measured = await measureQueries(served.browser, served.origins[engine]!, engine, pair);
          cost[engine].cold.push(measured.cold);
          cost[engine].warm.push(measured.warm);
        }
      }
    } finally {
      await served.close();
    }

    const weight = full ? pageWeight(dist, '/bulletins/2017-01/01/') : undefined;

    let pdfArchive: { seconds: number; counts: Record<string, number>; peakBytes: number } | undefined;
    if (full && values['pdf-archive']) {
      log(`整个档案的 PDF（空缓存）：${corpus.issues} 期、${policies} 份政策文件及各年合订本`);
      const run = await runSampled(copy.root, ['scripts/pdf/index.ts', '--dir', dist, '--cache', join(copy.root, '.build', 'bench-pdf-cache')]);
      if (run.code !== 0) throw new Error(`printing the whole archive failed (exit ${run.code}); see above`);
      pdfArchive = { seconds: run.wallSeconds, counts: countPdfs(dist), peakBytes: run.memory.peak };
    }

    // A publish after an edit: one article changed, the same copy built again with the caches the
    // first build filled (the photos Astro encoded, the index files already compressed).
    let rebuild: Awaited<ReturnType<typeof buildCopy>> | undefined;
    if (full) {
      appendFileSync(join(copy.root, 'content', 'articles', '2017-01', '01.mdx'), '\n本段为基准测试追加的合成文字。\n');
      log('改动一篇文章后再次构建（不含 PDF，缓存已在）');
      rebuild = await buildCopy(copy.root, ['--skip', 'pdf']);
    }

    const stages = build.report.seconds;
    return {
      rebuild: rebuild && { seconds: Object.values(rebuild.report.seconds).reduce((a, b) => a + b, 0), stages: rebuild.report.seconds, peakBytes: rebuild.peakBytes },
      articles,
      issues: corpus.issues,
      withComponents: corpus.withComponents,
      policies,
      buildSeconds: Object.values(stages).reduce((a, b) => a + b, 0),
      stages,
      peakBytes: build.peakBytes,
      peakByStage: build.peakByStage,
      size,
      stock: { seconds: stock.seconds, peakBytes: stock.peakBytes, indexBytes: stockIndexBytes },
      queries: {
        ours: { cold: average(cost.ours.cold), warm: average(cost.ours.warm) },
        stock: { cold: average(cost.stock.cold), warm: average(cost.stock.warm) },
      },
      quality,
      weight,
      pdfArchive,
    };
  } finally {
    if (values.keep) log(`保留了合成项目：${copy.root}`);
    else copy.remove();
  }
}

// This machine's speed, measured before it is busy: build times mean little without it.
const speed = machineSpeed(projectRoot);
log(`本机速度：brotli 10 单核 ${speed.toFixed(2)} MB/s（scripts/bench/calibrate.ts）`);

const runs: Array<Awaited<ReturnType<typeof measureSize>>> = [];
for (const articles of sizes) runs.push(await measureSize(articles, articles === headline));
const main = runs.find((r) => r.articles === headline)!;

const pdf = await measurePdfSample(Number(values['pdf-issues']));
const pdfFirstSeconds = pdf.first.seconds['pdf'] ?? 0;
const pdfDocuments = (pdf.counts['bulletins'] ?? 0) + (pdf.counts['policies'] ?? 0);
const pdfSecondsPerDocument = pdfDocuments ? pdfFirstSeconds / pdfDocuments : 0;
const pdfEstimateSeconds = pdfSecondsPerDocument * (main.issues + main.policies);
const pdfIncrementalSeconds = pdf.second.seconds['pdf'] ?? 0;

const all = main.quality!.byKind.all;
const figures: ScaleFigures = {
  buildSeconds: main.buildSeconds,
  peakMemoryBytes: main.peakBytes,
  coldQueryBytes: main.queries.ours.cold.bytes,
  stockColdQueryBytes: main.queries.stock.cold.bytes,
  warmQueryBytes: main.queries.ours.warm.bytes,
  stockWarmQueryBytes: main.queries.stock.warm.bytes,
  recall: all.ours.recall,
  rPrecision: all.ours.rPrecision,
  articlePageBytes: main.weight!.bytes,
  // The sample prints each issue once and each policy once: its seconds per document.
  pdfSecondsPerIssue: pdfSecondsPerDocument,
  pdfArchiveSeconds: main.pdfArchive?.seconds,
  pdfIncrementalSeconds,
};
const checks = verdicts(figures);

const machine = `${cpus().length} 核，${Math.round(totalmem() / 1024 ** 3)} GB，Node ${process.versions.node}，brotli 10 单核 ${speed.toFixed(2)} MB/s`;
const rows: Array<[string, string, string]> = [
  ['机器', machine, new Date().toISOString().slice(0, 10)],
  ['合成语料', `${main.issues} 期 / ${main.articles} 篇 / ${main.policies} 份政策`, `${main.withComponents.articles} 篇正文用 MDX 组件：图片 ${main.withComponents.photo}、表格 ${main.withComponents.table}、附件 ${main.withComponents.attachment}、注 ${main.withComponents.note}`],
  ['构建分阶段', Object.entries(main.stages).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join('，'), `原版 Pagefind 建索引 ${main.stock.seconds.toFixed(1)} s`],
  ['改动一篇后再次构建', `${main.rebuild!.seconds.toFixed(1)} s`, `${Object.entries(main.rebuild!.stages).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join('，')}；内存峰值 ${GB(main.rebuild!.peakBytes)}（照片和压缩取自第一次构建的缓存，如同发布）`],
  ['各阶段内存峰值', Object.entries(main.peakByStage).map(([k, v]) => `${k} ${GB(v)}`).join('，'), `原版 Pagefind 建索引 ${GB(main.stock.peakBytes)}`],
  ['PDF（样本，空缓存）', `${pdfFirstSeconds.toFixed(1)} s`, `${pdf.counts['bulletins']} 期、${pdf.counts['policies']} 份政策、${pdf.counts['volumes']} 册合订本：${pdf.first.notes['pdf'] ?? ''}`],
  ['PDF（样本，改一篇后）', `${pdfIncrementalSeconds.toFixed(1)} s`, pdf.second.notes['pdf'] ?? ''],
  main.pdfArchive
    ? ['PDF（整个档案，实测）', `${(main.pdfArchive.seconds / 60).toFixed(1)} min`, `${main.pdfArchive.counts['bulletins']} 期、${main.pdfArchive.counts['policies']} 份政策、${main.pdfArchive.counts['volumes']} 册合订本；内存峰值 ${GB(main.pdfArchive.peakBytes)}`]
    : ['PDF（整个档案，推算）', `${(pdfEstimateSeconds / 60).toFixed(0)} min`, `按样本每份 ${pdfSecondsPerDocument.toFixed(2)} s × ${main.issues + main.policies} 份；加 --pdf-archive 实测`],
  ['HTML 页面', `${main.size.htmlPages} 页，${MB(main.size.htmlBytes)}`, `站点共 ${MB(main.size.totalBytes)}`],
  ['搜索索引', MB(main.size.indexBytes), `原版 ${MB(main.stock.indexBytes)}`],
  ['首次查询传输', kB(main.queries.ours.cold.bytes), `原版 ${kB(main.queries.stock.cold.bytes)}；本站 ${byKindNote(main.queries.ours.cold.byKind)}；原版 ${byKindNote(main.queries.stock.cold.byKind)}`],
  ['首次查询耗时', `${main.queries.ours.cold.milliseconds.toFixed(0)} ms`, `原版 ${main.queries.stock.cold.milliseconds.toFixed(0)} ms`],
  ['再次查询传输/耗时', `${kB(main.queries.ours.warm.bytes)} / ${main.queries.ours.warm.milliseconds.toFixed(0)} ms`, `原版 ${kB(main.queries.stock.warm.bytes)} / ${main.queries.stock.warm.milliseconds.toFixed(0)} ms`],
  ['召回率 / R-precision', `${all.ours.recall.toFixed(3)} / ${all.ours.rPrecision.toFixed(3)}`, `原版 ${all.stock!.recall.toFixed(3)} / ${all.stock!.rPrecision.toFixed(3)}（${all.ours.queries} 个查询）`],
  ['文章页', kB(main.weight!.bytes), `gzip ${kB(main.weight!.gzipBytes)}：${main.weight!.parts.map((p) => `${p.file} ${kB(p.bytes)}`).join('，')}`],
];
console.log('| 项目 | 本站 | 说明 |\n|---|---|---|');
for (const [name, value, note] of rows) console.log(`| ${name} | ${value} | ${note} |`);
console.log('\n| 目标 | 实测 | 目标值 | 结果 |\n|---|---:|---|---|');
for (const v of checks) console.log(`| ${v.label} | ${v.value} | ${v.target} | ${verdictMark(v)} |`);
// A kind with no queries in this archive (the 条-level ones, when its policies hold no 条) is left out.
for (const [kind, byEngine] of Object.entries(main.quality!.byKind).filter(([, byEngine]) => byEngine.ours.queries > 0)) {
  console.log(`  ${kind}: ${byEngine.ours.queries} 个查询，召回率 ${byEngine.ours.recall.toFixed(3)} / ${byEngine.stock!.recall.toFixed(3)}，R-precision ${byEngine.ours.rPrecision.toFixed(3)} / ${byEngine.stock!.rPrecision.toFixed(3)}（本站 / 原版）`);
}
if (all.ours.misses.length) console.log(`  本站未满分的查询：${all.ours.misses.slice(0, 10).map((m) => `${m.query}(${m.rPrecision.toFixed(2)})`).join('，')}`);

const growth = runs.map((r) => ({
  articles: r.articles,
  issues: r.issues,
  policies: r.policies,
  buildSeconds: Number(r.buildSeconds.toFixed(1)),
  stageSeconds: rounded(r.stages),
  peakMemoryBytes: r.peakBytes,
  peakMemoryBytesByStage: r.peakByStage,
  indexBytes: r.size.indexBytes,
  coldQueryBytes: Math.round(r.queries.ours.cold.bytes),
  coldQueryBytesByKind: wholeBytes(r.queries.ours.cold.byKind),
  stockSeconds: Number(r.stock.seconds.toFixed(1)),
  stockPeakMemoryBytes: r.stock.peakBytes,
  stockIndexBytes: r.stock.indexBytes,
  stockColdQueryBytes: Math.round(r.queries.stock.cold.bytes),
  stockColdQueryBytesByKind: wholeBytes(r.queries.stock.cold.byKind),
}));
if (runs.length > 1) {
  // The stages that took time in some run (build-data is a move, and the benchmark skips the PDFs).
  const timed = [...new Set(growth.flatMap((g) => Object.keys(g.stageSeconds)))].filter((stage) => growth.some((g) => (g.stageSeconds[stage] ?? 0) > 0));
  console.log(`\n| 文章数 | 构建 s（${timed.join(' / ')}） | 峰值内存 | 索引 | 首次查询 | 原版：建索引 s / 内存 / 索引 / 首次查询 |\n|---:|---|---:|---:|---:|---|`);
  for (const g of growth) {
    console.log(`| ${g.articles} | ${g.buildSeconds}（${timed.map((stage) => g.stageSeconds[stage] ?? 0).join(' / ')}） | ${GB(g.peakMemoryBytes)} | ${MB(g.indexBytes)} | ${kB(g.coldQueryBytes)} | ${g.stockSeconds} / ${GB(g.stockPeakMemoryBytes)} / ${MB(g.stockIndexBytes)} / ${kB(g.stockColdQueryBytes)} |`);
  }
  const chart = growthChart(
    [
      { title: '构建时间', unit: '秒', stockLabel: '原版建索引', points: growth.map((g) => ({ articles: g.articles, ours: g.buildSeconds, stock: g.stockSeconds })) },
      { title: '峰值内存', unit: 'GB', stockLabel: '原版建索引', points: growth.map((g) => ({ articles: g.articles, ours: g.peakMemoryBytes / 1024 ** 3, stock: g.stockPeakMemoryBytes / 1024 ** 3 })) },
      { title: '搜索索引', unit: 'MB', points: growth.map((g) => ({ articles: g.articles, ours: g.indexBytes / 1024 ** 2, stock: g.stockIndexBytes / 1024 ** 2 })) },
      { title: '首次查询传输', unit: 'kB', points: growth.map((g) => ({ articles: g.articles, ours: g.coldQueryBytes / 1024, stock: g.stockColdQueryBytes / 1024 })) },
    ],
    `npm run bench -- --sizes ${sizes.join(',')}，${new Date().toISOString().slice(0, 10)}，${machine}`,
  );
  const chartFile = resolve(values.chart!);
  mkdirSync(dirname(chartFile), { recursive: true });
  writeFileSync(chartFile, chart);
  log(`增长图：${chartFile}`);
}

console.log(
  JSON.stringify({
    date: new Date().toISOString().slice(0, 10),
    machine,
    machineSpeedMBps: Number(speed.toFixed(2)),
    articles: main.articles,
    issues: main.issues,
    componentShare,
    withComponents: main.withComponents,
    policies: main.policies,
    seed,
    buildSeconds: Number(main.buildSeconds.toFixed(1)),
    stageSeconds: rounded(main.stages),
    peakMemoryBytes: main.peakBytes,
    peakMemoryBytesByStage: main.peakByStage,
    rebuildSeconds: Number(main.rebuild!.seconds.toFixed(1)),
    rebuildStageSeconds: rounded(main.rebuild!.stages),
    rebuildPeakMemoryBytes: main.rebuild!.peakBytes,
    pdfSampleDocuments: pdfDocuments,
    pdfSampleSeconds: Number(pdfFirstSeconds.toFixed(1)),
    pdfSecondsPerDocument: Number(pdfSecondsPerDocument.toFixed(2)),
    pdfIncrementalSeconds: Number(pdfIncrementalSeconds.toFixed(1)),
    pdfIncrementalNote: pdf.second.notes['pdf'] ?? '',
    ...(main.pdfArchive ? { pdfArchiveSeconds: Math.round(main.pdfArchive.seconds), pdfArchiveDocuments: main.pdfArchive.counts } : { pdfArchiveSecondsEstimate: Math.round(pdfEstimateSeconds) }),
    htmlPages: main.size.htmlPages,
    htmlBytes: main.size.htmlBytes,
    indexBytes: main.size.indexBytes,
    stockIndexBytes: main.stock.indexBytes,
    stockIndexSeconds: Number(main.stock.seconds.toFixed(1)),
    coldQueryBytes: Math.round(main.queries.ours.cold.bytes),
    stockColdQueryBytes: Math.round(main.queries.stock.cold.bytes),
    coldQueryBytesByKind: wholeBytes(main.queries.ours.cold.byKind),
    stockColdQueryBytesByKind: wholeBytes(main.queries.stock.cold.byKind),
    coldQueryMs: Math.round(main.queries.ours.cold.milliseconds),
    stockColdQueryMs: Math.round(main.queries.stock.cold.milliseconds),
    warmQueryBytes: Math.round(main.queries.ours.warm.bytes),
    stockWarmQueryBytes: Math.round(main.queries.stock.warm.bytes),
    warmQueryMs: Math.round(main.queries.ours.warm.milliseconds),
    queries: all.ours.queries,
    recall: all.ours.recall,
    rPrecision: all.ours.rPrecision,
    stockRecall: all.stock!.recall,
    stockRPrecision: all.stock!.rPrecision,
    articlePageBytes: main.weight!.bytes,
    articlePageGzipBytes: main.weight!.gzipBytes,
    targets: Object.fromEntries(checks.map((v) => [v.id, { value: v.value, target: v.target, met: v.met ?? null, ...(v.over ? { over: v.over } : {}) }])),
    ...(runs.length > 1 ? { growth } : {}),
  }),
);
