import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { makeFragmentsReadable, readFragment, writeFragment } from '../../../scripts/search-index/fragments.ts';
import { encodeContent } from '../../../src/lib/search/index-content.ts';

let dir: string;
const fragmentDir = () => join(dir, 'fragment');
function makeIndex(): string {
  dir = mkdtempSync(join(tmpdir(), 'yaoxun-fragments-'));
  mkdirSync(fragmentDir());
  return dir;
}
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('search fragments', () => {
  it('hold the readable text and title in place of the indexed pairs, and only the filters a result shows', () => {
    makeIndex();
    const file = join(fragmentDir(), 'und_1234567.pf_fragment');
    const blocks = ['吕梁学院召开“1331 工程”推进会。', '全省34所本科高校参加。'];
    writeFragment(file, {
      url: '/bulletins/2017-02/01/',
      content: encodeContent(blocks),
      meta: { title: encodeContent(['吕梁学院推进会']) },
      filters: { kind: ['工作要讯'], year: ['2017'], issue: ['2017年第2期'], date: ['2017-05-18'], topic: ['lvliang'] },
      word_count: 40,
    });
    const before = statSync(file).size;
    expect(makeFragmentsReadable(dir)).toEqual(new Map([['/bulletins/2017-02/01/', 'und_1234567']]));
    const fragment = readFragment(file);
    expect(fragment.content).toBe('吕梁学院召开“1331工程”推进会。\n全省34所本科高校参加。');
    expect(fragment.meta['title']).toBe('吕梁学院推进会');
    // Year and topic narrow a search through Pagefind's filter index; the result does not show them.
    expect(fragment.filters).toEqual({ kind: ['工作要讯'], issue: ['2017年第2期'], date: ['2017-05-18'] });
    expect(fragment['word_count']).toBe(40);
    expect(fragment.url).toBe('/bulletins/2017-02/01/');
    expect(statSync(file).size).toBeLessThan(before);
    expect(readdirSync(fragmentDir())).toEqual(['und_1234567.pf_fragment']);
  });

  it('name the file that is not a fragment, and leave it as it was', () => {
    makeIndex();
    const file = join(fragmentDir(), 'und_7654321.pf_fragment');
    const bytes = gzipSync('{"url":"/a/"}');
    writeFileSync(file, bytes);
    expect(() => makeFragmentsReadable(dir)).toThrow(`${file}: not a Pagefind fragment`);
    expect(readFileSync(file)).toEqual(bytes);
    writeFileSync(file, gzipSync('pagefind_dcd{"url":"/a/"}'));
    expect(() => readFragment(file)).toThrow(/und_7654321\.pf_fragment: a Pagefind fragment without url, content or meta/);
  });
});
