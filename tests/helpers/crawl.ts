/**
 * Walks the built site from its home page the way a reader's clicks would, collecting every
 * page and every link on it. Used to check that no internal link is broken and to run
 * page-level checks (axe, lang, headings) over every page there is.
 */
import type { APIRequestContext } from '@playwright/test';
import { join, relative } from 'node:path';
import { listFiles, pathForFile } from '../../scripts/lib/files.ts';
import { PROJECT_ROOT } from './content-copy.ts';

export interface CrawledPage {
  url: string;
  status: number;
  html: string;
  /** Same-site links on the page, resolved, with their #fragment. */
  links: string[];
}

const HREF = /\s(?:href|src)="([^"]+)"/g;

/** Decodes the few entities Astro writes into attribute values. */
const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

export async function crawl(request: APIRequestContext, baseURL: string, start = '/'): Promise<Map<string, CrawledPage>> {
  const origin = new URL(baseURL).origin;
  const pages = new Map<string, CrawledPage>();
  const queue = [new URL(start, origin).href];
  while (queue.length) {
    const url = queue.shift()!;
    if (pages.has(url)) continue;
    const response = await request.get(url, { maxRedirects: 0 });
    const type = response.headers()['content-type'] ?? '';
    const html = type.includes('text/html') ? await response.text() : '';
    const links = [...html.matchAll(HREF)]
      .map((m) => new URL(unescape(m[1]!), url))
      .filter((u) => u.origin === origin)
      .map((u) => u.href);
    pages.set(url, { url, status: response.status(), html, links });
    for (const link of links) {
      const target = link.split('#')[0]!;
      if (!pages.has(target) && !queue.includes(target)) queue.push(target);
    }
  }
  return pages;
}

/**
 * The address of every page of a built edition (`dist` or `dist-internal`) that a crawl from the
 * home page must reach, sorted: each of its .html files but 404.html and the search page (the
 * search box's form leads there, not a link).
 */
export function builtPages(dir: string): string[] {
  const root = join(PROJECT_ROOT, dir);
  const pages = listFiles(root)
    .map((file) => relative(root, file))
    .filter((path) => path.endsWith('.html') && path !== '404.html' && path !== 'search/index.html');
  if (!pages.length) throw new Error(`${dir}/ has no page: build it first (npm run build, npm run build:internal)`);
  return pages.map(pathForFile).sort();
}

/** The addresses of the crawled pages that answered with HTML and 200, sorted. */
export const crawledPages = (pages: Iterable<CrawledPage>) => [...pages].filter((p) => p.html && p.status === 200).map((p) => new URL(p.url).pathname).sort();

/** The ids an HTML page defines, for checking #fragments. */
export function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => unescape(m[1]!)));
}
