/**
 * Measures the search on a built site against the pages' own text, beside stock Pagefind
 * (`pagefind --site`, default settings) over the same pages (`--no-stock`: the site's search alone).
 *
 * Queries: the names and terms the articles are tagged with (people, organisations, places,
 * topics) and the policy titles, plus random runs of 2–6 Chinese characters and random runs
 * mixing digits with Chinese, drawn anew on each run (the seed is printed; --seed repeats it).
 * The truth for a query is every indexed page whose text holds it verbatim, the text being the
 * build's own search records (src/lib/build-data.ts), which come from the content; results
 * that lead into a page (a policy's 条, at its anchor) count for their page.
 * recall: share of those pages returned; R-precision: share of them among the first |truth|.
 *
 *   npm run search:eval [-- --site dist] [--random 200] [--mixed 40] [--singles 20] [--seed N] [--no-stock]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'node-html-parser';
import { collectRecords } from './records.ts';
import { searchRecordsFor } from '../build/build-data-stage.ts';
import type { SearchRecord } from '../../src/lib/build-data.ts';
import { randomCharacters, randomMixed, randomPhrases, seededRandom, truthFor, type EvalPage, type EvalQuery, type QueryKind } from './eval-queries.ts';
import { mean, rPrecision, recall } from './metrics.ts';
import { buildStockCopy } from './stock-index.ts';
import { fileForPath } from '../lib/files.ts';
import { openSession, serveEngines, type Engine } from './harness.ts';
import { exitUnlessChromium } from '../lib/chromium.ts';

export interface EvalOptions {
  site: string;
  random: number;
  mixed: number;
  /** Single characters, each of which must find every page that holds it (default 0). */
  singles?: number;
  seed: number;
  /** At most this many of the site's names and terms, drawn at random (all by default). */
  names?: number;
  /** Phrases drawn from inside policy parts (条), judged by part, when the site has any (default 60). */
  clauses?: number;
  /**
   * Stock Pagefind beside the site's search: a copy of the site made already (buildStockCopy),
   * or true to make one here (the default); false measures the site's search alone.
   */
  stock?: boolean | { dir: string };
}

export interface EngineFigures {
  queries: number;
  recall: number;
  rPrecision: number;
  /** Queries whose R-precision fell short, with what ranked first. */
  misses: Array<{ query: string; kind: QueryKind; truth: number; rPrecision: number; top: string[] }>;
}

export interface EvalReport {
  seed: number;
  pages: number;
  /** Stock Pagefind's figures only when it was measured. */
  byKind: Record<QueryKind | 'all', { ours: EngineFigures; stock?: EngineFigures }>;
  /** Every query asked, in order. */
  asked: EvalQuery[];
  /** The names not asked because no page's text holds them verbatim (a tag the text spells otherwise). */
  unfound: EvalQuery[];
}

/** The names and terms the site itself tags its articles with, and its policies' titles. */
function namedQueries(site: string, pages: readonly EvalPage[]): EvalQuery[] {
  const names = new Set<string>();
  for (const page of pages.filter((p) => p.url.startsWith('/bulletins/'))) {
    const html = readFileSync(fileForPath(site, page.url)!, 'utf8');
    const root = parse(html);
    for (const link of root.querySelectorAll('.facets dd a')) names.add(link.text.trim());
  }
  for (const page of pages) if (page.url.startsWith('/policies/')) names.add(page.text.split('\n')[0]!);
  return [...names].filter(Boolean).map((query) => ({ query, kind: 'name' as const }));
}

