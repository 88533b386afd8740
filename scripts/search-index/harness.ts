/**
 * Runs searches in Chromium against a built site, for the evaluation (eval.ts) and the
 * benchmark: a minimal static server for the site (compressing text as a production server would),
 * the site's own search engine bundled for the page (harness-entry.ts), and stock Pagefind's
 * pagefind.js for comparison. Results come back as URLs in rank order.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumLaunch } from '../lib/chromium.ts';
import { contentTypeOf, fileForPath, servedFile } from '../lib/files.ts';
import { fragmentFiles, readFragment } from './fragments.ts';

const HARNESS_PAGE = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>harness</title></head><body></body></html>';

async function bundleEngine(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./harness-entry.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Compressed on the fly, as a production server's gzip would; Pagefind's own files are gzip already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg']);

/** Serves `dir` on a loopback port, plus the harness page and the bundled engine. */
export async function serveSite(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const root = resolve(dir);
  const engine = gzipSync(await bundleEngine());
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/__harness/') {
      response.writeHead(200, { 'content-type': contentTypeOf('index.html') }).end(HARNESS_PAGE);
      return;
    }
    if (path === '/__harness/engine.js') {
      response.writeHead(200, { 'content-type': contentTypeOf('engine.js'), 'content-encoding': 'gzip' }).end(engine);
      return;
    }
    if (!fileForPath(root, path)) return void response.writeHead(403).end();
    const found = servedFile(root, path);
    const file = found ?? join(root, '404.html');
    // A site without a 404 page (an index alone, in the tests) answers a bare 404.
    if (!found && !existsSync(file)) return void response.writeHead(404).end();
    const body = readFileSync(file);
    const type = extname(file);
    const headers: Record<string, string> = { 'content-type': contentTypeOf(file) };
    if (COMPRESSIBLE.has(type)) headers['content-encoding'] = 'gzip';
    response.writeHead(found ? 200 : 404, headers).end(COMPRESSIBLE.has(type) ? gzipSync(body) : body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) };
}

/** Each Pagefind result id (its fragment's name) and the page URL it stands for. */
export function fragmentUrls(dir: string): Map<string, string> {
  const urls = new Map<string, string>();
  for (const file of fragmentFiles(join(dir, 'pagefind'))) urls.set(basename(file, '.pf_fragment'), readFragment(file).url);
  return urls;
}

export type Engine = 'ours' | 'stock';

export interface SearchSession {
  /** Result URLs in rank order. */
  search: (query: string) => Promise<string[]>;
  /**
   * Stock Pagefind only: its results as parts, in rank order — each page's sub-results (the
   * sections under headings with an id), in the order Pagefind gives them.
   */
  searchParts: (query: string) => Promise<string[]>;
  close: () => Promise<void>;
}

/** Opens a page on the served site ready to search with the site's engine or with stock Pagefind. */
export async function openSession(browser: Browser, dir: string, origin: string, engine: Engine): Promise<SearchSession> {
  const urls = fragmentUrls(dir);
  const page: Page = await browser.newPage();
  await page.goto(`${origin}/__harness/`);
  const search = async (query: string) => {
    const ids =
      engine === 'ours'
        ? await page.evaluate(async (q) => {
            const harness = await import('/__harness/engine.js' as string);
            return (await harness.rankedIds(q)) as string[];
          }, query)
        : await page.evaluate(async (q) => {
            const pagefind = await import('/pagefind/pagefind.js' as string);
            const found = await pagefind.search(q);
            return (found?.results ?? []).map((r: { id: string }) => r.id) as string[];
          }, query);
    return ids.map((id) => urls.get(id) ?? `?${id}`);
  };
  const searchParts = async (query: string) =>
    page.evaluate(async (q) => {
      const pagefind = await import('/pagefind/pagefind.js' as string);
      const found = await pagefind.search(q);
      const parts: string[] = [];
      for (const result of found?.results ?? []) {
        const data = (await result.data()) as { url: string; sub_results?: Array<{ url: string }> };
        parts.push(...(data.sub_results?.length ? data.sub_results.map((s) => s.url) : [data.url]));
      }
      return parts;
    }, query);
  return { search, searchParts, close: () => page.close() };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch(chromiumLaunch);
}

