/**
 * Merges search indexes that Pagefind wrote for parts of the site into the one index the site
 * serves, as if Pagefind had indexed every page at once.
 *
 * Why: Pagefind's indexer holds everything it was given until it writes, several copies over
 * (every page's words, the site's word map, the chunks, their encodings), and that grows with
 * the archive past the build's memory target (docs/decisions/010-index-in-parts.md). Indexed in parts of a bounded
 * number of pages, each in a Pagefind process of its own (build-index.ts), it never holds more
 * than a part a process; this merge streams the parts' chunks in word order and holds a chunk of each.
 * A reader's browser sees one index, with one metadata file: Pagefind's own mergeIndex would
 * instead load a metadata file per part on every first query.
 *
 * What the merged index is: the pages of every part, numbered in the order given (the build
 * data's: so that the index does not depend on how the pages were split or in which order
 * Pagefind finished them); each
 * word's postings from every part under those numbers; chunks cut again over the whole word
 * list (`chunkSize`, measured as Pagefind measures it); the filters' values with
 * the pages of every part. Fragments are moved, not rewritten (identical ones stay one file).
 * Beside the index, the chunks' first bounds (src/lib/search/chunk-starts.ts), for the search
 * page to load every chunk the words of a single character are in.
 *
 * Ids: the metadata file, which every first query loads, names every page's fragment and every
 * chunk by its id, and Pagefind's ids (language, then 7 hex digits of a content hash) were much
 * of it at archive scale: random digits do not compress. Here a file's id
 * is the index's generation, 8 base-36 digits of a hash over every file of the merged index, then
 * the file's number in base 36 (`k0x2m9qa0`, `k0x2m9qa1`, …), which gzip stores in a byte or two
 * (what that saves a first query: docs/decisions/011-compressible-ids.md). An id still names one content for
 * ever, as the server's one-year immutable caching needs: a file whose content changes changes
 * the index's hash and so every id, while an index built again from the same content gets the
 * same ids. (The price: after a rebuild that changed anything, a returning reader fetches the
 * fragments again too, not only the metadata and the chunks, which change with any new page.)
 * Anything that does not fit (another version or language, fields this code does not know,
 * sorts, which the site keeps out of Pagefind: order.ts) stops the merge with the file named.
 */
import { createHash, type Hash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHUNK_STARTS_FILE } from '../../src/lib/search/chunk-starts.ts';
import { isStreamWord } from '../../src/lib/search/index-content.ts';
import {
  chunkBody,
  chunkBounds,
  compareWords,
  filterBody,
  metaBody,
  PagefindFormatError,
  readChunk,
  readFilter,
  readMeta,
  writeBody,
  type MetaChunk,
  type MetaIndex,
  type ChunkWord,
  type MetaPage,
} from './pagefind-format.ts';
import { PAGEFIND_VERSION } from './pagefind-version.ts';

const ENTRY = 'pagefind-entry.json';

/** An index Pagefind wrote for some of the pages: its pages' URLs in the order to number them, and each page's fragment id by URL. */
export interface IndexPart {
  dir: string;
  urls: readonly string[];
  ids: ReadonlyMap<string, string>;
}

export interface MergeReport {
  /** Each page's fragment id in the merged index, by URL. */
  ids: Map<string, string>;
}

interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  [field: string]: unknown;
}

