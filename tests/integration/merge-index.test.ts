/**
 * The search index built in parts, a Pagefind process each, and merged (scripts/search-index/
 * build-index.ts, merge-index.ts), on records made from the seed issue's articles: each article
 * a page, and each of its paragraphs a page of its own, so that there are pages enough to split.
 *   - Split into parts of three pages, the index is the one made in a single part, file for file
 *     and byte for byte.
 *   - It holds what Pagefind's own index of all the pages at once holds: the same chunks under
 *     the same bounds, every word on the same pages at the same locations, the same word counts,
 *     the same filter values on the same pages.
 *   - The site's search, run by Pagefind's own code in Chromium, finds the same pages in the
 *     same order in the merged index as in Pagefind's.
 *   - A single character finds every page that holds it, though its pairs run over many chunks.
 *   - Every file is named by the index's generation and its number; one changed word gives every
 *     file a new name, so that no name (served as immutable) ever names two contents.
 *   - A directory that is not an index, or a damaged chunk, stops the merge naming the file.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { SearchRecord } from '../../src/lib/build-data.ts';
import { buildSearchIndex, INDEX_CHUNK_SIZE } from '../../scripts/search-index/build-index.ts';
import { indexPart } from '../../scripts/search-index/index-part.ts';
import { readFragment } from '../../scripts/search-index/fragments.ts';
import { mergeIndexes } from '../../scripts/search-index/merge-index.ts';
import { readChunk, readFilter, readMeta, SIGNATURE } from '../../scripts/search-index/pagefind-format.ts';
import { CHUNK_STARTS_FILE, extensionChunkWords } from '../../src/lib/search/chunk-starts.ts';
import { fragmentUrls, launchBrowser, serveSite } from '../../scripts/search-index/harness.ts';
import { listFiles } from '../../scripts/lib/files.ts';
import { PROJECT_ROOT } from '../helpers/content-copy.ts';

const ISSUE = '2017-02';
const articlesDir = join(PROJECT_ROOT, 'content/articles', ISSUE);

/** The seed issue's articles as search records: each article, then each of its paragraphs. */
function seedRecords(): SearchRecord[] {
  return readdirSync(articlesDir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .flatMap((name) => {
      const text = readFileSync(join(articlesDir, name), 'utf8');
      const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
      const data = parse(front) as { title: string; issue: string; topics?: string[] };
      const paragraphs = body.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p && !p.startsWith('<') && !p.startsWith('import'));
      const url = `/bulletins/${ISSUE}/${name.replace('.mdx', '')}/`;
      const filters = { kind: ['工作要讯'], issue: [data.issue], ...(data.topics?.length ? { topic: data.topics } : {}) };
      const sort = { date: data.issue, written: data.issue };
      return [
        { url, title: data.title, blocks: paragraphs, filters, sort, meta: {} },
        ...paragraphs.map((paragraph, i) => ({ url: `${url}#段${i + 1}`, title: `${data.title}（第${i + 1}段）`, blocks: [paragraph], filters, sort, meta: { part: `第${i + 1}段` } })),
      ];
    });
}

const made: string[] = [];
const scratch = (label: string) => {
  const dir = mkdtempSync(join(tmpdir(), `yaoxun-merge-${label}-`));
  made.push(dir);
  return dir;
};

let records: SearchRecord[];
let recordsFile: string;
/** Sites holding only pagefind/: built in one part, in parts of three, and by Pagefind alone. */
let whole: string;
let split: string;
let pagefindOwn: string;
let splitParts: number;
/** Built with chunks of FINE_CHUNK_SIZE, so that a common character's pairs run over many chunks, as in a large archive. */
let fine: string;
const FINE_CHUNK_SIZE = 40;

