/**
 * What the search assumes of the installed Pagefind, checked against Pagefind itself: its
 * indexer's output read without the project's own reader where possible (cborg, JSON), and its
 * runtime in Chromium. Each case names the assumptions of docs/search.md it holds; a Pagefind
 * that changes one of them fails here, by name, before it can corrupt an index quietly.
 * The records are made up for the test from phrases of the seed issue.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchRecord } from '../../src/lib/build-data.ts';
import { encodeContent, STREAM_MARK } from '../../src/lib/search/index-content.ts';
import { isUnitChar } from '../../src/lib/search/units.ts';
import { SEARCH_LANGUAGE } from '../../src/lib/search/language.ts';
import { buildSearchIndex, UNUSED_FILES } from '../../scripts/search-index/build-index.ts';
import { indexedMeta, indexPart } from '../../scripts/search-index/index-part.ts';
import { parseFragment } from '../../scripts/search-index/fragments.ts';
import { chunkBounds, readChunk, readFilter, readMeta, SIGNATURE } from '../../scripts/search-index/pagefind-format.ts';
import { PAGEFIND_VERSION } from '../../scripts/search-index/pagefind-version.ts';
import { launchBrowser, serveSite } from '../../scripts/search-index/harness.ts';
import { PROJECT_ROOT } from '../helpers/content-copy.ts';

const RECORDS: SearchRecord[] = [
  {
    url: '/a/',
    title: '山西医科大学调研',
    blocks: ['吴俊清在吕梁市调研“1331工程”实施进展。', '两提一创 专项活动'],
    filters: { kind: ['工作要讯'], year: ['2017'] },
    sort: { date: '2017-05-18', written: '2017-05-18' },
    meta: {},
  },
  {
    url: '/b/',
    title: '高等教育',
    blocks: ['教育厅、教育部与职业教育。', '绩效考评 1331工程'],
    filters: { kind: ['政策文件'], only: ['qzfilteronly'] },
    sort: { date: '2019-03-20', written: '2019-03-12' },
    meta: {},
  },
  {
    url: '/c/#第一条',
    title: '第一条',
    blocks: ['为加强重点学科建设，制定本办法。'],
    filters: { kind: ['政策文件'] },
    sort: { date: '2019-03-20', written: '2019-03-12' },
    meta: { part: '第一条', doc: '示例办法' },
  },
];

/** Word positions per chunk small enough that these few pages fill several chunks. */
const SMALL_CHUNKS = 30;

const made: string[] = [];
const scratch = (label: string) => {
  const dir = mkdtempSync(join(tmpdir(), `yaoxun-pagefind-assumptions-${label}-`));
  made.push(dir);
  return dir;
};

/** Pagefind's own output for RECORDS, as index-part.ts has it written (before fragments.ts and the merge touch it). */
let raw: string;
/** The same records through the whole index stage (parts, merge, orders, recompression), as the site serves it. */
let site: string;

beforeAll(async () => {
  raw = join(scratch('raw'), 'pagefind');
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = String(SMALL_CHUNKS);
  try {
    await indexPart(RECORDS, raw);
  } finally {
    delete process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];
  }
  site = scratch('site');
  const recordsFile = join(scratch('records'), 'search-records.jsonl');
  writeFileSync(recordsFile, RECORDS.map((record) => JSON.stringify(record)).join('\n'));
  await buildSearchIndex(site, { recordsFile });
}, 120_000);

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A Pagefind file's body, read without the project's reader: gunzip, then the signature. */
function body(file: string): Buffer {
  const bytes = gunzipSync(readFileSync(file));
  expect(bytes.subarray(0, SIGNATURE.length).toString('latin1'), file).toBe(SIGNATURE);
  return bytes.subarray(SIGNATURE.length);
}

const entryOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { version: string; languages: Record<string, { hash: string; wasm: string | null; page_count: number }> };
const metaFileOf = (dir: string) => join(dir, `pagefind.${entryOf(dir).languages[SEARCH_LANGUAGE]!.hash}.pf_meta`);

/**
 * A posting's content locations as word positions: each number the difference from the one
 * before; a negative number is a weight mark, not a position.
 */
function positions(locations: readonly number[]): number[] {
  let at = 0;
  return locations.filter((n) => n >= 0).map((n) => (at += n));
}

/** Page number → URL, from the fragments the metadata names. */
const pageUrls = (dir: string) => readMeta(metaFileOf(dir)).pages.map(([id]) => (JSON.parse(body(join(dir, 'fragment', `${id}.pf_fragment`)).toString('utf8')) as { url: string }).url);

