/**
 * Pagefind's index files, read and written: the one place that knows their layout (the layout
 * below is what PAGEFIND_VERSION writes, checked as each file is read; docs/search.md lists every
 * assumption the search makes of Pagefind, with the test that catches its change).
 *
 * Every index file is gzip of the signature "pagefind_dcd" and a body: JSON for a fragment
 * (fragments.ts), CBOR (RFC 8949) for the rest, each structure a CBOR array in field order. The
 * metadata and filters are read and written with cborg, a small dependency-free codec used by
 * IPLD, rather than by hand; the chunks, most of the index's bytes, by a cursor of this module
 * that reads only their heads and copies the rest (readChunk):
 *   - the metadata, pagefind.<language>_<hash>.pf_meta, which every first query loads:
 *     [version, pages, chunks, filters, sorts, ...further fields], a page being
 *     [fragment id, word count, ...], a chunk [first word, last word, file id] (first and last
 *     cut to the shortest prefixes that still tell neighbouring chunks apart), a filter
 *     [name, file id], a sort [name, page numbers];
 *   - an index chunk, index/<id>.pf_index: [words], a word being [text, postings, extra], a
 *     posting [page number, locations, metadata locations], the postings in ascending page
 *     order, each page number but the first written as its difference from the one before;
 *   - a filter, filter/<id>.pf_filter: [name, values], a value being [text, page numbers].
 * A page number is the page's place in the metadata's page list. Words sort as Rust sorts
 * strings, by UTF-8 bytes (code points).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cborg';
import { compareWords } from '../../src/lib/search/chunk-starts.ts';
import { PAGEFIND_VERSION } from './pagefind-version.ts';

export const SIGNATURE = 'pagefind_dcd';

export type MetaPage = [id: string, wordCount: number, ...rest: unknown[]];
export type MetaChunk = [from: string, to: string, id: string];
export type MetaFilter = [name: string, id: string];
export type FilterValue = [value: string, pages: number[]];

export interface MetaIndex {
  version: string;
  pages: MetaPage[];
  chunks: MetaChunk[];
  filters: MetaFilter[];
  sorts: unknown[];
  /** Fields after the sorts, kept as they are (1.6.0: the metadata fields indexed as words). */
  rest: unknown[];
}

