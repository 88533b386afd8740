/**
 * Builds the site's search index with Pagefind's Node API, from the build data the site wrote
 * (src/lib/build-data.ts: one record per article, policy page and policy part), never from the
 * built HTML: what a page is, its title, filters and sort keys are what the content said.
 *
 * Each record's content is its text in overlapping character pairs (src/lib/search/index-content.ts),
 * under the language code of src/lib/search/language.ts. The title is the `title` metadata, in
 * the same encoding, so that Pagefind's title boost applies to it. Once written, the fragments
 * get the readable text back (fragments.ts). Everything else a result shows (kind, issue, date,
 * status) travels as filters, which, unlike metadata, Pagefind does not index as words. The
 * pages are indexed in parts, a Pagefind process each, and the parts merged into one index
 * (merge-index.ts), so that the indexer's memory does not grow with the archive. The records'
 * date orders are written beside the index (order.ts), not given to Pagefind. Last, the index
 * is recompressed with Zopfli and libdeflate (recompress.ts).
 *
 *   node scripts/search/build-index.ts [site directory, default dist] [records file]
 */
import { createReadStream, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SEARCH_RECORDS_FILE, type SearchRecord } from '../../src/lib/build-data.ts';
import { encodeContent } from '../../src/lib/search/index-content.ts';
import { SEARCH_LANGUAGE } from '../../src/lib/search/language.ts';
import { makeFragmentsReadable } from './fragments.ts';
import { mergeIndexes, type IndexPart } from './merge-index.ts';
import { sortGroups, writeOrders } from './order.ts';
import { directoryBytes } from '../lib/files.ts';
import { recompressIndex, summarizeRecompress } from './recompress.ts';

/** Records sent to Pagefind at once: enough to keep it busy, few enough not to pile up in its memory. */
const BATCH = 20;

/** What Pagefind writes that the site does not use: its ready-made interfaces, and the worker (the search page runs Pagefind with noWorker). */
const UNUSED_FILES = [
  'pagefind-worker.js',
  'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css',
  'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js',
];

/** The search records of a build, read one line at a time. */
export async function* readSearchRecords(file: string): AsyncGenerator<SearchRecord> {
  if (!existsSync(file)) throw new Error(`${file}：没有搜索记录（应由网站构建写出，见 src/lib/build-data.ts）。请先构建网站。`);
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    line++;
    if (!text.trim()) continue;
    try {
      yield JSON.parse(text) as SearchRecord;
    } catch (error) {
      throw new Error(`${file}:${line}：不是一条搜索记录（${(error as Error).message}）`);
    }
  }
}

/** Every record of a build, at once (the evaluation's truth needs them all). */
export async function collectRecords(file: string): Promise<SearchRecord[]> {
  const records: SearchRecord[] = [];
  for await (const record of readSearchRecords(file)) records.push(record);
  return records;
}

export interface IndexReport {
  pages: number;
  /** Pagefind processes the pages were indexed in, one after another. */
  parts: number;
  /** Bytes under pagefind/, once recompressed. */
  bytes: number;
  /** The recompression's line for the build log. */
  recompressed: string;
  /**
   * Where the time went before the recompression (whose own line, `recompressed`, gives its
   * time): Pagefind's indexing and writing, the fragments made readable, the merge and orders.
   */
  seconds: { pagefind: number; fragments: number; merge: number };
}

/**
 * Word positions per index chunk (Pagefind's default is 20,000), as the merge cuts them
 * (merge-index.ts). A query loads the whole chunk each of its words falls in; a query here has
 * a word per character pair, so smaller chunks carry less that the query does not need, while
 * more chunks make the metadata file, which every first query loads, a little larger. Cold
 * first query on the 7,000-article benchmark archive (`npm run bench`, 2026-11-30): 291.1 kB at
 * 2,000, 289.7 kB at 3,000 and at 4,500, 295.0 kB at 7,000; the default moved 9 % more than
 * 3,000 in an earlier run.
 */
export const INDEX_CHUNK_SIZE = 3000;

/**
 * Pages per Pagefind process. Pagefind holds everything it is given until it writes, several
 * copies over: one process for the 7,912 pages of the 7,000-article benchmark archive peaked
 * at 3.4 GB. Parts of this many pages, indexed one after another and merged (merge-index.ts),
 * bound its memory whatever the size of the archive.
 */
