/**
 * Rendered PDFs kept between builds (BuildContext.cacheDir), under a hash of everything the
 * rendering depends on: the page's HTML, the stylesheets it links and every file those
 * stylesheets load, the PDF scripts themselves, and the renderer's version (Chromium's and the
 * print fonts' it adds to every page). A page whose hash is unchanged is copied from the cache
 * instead of being rendered again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileForPath } from '../lib/files.ts';

/** The stylesheets a page links, in order. */
export function linkedStylesheets(html: string): string[] {
  return [...html.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /\brel="?stylesheet"?/.test(tag))
    .map((tag) => /\bhref="([^"]+)"/.exec(tag)?.[1])
    .filter((href): href is string => Boolean(href) && href!.startsWith('/'));
}

/** The site files a stylesheet loads: url(/…) references (fonts, images). */
export function stylesheetAssets(css: string): string[] {
  return [...css.matchAll(/url\(\s*["']?(\/[^"')]+)["']?\s*\)/g)].map((m) => m[1]!.split(/[?#]/)[0]!);
}

export class InputHasher {
  private readonly fileHashes = new Map<string, string>();
  private readonly siteDir: string;
  /** What every key includes: the renderer's own sources and the browser version. */
  private readonly base: string;
  constructor(siteDir: string, base: string) {
    this.siteDir = siteDir;
    this.base = base;
  }

  private hashOfFile(path: string): string {
    let hash = this.fileHashes.get(path);
    if (!hash) {
      hash = existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'missing';
      this.fileHashes.set(path, hash);
    }
    return hash;
  }

  /** The key of a page rendered with `variant` (folio offset, 版记 position, metadata…). */
  keyFor(html: string, variant: unknown): string {
    const hash = createHash('sha256').update(this.base).update('\0').update(html).update('\0').update(JSON.stringify(variant));
    for (const href of linkedStylesheets(html)) {
      const file = fileForPath(this.siteDir, href);
      if (!file) continue;
      hash.update(`\0${href}:${this.hashOfFile(file)}`);
      if (!existsSync(file)) continue;
      for (const asset of stylesheetAssets(readFileSync(file, 'utf8'))) {
        const assetFile = fileForPath(this.siteDir, asset);
        if (assetFile) hash.update(`\0${asset}:${this.hashOfFile(assetFile)}`);
      }
    }
    return hash.digest('hex').slice(0, 32);
  }
}

/**
 * The hash of the PDF scripts' own sources (every .ts and .css in `dir`) and of the other files
 * the rendering runs (`others`: the browser's launch flags, how files are served, the fonts'
 * rules): changing how PDFs are made re-renders them all.
 */
export function sourcesHash(dir: string, others: readonly string[] = []): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).filter((n) => /\.(ts|css)$/.test(n)).sort()) hash.update(`${name}\0`).update(readFileSync(join(dir, name)));
  for (const file of others) hash.update(`\0${file}\0`).update(existsSync(file) ? readFileSync(file) : 'missing');
  return hash.digest('hex');
}

/** What is kept with a cached PDF. */
export interface CachedRender<T> {
  pdf: Uint8Array;
  info: T;
}

export class PdfCache<T> {
  private readonly used = new Set<string>();
  private readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  get(key: string): CachedRender<T> | undefined {
    const pdf = join(this.dir, `${key}.pdf`);
    const info = join(this.dir, `${key}.json`);
    if (!existsSync(pdf) || !existsSync(info)) return undefined;
    this.used.add(key);
    return { pdf: readFileSync(pdf), info: JSON.parse(readFileSync(info, 'utf8')) as T };
  }

  /** Whether the cache holds `key` (without taking it). */
  has(key: string): boolean {
    return existsSync(join(this.dir, `${key}.pdf`)) && existsSync(join(this.dir, `${key}.json`));
  }

  put(key: string, entry: CachedRender<T>): void {
    mkdirSync(dirname(join(this.dir, key)), { recursive: true });
    writeFileSync(join(this.dir, `${key}.pdf`), entry.pdf);
    writeFileSync(join(this.dir, `${key}.json`), JSON.stringify(entry.info));
    this.used.add(key);
  }

  /** Removes what this build did not use, so that the cache holds one build's PDFs. */
  prune(): number {
    let removed = 0;
    for (const name of readdirSync(this.dir)) {
      const key = name.replace(/\.(pdf|json)$/, '');
      if (!this.used.has(key)) {
        rmSync(join(this.dir, name), { force: true });
        removed += 1;
      }
    }
    return removed;
  }
}