export class PagefindFormatError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}：${problem}（Pagefind 的索引格式变了？写入程序只支持 Pagefind ${PAGEFIND_VERSION}，见 docs/search.md）`);
  }
}

/** The body of a Pagefind index file once gunzipped, without its signature. */
export function pagefindBody(bytes: Uint8Array, file: string): Buffer {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) throw new PagefindFormatError(file, `没有“${SIGNATURE}”标记`);
  return buffer.subarray(SIGNATURE.length);
}

/** A Pagefind file's body: the file gunzipped, without its signature. */
function readBody(file: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = gunzipSync(readFileSync(file));
  } catch (error) {
    throw new PagefindFormatError(file, `不是 gzip（${(error as Error).message}）`);
  }
  return pagefindBody(bytes, file);
}

function readCbor(file: string): unknown {
  const body = readBody(file);
  try {
    return decode(body);
  } catch (error) {
    throw new PagefindFormatError(file, `不是 CBOR（${(error as Error).message}）`);
  }
}

/** The body of a Pagefind CBOR file holding `value`: the signature and the CBOR. */
export function encodeBody(value: unknown): Buffer {
  return Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), encode(value)]);
}

/**
 * Writes a body as a new Pagefind file in gzip's stored form, which costs next to nothing to
 * write and to read: the index's recompression (recompress.ts) gives every such file its final
 * gzip.
 */
export function writeBody(file: string, body: Uint8Array): void {
  writeFileSync(file, gzipSync(body, { level: 0 }));
}

const isArray = (value: unknown, length?: number): value is unknown[] => Array.isArray(value) && (length === undefined || value.length >= length);
const isInts = (value: unknown): value is number[] => Array.isArray(value) && value.every(Number.isInteger);

export function readMeta(file: string): MetaIndex {
  const meta = readCbor(file);
  if (!isArray(meta, 5) || typeof meta[0] !== 'string') throw new PagefindFormatError(file, '元数据不是 [版本, 页面, 分块, 筛选, 排序, …]');
  const [version, pages, chunks, filters, sorts, ...rest] = meta;
  if (!isArray(pages) || !pages.every((page) => isArray(page, 2) && typeof page[0] === 'string' && Number.isInteger(page[1]))) throw new PagefindFormatError(file, '页面不是 [片段, 字数, …]');
  if (!isArray(chunks) || !chunks.every((chunk) => isArray(chunk, 3) && chunk.every((field) => typeof field === 'string'))) throw new PagefindFormatError(file, '分块不是 [首词, 末词, 文件]');
  if (!isArray(filters) || !filters.every((filter) => isArray(filter, 2) && typeof filter[0] === 'string' && typeof filter[1] === 'string')) throw new PagefindFormatError(file, '筛选不是 [名称, 文件]');
  if (!isArray(sorts)) throw new PagefindFormatError(file, '排序不是列表');
  return { version, pages: pages as MetaPage[], chunks: chunks as MetaChunk[], filters: filters as MetaFilter[], sorts, rest };
}

export const metaBody = (meta: MetaIndex): Buffer => encodeBody([meta.version, meta.pages, meta.chunks, meta.filters, meta.sorts, ...meta.rest]);

/**
 * One word of an index chunk as the merge needs it: its text, each posting's page number, and
 * the rest of each posting (its locations and metadata locations) and of the word as the CBOR
 * bytes they were, which a merge copies as they are instead of decoding and encoding the
 * millions of numbers they hold (at archive scale that decoding was a third of a merge done
 * with cborg alone, and most of its garbage collection).
 */
export interface ChunkWord {
  text: string;
  /** Each posting's page number (as a number, not the difference it is written as) and the rest of it. */
  postings: Array<{ page: number; rest: Buffer }>;
  extra: Buffer;
  /** Locations and metadata locations over all postings, plus one per posting: Pagefind 1.6.0's measure of a chunk's size. */
  size: number;
}

/** Reads definite-length CBOR heads and skips items: the subset of RFC 8949 a chunk uses. */
class Cursor {
  offset = 0;
  private readonly bytes: Buffer;
  private readonly file: string;
  constructor(bytes: Buffer, file: string) {
    this.bytes = bytes;
    this.file = file;
  }
  fail(problem: string): never {
    throw new PagefindFormatError(this.file, `索引分块在第 ${this.offset} 字节${problem}`);
  }
  /** A head: its major type and its argument (a length or an unsigned value). */
  head(): { major: number; value: number } {
    if (this.offset >= this.bytes.length) this.fail('意外结束');
    const initial = this.bytes[this.offset++]!;
    const major = initial >> 5;
    const info = initial & 31;
    if (info < 24) return { major, value: info };
    const width = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (!width) this.fail('有不定长或保留的 CBOR 项');
    if (this.offset + width > this.bytes.length) this.fail('意外结束');
    const value = width === 8 ? Number(this.bytes.readBigUInt64BE(this.offset)) : this.bytes.readUIntBE(this.offset, width);
    this.offset += width;
    return { major, value };
  }
  array(): number {
    const { major, value } = this.head();
    if (major !== 4) this.fail('应是数组');
    return value;
  }
  uint(): number {
    const { major, value } = this.head();
    if (major !== 0) this.fail('应是非负整数');
    return value;
  }
  text(): string {
    const { major, value } = this.head();
    if (major !== 3) this.fail('应是字符串');
    const text = this.bytes.toString('utf8', this.offset, this.offset + value);
    this.offset += value;
    return text;
  }
  /** An array of integers, skipped: its length. */
  ints(): number {
    const length = this.array();
    for (let i = 0; i < length; i++) if (this.head().major > 1) this.fail('应是整数');
    return length;
  }
  /** Any item, skipped. */
  skip(): void {
    const { major, value } = this.head();
    if (major === 2 || major === 3) this.offset += value;
    else if (major === 4) for (let i = 0; i < value; i++) this.skip();
    else if (major === 5) for (let i = 0; i < value * 2; i++) this.skip();
    else if (major === 6) this.skip();
  }
  slice(from: number): Buffer {
    return this.bytes.subarray(from, this.offset);
  }
  get done(): boolean {
    return this.offset === this.bytes.length;
  }
}

/** The words of an index chunk, in the chunk's order. */
export function readChunk(file: string): ChunkWord[] {
  const cursor = new Cursor(readBody(file), file);
  if (cursor.array() < 1) cursor.fail('应是 [词表]');
  const count = cursor.array();
  const words: ChunkWord[] = [];
  for (let w = 0; w < count; w++) {
    if (cursor.array() < 3) cursor.fail('的词应是 [词, 页面, 附加]');
    const text = cursor.text();
    const postingCount = cursor.array();
    const postings: ChunkWord['postings'] = [];
    let size = 0;
    let page = 0;
    for (let p = 0; p < postingCount; p++) {
      if (cursor.array() !== 3) cursor.fail(`“${text}”的页面应是 [页号, 位置, 元数据位置]`);
      page += cursor.uint();
      const from = cursor.offset;
      size += cursor.ints() + cursor.ints() + 1;
      postings.push({ page, rest: cursor.slice(from) });
    }
    const from = cursor.offset;
    cursor.skip();
    words.push({ text, postings, extra: cursor.slice(from), size });
  }
  return words;
}

/** A CBOR head, in its shortest form. */
function head(major: number, value: number): Buffer {
  if (value < 24) return Buffer.of((major << 5) | value);
  if (value < 0x100) return Buffer.of((major << 5) | 24, value);
  if (value < 0x10000) return Buffer.of((major << 5) | 25, value >> 8, value & 0xff);
  const bytes = Buffer.alloc(5);
  bytes[0] = (major << 5) | 26;
  bytes.writeUInt32BE(value, 1);
  return bytes;
}

/**
 * The body of an index chunk holding `words` (each word's postings in ascending page order),
 * each posting's rest and each word's extra copied as read.
 */
export function chunkBody(words: readonly ChunkWord[]): Buffer {
  const pieces: Buffer[] = [Buffer.from(SIGNATURE, 'latin1'), head(4, 1), head(4, words.length)];
  for (const word of words) {
    const text = Buffer.from(word.text, 'utf8');
    pieces.push(head(4, 3), head(3, text.length), text, head(4, word.postings.length));
    let previous = 0;
    for (const { page, rest } of word.postings) {
      pieces.push(head(4, 3), head(0, page - previous), rest);
      previous = page;
    }
    pieces.push(word.extra);
  }
  return Buffer.concat(pieces);
}

export function readFilter(file: string): { name: string; values: FilterValue[] } {
  const filter = readCbor(file);
  if (!isArray(filter, 2) || typeof filter[0] !== 'string' || !isArray(filter[1]) || !filter[1].every((value) => isArray(value, 2) && typeof value[0] === 'string' && isInts(value[1]))) {
    throw new PagefindFormatError(file, '筛选不是 [名称, [值, 页号]]');
  }
  return { name: filter[0], values: filter[1] as FilterValue[] };
}

export const filterBody = (name: string, values: readonly FilterValue[]): Buffer => encodeBody([name, values]);

/** Orders strings as Pagefind (Rust) does (the one rule, shared with the search page's). */
export { compareWords };

/**
 * The bounds a chunk is listed under in the metadata, as Pagefind 1.6.0 writes them (checked
 * against Pagefind's own output: tests/integration/pagefind-assumptions.test.ts, docs/search.md
 * assumption 23): for two neighbouring chunks, the first word of
 * the second cut to one character past what it shares with the last word of the first, and that
 * last word cut the same way unless the cut would fall below its own chunk's first bound, when
 * it stays whole. The metadata stays small, and a word's chunk is still found by its bounds.
 */
export function chunkBounds(chunks: ReadonlyArray<{ first: string; last: string }>): Array<{ from: string; to: string }> {
  const bounds = chunks.map(({ first, last }) => ({ from: first, to: last }));
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = [...chunks[i]!.last];
    const b = [...chunks[i + 1]!.first];
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    const to = a.slice(0, common + 1).join('');
    if (compareWords(to, bounds[i]!.from) >= 0) bounds[i]!.to = to;
    bounds[i + 1]!.from = b.slice(0, common + 1).join('');
  }
  return bounds;
}
