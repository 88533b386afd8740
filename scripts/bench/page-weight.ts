/**
 * What each kind of page costs a reader: the HTML plus the CSS and JavaScript it links, raw and
 * compressed (gzip, brotli), read from a built site. Prints figures; asserts nothing.
 *
 *   node scripts/bench/page-weight.ts [dist]
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

export interface PageWeight {
  /** The page's path on the site: /bulletins/2017-02/01/. */
  path: string;
  kind: string;
  raw: number;
  gzip: number;
  brotli: number;
}

/** Which kind of page a path is, for grouping figures. */
export function pageKind(path: string): string {
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return 'home';
  if (parts[0] === 'bulletins') return ['bulletins (list)', 'issue', 'article'][Math.min(parts.length - 1, 2)]!;
  if (['people', 'organizations', 'places', 'topics'].includes(parts[0]!)) return parts.length === 1 ? 'name index' : 'name page';
  return parts[0]!.replace(/\.html$/, '');
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

const ASSET = /<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="(\/[^"]+)"/g;
/** Static imports of a built module (loaded with the page); dynamic import() is loaded on demand and not counted. */
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g;

/** The files a page loads before it is usable: its stylesheets and scripts, and what those scripts import. */
function assetsOf(root: string, html: string): string[] {
  const files = new Set<string>();
  const add = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    if (!file.endsWith('.js')) return;
    for (const m of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) add(join(file, '..', m[1]!));
  };
  for (const m of html.matchAll(ASSET)) add(join(root, decodeURIComponent(m[1]!)));
  return [...files];
}

export function measure(dist: string): PageWeight[] {
  const root = resolve(dist);
  return htmlFiles(root).map((file) => {
    const html = readFileSync(file);
    const assets = assetsOf(root, html.toString('utf8')).map((asset) => readFileSync(asset));
    const sizes = [html, ...assets].reduce(
      (sum, bytes) => ({ raw: sum.raw + bytes.length, gzip: sum.gzip + gzipSync(bytes).length, brotli: sum.brotli + brotliCompressSync(bytes).length }),
      { raw: 0, gzip: 0, brotli: 0 },
    );
    const path = `/${relative(root, file).split(sep).join('/')}`.replace(/index\.html$/, '');
    return { path, kind: pageKind(path), ...sizes };
  });
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1);

function main() {
  const dist = process.argv[2] ?? 'dist';
  if (!existsSync(dist)) {
    console.error(`${dist} 不存在：请先构建（npm run build）`);
    process.exitCode = 1;
    return;
  }
  const pages = measure(dist);
  const kinds = [...new Set(pages.map((p) => p.kind))].sort();
  console.log('kind               pages   largest page (HTML+CSS+JS, kB)       raw  gzip  brotli');
  for (const kind of kinds) {
    const group = pages.filter((p) => p.kind === kind);
    const largest = group.reduce((a, b) => (b.raw > a.raw ? b : a));
    console.log(
      `${kind.padEnd(18)} ${String(group.length).padStart(5)}   ${decodeURIComponent(largest.path).padEnd(34)} ${kB(largest.raw).padStart(6)} ${kB(largest.gzip).padStart(5)} ${kB(largest.brotli).padStart(7)}`,
    );
  }
}

if (import.meta.main) main();
