import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { makeFragmentsReadable, readFragment, writeFragment } from '../../../scripts/search-index/fragments.ts';
import { encodeContent } from '../../../src/lib/search/index-content.ts';
import type { SearchRecord } from '../../../src/lib/build-data.ts';

let dir: string;
const fragmentDir = () => join(dir, 'fragment');
function makeIndex(): string {
  dir = mkdtempSync(join(tmpdir(), 'yaoxun-fragments-'));
  mkdirSync(fragmentDir());
  return dir;
}
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('search fragments', () => {
  it('hold their record’s text and title as written in place of the indexed pairs, and only the filters a result shows', () => {
    makeIndex();
    const file = join(fragmentDir(), 'und_1234567.pf_fragment');
    // Spaces of the text's own (1331 工程, a full-width space after 第一条), a full-width digit, an empty block.
    const record: SearchRecord = {
      url: '/bulletins/2017-02/01/',
      title: '吕梁学院推进“1331 工程”',
      blocks: ['吕梁学院召开“1331 工程”推进会。', '', '第一条　全省３４所本科高校参加。'],
      filters: { kind: ['工作要讯'], year: ['2017'], issue: ['2017年第2期'], date: ['2017-05-18'], topic: ['lvliang'] },
      sort: { date: '2017-05-18', written: '2017-05-18' },
      meta: {},
    };
    writeFragment(file, { url: record.url, content: encodeContent(record.blocks), meta: { title: encodeContent([record.title]) }, filters: record.filters, word_count: 40 });
    const before = statSync(file).size;
    expect(makeFragmentsReadable(dir, [record])).toEqual(new Map([['/bulletins/2017-02/01/', 'und_1234567']]));
    const fragment = readFragment(file);
    expect(fragment.content).toBe('吕梁学院召开“1331 工程”推进会。\n第一条　全省３４所本科高校参加。');
    expect(fragment.meta['title']).toBe('吕梁学院推进“1331 工程”');
    // Year and topic narrow a search through Pagefind's filter index; the result does not show them.
    expect(fragment.filters).toEqual({ kind: ['工作要讯'], issue: ['2017年第2期'], date: ['2017-05-18'] });
    expect(fragment['word_count']).toBe(40);
    expect(fragment.url).toBe('/bulletins/2017-02/01/');
    expect(statSync(file).size).toBeLessThan(before);
    expect(readdirSync(fragmentDir())).toEqual(['und_1234567.pf_fragment']);
  });

  it('give a page that is only a title its title as its text', () => {
    makeIndex();
    const file = join(fragmentDir(), 'und_2345678.pf_fragment');
    const record: SearchRecord = { url: '/policies/a/', title: '关于实施“1331 工程”的意见', blocks: [], filters: {}, sort: {}, meta: { titleOnly: '1' } };
    writeFragment(file, { url: record.url, content: encodeContent([record.title]), meta: { title: encodeContent([record.title]), titleOnly: '1' }, filters: {} });
    makeFragmentsReadable(dir, [record]);
    expect(readFragment(file)).toMatchObject({ content: record.title, meta: { title: record.title, titleOnly: '1' } });
  });

  it('name a fragment whose page no record has, and leave it as it was', () => {
    makeIndex();
    const file = join(fragmentDir(), 'und_3456789.pf_fragment');
    writeFragment(file, { url: '/bulletins/2017-02/09/', content: encodeContent(['正文']), meta: { title: encodeContent(['标题']) } });
    const bytes = readFileSync(file);
    expect(() => makeFragmentsReadable(dir, [])).toThrow(`${file}: a fragment of /bulletins/2017-02/09/, which none of the search records it was written from has`);
    expect(readFileSync(file)).toEqual(bytes);
  });

  it('name the file that is not a fragment, and leave it as it was', () => {
    makeIndex();
    const file = join(fragmentDir(), 'und_7654321.pf_fragment');
    const bytes = gzipSync('{"url":"/a/"}');
    writeFileSync(file, bytes);
    expect(() => makeFragmentsReadable(dir, [])).toThrow(`${file}: not a Pagefind fragment`);
    expect(readFileSync(file)).toEqual(bytes);
    writeFileSync(file, gzipSync('pagefind_dcd{"url":"/a/"}'));
    expect(() => readFragment(file)).toThrow(/und_7654321\.pf_fragment: a Pagefind fragment without url, content or meta/);
  });
});