/** A result's page: /policies/x/#第十条 → /policies/x/. */
export const pageOf = (url: string) => url.replace(/#.*$/, '');

/** Result URLs as pages, each once, in the order their first result ranked. */
export const asPages = (urls: readonly string[]) => [...new Set(urls.map(pageOf))];

/** The build's search records as pages: a page's text is its own record's and its parts'. */
export async function evalPages(recordsFile: string): Promise<EvalPage[]> {
  return pagesOf(await collectRecords(recordsFile));
}

function pagesOf(records: readonly SearchRecord[]): EvalPage[] {
  const byPage = new Map<string, string[]>();
  for (const record of records) {
    const url = pageOf(record.url);
    const texts = byPage.get(url) ?? [];
    // The page's title once (its own record comes first); a part's title is its name, which its text opens with.
    texts.push(...(record.url === url ? [record.title] : []), ...record.blocks);
    byPage.set(url, texts);
  }
  return [...byPage].map(([url, texts]) => ({ url, text: texts.join('\n') }));
}

/**
 * The records of documents that have parts (a policy and its 条), each as the unit a clause-level
 * result is: the page's own record (title and what no part holds) and each part at its anchor.
 */
function partUnits(records: readonly SearchRecord[]): EvalPage[] {
  const parted = new Set(records.filter((r) => r.url.includes('#')).map((r) => pageOf(r.url)));
  return records.filter((r) => parted.has(pageOf(r.url))).map((r) => ({ url: r.url, text: (r.url.includes('#') ? r.blocks : [r.title, ...r.blocks]).join('\n') }));
}

export async function evaluate(options: EvalOptions): Promise<EvalReport> {
  const records = await collectRecords(searchRecordsFor(options.site));
  const pages = pagesOf(records);
  const units = partUnits(records);
  const random = seededRandom(options.seed);
  const names = namedQueries(options.site, pages);
  // Shuffled with the seed, then cut to the sample size.
  for (let i = names.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [names[i], names[j]] = [names[j]!, names[i]!];
  }
  const queries = [
    ...names.slice(0, options.names ?? names.length),
    ...randomPhrases(pages, options.random, random),
    ...randomMixed(pages, options.mixed, random),
    ...randomCharacters(pages, options.singles ?? 0, random),
    // Copied from inside a document's 条: judged by the 条 that holds them.
    ...randomPhrases(units.filter((u) => u.url.includes('#')), units.length ? (options.clauses ?? 60) : 0, random).map((q) => ({ ...q, kind: 'clause' as const })),
  ];
  const stock = options.stock === false ? undefined : typeof options.stock === 'object' ? { dir: options.stock.dir, remove: () => {} } : buildStockCopy(options.site);
  const served = await serveEngines({ ours: options.site, ...(stock ? { stock: stock.dir } : {}) }, () => stock?.remove());
  try {
    const ours = await openSession(served.browser, options.site, served.origins.ours!, 'ours');
    const theirs = stock ? await openSession(served.browser, stock.dir, served.origins.stock!, 'stock') : undefined;
    const rows: Array<{ query: EvalQuery; truth: Set<string>; results: Partial<Record<Engine, string[]>> }> = [];
    const unfound: EvalQuery[] = [];
    for (const query of queries) {
      if (query.kind === 'clause') {
        // By part: our records as they rank; stock Pagefind's sub-results (by heading) as it ranks them.
        const truth = truthFor(units, query.query);
        const inParted = (url: string) => units.some((u) => pageOf(u.url) === pageOf(url));
        const results = { ours: (await ours.search(query.query)).filter(inParted), ...(theirs ? { stock: (await theirs.searchParts(query.query)).filter(inParted) } : {}) };
        rows.push({ query, truth, results });
        continue;
      }
      const truth = truthFor(pages, query.query);
      if (truth.size === 0) {
        unfound.push(query); // a tag the text never spells out verbatim
        continue;
      }
      rows.push({ query, truth, results: { ours: asPages(await ours.search(query.query)), ...(theirs ? { stock: await theirs.search(query.query) } : {}) } });
    }
    const figures = (kind: QueryKind | 'all', engine: Engine): EngineFigures => {
      // 'all' is by page: the clause rows are judged by part and stand apart.
      const selected = rows.filter((row) => (kind === 'all' ? row.query.kind !== 'clause' : row.query.kind === kind));
      const scored = selected.map((row) => ({ row, recall: recall(row.results[engine]!, row.truth), rPrecision: rPrecision(row.results[engine]!, row.truth) }));
      return {
        queries: selected.length,
        recall: mean(scored.map((s) => s.recall)),
        rPrecision: mean(scored.map((s) => s.rPrecision)),
        misses: scored
          .filter((s) => s.rPrecision < 1 || s.recall < 1)
          .map((s) => ({ query: s.row.query.query, kind: s.row.query.kind, truth: s.row.truth.size, rPrecision: s.rPrecision, top: s.row.results[engine]!.slice(0, 3) })),
      };
    };
    const kinds = ['name', 'phrase', 'mixed', 'single', 'all', 'clause'] as const;
    const byKind = Object.fromEntries(kinds.map((kind) => [kind, { ours: figures(kind, 'ours'), ...(stock ? { stock: figures(kind, 'stock') } : {}) }])) as EvalReport['byKind'];
    return { seed: options.seed, pages: pages.length, byKind, asked: rows.map((row) => row.query), unfound };
  } finally {
    await served.close();
  }
}

const KIND_NAMES: Record<QueryKind | 'all', string> = { name: '名称与术语', phrase: '随机2–6字短语', mixed: '数字与汉字混合', single: '单个汉字', all: '全部（按页面）', clause: '条款内的短语（按条款）' };

export function formatReport(report: EvalReport): string {
  const lines = [
    `搜索评测：${report.pages} 个页面，随机种子 ${report.seed}`,
    '',
    '| 查询 | 数量 | 本站 召回率 | 本站 R-precision | Pagefind 原版 召回率 | Pagefind 原版 R-precision |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const [kind, figures] of Object.entries(report.byKind) as Array<[QueryKind | 'all', EvalReport['byKind']['all']]>) {
    // A kind the site has no queries of (条 where no document has them) has no figures; nor stock Pagefind when it was not measured.
    const figure = (value: number | undefined) => (figures.ours.queries && value !== undefined ? value.toFixed(3) : '–');
    lines.push(
      `| ${KIND_NAMES[kind]} | ${figures.ours.queries} | ${figure(figures.ours.recall)} | ${figure(figures.ours.rPrecision)} | ${figure(figures.stock?.recall)} | ${figure(figures.stock?.rPrecision)} |`,
    );
  }
  const misses = [...report.byKind.all.ours.misses, ...report.byKind.clause.ours.misses];
  lines.push('', misses.length ? `本站未达满分的查询（${misses.length}）：` : '本站每个查询都满分。');
  for (const miss of misses.slice(0, 20)) lines.push(`  ${miss.query}（${miss.kind}，应有 ${miss.truth} 页）R-precision ${miss.rPrecision.toFixed(2)}，前列：${miss.top.join(' ')}`);
  const stockMisses = report.byKind.all.stock?.misses;
  if (stockMisses) {
    lines.push(`Pagefind 原版未达满分的查询：${stockMisses.length}，例如：`);
    for (const miss of stockMisses.slice(0, 5)) lines.push(`  ${miss.query}（应有 ${miss.truth} 页）R-precision ${miss.rPrecision.toFixed(2)}`);
  }
  return lines.join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      site: { type: 'string', default: 'dist' },
      random: { type: 'string', default: '200' },
      mixed: { type: 'string', default: '40' },
      singles: { type: 'string', default: '20' },
      seed: { type: 'string' },
      'no-stock': { type: 'boolean', default: false },
    },
  });
  exitUnlessChromium('评测搜索');
  const seed = values.seed ? Number(values.seed) : Date.now() % 2 ** 31;
  const report = await evaluate({ site: values.site, random: Number(values.random), mixed: Number(values.mixed), singles: Number(values.singles), seed, stock: !values['no-stock'] });
  console.log(formatReport(report));
  const all = report.byKind.all;
  const clause = report.byKind.clause;
  console.log(
    JSON.stringify({
      seed,
      pages: report.pages,
      queries: all.ours.queries,
      recall: all.ours.recall,
      rPrecision: all.ours.rPrecision,
      stockRecall: all.stock?.recall,
      stockRPrecision: all.stock?.rPrecision,
      clauseQueries: clause.ours.queries,
      clauseRecall: clause.ours.recall,
      clauseRPrecision: clause.ours.rPrecision,
      stockClauseRecall: clause.stock?.recall,
      stockClauseRPrecision: clause.stock?.rPrecision,
    }),
  );
}

