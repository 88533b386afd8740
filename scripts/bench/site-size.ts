/** Sizes of a built site: its pages, its search index, and one article page's weight. */
import { readFileSync, statSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileForPath, listFiles } from '../lib/files.ts';

export interface SiteSize {
  htmlPages: number;
  htmlBytes: number;
  totalBytes: number;
  indexBytes: number;
  pdfBytes: number;
}

function walk(dir: string, visit: (file: string, bytes: number) => void) {
  for (const file of listFiles(dir)) visit(file, statSync(file).size);
}

export function measureSite(dir: string): SiteSize {
  const size: SiteSize = { htmlPages: 0, htmlBytes: 0, totalBytes: 0, indexBytes: 0, pdfBytes: 0 };
  walk(dir, (file, bytes) => {
    // Precompressed copies (.gz, .br) are not more site, only another encoding of it.
    if (/\.(gz|br)$/.test(file)) return;
    size.totalBytes += bytes;
    if (file.endsWith('.html')) {
      size.htmlPages++;
      size.htmlBytes += bytes;
    }
    if (file.includes('/pagefind/')) size.indexBytes += bytes;
    if (file.endsWith('.pdf')) size.pdfBytes += bytes;
  });
  return size;
}

export interface PageWeight {
  url: string;
  /** HTML + CSS + JS as files, uncompressed; fonts and images apart. */
  bytes: number;
  /** The same, gzip-compressed as a server would send them. */
  gzipBytes: number;
  parts: Array<{ file: string; bytes: number }>;
}

/** The weight of a page as first loaded: its HTML and the stylesheets and scripts it references. */
export function pageWeight(dir: string, url: string): PageWeight {
  const htmlFile = fileForPath(dir, url)!;
  const html = readFileSync(htmlFile, 'utf8');
  const assets = [
    ...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+href="([^"]+)"[^>]+rel="stylesheet"/g),
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
  ].map((m) => m[1]!);
  const files = [htmlFile, ...new Set(assets)].map((asset) => (asset === htmlFile ? asset : join(dir, asset)));
  const parts = files.filter((file) => existsSync(file) && ['.html', '.css', '.js'].includes(extname(file))).map((file) => {
    const body = readFileSync(file);
    return { file: file.slice(dir.length), bytes: body.length, gzip: gzipSync(body).length };
  });
  return {
    url,
    bytes: parts.reduce((sum, part) => sum + part.bytes, 0),
    gzipBytes: parts.reduce((sum, part) => sum + part.gzip, 0),
    parts: parts.map(({ file, bytes }) => ({ file, bytes })),
  };
}
