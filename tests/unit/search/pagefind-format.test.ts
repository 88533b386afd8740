/**
 * Pagefind's index files as scripts/search-index/pagefind-format.ts reads and writes them: chunks
 * written are what cborg (an independent CBOR decoder) reads as Pagefind's layout, with page
 * numbers as differences; chunks read give back page numbers and the bytes of the rest; word
 * order is Rust's (code points); chunk bounds are cut as Pagefind 1.6.0 cuts them; a damaged
 * file is named.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decode, encode } from 'cborg';
import { afterEach, describe, expect, it } from 'vitest';
import { chunkBody, chunkBounds, compareWords, readChunk, SIGNATURE, writeBody } from '../../../scripts/search-index/pagefind-format.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'yaoxun-pagefind-format-'));
  made.push(dir);
  return dir;
};

/** A chunk as Pagefind lays it out, encoded by cborg: [[word, [[page difference, locations, metadata locations]…], extra]…]. */
const pagefindChunk = (words: Array<[string, Array<[number, number[], number[]]>]>) =>
  gzipSync(Buffer.concat([Buffer.from(SIGNATURE), encode([words.map(([word, postings]) => [word, postings, []])])]));

describe('index chunks', () => {
  it('reads page numbers from their differences and keeps the rest of each posting as its bytes', () => {
    const dir = scratch();
    const file = join(dir, 'und_1.pf_index');
    // Page 3, then 3 + 4 = 7, then 7 + 300 = 307: a page number past 255 takes a wider head.
    writeFileSync(file, pagefindChunk([['山西', [[3, [-25, 4, 9], []], [4, [1], [-1, 11]], [300, [2, 70000], []]]], ['西省', [[0, [5], []]]]]));
    const words = readChunk(file);
    expect(words.map((word) => word.text)).toEqual(['山西', '西省']);
    expect(words[0]!.postings.map((posting) => posting.page)).toEqual([3, 7, 307]);
    expect(words[0]!.postings.map((posting) => decode(Buffer.concat([Buffer.of(0x82), posting.rest])))).toEqual([[[-25, 4, 9], []], [[1], [-1, 11]], [[2, 70000], []]]);
    // Pagefind's measure of a chunk: locations and metadata locations, and one per posting.
    expect(words[0]!.size).toBe((3 + 0 + 1) + (1 + 2 + 1) + (2 + 0 + 1));
  });

  it('writes what it read, byte for byte, and page numbers as differences', () => {
    const dir = scratch();
    const file = join(dir, 'und_1.pf_index');
    const original = pagefindChunk([['1331', [[0, [1, 2], []], [12, [4], []], [1000, [-25, 3], [-1, 2]]]]]);
    writeFileSync(file, original);
    const body = chunkBody(readChunk(file));
    const decoded = decode(body.subarray(SIGNATURE.length)) as unknown[];
    expect(decoded).toEqual([[['1331', [[0, [1, 2], []], [12, [4], []], [1000, [-25, 3], [-1, 2]]], []]]]);
    writeBody(file, body);
    expect(readChunk(file).flatMap((word) => word.postings.map((posting) => posting.page))).toEqual([0, 12, 1012]);
  });

  it('names the file and the byte where a chunk is damaged', () => {
    const dir = scratch();
    const file = join(dir, 'und_2.pf_index');
    const whole = Buffer.concat([Buffer.from(SIGNATURE), encode([[['山西', [[0, [1, 2, 3], []]], []]]])]);
    writeFileSync(file, gzipSync(whole.subarray(0, whole.length - 4)));
    expect(() => readChunk(file)).toThrow(/und_2\.pf_index：索引分块在第 \d+ 字节意外结束/);
    writeFileSync(file, gzipSync(Buffer.concat([Buffer.from(SIGNATURE), Buffer.of(0x9f, 0xff)])));
    expect(() => readChunk(file)).toThrow(/und_2\.pf_index：.*不定长/);
    writeFileSync(file, gzipSync(Buffer.from('not pagefind')));
    expect(() => readChunk(file)).toThrow(/und_2\.pf_index：没有“pagefind_dcd”标记/);
    writeFileSync(file, 'plain text');
    expect(() => readChunk(file)).toThrow(/und_2\.pf_index：不是 gzip/);
  });
});

describe('word order', () => {
  it('orders by code point, as Rust orders strings, where UTF-16 order would not', () => {
    // U+FE4F (﹏) is below U+20000 (𠀀) as code points, above it as UTF-16 units.
    expect(compareWords('﹏', '𠀀')).toBeLessThan(0);
    expect('﹏' < '𠀀').toBe(false);
    expect(compareWords('3', '3月')).toBeLessThan(0);
    expect(compareWords('山西', '山西')).toBe(0);
    expect(['西省', '1331', '山西', '山', '𠀀', '﹏'].sort(compareWords)).toEqual(['1331', '山', '山西', '西省', '﹏', '𠀀']);
  });
});

describe('chunk bounds', () => {
  it('cuts them as Pagefind 1.6.0 does, keeping a last word whole where the cut would fall below its chunk', () => {
    // Taken from Pagefind's own index of the benchmark archive.
    expect(
      chunkBounds([
        { first: '3日', last: '3日' },
        { first: '3月', last: '3月' },
        { first: '4', last: '49' },
        { first: '一针', last: '一针' },
        { first: '一阶', last: '一阶' },
        { first: '丁国', last: '三个' },
        { first: '亲自', last: '亲自' },
        { first: '人', last: '人' },
      ]),
    ).toEqual([
      { from: '3日', to: '3日' },
      { from: '3月', to: '3月' },
      { from: '4', to: '4' },
      { from: '一', to: '一针' },
      { from: '一阶', to: '一阶' },
      { from: '丁', to: '三' },
      { from: '亲', to: '亲' },
      { from: '人', to: '人' },
    ]);
    expect(chunkBounds([{ first: '山西', last: '西省' }])).toEqual([{ from: '山西', to: '西省' }]);
  });
});
