/**
 * Builds the site's search index from the built pages, with Pagefind's Node API.
 *
 * Each page that declares `data-pagefind-body` becomes one custom record whose content is its
 * text in overlapping character pairs (src/lib/search/index-content.ts), under the language
 * code of src/lib/search/language.ts.
 * The title is the `title` metadata, in the same encoding, so that Pagefind's title boost
 * applies to it; everything else a result shows (kind, issue, date, status) travels as filters,
 * which, unlike metadata, Pagefind does not index as words.
 *
 *   node scripts/search/build-index.ts [site directory, default dist]
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { encodeContent } from '../../src/lib/search/index-content.ts';
import { SEARCH_LANGUAGE } from '../../src/lib/search/language.ts';
import { extractPage, type PageRecord } from './extract.ts';

/** The URL path of a built HTML file: bulletins/2017-02/index.html → /bulletins/2017-02/. */
/** What Pagefind writes that the site does not use: its ready-made interfaces, and the worker (the search page runs Pagefind with noWorker). */
const UNUSED_FILES = [
  'pagefind-worker.js',
  'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css',
  'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js',
];

export function urlOf(siteDir: string, file: string): string {
  const path = relative(siteDir, file).split(sep).join('/');
  return '/' + path.replace(/(^|\/)index\.html$/, '$1');
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

/** The records of every indexable page of a built site. */
export function collectRecords(siteDir: string): PageRecord[] {
  return htmlFiles(siteDir)
    .sort()
    .flatMap((file) => {
      const record = extractPage(readFileSync(file, 'utf8'), urlOf(siteDir, file));
      return record ? [record] : [];
    });
}

export interface IndexReport {
  pages: number;
  /** Bytes Pagefind wrote under pagefind/. */
  bytes: number;
}

export async function buildSearchIndex(siteDir: string): Promise<IndexReport> {
  const records = collectRecords(siteDir);
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    // Pagefind runs as a separate process; requests in batches keep it busy without flooding it.
    for (let i = 0; i < records.length; i += 200) {
      await Promise.all(
        records.slice(i, i + 200).map(async (record) => {
          // The title is indexed once, as metadata; the content is the rest (Pagefind drops a
          // record without content, so a page that is only a title keeps it there too).
          const body = record.blocks[0] === record.title ? record.blocks.slice(1) : record.blocks;
          const response = await index.addCustomRecord({
            url: record.url,
            content: encodeContent(body.length ? body : [record.title]),
            language: SEARCH_LANGUAGE,
            meta: { ...record.meta, title: encodeContent([record.title]) },
            filters: record.filters,
            sort: record.sort,
          });
          if (response.errors.length) throw new Error(`${record.url}: ${response.errors.join('; ')}`);
        }),
      );
    }
    const outputPath = join(siteDir, 'pagefind');
    rmSync(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
    for (const name of UNUSED_FILES) rmSync(join(outputPath, name), { force: true });
    return { pages: records.length, bytes: directoryBytes(outputPath) };
  } finally {
    await pagefind.close();
  }
}

export function directoryBytes(dir: string): number {
  return readdirSync(dir).reduce((total, name) => {
    const full = join(dir, name);
    const stat = statSync(full);
    return total + (stat.isDirectory() ? directoryBytes(full) : stat.size);
  }, 0);
}

if (import.meta.main) {
  const dir = process.argv[2] ?? 'dist';
  const report = await buildSearchIndex(dir);
  console.log(`搜索索引：${report.pages} 个页面，${(report.bytes / 1024).toFixed(1)} kB（${join(dir, 'pagefind')}）`);
}
