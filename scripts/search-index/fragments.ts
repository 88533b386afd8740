/**
 * Pagefind's fragments: one file per indexed page, what a result loads to show itself (its URL,
 * text, metadata and filters). A fragment file is gzip of Pagefind's signature followed by JSON
 * (pagefind-format.ts has the other files), read and written only here.
 *
 * Pagefind stores as a page's text the content it indexed, which here is the page in character
 * pairs and their two streams (src/lib/search/index-content.ts), some four times the text. The
 * search page never shows Pagefind's own excerpts (it makes its own from the text), so once the
 * index is written each fragment's content and title are replaced by the text of the record
 * they were made from, as written (index-content.ts readableText): its own spaces (1331 工程),
 * widths and paragraphs, which the pairs do not keep. That also brings a result's fragment back
 * near the size of stock Pagefind's (docs/decisions/002-character-pairs.md).
 *
 * A fragment also carries every filter of its page, though a result shows only a few of them
 * (RESULT_FILTERS); the others (year, topic, 文号, 发文机关…) serve the filter index, which is
 * Pagefind's own. They are dropped from the fragment, where they were most of a policy's bytes
 * (docs/decisions/008-libdeflate-and-result-filters.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { pageBlocks, readableText } from '../../src/lib/search/index-content.ts';
import { replaceFile } from '../lib/files.ts';
import { RESULT_FILTERS, type SearchRecord } from '../../src/lib/build-data.ts';
import { SIGNATURE } from './pagefind-format.ts';

export interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  [field: string]: unknown;
}

export function readFragment(file: string): Fragment {
  return parseFragment(gunzipSync(readFileSync(file)), file);
}

/** A fragment from its file's bytes once gunzipped; `file` names it in errors. */
export function parseFragment(bytes: Buffer, file: string): Fragment {
  const text = bytes.toString('utf8');
  if (!text.startsWith(SIGNATURE)) throw new Error(`${file}: not a Pagefind fragment (no "${SIGNATURE}" signature)`);
  const fragment = JSON.parse(text.slice(SIGNATURE.length)) as Partial<Fragment>;
  if (typeof fragment.url !== 'string' || typeof fragment.content !== 'string' || typeof fragment.meta !== 'object' || !fragment.meta) {
    throw new Error(`${file}: a Pagefind fragment without url, content or meta — has Pagefind's format changed?`);
  }
  return fragment as Fragment;
}

/** Writes a fragment through a temporary file, so that a failure never leaves half a fragment. */
export function writeFragment(file: string, fragment: Fragment): void {
  replaceFile(file, gzipSync(SIGNATURE + JSON.stringify(fragment), { level: 9 }));
}

/** The fragment files of an index written to `pagefindDir`. */
export function fragmentFiles(pagefindDir: string): string[] {
  const dir = join(pagefindDir, 'fragment');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.pf_fragment'))
    .map((name) => join(dir, name));
}

/** The filters of a fragment that a result shows. */
const shownFilters = (filters: unknown): Record<string, string[]> => {
  const all = (filters ?? {}) as Record<string, string[]>;
  return Object.fromEntries(RESULT_FILTERS.filter((key) => all[key] !== undefined).map((key) => [key, all[key]!]));
};

/**
 * Replaces each fragment's indexed content and title with the readable text and title of the
 * record it was made from (`records`, those the index was written from: found by URL), and
 * keeps only the filters a result shows. Returns each page's id (its fragment's name, which is
 * the id a search result carries) by URL.
 */
export function makeFragmentsReadable(pagefindDir: string, records: readonly SearchRecord[]): Map<string, string> {
  const byUrl = new Map(records.map((record) => [record.url, record]));
  const ids = new Map<string, string>();
  for (const file of fragmentFiles(pagefindDir)) {
    const fragment = readFragment(file);
    const record = byUrl.get(fragment.url);
    if (!record) throw new Error(`${file}: a fragment of ${fragment.url}, which none of the search records it was written from has`);
    ids.set(fragment.url, basename(file, '.pf_fragment'));
    writeFragment(file, {
      ...fragment,
      content: readableText(pageBlocks(record)),
      filters: shownFilters(fragment['filters']),
      // The record's own fields, readable, without the empty ones the index writer added (index-part.ts).
      meta: { ...record.meta, title: record.title },
    });
  }
  return ids;
}