describe('Pagefind’s index as the index stage reads it', () => {
  it('is the supported version, one language (und) with no WebAssembly of its own, in the file layout the stage knows', () => {
    const entry = entryOf(raw);
    expect(entry.version).toBe(PAGEFIND_VERSION);
    expect(Object.keys(entry.languages)).toEqual([SEARCH_LANGUAGE]);
    const language = entry.languages[SEARCH_LANGUAGE]!;
    expect(language.wasm).toBeNull();
    expect(language.page_count).toBe(RECORDS.length);
    expect(language.hash).toMatch(new RegExp(`^${SEARCH_LANGUAGE}_[0-9a-f]+$`));
    // The top level: the entry, the runtime, the metadata, the one WebAssembly, and what the stage deletes.
    const top = readdirSync(raw, { withFileTypes: true });
    expect(top.filter((e) => e.isDirectory()).map((e) => e.name).sort()).toEqual(['filter', 'fragment', 'index']);
    expect(top.filter((e) => e.isFile()).map((e) => e.name).sort()).toEqual(
      ['pagefind-entry.json', 'pagefind.js', `pagefind.${language.hash}.pf_meta`, 'wasm.unknown.pagefind', ...UNUSED_FILES].sort(),
    );
    for (const [folder, suffix] of [['index', '.pf_index'], ['filter', '.pf_filter'], ['fragment', '.pf_fragment']] as const) {
      const names = readdirSync(join(raw, folder));
      expect(names.length, folder).toBeGreaterThan(0);
      for (const name of names) expect(name, folder).toMatch(new RegExp(`^${SEARCH_LANGUAGE}_[0-9a-f]+\\${suffix}$`));
    }
    // Every binary suffix is one nginx sends as data (and recompress.ts recompresses).
    const types = readFileSync(join(PROJECT_ROOT, 'scripts/deploy/nginx/snippets/types.conf'), 'utf8');
    for (const suffix of ['pf_meta', 'pf_index', 'pf_fragment', 'pf_filter', 'pagefind']) expect(types).toMatch(new RegExp(`application/octet-stream[^;]*\\b${suffix}\\b`));
  });

  it('lays out the metadata as [version, pages, chunks, filters, sorts, …], each page [fragment, word count, \'\'] with no fragment group', () => {
    const decoded = decode(body(metaFileOf(raw))) as unknown[];
    expect(decoded[0]).toBe(PAGEFIND_VERSION);
    const meta = readMeta(metaFileOf(raw));
    expect(meta.sorts).toEqual([]);
    expect(meta.pages).toHaveLength(RECORDS.length);
    // The third field is the page's fragment group; the merge moves each fragment as a file of its own.
    for (const page of meta.pages) expect(page.slice(2)).toEqual(['']);
    for (const [id] of meta.pages) expect(readdirSync(join(raw, 'fragment'))).toContain(`${id}.pf_fragment`);
    for (const [, , id] of meta.chunks) expect(readdirSync(join(raw, 'index'))).toContain(`${id}.pf_index`);
    for (const [, id] of meta.filters) expect(readdirSync(join(raw, 'filter'))).toContain(`${id}.pf_filter`);
  });

  it('cuts chunks and their bounds as the merge does: by word positions, words in code-point order', () => {
    const meta = readMeta(metaFileOf(raw));
    const chunks = meta.chunks.map(([, , id]) => readChunk(join(raw, 'index', `${id}.pf_index`)));
    expect(chunks.length).toBeGreaterThan(3);
    // A chunk ends with the word that takes it to the size, as merge-index.ts cuts them.
    chunks.forEach((words, i) => {
      const size = words.reduce((sum, word) => sum + word.size, 0);
      if (i < chunks.length - 1) {
        expect(size, `chunk ${i}`).toBeGreaterThanOrEqual(SMALL_CHUNKS);
        expect(size - words.at(-1)!.size, `chunk ${i}`).toBeLessThan(SMALL_CHUNKS);
      }
    });
    // The bounds in the metadata are those chunkBounds works out from the chunks' words.
    const bounds = chunkBounds(chunks.map((words) => ({ first: words[0]!.text, last: words.at(-1)!.text })));
    expect(meta.chunks.map(([from, to]) => ({ from, to }))).toEqual(bounds);
    // Postings in ascending page order (written as differences, which readChunk adds up).
    for (const words of chunks) for (const word of words) expect(word.postings.map((p) => p.page)).toEqual(word.postings.map((p) => p.page).sort((a, b) => a - b));
  });

  it('indexes every token of the content at its own position, separators unindexed, the streams’ marked pairs kept, the title as metadata words', () => {
    const urls = pageUrls(raw);
    const meta = readMeta(metaFileOf(raw));
    // Word → page URL → [content locations, metadata locations], decoded by cborg from the posting's bytes.
    const index = new Map<string, Map<string, [number[], number[]]>>();
    for (const [, , id] of meta.chunks) {
      for (const word of readChunk(join(raw, 'index', `${id}.pf_index`))) {
        const pages = new Map<string, [number[], number[]]>();
        for (const { page, rest } of word.postings) pages.set(urls[page]!, decode(Buffer.concat([Buffer.of(0x82), rest])) as [number[], number[]]);
        index.set(word.text, pages);
      }
    }
    for (const record of RECORDS) {
      const tokens = encodeContent(record.blocks).split(' ');
      tokens.forEach((token, position) => {
        const word = token.toLowerCase();
        if (![...token].some(isUnitChar)) {
          // Punctuation, paragraph and stream marks: a position, but no word.
          expect(index.has(word), `${record.url} “${token}”`).toBe(false);
          return;
        }
        const locations = positions(index.get(word)?.get(record.url)?.[0] ?? []);
        expect(locations, `${record.url} “${token}” at ${position}`).toContain(position);
      });
      expect(tokens.some((token) => token.startsWith(STREAM_MARK))).toBe(true);
      for (const token of encodeContent([record.title]).split(' ').filter((t) => [...t].some(isUnitChar))) {
        expect(index.get(token.toLowerCase())?.get(record.url)?.[1].length ?? 0, `${record.url} title “${token}”`).toBeGreaterThan(0);
      }
    }
    // Filters are not words.
    expect(index.has('qzfilteronly')).toBe(false);
  });

  it('keeps each filter value’s pages as absolute page numbers, in ascending order', () => {
    const urls = pageUrls(raw);
    const meta = readMeta(metaFileOf(raw));
    const found: Record<string, Record<string, string[]>> = {};
    for (const [name, id] of meta.filters) {
      const filter = readFilter(join(raw, 'filter', `${id}.pf_filter`));
      expect(filter.name).toBe(name);
      found[name] = Object.fromEntries(filter.values.map(([value, pages]) => {
        expect(pages).toEqual([...pages].sort((a, b) => a - b));
        return [value, pages.map((page) => urls[page]!)];
      }));
    }
    const expected: Record<string, Record<string, string[]>> = {};
    for (const record of RECORDS) for (const [name, values] of Object.entries(record.filters)) for (const value of values) ((expected[name] ??= {})[value] ??= []).push(record.url);
    expect(found).toEqual(expected);
  });

  it('writes a fragment per page: the signature, then JSON with the url, the content and title as given, and the filters', () => {
    const meta = readMeta(metaFileOf(raw));
    const fragments = meta.pages.map(([id]) => {
      const file = join(raw, 'fragment', `${id}.pf_fragment`);
      return parseFragment(gunzipSync(readFileSync(file)), file);
    });
    expect(fragments.map((f) => f.url)).toEqual(expect.arrayContaining(RECORDS.map((r) => r.url)));
    for (const record of RECORDS) {
      const fragment = fragments.find((f) => f.url === record.url)!;
      expect(fragment.content).toBe(encodeContent(record.blocks));
      expect(fragment.meta).toEqual(indexedMeta(record));
      expect(fragment['filters']).toEqual(record.filters);
    }
  });
});

