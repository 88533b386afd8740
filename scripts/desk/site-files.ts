/**
 * The published site as the 编辑台 shows it: its files served as a static host would (so that a
 * page is previewed with the links, styles and search it is published with), and what a publish
 * changed: the pages and PDFs added, changed and removed, by comparing hashes before and after.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, sep } from 'node:path';
import { contentTypeOf, listFiles, servedFile } from '../lib/files.ts';

/** Sends the file of `dir` that `pathname` names (scripts/lib/files.ts servedFile), or the site's 404 page. */
export function serveStatic(dir: string, pathname: string, res: ServerResponse): void {
  const found = servedFile(dir, pathname);
  const file = found ?? join(dir, '404.html');
  if (!existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('网站尚未构建：请在编辑台点“发布”');
    return;
  }
  res.writeHead(found ? 200 : 404, { 'content-type': contentTypeOf(file), 'cache-control': 'no-cache' });
  createReadStream(file).pipe(res);
}

/** A page or PDF of the site by its address, with a hash of its bytes. */
export function snapshotPages(dir: string): Map<string, string> {
  const pages = new Map<string, string>();
  if (!existsSync(dir)) return pages;
  for (const full of listFiles(dir)) {
    if (!/\.(html|pdf)$/.test(full)) continue;
    const address = `/${full.slice(dir.length + 1).split(sep).join('/')}`.replace(/index\.html$/, '');
    pages.set(address, createHash('sha1').update(readFileSync(full)).digest('hex'));
  }
  return pages;
}

export interface SiteChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

/** The pages added, changed and removed from `before` to `after`, each in address order. */
export function diffPages(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): SiteChanges {
  const sorted = (list: string[]) => list.sort();
  return {
    added: sorted([...after.keys()].filter((k) => !before.has(k))),
    changed: sorted([...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k))),
    removed: sorted([...before.keys()].filter((k) => !after.has(k))),
  };
}
