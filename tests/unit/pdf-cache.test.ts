import { mkdirSync, mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputHasher, linkedStylesheets, PdfCache, sourcesHash, stylesheetAssets } from '../../scripts/pdf/cache.ts';

const dir = mkdtempSync(join(tmpdir(), 'pdf-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('what a rendered PDF depends on', () => {
  it('finds the stylesheets a page links and the files they load', () => {
    const html = '<link rel="icon" href="/f.svg"><link rel="stylesheet" href="/_astro/a.css"><link rel="stylesheet" href="/_astro/p.css" media="print">';
    expect(linkedStylesheets(html)).toEqual(['/_astro/a.css', '/_astro/p.css']);
    expect(stylesheetAssets('@font-face{src:url(/_astro/x.woff2)format("woff2")}b{background:url("/i.png?v=1")}')).toEqual(['/_astro/x.woff2', '/i.png']);
  });

  it('changes when the page, a stylesheet or a font changes, and only then', () => {
    const site = join(dir, 'site');
    mkdirSync(join(site, '_astro'), { recursive: true });
    writeFileSync(join(site, '_astro/p.css'), '@font-face{src:url(/_astro/x.woff2)}');
    writeFileSync(join(site, '_astro/x.woff2'), 'font v1');
    const html = '<link rel="stylesheet" href="/_astro/p.css"><p>正文</p>';
    const key = () => new InputHasher(site, 'renderer v1').keyFor(html, { firstFolio: 1 });
    const first = key();
    expect(key()).toBe(first);
    expect(new InputHasher(site, 'renderer v1').keyFor(`${html}<p>又一段</p>`, { firstFolio: 1 })).not.toBe(first);
    expect(new InputHasher(site, 'renderer v1').keyFor(html, { firstFolio: 13 })).not.toBe(first);
    expect(new InputHasher(site, 'renderer v2').keyFor(html, { firstFolio: 1 })).not.toBe(first);
    writeFileSync(join(site, '_astro/x.woff2'), 'font v2');
    expect(key()).not.toBe(first);
  });

  it('changes when the rendering code changes: the PDF scripts and the files they run', () => {
    const code = join(dir, 'code');
    mkdirSync(code, { recursive: true });
    writeFileSync(join(code, 'render.ts'), 'export const v = 1;');
    writeFileSync(join(code, 'placement.ts'), 'export const aim = 0.05;');
    writeFileSync(join(code, 'volume-front.css'), 'h1{}');
    const launch = join(dir, 'chromium.ts');
    writeFileSync(launch, "export const args = ['--no-sandbox'];");
    const hash = () => sourcesHash(code, [launch]);
    const first = hash();
    expect(hash()).toBe(first);
    writeFileSync(join(code, 'placement.ts'), 'export const aim = 0.1;');
    const second = hash();
    expect(second).not.toBe(first);
    writeFileSync(join(code, 'volume-front.css'), 'h1{color:red}');
    const third = hash();
    expect(third).not.toBe(second);
    writeFileSync(launch, "export const args = ['--no-sandbox', '--disable-gpu'];");
    expect(hash()).not.toBe(third);
    // A file named but absent counts as such, not as an error.
    expect(sourcesHash(code, [join(dir, 'absent.ts')])).not.toBe(sourcesHash(code));
  });

  it('keeps what a build used and prunes the rest', () => {
    const cacheDir = join(dir, 'cache');
    const first = new PdfCache<{ pages: number }>(cacheDir);
    first.put('a', { pdf: new Uint8Array([1]), info: { pages: 1 } });
    first.put('b', { pdf: new Uint8Array([2]), info: { pages: 2 } });
    const next = new PdfCache<{ pages: number }>(cacheDir);
    expect(next.has('a')).toBe(true);
    expect(next.get('b')?.info).toEqual({ pages: 2 });
    expect(next.get('c')).toBeUndefined();
    expect(next.prune()).toBe(2);
    expect(readdirSync(cacheDir).sort()).toEqual(['b.json', 'b.pdf']);
  });
});