/** Each engine's copy of a site served on a port of its own, and one browser to search them from. */
export interface ServedEngines {
  browser: Browser;
  /** The origin each engine's site is served at. */
  origins: Partial<Record<Engine, string>>;
  /** Closes the browser and the servers, then runs the `cleanup` given (the stock copy's removal), whatever fails. */
  close: () => Promise<void>;
}

/** Serves each engine's site (`dirs`) and launches the browser: the evaluation's and the benchmark's set-up, and their teardown. */
export async function serveEngines(dirs: Partial<Record<Engine, string>>, cleanup: () => void = () => {}): Promise<ServedEngines> {
  const servers: Array<{ close: () => Promise<void> }> = [];
  let browser: Browser | undefined;
  const close = async () => {
    try {
      await browser?.close();
      for (const server of servers) await server.close();
    } finally {
      cleanup();
    }
  };
  try {
    const origins: Partial<Record<Engine, string>> = {};
    for (const [engine, dir] of Object.entries(dirs) as Array<[Engine, string]>) {
      const server = await serveSite(dir);
      servers.push(server);
      origins[engine] = server.origin;
    }
    browser = await launchBrowser();
    return { browser, origins, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export interface QueryCost {
  /** Bytes on the wire (compressed bodies and headers) for the search's own files. */
  bytes: number;
  requests: number;
  /** The same bytes by kind of file: pagefind.js, wasm, meta (entry and metadata), index chunks, fragments, filters. */
  byKind: Record<string, number>;
  /** Milliseconds from the query to the shown results' data being loaded. */
  milliseconds: number;
}

/**
 * What a first query costs a reader who has not searched before (empty cache), and what a
 * second one costs then: the files under /pagefind/ that the query and the display of its first
 * `shown` results fetch. The page's own script is not counted, for either engine.
 */
export async function measureQueries(browser: Browser, origin: string, engine: Engine, queries: readonly [string, string], shown = 20): Promise<{ cold: QueryCost; warm: QueryCost }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  let requests = 0;
  let byKind: Record<string, number> = {};
  context.on('requestfinished', (request) => {
    const path = new URL(request.url()).pathname;
    if (!path.startsWith('/pagefind/')) return;
    requests++;
    const kind = /\/index\//.test(path) ? 'index' : /\/fragment\//.test(path) ? 'fragment' : /\/filter\//.test(path) ? 'filter' : /wasm/.test(path) ? 'wasm' : /\.js$/.test(path) ? 'js' : 'meta';
    void request.sizes().then((sizes) => {
      const size = sizes.responseBodySize + sizes.responseHeadersSize;
      bytes += size;
      byKind[kind] = (byKind[kind] ?? 0) + size;
    });
  });
  await page.goto(`${origin}/__harness/`);
  if (engine === 'ours') await page.evaluate(async () => void (await import('/__harness/engine.js' as string)));
  const run = async (query: string): Promise<QueryCost> => {
    bytes = 0;
    requests = 0;
    byKind = {};
    const start = Date.now();
    await page.evaluate(
      async ([q, n, which]) => {
        if (which === 'ours') {
          const harness = await import('/__harness/engine.js' as string);
          await harness.searchAndShow(q, n);
        } else {
          const pagefind = await import('/pagefind/pagefind.js' as string);
          const found = await pagefind.search(q);
          await Promise.all((found?.results ?? []).slice(0, n).map((r: { data: () => Promise<unknown> }) => r.data()));
        }
      },
      [query, shown, engine] as const,
    );
    const milliseconds = Date.now() - start;
    // Sizes arrive just after the responses: let them settle.
    await page.waitForTimeout(200);
    return { bytes, requests, byKind, milliseconds };
  };
  const cold = await run(queries[0]);
  const warm = await run(queries[1]);
  await context.close();
  return { cold, warm };
}
