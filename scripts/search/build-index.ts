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
 * records' date orders are written beside the index (order.ts), not given to Pagefind. Last,
 * the index is recompressed with Zopfli and libdeflate (recompress.ts).
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
  /** Bytes under pagefind/, once recompressed. */
  bytes: number;
  /** The recompression's line for the build log. */
  recompressed: string;
  /** Where the time went before the recompression (whose own line, `recompressed`, gives its time): Pagefind's indexing and writing, the fragments and orders. */
  seconds: { pagefind: number; fragments: number };
}

/**
 * Word positions per index chunk (Pagefind's default is 20,000). A query loads the whole chunk
 * each of its words falls in; a query here has a word per character pair, so smaller chunks
 * carry less that the query does not need, while more chunks make Pagefind's metadata file,
 * which every first query loads, a little larger. Cold first query on the 7,000-article
 * benchmark archive (`npm run bench`, 2026-11-30): 291.1 kB at 2,000, 289.7 kB at 3,000 and at
 * 4,500, 295.0 kB at 7,000; the default moved 9 % more than 3,000 in an earlier run. Pagefind
 * reads this from the environment of its indexing process and marks it unstable: pagefind is
 * pinned in package.json, and the benchmark shows whether a new version still honours it.
 */
const INDEX_CHUNK_SIZE = '3000';

/**
 * Indexes the records of `recordsFile` (the build data in `siteDir` unless given) into
 * `siteDir`/pagefind/. `cacheDir` keeps the recompressed index files between builds
 * (recompress.ts); without it every file is recompressed.
 */
export async function buildSearchIndex(siteDir: string, options: { recordsFile?: string | undefined; cacheDir?: string } = {}): Promise<IndexReport> {
  const { recordsFile = join(siteDir, SEARCH_RECORDS_FILE), cacheDir } = options;
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = INDEX_CHUNK_SIZE;
  const pagefind = await import('pagefind');
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const outputPath = join(siteDir, 'pagefind');
  let pages = 0;
  // The date orders go to files of their own (order.ts), not to Pagefind.
  const sorts = new Map<string, Record<string, string>>();
  try {
    // Pagefind runs as a separate process; requests in batches keep it busy without flooding
    // it, and pages are read as they are sent, so that no more than a batch is held here.
    let batch: SearchRecord[] = [];
    const send = async () => {
      await Promise.all(
        batch.map(async (record) => {
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
      pages += batch.length;
      batch = [];
    };
    for await (const record of readSearchRecords(recordsFile)) {
      sorts.set(record.url, record.sort);
      batch.push(record);
      if (batch.length === BATCH) await send();
    }
    await send();
    rmSync(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
  } finally {
    // Pagefind's process holds the whole index in memory: it ends before the files are reworked.
    await pagefind.close();
  }
  const indexed = performance.now();
  for (const name of UNUSED_FILES) rmSync(join(outputPath, name), { force: true });
  writeOrders(outputPath, sortGroups(sorts, makeFragmentsReadable(outputPath)));
  const reworked = performance.now();
  const recompressed = summarizeRecompress(await recompressIndex(outputPath, cacheDir));
  return {
    pages,
    bytes: directoryBytes(outputPath),
    recompressed,
    seconds: { pagefind: (indexed - started) / 1000, fragments: (reworked - indexed) / 1000 },
  };
}

if (import.meta.main) {
  const dir = process.argv[2] ?? 'dist';
  const report = await buildSearchIndex(dir, { recordsFile: process.argv[3] });
  console.log(`搜索索引：${report.pages} 个页面，${(report.bytes / 1024).toFixed(1)} kB（${join(dir, 'pagefind')}）；${report.recompressed}`);
}
