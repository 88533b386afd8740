/**
 * The index stage's recompression (scripts/search-index/recompress.ts) on files made here as Pagefind
 * makes them (gzip at zlib's default level): the metadata, WebAssembly and filter files (by
 * Zopfli) and the chunks and fragments (by libdeflate) keep their bytes and shrink, other files
 * are left as written, unchanged files come from the cache, a file that is not gzip is named,
 * and a missing libdeflate is one sentence saying what to install.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { recompressIndex } from '../../scripts/search-index/recompress.ts';
import { PROJECT_ROOT } from '../helpers/content-copy.ts';

/** The seed issue's articles, as the text to compress. */
const articles = join(PROJECT_ROOT, 'content/articles/2017-02');
const seedText = readdirSync(articles).sort().map((name) => readFileSync(join(articles, name), 'utf8')).join('\n');

const NODE = join(PROJECT_ROOT, 'node_modules/.bin/node');

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A pagefind/ directory with a metadata file, the WebAssembly, two filters, two chunks, two fragments and pagefind.js, as Pagefind writes them. */
function pagefindDir(): { dir: string; originals: Map<string, Buffer> } {
  const dir = mkdtempSync(join(tmpdir(), 'yaoxun-recompress-'));
  made.push(dir);
  const paragraphs = seedText.split(/\n+/).filter((line) => line.trim());
  const files: Record<string, string> = {
    'pagefind.und_1234567.pf_meta': `pagefind_dcd${JSON.stringify(paragraphs.map((p, i) => [`und_${(i * 7919).toString(16)}`, p.length]))}`,
    'wasm.unknown.pagefind': paragraphs.slice(0, 20).join(' '),
    'filter/und_aaaaaaa.pf_filter': `pagefind_dcd${JSON.stringify(paragraphs.slice(0, 10))}`,
    'filter/und_bbbbbbb.pf_filter': `pagefind_dcd${JSON.stringify(paragraphs.slice(10))}`,
    'index/und_ccccccc.pf_index': `pagefind_dcd${paragraphs.slice(20).join(' ')}`,
    'index/und_ccccccd.pf_index': `pagefind_dcd${paragraphs.slice(5, 15).join(' ')}`,
    'fragment/und_ddddddd.pf_fragment': `pagefind_dcd${JSON.stringify({ url: '/bulletins/2017-02/01/', content: paragraphs.slice(2, 6).join('\n') })}`,
    'fragment/und_dddddde.pf_fragment': `pagefind_dcd${JSON.stringify({ url: '/bulletins/2017-02/02/', content: paragraphs.slice(6, 9).join('\n') })}`,
  };
  const originals = new Map<string, Buffer>();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    const bytes = Buffer.from(text);
    originals.set(name, bytes);
    writeFileSync(join(dir, name), gzipSync(bytes));
  }
  writeFileSync(join(dir, 'pagefind.js'), 'export const x = 1;\n');
  return { dir, originals };
}

describe('recompressing the search index', () => {
  it('keeps every file’s bytes, makes none larger, and leaves other files alone', async () => {
    const { dir, originals } = pagefindDir();
    const before = new Map([...originals.keys()].map((name) => [name, readFileSync(join(dir, name)).length]));
    const report = await recompressIndex(dir);
    expect(report.files).toBe(originals.size);
    for (const [name, bytes] of originals) {
      const file = readFileSync(join(dir, name));
      expect(gunzipSync(file), name).toEqual(bytes);
      expect(file.length, name).toBeLessThanOrEqual(before.get(name)!);
    }
    // Text like the bulletin's compresses better with Zopfli and libdeflate than with zlib's
    // default level: the files of each encoder are smaller.
    for (const kind of [/\.(pf_meta|pf_filter|pagefind)$/, /\.(pf_index|pf_fragment)$/]) {
      const names = [...originals.keys()].filter((name) => kind.test(name));
      const size = (name: string) => readFileSync(join(dir, name)).length;
      expect(names.reduce((sum, name) => sum + size(name), 0), String(kind)).toBeLessThan(names.reduce((sum, name) => sum + before.get(name)!, 0));
    }
    expect(report.replaced).toBeGreaterThan(0);
    expect(report.bytes.after).toBeLessThan(report.bytes.before);
    expect(readFileSync(join(dir, 'pagefind.js'), 'utf8')).toBe('export const x = 1;\n');
  });

  it('takes unchanged files from its cache and drops entries no longer used', async () => {
    const { dir, originals } = pagefindDir();
    const cache = `${dir}-cache`;
    made.push(cache);
    await recompressIndex(dir, cache);
    expect(readdirSync(cache)).toHaveLength(originals.size);
    // Start again from Pagefind's files with one of them changed: the others come from the cache.
    const { dir: again } = pagefindDir();
    const changed = 'filter/und_bbbbbbb.pf_filter';
    writeFileSync(join(again, changed), gzipSync(Buffer.from('pagefind_dcd一篇改过的文章')));
    const report = await recompressIndex(again, cache);
    expect(report.cached).toBe(originals.size - 1);
    expect(readdirSync(cache)).toHaveLength(originals.size);
    expect(gunzipSync(readFileSync(join(again, changed))).toString()).toBe('pagefind_dcd一篇改过的文章');
  });

  it('names a file that is not gzip, and stops', async () => {
    for (const name of ['filter/und_eeeeeee.pf_filter', 'index/und_eeeeeee.pf_index']) {
      const { dir } = pagefindDir();
      writeFileSync(join(dir, name), 'not gzip');
      await expect(recompressIndex(dir)).rejects.toThrow(new RegExp(`${name.replace('.', '\\.')}: not gzip`));
    }
  });

  it('says what to install when libdeflate is missing, for the command alone and for the build', async () => {
    const { dir } = pagefindDir();
    const env = { ...process.env, LIBDEFLATE_GZIP: '/nonexistent/libdeflate-gzip' };
    const alone = spawnSync(NODE, [join(PROJECT_ROOT, 'scripts/search-index/recompress.ts'), join(dir, '..')], { env, encoding: 'utf8' });
    expect(alone.status).toBe(1);
    expect(alone.stderr.trim()).toMatch(/^缺少 libdeflate-gzip.*apt-get install -y libdeflate-tools/);
    const build = spawnSync(NODE, [join(PROJECT_ROOT, 'scripts/build.ts'), '--skip', 'pdf', '--out', join(dir, 'never')], { env, encoding: 'utf8', cwd: PROJECT_ROOT });
    expect(build.status).toBe(1);
    expect(build.stderr).toMatch(/缺少 libdeflate-gzip.*libdeflate-tools/);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });
});
