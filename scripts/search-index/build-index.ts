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
 *   node scripts/search-index/build-index.ts [site directory, default dist] [records file]
 */
import { runNodeScript } from '../lib/node-child.ts';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEARCH_RECORDS_FILE, type SearchRecord } from '../../src/lib/build-data.ts';
import { idsFile } from './index-part.ts';
import { mergeIndexes, type IndexPart } from './merge-index.ts';
import { readSearchRecords } from './records.ts';
import { sortGroups, writeOrders } from './order.ts';
import { directoryBytes } from '../lib/files.ts';
import { recompressIndex, summarizeRecompress } from './recompress.ts';

/** What Pagefind writes that the site does not use: its ready-made interfaces, and the worker (the search page runs Pagefind with noWorker). */
export const UNUSED_FILES = [
  'pagefind-worker.js',
  'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css',
  'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js',
];

export interface IndexReport {
  pages: number;
  /** Parts the pages were indexed in, each by a Pagefind process of its own. */
  parts: number;
  /** Bytes under pagefind/, once recompressed. */
  bytes: number;
  /** The recompression's line for the build log. */
  recompressed: string;
  /**
   * Where the time went before the recompression (whose own line, `recompressed`, gives its
   * time): the parts (Pagefind's indexing and writing, the fragments made readable), the merge and orders.
   */
  seconds: { parts: number; merge: number };
}

/**
 * Word positions per index chunk (Pagefind's default is 20,000), as the merge cuts them
 * (merge-index.ts). A query loads the whole chunk each of its words falls in; a query here has
 * a word per character pair, so smaller chunks carry less that the query does not need, while
 * more chunks make the metadata file, which every first query loads, a little larger. The size
 * that loads least, measured at archive scale: docs/decisions/004-index-chunk-size.md.
 */
export const INDEX_CHUNK_SIZE = 3000;

/**
 * The most pages, and the most text, a part holds: a part ends at whichever it reaches first.
 * Pagefind holds everything it is given until it writes, several copies over, and a part's
 * memory grows with its text more than with its records: each run is also indexed as its two
 * streams of pairs (src/lib/search/index-content.ts), and policy records hold about twice the
 * text of article records. Parts, merged (merge-index.ts), bound the indexer's memory whatever
 * the size of the archive; the text bound keeps the parts of long documents as small as the
 * others. The memory measured per part and for one process: docs/decisions/010-index-in-parts.md,
 * 015-content-check-process.md.
 */
export const PART_PAGES = 500;
export const PART_TEXT = 600_000;

/**
 * Parts indexed at once. Pagefind's writing of an index runs on one core, so two parts at a
 * time use both of the build machine's; more would add memory (a part's) without a core to run on.
 */
export const PARTS_AT_ONCE = 2;

/** Where the index's time went, for the build log. */
export const describeSeconds = ({ parts, seconds }: IndexReport) =>
  `${parts} 个部分 ${seconds.parts.toFixed(1)} s（Pagefind 与可读片段，${PARTS_AT_ONCE} 个同时），合并与排序 ${seconds.merge.toFixed(1)} s`;

const INDEX_PART = new URL('./index-part.ts', import.meta.url).pathname;

/** Runs index-part.ts on a records file in a Node process of its own; its error becomes this one, naming the part. */
async function runPart(recordsFile: string, outputPath: string, label: string): Promise<void> {
  const { code, stderr } = await runNodeScript(INDEX_PART, [recordsFile, outputPath]);
  if (code !== 0) throw new Error(`搜索索引${label}：${stderr.trim() || `索引进程退出码 ${code}`}`);
}

/**
 * Indexes the records of `recordsFile` (the build data in `siteDir` unless given) into
 * `siteDir`/pagefind/: in parts of `partPages` records or `partText` characters of text, whichever
 * comes first (PART_PAGES and PART_TEXT unless given), PARTS_AT_ONCE
 * at a time, each in a Pagefind process of its own, merged into one index (merge-index.ts).
 * `cacheDir` keeps the recompressed index files between builds (recompress.ts); without it
 * every file is recompressed. `chunkSize`: INDEX_CHUNK_SIZE unless given (the tests cut smaller chunks).
 */
export async function buildSearchIndex(
  siteDir: string,
  options: { recordsFile?: string | undefined; cacheDir?: string; partPages?: number; partText?: number; chunkSize?: number } = {},
): Promise<IndexReport> {
  const { recordsFile = join(siteDir, SEARCH_RECORDS_FILE), cacheDir, partPages = PART_PAGES, partText: partTextLimit = PART_TEXT, chunkSize = INDEX_CHUNK_SIZE } = options;
  const outputPath = join(siteDir, 'pagefind');
  const partsDir = `${outputPath}.parts`;
  const started = performance.now();
  let pages = 0;
  const parts: IndexPart[] = [];
  // The date orders go to files of their own (order.ts), not to Pagefind.
  const sorts = new Map<string, Record<string, string>>();
  rmSync(partsDir, { recursive: true, force: true });
  mkdirSync(partsDir, { recursive: true });
  let merged: number;
  try {
    const running = new Set<Promise<void>>();
    const failures: Error[] = [];
    let part: SearchRecord[] = [];
    let partText = 0;
    const startPart = async () => {
      const n = parts.length + 1;
      const dir = join(partsDir, String(n));
      const file = `${dir}.jsonl`;
      writeFileSync(file, part.map((record) => JSON.stringify(record)).join('\n'));
      parts.push({ dir, urls: part.map((record) => record.url), ids: new Map() });
      part = [];
      partText = 0;
      const task = runPart(file, dir, `第 ${n} 部分`).catch((error: Error) => void failures.push(error));
      running.add(task);
      void task.finally(() => running.delete(task));
      // No more than PARTS_AT_ONCE parts, and so no more than that many parts' records, at a time.
      while (running.size >= PARTS_AT_ONCE) await Promise.race(running);
    };
    // Records are read as they are indexed: no more than the parts being indexed are held.
    for await (const record of readSearchRecords(recordsFile)) {
      if (failures.length) break;
      sorts.set(record.url, record.sort);
      part.push(record);
      partText += record.title.length + record.blocks.reduce((sum, block) => sum + block.length, 0);
      pages++;
      if (part.length === partPages || partText >= partTextLimit) await startPart();
    }
    if (!failures.length && (part.length || !parts.length)) await startPart();
    await Promise.all(running);
    if (failures.length) throw failures[0]!;
    for (const index of parts) index.ids = new Map(JSON.parse(readFileSync(idsFile(index.dir), 'utf8')) as Array<[string, string]>);
    merged = performance.now();
    const { ids } = mergeIndexes(parts, outputPath, { chunkSize });
    for (const name of UNUSED_FILES) rmSync(join(outputPath, name), { force: true });
    writeOrders(outputPath, sortGroups(sorts, ids));
  } finally {
    rmSync(partsDir, { recursive: true, force: true });
  }
  const seconds = { parts: (merged - started) / 1000, merge: (performance.now() - merged) / 1000 };
  const recompressed = summarizeRecompress(await recompressIndex(outputPath, cacheDir));
  return { pages, parts: parts.length, bytes: directoryBytes(outputPath), recompressed, seconds };
}

if (import.meta.main) {
  const dir = process.argv[2] ?? 'dist';
  const report = await buildSearchIndex(dir, { recordsFile: process.argv[3] });
  console.log(`搜索索引：${report.pages} 个页面，${(report.bytes / 1024).toFixed(1)} kB（${join(dir, 'pagefind')}）；${describeSeconds(report)}；${report.recompressed}`);
}
