/**
 * Every file of both built editions, fetched from nginx as configured in scripts/deploy/nginx/:
 * its type, its cache rule, the security headers, and the precompressed copy sent as it is. A
 * kind of file the table below does not know fails the test, so that a new one gets a rule.
 */
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { nginxUrls, internalCredentials } from '../../../playwright.config.ts';
import { PROJECT_ROOT } from '../../helpers/content-copy.ts';
import { listFiles, pathForFile } from '../../../scripts/lib/files.ts';
import { basicAuth, parseCsp, rawGet, type RawResponse } from '../../helpers/http.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.mjs': 'application/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.xml': 'text/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  // Pagefind's index, fragments, filters and WebAssembly.
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Files whose name carries a hash of their content. */
const isHashed = (path: string) => path.startsWith('_astro/') || /\.pf_(?:meta|index|fragment|filter)$/.test(path);

/** The address of a file: /policies/index.html is /policies/, and non-ASCII is percent-encoded. */
const addressOf = pathForFile;

for (const edition of ['public', 'internal'] as const) {
  test(`nginx sends every file of the ${edition} edition with its type, cache rule and security headers`, async () => {
    const root = join(PROJECT_ROOT, edition === 'public' ? 'dist' : 'dist-internal');
    expect(existsSync(root), `${root} is built`).toBe(true);
    // The internal edition: the password once, then its session cookie, as a browser does
    // (requests without a session are rate-limited, scripts/deploy/nginx/internal.conf).
    let auth: Record<string, string> = {};
    if (edition === 'internal') {
      const login = await rawGet(`${nginxUrls.internal}/`, basicAuth(internalCredentials.username, internalCredentials.password));
      const session = /yaoxun_session=[^;]+/.exec(login.headers['set-cookie'] ?? '')?.[0];
      expect(session, 'a session cookie after the password').toBeDefined();
      auth = { cookie: session! };
    }
    const files = listFiles(root)
      .map((file) => relative(root, file))
      .filter((path) => !/\.(?:gz|br)$/.test(path));
    const wrong: string[] = [];
    const check = (path: string, what: string, actual: string | undefined, expected: string | undefined) => {
      if (actual !== expected) wrong.push(`${path}: ${what} ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
    };
    for (const path of files) {
      const response: RawResponse = await rawGet(`${nginxUrls[edition]}${addressOf(path)}`, auth);
      // 404.html is only ever sent as the answer to a missing address.
      check(path, 'status', String(response.status), path === '404.html' ? '404' : '200');
      check(path, 'type', response.headers['content-type'], TYPES[extname(path)] ?? '(a type in the table of this test)');
      check(path, 'Cache-Control', response.headers['cache-control'], isHashed(path) ? IMMUTABLE : 'no-cache');
      // The file itself, byte for byte: what the specs run once against dist/ (playwright.config.ts) is what nginx sends.
      if (!response.body.equals(readFileSync(join(root, path)))) wrong.push(`${path}: the response is not the file`);
      if (!isHashed(path) && !response.headers['etag']) wrong.push(`${path}: no ETag to revalidate with`);
      const csp = parseCsp(response.headers['content-security-policy']);
      check(path, 'CSP script-src', csp.get('script-src')?.join(' '), "'self' 'wasm-unsafe-eval'");
      check(path, 'CSP frame-ancestors', csp.get('frame-ancestors')?.join(' '), "'none'");
      check(path, 'X-Content-Type-Options', response.headers['x-content-type-options'], 'nosniff');
      check(path, 'Referrer-Policy', response.headers['referrer-policy'], 'strict-origin-when-cross-origin');
      check(path, 'X-Robots-Tag', response.headers['x-robots-tag'], edition === 'internal' ? 'noindex, nofollow' : undefined);
      // Each precompressed copy goes out byte for byte as the build wrote it.
      for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']] as const) {
        // Every page has its copies (pages are text enough to be worth it); another file only when compressing saved enough.
        if (path === '404.html') continue;
        if (!existsSync(join(root, path + suffix))) {
          if (path.endsWith('.html')) wrong.push(`${path}: no ${path}${suffix}`);
          continue;
        }
        const compressed = await rawGet(`${nginxUrls[edition]}${addressOf(path)}`, { ...auth, 'accept-encoding': encoding });
        check(path, `Content-Encoding (${encoding})`, compressed.headers['content-encoding'], encoding);
        if (!compressed.body.equals(readFileSync(join(root, path + suffix)))) wrong.push(`${path}: the ${encoding} response is not ${path}${suffix}`);
        // … and holds the file itself, not a stale copy of it.
        const decoded = encoding === 'br' ? brotliDecompressSync(compressed.body) : gunzipSync(compressed.body);
        if (!decoded.equals(readFileSync(join(root, path)))) wrong.push(`${path}${suffix} is not ${path} compressed`);
      }
    }
    expect(files).toContain('index.html');
    expect(wrong).toEqual([]);
  });
}

test('the internal edition answers 401 without its password, and 200 with it', async () => {
  for (const path of ['/', '/policies/', '/_astro/', '/404.html', '/nowhere/']) {
    const anonymous = await rawGet(`${nginxUrls.internal}${path}`);
    expect(anonymous.status, path).toBe(401);
    expect(anonymous.headers['www-authenticate'], path).toMatch(/^Basic /);
  }
  const wrongPassword = await rawGet(`${nginxUrls.internal}/`, basicAuth(internalCredentials.username, 'not-the-password'));
  expect(wrongPassword.status).toBe(401);
  const staff = await rawGet(`${nginxUrls.internal}/`, basicAuth(internalCredentials.username, internalCredentials.password));
  expect(staff.status).toBe(200);
  expect(staff.body.toString()).toContain('内部资料');
});

test('a missing address gets the site’s 404 page from nginx, in each edition', async () => {
  const missing = await rawGet(`${nginxUrls.public}/bulletins/1999-01/`);
  expect(missing.status).toBe(404);
  expect(missing.body.toString()).toContain('<h1>页面不存在</h1>');
  const internal = await rawGet(`${nginxUrls.internal}/bulletins/1999-01/`, basicAuth(internalCredentials.username, internalCredentials.password));
  expect(internal.status).toBe(404);
  expect(internal.body.toString()).toContain('内部资料');
});
