import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { compressDirectory, variantKey } from '../../scripts/build/compress.ts';
import { PROJECT_ROOT } from '../helpers/content-copy.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A small built site: text that compresses, a tiny file, an image, and Pagefind-like gzip files. */
function site(): string {
  dir = mkdtempSync(join(tmpdir(), 'yaoxun-compress-'));
  const page = `<!DOCTYPE html><html lang="zh-CN"><body>${'<p>吴俊清在吕梁市调研“1331工程”实施进展情况。</p>'.repeat(40)}</body></html>`;
  mkdirSync(join(dir, 'bulletins/2017-02'), { recursive: true });
  mkdirSync(join(dir, '_astro'));
  mkdirSync(join(dir, 'pagefind/fragment'), { recursive: true });
  writeFileSync(join(dir, 'bulletins/2017-02/index.html'), page);
  writeFileSync(join(dir, '_astro/Base.abc123.css'), '.site-header { color: #c4161c; }\n'.repeat(50));
  writeFileSync(join(dir, 'pagefind/pagefind-entry.json'), '{"version":"1.6.0"}');
  writeFileSync(join(dir, 'pagefind/pagefind.js'), 'export function search(term) { return term; }\n'.repeat(30));
  writeFileSync(join(dir, 'pagefind/fragment/zh-cn_1a2b3c.pf_fragment'), gzipSync(Buffer.from(page)));
  // A JSON file that is gzip inside, as Pagefind might write one.
  writeFileSync(join(dir, 'pagefind/packed.json'), gzipSync(Buffer.from(page)));
  writeFileSync(join(dir, 'photo.png'), Buffer.alloc(4096, 7));
  return dir;
}

describe('precompression', () => {
  it('reuses the variants of unchanged files from its cache, and drops those no longer used', async () => {
    const root = site();
    const cache = join(root, '..', `${root.split('/').at(-1)}-cache`);
    try {
      await compressDirectory(root, cache);
      const cached = () => new Set(readdirSync(cache).map((name) => name.replace(/\.(gz|br)$/, '')));
      const first = cached();
      expect(first.size).toBe(4);
      // A cached variant is what the next build copies: replace one with a different (fastest
      // quality) compression of the same page, and see exactly those bytes come back.
      const page = readFileSync(join(root, 'bulletins/2017-02/index.html'));
      const key = variantKey(page, 'bulletins/2017-02/index.html');
      const marked = brotliCompressSync(page, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });
      expect(marked).not.toEqual(readFileSync(join(root, 'bulletins/2017-02/index.html.br')));
      writeFileSync(join(cache, `${key}.br`), marked);
      writeFileSync(join(root, '_astro/Base.abc123.css'), '.site-header { color: #9e1016; }\n'.repeat(50));
      await compressDirectory(root, cache);
      expect(readFileSync(join(root, 'bulletins/2017-02/index.html.br'))).toEqual(marked);
      const second = cached();
      expect(second.size).toBe(4);
      expect([...first].filter((k) => !second.has(k))).toHaveLength(1);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('compresses files of the same content at once into one cache entry', async () => {
    const root = site();
    const cache = join(root, '..', `${root.split('/').at(-1)}-same-cache`);
    try {
      const page = readFileSync(join(root, 'bulletins/2017-02/index.html'));
      for (const n of [1, 2, 3]) writeFileSync(join(root, `bulletins/2017-02/copy-${n}.html`), page);
      await compressDirectory(root, cache);
      for (const n of [1, 2, 3]) expect(gunzipSync(readFileSync(join(root, `bulletins/2017-02/copy-${n}.html.gz`)))).toEqual(page);
      expect(readdirSync(cache).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('writes .gz and .br beside each text file, that decompress to the very bytes', async () => {
    const root = site();
    const report = await compressDirectory(root);
    for (const file of ['bulletins/2017-02/index.html', '_astro/Base.abc123.css', 'pagefind/pagefind.js']) {
      const original = readFileSync(join(root, file));
      expect(gunzipSync(readFileSync(join(root, `${file}.gz`)))).toEqual(original);
      expect(brotliDecompressSync(readFileSync(join(root, `${file}.br`)))).toEqual(original);
      // The same Last-Modified (whole seconds) for every variant.
      const seconds = (path: string) => Math.floor(statSync(join(root, path)).mtimeMs / 1000);
      expect(seconds(`${file}.br`)).toBe(seconds(file));
      expect(seconds(`${file}.gz`)).toBe(seconds(file));
    }
    expect(report.files).toBe(4);
    expect(report.gzipFiles).toBe(3);
    expect(report.bytes.brotli).toBeLessThan(report.bytes.gzip);
    expect(report.bytes.gzip).toBeLessThan(report.bytes.original);
  });

  it('leaves alone what would not shrink: a tiny file, images, and gzip already (Pagefind’s files)', async () => {
    const root = site();
    await compressDirectory(root);
    for (const file of ['pagefind/pagefind-entry.json', 'photo.png', 'pagefind/fragment/zh-cn_1a2b3c.pf_fragment', 'pagefind/packed.json']) {
      expect(existsSync(join(root, `${file}.gz`)), file).toBe(false);
      expect(existsSync(join(root, `${file}.br`)), file).toBe(false);
    }
  });

  it('can run again on its own output without compressing the compressed files', async () => {
    const root = site();
    await compressDirectory(root);
    await compressDirectory(root);
    expect(existsSync(join(root, 'bulletins/2017-02/index.html.gz.gz'))).toBe(false);
    expect(existsSync(join(root, 'bulletins/2017-02/index.html.br.gz'))).toBe(false);
  });

  it('runs alone from the command line, and says so when there is nothing to compress', () => {
    const root = site();
    const node = join(PROJECT_ROOT, 'node_modules/.bin/node');
    const script = join(PROJECT_ROOT, 'scripts/build/compress.ts');
    const ok = spawnSync(node, [script, root], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^4 个文本文件 .* → gzip .*brotli/);
    const missing = spawnSync(node, [script, join(root, 'nope')], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('找不到要压缩的目录');
  });
});