beforeAll(async () => {
  records = seedRecords();
  recordsFile = join(scratch('records'), 'search-records.jsonl');
  writeFileSync(recordsFile, records.map((record) => JSON.stringify(record)).join('\n'));
  whole = scratch('whole');
  split = scratch('split');
  pagefindOwn = scratch('pagefind');
  await buildSearchIndex(whole, { recordsFile });
  splitParts = (await buildSearchIndex(split, { recordsFile, partPages: 3 })).parts;
  // Pagefind's own index of every page at once, chunked as the merge chunks.
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = String(INDEX_CHUNK_SIZE);
  try {
    await indexPart(records, join(pagefindOwn, 'pagefind'));
  } finally {
    delete process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];
  }
  // The search page reads the chunks' first bounds beside the index, as the merge writes them.
  const own = join(pagefindOwn, 'pagefind');
  const ownMeta = readMeta(join(own, readdirSync(own).find((name) => name.endsWith('.pf_meta'))!));
  writeFileSync(join(own, CHUNK_STARTS_FILE), JSON.stringify(ownMeta.chunks.map(([from]) => from)));
  fine = scratch('fine');
  await buildSearchIndex(fine, { recordsFile, chunkSize: FINE_CHUNK_SIZE });
}, 180_000);

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An index as what it says: pages by URL, chunks with their bounds and words by URL, filters by URL. */
function contentsOf(site: string) {
  const dir = join(site, 'pagefind');
  const meta = readMeta(join(dir, readdirSync(dir).find((name) => name.endsWith('.pf_meta'))!));
  const urls = meta.pages.map(([id]) => readFragment(join(dir, 'fragment', `${id}.pf_fragment`)).url);
  return {
    wordCounts: Object.fromEntries(meta.pages.map(([, count], i) => [urls[i]!, count])),
    chunks: meta.chunks.map(([from, to, id]) => ({
      from,
      to,
      words: readChunk(join(dir, 'index', `${id}.pf_index`)).map((word) => ({
        text: word.text,
        postings: word.postings.map(({ page, rest }) => `${urls[page]} ${rest.toString('hex')}`).sort(),
        extra: word.extra.toString('hex'),
      })),
    })),
    filters: Object.fromEntries(
      meta.filters.map(([, id]) => {
        const { name, values } = readFilter(join(dir, 'filter', `${id}.pf_filter`));
        return [name, Object.fromEntries(values.map(([value, pages]) => [value, pages.map((page) => urls[page]!).sort()]))];
      }),
    ),
  };
}

