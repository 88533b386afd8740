/**
 * One part of the search index: some of the build's search records, indexed by a Pagefind
 * process of their own, with their fragments given the records' readable text (fragments.ts). The index build
 * (build-index.ts) runs parts two at a time, each in a Node process of its own, and merges what
 * they write (merge-index.ts). Run alone:
 *
 *   node scripts/search-index/index-part.ts <records file> <output directory>
 *
 * writes Pagefind's index into the output directory and, beside it (<output directory>.ids.json),
 * each page's fragment id by URL.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { SEARCH_META_FIELDS, type SearchRecord } from '../../src/lib/build-data.ts';
import { encodeContent, pageBlocks } from '../../src/lib/search/index-content.ts';
import { SEARCH_LANGUAGE } from '../../src/lib/search/language.ts';
import { makeFragmentsReadable } from './fragments.ts';
import { collectRecords } from './records.ts';

/** Records sent to Pagefind at once: enough to keep it busy, few enough not to pile up in its memory. */
const BATCH = 20;

/**
 * The metadata Pagefind is given for a record: every field of SEARCH_META_FIELDS, empty where the
 * record has none (the parts' lists of field names must agree to merge), and the title, encoded.
 */
export const indexedMeta = (record: SearchRecord): Record<string, string> => ({
  ...Object.fromEntries(SEARCH_META_FIELDS.map((field) => [field, record.meta[field] ?? ''])),
  title: encodeContent([record.title]),
});

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
          // The title is indexed once, as metadata; the content is the rest (a page that is only
          // a title, marked titleOnly, keeps it there too: pageBlocks).
          const response = await index.addCustomRecord({
            url: record.url,
            content: encodeContent(pageBlocks(record)),
            language: SEARCH_LANGUAGE,
            meta: indexedMeta(record),
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

/** Where a part's fragment ids by URL are written: beside its index, so that they are not taken for one of Pagefind's files. */
export const idsFile = (outputPath: string) => `${outputPath}.ids.json`;

/** Indexes the records of `recordsFile` into `outputPath`, gives the fragments the records' readable text and writes the ids (idsFile). */
export async function indexPartFile(recordsFile: string, outputPath: string): Promise<void> {
  const records = await collectRecords(recordsFile);
  await indexPart(records, outputPath);
  writeFileSync(idsFile(outputPath), JSON.stringify([...makeFragmentsReadable(outputPath, records)]));
}

if (import.meta.main) {
  const [recordsFile, outputPath] = process.argv.slice(2);
  if (!recordsFile || !outputPath) {
    console.error('用法：node scripts/search-index/index-part.ts <搜索记录文件> <输出目录>');
    process.exit(2);
  }
  try {
    await indexPartFile(recordsFile, outputPath);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