export const PART_PAGES = 1000;

/** Indexes `records` in a Pagefind process of their own, which ends once it has written `outputPath`. */
export async function indexPart(records: readonly SearchRecord[], outputPath: string): Promise<void> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    // Requests in batches keep Pagefind busy without flooding it.
    for (let start = 0; start < records.length; start += BATCH) {
      await Promise.all(
        records.slice(start, start + BATCH).map(async (record) => {
          // The title is indexed once, as metadata; the content is the rest (Pagefind drops a
          // record without content, so a page that is only a title, marked titleOnly, keeps it there too).
          const response = await index.addCustomRecord({
            url: record.url,
            content: encodeContent(record.blocks.length ? record.blocks : [record.title]),
            language: SEARCH_LANGUAGE,
            meta: { ...record.meta, title: encodeContent([record.title]) },
            filters: record.filters,
          });
          if (response.errors.length) throw new Error(`${record.url}: ${response.errors.join('; ')}`);
        }),
      );
    }
    rmSync(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
  } finally {
    // The process holds the whole part in memory: it ends before the next part starts.
    await pagefind.close();
  }
}

/**
 * Indexes the records of `recordsFile` (the build data in `siteDir` unless given) into
 * `siteDir`/pagefind/: in parts of `partPages` records (PART_PAGES unless given), each in a
 * Pagefind process of its own, merged into one index (merge-index.ts). `cacheDir` keeps the
 * recompressed index files between builds (recompress.ts); without it every file is recompressed.
 */
export async function buildSearchIndex(
  siteDir: string,
  options: { recordsFile?: string | undefined; cacheDir?: string; partPages?: number } = {},
): Promise<IndexReport> {
  const { recordsFile = join(siteDir, SEARCH_RECORDS_FILE), cacheDir, partPages = PART_PAGES } = options;
  const outputPath = join(siteDir, 'pagefind');
  const partsDir = `${outputPath}.parts`;
  const seconds = { pagefind: 0, fragments: 0, merge: 0 };
  const timed = async <T>(stage: keyof typeof seconds, work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      seconds[stage] += (performance.now() - started) / 1000;
    }
  };
  let pages = 0;
  const parts: IndexPart[] = [];
  // The date orders go to files of their own (order.ts), not to Pagefind.
  const sorts = new Map<string, Record<string, string>>();
  rmSync(partsDir, { recursive: true, force: true });
  try {
    let part: SearchRecord[] = [];
    const indexNext = async () => {
      const dir = join(partsDir, String(parts.length + 1));
      await timed('pagefind', () => indexPart(part, dir));
      parts.push({ dir, urls: part.map((record) => record.url), ids: await timed('fragments', () => makeFragmentsReadable(dir)) });
      part = [];
    };
    // Records are read as they are indexed: no more than a part is held here.
    for await (const record of readSearchRecords(recordsFile)) {
      sorts.set(record.url, record.sort);
      part.push(record);
      pages++;
      if (part.length === partPages) await indexNext();
    }
    if (part.length || !parts.length) await indexNext();
    await timed('merge', () => {
      const { ids } = mergeIndexes(parts, outputPath, { chunkSize: INDEX_CHUNK_SIZE });
      for (const name of UNUSED_FILES) rmSync(join(outputPath, name), { force: true });
      writeOrders(outputPath, sortGroups(sorts, ids));
    });
  } finally {
    rmSync(partsDir, { recursive: true, force: true });
  }
  const recompressed = summarizeRecompress(await recompressIndex(outputPath, cacheDir));
  return { pages, parts: parts.length, bytes: directoryBytes(outputPath), recompressed, seconds };
}

if (import.meta.main) {
  const dir = process.argv[2] ?? 'dist';
  const report = await buildSearchIndex(dir, { recordsFile: process.argv[3] });
  const { pagefind, fragments, merge } = report.seconds;
  console.log(`搜索索引：${report.pages} 个页面，${(report.bytes / 1024).toFixed(1)} kB（${join(dir, 'pagefind')}）；Pagefind ${pagefind.toFixed(1)} s，分 ${report.parts} 批；片段 ${fragments.toFixed(1)} s；合并与排序 ${merge.toFixed(1)} s；${report.recompressed}`);
}