function readEntry(dir: string): { entry: Entry; language: string } {
  const file = join(dir, ENTRY);
  if (!existsSync(file)) throw new PagefindFormatError(file, '没有这个文件：不是 Pagefind 写出的索引');
  const entry = JSON.parse(readFileSync(file, 'utf8')) as Entry;
  if (entry.version !== PAGEFIND_VERSION) throw new PagefindFormatError(file, `由 Pagefind ${entry.version} 写出`);
  const languages = Object.keys(entry.languages ?? {});
  if (languages.length !== 1) throw new PagefindFormatError(file, `应有一种语言，实有 ${languages.length} 种（${languages.join('、')}）`);
  return { entry, language: languages[0]! };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Digits of the generation: 8 in base 36, some 41 bits of the index's hash. */
const GENERATION_DIGITS = 8;

/** The generation of an index from its hash (hex): GENERATION_DIGITS base-36 digits. */
export function generationOf(hexDigest: string): string {
  return BigInt(`0x${hexDigest}`).toString(36).padStart(GENERATION_DIGITS, '0').slice(-GENERATION_DIGITS);
}

/** The id of the file numbered `n` in an index of generation `generation`. */
export const fileId = (generation: string, n: number) => `${generation}${n.toString(36)}`;

/**
 * Numbers the files of one directory of the merged index as they are written (under their
 * number alone: `path(n)`) and feeds their bytes to the index's hash; `rename` gives them their
 * final ids once the generation is known.
 */
function numberedFiles(dir: string, suffix: string, hash: Hash) {
  let count = 0;
  const path = (n: number) => join(dir, `${n.toString(36)}${suffix}`);
  return {
    path,
    /** The next number, for a file of these bytes (written by the caller at `path(n)`). */
    add(bytes: Uint8Array): number {
      hash.update(`${suffix} ${count} ${bytes.length}\n`).update(bytes);
      return count++;
    },
    rename(generation: string): void {
      for (let n = 0; n < count; n++) renameSync(path(n), join(dir, `${fileId(generation, n)}${suffix}`));
    },
  };
}

/** The words of a part in order, a chunk at a time; a word out of order is the part's error. */
function* partWords(dir: string, meta: MetaIndex): Generator<ChunkWord> {
  let previous: string | undefined;
  for (const [, , id] of meta.chunks) {
    const file = join(dir, 'index', `${id}.pf_index`);
    for (const word of readChunk(file)) {
      if (previous !== undefined && compareWords(previous, word.text) >= 0) throw new PagefindFormatError(file, `词序不对：“${word.text}”在“${previous}”之后`);
      previous = word.text;
      yield word;
    }
  }
}

/**
 * Merges `parts` into a new index at `outDir` (replaced). The parts' directories are left as they
 * are, less their fragments, which move.
 */
export function mergeIndexes(parts: readonly IndexPart[], outDir: string, options: { chunkSize: number }): MergeReport {
  if (!parts.length) throw new Error('没有可合并的索引部分');
  const entries = parts.map((part) => ({ ...readEntry(part.dir), part }));
  const { entry, language } = entries[0]!;
  const metas = entries.map(({ entry: partEntry, language: partLanguage, part }) => {
    const metaFile = join(part.dir, `pagefind.${partEntry.languages[partLanguage]!.hash}.pf_meta`);
    if (partLanguage !== language || partEntry.version !== entry.version) throw new PagefindFormatError(join(part.dir, ENTRY), `语言或版本（${partLanguage} ${partEntry.version}）与第一部分（${language} ${entry.version}）不同`);
    const meta = readMeta(metaFile);
    if (meta.version !== entry.version) throw new PagefindFormatError(metaFile, `版本 ${meta.version} 与 ${ENTRY} 的 ${entry.version} 不同`);
    if (meta.sorts.length) throw new PagefindFormatError(metaFile, '有 Pagefind 排序；网站的排序不交给 Pagefind（order.ts），合并也不处理');
    return { meta, metaFile };
  }).map(({ meta, metaFile }, _, all) => {
    if (JSON.stringify(meta.rest) !== JSON.stringify(all[0]!.meta.rest)) throw new PagefindFormatError(metaFile, '元数据的其余字段与第一部分不同');
    return meta;
  });

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'index'), { recursive: true });
  mkdirSync(join(outDir, 'filter'), { recursive: true });
  mkdirSync(join(outDir, 'fragment'), { recursive: true });

  // Pages in the parts' order, and in each part in the order of its URLs (not in the order
  // Pagefind happened to finish them); a page's new number by part and old number.
  const pages = metas.flatMap((meta, p) => {
    const { dir, urls, ids } = parts[p]!;
    const place = new Map(urls.map((url, i) => [ids.get(url), i]));
    const url = new Map([...ids].map(([pageUrl, id]) => [id, pageUrl]));
    return meta.pages
      .map((page, number) => {
        if (!place.has(page[0]) || !url.has(page[0])) throw new PagefindFormatError(join(dir, 'fragment', `${page[0]}.pf_fragment`), '元数据里的页面不在这部分的页面之中');
        return { p, number, url: url.get(page[0])!, place: place.get(page[0])!, page };
      })
      .sort((a, b) => a.place - b.place);
  });
  const renumber = metas.map((meta) => new Array<number>(meta.pages.length));
  pages.forEach(({ p, number }, index) => (renumber[p]![number] = index));

  // Every file is written under its number and fed to the index's hash; once all are written,
  // the hash gives the generation and every file its id (fileId).
  const hash = createHash('sha256');
  const fragments = numberedFiles(join(outDir, 'fragment'), '.pf_fragment', hash);
  const indexChunks = numberedFiles(join(outDir, 'index'), '.pf_index', hash);
  const filterFiles = numberedFiles(join(outDir, 'filter'), '.pf_filter', hash);

  // Fragments move, numbered in page order; the same fragment twice (identical pages, as
  // Pagefind itself allows) stays one file.
  const fragmentOf = new Map<string, number>();
  const pageFragments = pages.map(({ p, page: [id] }) => {
    const source = join(parts[p]!.dir, 'fragment', `${id}.pf_fragment`);
    const bytes = readFileSync(source);
    const digest = sha256(bytes);
    let n = fragmentOf.get(digest);
    if (n === undefined) {
      n = fragments.add(bytes);
      fragmentOf.set(digest, n);
      renameSync(source, fragments.path(n));
    }
    return n;
  });

  // Words: a k-way merge of the parts' sorted word lists, cut into chunks as it goes.
  const streams = metas.map((meta, p) => partWords(parts[p]!.dir, meta));
  const heads = streams.map((stream) => stream.next());
  const chunks: Array<{ first: string; last: string; n: number }> = [];
  let chunk: ChunkWord[] = [];
  let chunkSize = 0;
  const flush = () => {
    const body = chunkBody(chunk);
    const n = indexChunks.add(body);
    writeBody(indexChunks.path(n), body);
    chunks.push({ first: chunk[0]!.text, last: chunk.at(-1)!.text, n });
    chunk = [];
    chunkSize = 0;
  };
  for (;;) {
    let smallest: string | undefined;
    for (const head of heads) if (!head.done && (smallest === undefined || compareWords(head.value.text, smallest) < 0)) smallest = head.value.text;
    if (smallest === undefined) break;
    const merged: ChunkWord = { text: smallest, postings: [], extra: Buffer.alloc(0), size: 0 };
    let first = true;
    heads.forEach((head, p) => {
      if (head.done || head.value.text !== smallest) return;
      const { postings, extra, size } = head.value;
      if (!first && !extra.equals(merged.extra)) throw new PagefindFormatError(parts[p]!.dir, `“${smallest}”的附加字段与其他部分不同`);
      first = false;
      merged.extra = extra;
      merged.size += size;
      for (const { page, rest } of postings) merged.postings.push({ page: renumber[p]![page]!, rest });
      heads[p] = streams[p]!.next();
    });
    merged.postings.sort((a, b) => a.page - b.page);
    chunk.push(merged);
    chunkSize += merged.size;
    if (chunkSize >= options.chunkSize) flush();
  }
  if (chunk.length) flush();
  const bounds = chunkBounds(chunks);

  // Filters: each value's pages from every part, under the new numbers.
  const filterValues = new Map<string, Map<string, number[]>>();
  metas.forEach((meta, p) => {
    for (const [, id] of meta.filters) {
      const { name, values } = readFilter(join(parts[p]!.dir, 'filter', `${id}.pf_filter`));
      const byValue = filterValues.get(name) ?? new Map<string, number[]>();
      filterValues.set(name, byValue);
      for (const [value, numbers] of values) {
        const list = byValue.get(value) ?? [];
        byValue.set(value, list);
        for (const number of numbers) list.push(renumber[p]![number]!);
      }
    }
  });
  const filters = [...filterValues].sort(([a], [b]) => compareWords(a, b)).map(([name, byValue]) => {
    const values = [...byValue].sort(([a], [b]) => compareWords(a, b)).map(([value, numbers]): [string, number[]] => [value, numbers.sort((a, b) => a - b)]);
    const body = filterBody(name, values);
    const n = filterFiles.add(body);
    writeBody(filterFiles.path(n), body);
    return { name, n };
  });

  // The metadata under ids made by `id` from a file's number: numbers alone for the hash, then the final ids.
  const metaWith = (id: (n: number) => string) => metaBody({
    version: entry.version,
    pages: pages.map(({ page: [, wordCount, ...rest] }, i): MetaPage => [id(pageFragments[i]!), wordCount, ...rest]),
    chunks: chunks.map(({ n }, i): MetaChunk => [bounds[i]!.from, bounds[i]!.to, id(n)]),
    filters: filters.map(({ name, n }): [string, string] => [name, id(n)]),
    sorts: [],
    rest: metas[0]!.rest,
  });
  hash.update(metaWith((n) => n.toString(36)));
  const generation = generationOf(hash.digest('hex'));
  for (const files of [fragments, indexChunks, filterFiles]) files.rename(generation);
  const body = metaWith((n) => fileId(generation, n));
  const metaHash = `${language}_${sha256(body).slice(0, 11)}`;
  writeBody(join(outDir, `pagefind.${metaHash}.pf_meta`), body);
  writeFileSync(join(outDir, ENTRY), JSON.stringify({ ...entry, languages: { [language]: { ...entry.languages[language]!, hash: metaHash, page_count: pages.length } } }));
  const ids = new Map(pages.map(({ url }, i) => [url, fileId(generation, pageFragments[i]!)]));
  // The chunks' first bounds, for the search page to load every chunk a single unit's words are
  // in (chunk-starts.ts); not those of the streams' chunks, which no single unit begins.
  writeFileSync(join(outDir, CHUNK_STARTS_FILE), JSON.stringify(bounds.map(({ from }) => from).filter((from) => !isStreamWord(from))));

  // Pagefind's own scripts and WebAssembly, the same in every part: the first part's.
  const first = parts[0]!.dir;
  for (const name of readdirSync(first)) {
    if (name === ENTRY || name.endsWith('.pf_meta') || ['index', 'filter', 'fragment'].includes(name)) continue;
    cpSync(join(first, name), join(outDir, name), { recursive: true });
  }
  return { ids };
}