describe('Pagefind’s runtime as the search page runs it', () => {
  it('reads <html lang> once, inside init(): the page’s swap keeps queries unsegmented, while zh-CN would cut them apart', async () => {
    const browser = await launchBrowser();
    const server = await serveSite(site);
    try {
      const page = await browser.newPage();
      const requested: string[] = [];
      page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      await page.goto(`${server.origin}/__harness/`);
      const found = (await page.evaluate(`import('/__harness/engine.js').then((engine) => engine.rankedIds('1331工程'))`)) as string[];
      expect(found).toHaveLength(2);
      // The page's language is the page's again; the runtime loaded the one WebAssembly and no worker.
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      expect(requested).toContain('/pagefind/wasm.unknown.pagefind');
      expect(requested.filter((path) => path.includes('worker'))).toEqual([]);

      // Control: Pagefind started under zh-CN segments a query, and the phrase of marked pairs
      // that 1331工程 is searched by is not found; started under the search language, it is.
      const phrase = `"${STREAM_MARK}13 ${STREAM_MARK}31 ${STREAM_MARK}工程"`;
      const countUnder = async (language: string) => {
        const fresh = await browser.newPage();
        await fresh.goto(`${server.origin}/__harness/`);
        // A string, out of reach of the test runner's transform of import().
        const count = (await fresh.evaluate(`(async () => {
          document.documentElement.lang = ${JSON.stringify(language)};
          const pagefind = await import('/pagefind/pagefind.js');
          await pagefind.options({ noWorker: true });
          await pagefind.init();
          return ((await pagefind.search(${JSON.stringify(phrase)})) ?? { results: [] }).results.length;
        })()`)) as number;
        await fresh.close();
        return count;
      };
      expect(await countUnder(SEARCH_LANGUAGE)).toBe(2);
      expect(await countUnder('zh-CN')).toBe(0);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 120_000);
});