describe('the search index built in parts', () => {
  it('is the same index, byte for byte, however the pages are split', async () => {
    expect(splitParts).toBe(Math.ceil(records.length / 3));
    const files = (site: string) => listFiles(join(site, 'pagefind')).map((file) => relative(site, file));
    const same = (site: string) => {
      expect(files(site)).toEqual(files(whole));
      for (const name of files(whole)) expect(readFileSync(join(site, name)).equals(readFileSync(join(whole, name))), name).toBe(true);
    };
    same(split);
    // Split by text instead: a part ends once it holds a quarter of the text.
    const text = records.reduce((sum, record) => sum + record.title.length + record.blocks.join('').length, 0);
    const byText = scratch('by-text');
    const { parts } = await buildSearchIndex(byText, { recordsFile, partText: Math.ceil(text / 4) });
    // Each part but the last holds a quarter or more, and less than a quarter and one record.
    expect(parts).toBeGreaterThan(2);
    expect(parts).toBeLessThanOrEqual(5);
    same(byText);
  }, 60_000);

  it('is the same index when its parts’ pages carry different metadata (articles alone, then policies’ 条)', async () => {
    // The articles first, each with no metadata, then the paragraphs, each with a `part`: the
    // first parts hold no `part` at all, as a part of articles alone beside a part of policies does.
    const reordered = [...records.filter((r) => !r.meta.part), ...records.filter((r) => r.meta.part)];
    expect(reordered.slice(0, 3).every((r) => Object.keys(r.meta).length === 0)).toBe(true);
    const file = join(scratch('reordered'), 'search-records.jsonl');
    writeFileSync(file, reordered.map((record) => JSON.stringify(record)).join('\n'));
    const [one, parts] = [scratch('reordered-whole'), scratch('reordered-split')];
    await buildSearchIndex(one, { recordsFile: file });
    expect((await buildSearchIndex(parts, { recordsFile: file, partPages: 3 })).parts).toBe(Math.ceil(reordered.length / 3));
    const files = (site: string) => listFiles(join(site, 'pagefind')).map((f) => relative(site, f));
    expect(files(parts)).toEqual(files(one));
    for (const name of files(one)) expect(readFileSync(join(parts, name)).equals(readFileSync(join(one, name))), name).toBe(true);
    // A result's metadata is the record's own: no empty field the index writer added.
    const dir = join(parts, 'pagefind', 'fragment');
    const metas = readdirSync(dir).map((name) => readFragment(join(dir, name)).meta);
    expect(metas.some((meta) => !('part' in meta))).toBe(true);
    expect(metas.flatMap((meta) => Object.entries(meta)).filter(([, value]) => value === '')).toEqual([]);
  });

  it('holds what Pagefind’s own index of all the pages holds', () => {
    const merged = contentsOf(split);
    const own = contentsOf(pagefindOwn);
    expect(merged.chunks.length).toBeGreaterThan(1);
    expect(Object.keys(merged.wordCounts).sort()).toEqual(records.map((record) => record.url).sort());
    expect(merged.wordCounts).toEqual(own.wordCounts);
    expect(merged.chunks).toEqual(own.chunks);
    expect(merged.filters).toEqual(own.filters);
  });

  it('names every file by the index’s generation and its number, so that a name never names two contents', async () => {
    const dir = join(split, 'pagefind');
    const meta = readMeta(join(dir, readdirSync(dir).find((name) => name.endsWith('.pf_meta'))!));
    const generation = meta.pages[0]![0].slice(0, 8);
    expect(generation).toMatch(/^[0-9a-z]{8}$/);
    // Each kind of file numbered from 0 in base 36, after the generation, in the order the metadata lists them.
    const numbered = (ids: string[]) => ids.map((id) => (id.startsWith(generation) ? parseInt(id.slice(8), 36) : NaN));
    // Pages' fragments: numbered as they first appear (identical pages share one).
    const firstSeen = [...new Set(numbered(meta.pages.map(([id]) => id)))];
    expect(firstSeen).toEqual(firstSeen.map((_, i) => i));
    expect(numbered(meta.chunks.map(([, , id]) => id))).toEqual(meta.chunks.map((_, i) => i));
    expect(numbered(meta.filters.map(([, id]) => id))).toEqual(meta.filters.map((_, i) => i));
    for (const [folder, ids] of [['fragment', meta.pages.map(([id]) => id)], ['index', meta.chunks.map(([, , id]) => id)], ['filter', meta.filters.map(([, id]) => id)]] as const) {
      expect(readdirSync(join(dir, folder)).sort()).toEqual([...new Set(ids)].map((id) => `${id}.pf_${folder === 'index' ? 'index' : folder}`).sort());
    }

    // One word of one page changed: a new generation, so no file keeps a name it had.
    const changed = scratch('changed');
    const edited = records.map((record, i) => (i === 1 ? { ...record, blocks: [`${record.blocks[0]!}改`, ...record.blocks.slice(1)] } : record));
    const editedFile = join(scratch('edited'), 'search-records.jsonl');
    writeFileSync(editedFile, edited.map((record) => JSON.stringify(record)).join('\n'));
    await buildSearchIndex(changed, { recordsFile: editedFile, partPages: 3 });
    const names = (site: string) => new Set(listFiles(join(site, 'pagefind')).filter((file) => /\.pf_(index|fragment|filter)$/.test(file)).map((file) => relative(site, file)));
    const before = names(split);
    expect([...names(changed)].filter((name) => before.has(name))).toEqual([]);
  }, 60_000);

  it('gives the site’s search the same results as Pagefind’s own index', async () => {
    // Queries from the content: the start of each article's title, a phrase from its text, one character.
    const queries = records
      .filter((record) => !record.url.includes('#'))
      .flatMap((record) => [record.title.slice(0, 4), record.blocks[0]!.slice(10, 16), record.title.slice(2, 3)]);
    const browser = await launchBrowser();
    const servers = [await serveSite(split), await serveSite(pagefindOwn)];
    try {
      // The harness page's engine is the search page's (harness-entry.ts); the call is a string,
      // out of reach of the test runner's transform of import().
      const sessions = await Promise.all(
        [split, pagefindOwn].map(async (site, i) => {
          const page = await browser.newPage();
          await page.goto(`${servers[i]!.origin}/__harness/`);
          const urls = fragmentUrls(site);
          return async (query: string) => ((await page.evaluate(`import('/__harness/engine.js').then((engine) => engine.rankedIds(${JSON.stringify(query)}))`)) as string[]).map((id) => urls.get(id));
        }),
      );
      let found = 0;
      for (const query of queries) {
        const results = await sessions[0]!(query);
        found += results.length;
        expect(results, query).toEqual(await sessions[1]!(query));
      }
      expect(found).toBeGreaterThan(queries.length);
    } finally {
      await browser.close();
      for (const server of servers) await server.close();
    }
  }, 120_000);

  it('finds every page that holds a single character, however many chunks its pairs run over', async () => {
    const dir = join(fine, 'pagefind');
    const meta = readMeta(join(dir, readdirSync(dir).find((name) => name.endsWith('.pf_meta'))!));
    const text = (record: SearchRecord) => [record.title, ...record.blocks].join('\n');
    // Of the characters in most pages, those whose pairs run on past their own chunk (the case
    // Pagefind alone gets wrong), and one whose pairs do not.
    const counts = new Map<string, number>();
    for (const record of records) for (const char of new Set(text(record).match(/\p{Script=Han}/gu))) counts.set(char, (counts.get(char) ?? 0) + 1);
    const byPages = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([char]) => char);
    const starts = meta.chunks.map(([from]) => from);
    const spanning = byPages.filter((char) => extensionChunkWords(starts, char).length > 0).slice(0, 5);
    expect(spanning.length).toBe(5);
    const common = [...spanning, byPages.find((char) => extensionChunkWords(starts, char).length === 0)!];
    expect(common.at(-1)).toBeDefined();
    const browser = await launchBrowser();
    const server = await serveSite(fine);
    try {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/__harness/`);
      const urls = fragmentUrls(fine);
      for (const char of common) {
        const found = ((await page.evaluate(`import('/__harness/engine.js').then((engine) => engine.rankedIds(${JSON.stringify(char)}))`)) as string[]).map((id) => urls.get(id));
        expect(found.sort(), char).toEqual(records.filter((record) => text(record).includes(char)).map((record) => record.url).sort());
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }, 120_000);

  it('stops on a directory that is not an index, and on a damaged chunk, naming the file', async () => {
    const notIndex = scratch('not-index');
    const out = join(scratch('out'), 'pagefind');
    expect(() => mergeIndexes([{ dir: notIndex, urls: [], ids: new Map() }], out, { chunkSize: INDEX_CHUNK_SIZE })).toThrow(/pagefind-entry\.json：没有这个文件/);

    const part = join(scratch('part'), 'pagefind');
    await indexPart(records.slice(0, 4), part);
    const chunk = listFiles(join(part, 'index'))[0]!;
    writeFileSync(chunk, Buffer.from(`${SIGNATURE}damaged`));
    const ids = new Map(listFiles(join(part, 'fragment')).map((file) => [readFragment(file).url, relative(join(part, 'fragment'), file).replace('.pf_fragment', '')]));
    expect(() => mergeIndexes([{ dir: part, urls: records.slice(0, 4).map((r) => r.url), ids }], out, { chunkSize: INDEX_CHUNK_SIZE })).toThrow(new RegExp(`${relative(part, chunk).replace('.', '\\.')}：不是 gzip`));
  }, 60_000);
});
