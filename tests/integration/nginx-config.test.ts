/**
 * The nginx configuration of scripts/deploy/nginx/, run by Debian's nginx over a small synthetic
 * site that holds one file of every kind the real one has (and some it may get): types, cache
 * rules, precompressed and on-the-fly compression, security headers, the 404 page and the
 * internal edition's password. The real build, served the same way, is checked by
 * tests/e2e/deploy/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { compressDirectory } from '../../scripts/build/compress.ts';
import { startNginx, type RunningNginx } from '../../scripts/deploy/nginx/serve.ts';
import { renderServer } from '../../scripts/deploy/nginx/render-config.ts';
import { basicAuth, parseCsp, rawExchange, rawGet } from '../helpers/http.ts';
import { securityHeaders } from '../../scripts/deploy/security-headers.ts';

// Synthetic files: only their kind matters.
const PAGE = `<!DOCTYPE html><html lang="zh-CN"><head><title>测试页</title></head><body><h1>测试页</h1>${'<p>合成的测试段落，不是官方文字。</p>'.repeat(60)}</body></html>`;
const FILES: Record<string, string | Buffer> = {
  'index.html': PAGE,
  '404.html': '<!DOCTYPE html><html lang="zh-CN"><head><title>页面不存在</title></head><body><h1>页面不存在</h1></body></html>',
  'bulletins/index.html': PAGE,
  'policies/category/意见/index.html': PAGE,
  '_astro/Base.Bjg2WBJC.css': '.site-header { color: #c4161c; }\n'.repeat(40),
  '_astro/page.D1x2y3z4.js': 'export const x = 1;\n'.repeat(40),
  'favicon.svg': `<svg xmlns="http://www.w3.org/2000/svg">${'<rect width="1" height="1"/>'.repeat(30)}</svg>`,
  'feed.xml': `<?xml version="1.0"?><rss>${'<item><title>合成</title></item>'.repeat(30)}</rss>`,
  'robots.txt': 'User-agent: *\nAllow: /\n'.repeat(20),
  'manifest.webmanifest': `{"name":"${'工作要讯'.repeat(40)}"}`,
  'module.mjs': 'export default 1;\n'.repeat(30),
  'archive/2017-02.pdf': Buffer.from('%PDF-1.7\n%synthetic\n'),
  'pagefind/pagefind.js': 'export async function search() {}\n'.repeat(40),
  'pagefind/pagefind-worker.js': 'self.onmessage = () => {};\n'.repeat(40),
  'pagefind/pagefind-entry.json': JSON.stringify({ version: '1.6.0', languages: { 'zh-cn': { hash: 'zh-cn_414a7fe9c9539', page_count: 1 } } }),
  'pagefind/wasm.zh-cn.pagefind': gzipSync(Buffer.from('\0asm synthetic')),
  'pagefind/pagefind.zh-cn_414a7fe9c9539.pf_meta': gzipSync(Buffer.from('pagefind_dcd meta')),
  'pagefind/index/zh-cn_616b719.pf_index': gzipSync(Buffer.from('pagefind_dcd index')),
  'pagefind/fragment/zh-cn_4df74a3.pf_fragment': gzipSync(Buffer.from(`pagefind_dcd{"content":"${'合成'.repeat(200)}"}`)),
  'pagefind/filter/zh-cn_a1b2c3.pf_filter': gzipSync(Buffer.from('pagefind_dcd filter')),
  'search.wasm': Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]),
};
/** Written after precompression: a text file with no .gz or .br beside it. */
const UNCOMPRESSED = 'late.css';

let root: string;
let nginx: RunningNginx;
const url = (path: string) => `${nginx.urls.public}${encodeURI(path)}`;
const get = (path: string, headers: Record<string, string> = {}) => rawGet(url(path), headers);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'yaoxun-nginx-site-'));
  for (const [path, content] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  await compressDirectory(root);
  writeFileSync(join(root, UNCOMPRESSED), 'body { margin: 0; }\n'.repeat(40));
  nginx = await startNginx({ roots: { public: root, internal: root }, credentials: { username: 'staff', password: 'synthetic-test-password' } });
});

afterAll(async () => {
  await nginx?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('the nginx configuration', () => {
  it('sends each kind of file with its type', async () => {
    const types: Record<string, string> = {
      '/': 'text/html; charset=utf-8',
      '/_astro/Base.Bjg2WBJC.css': 'text/css; charset=utf-8',
      '/_astro/page.D1x2y3z4.js': 'application/javascript; charset=utf-8',
      '/module.mjs': 'application/javascript; charset=utf-8',
      '/favicon.svg': 'image/svg+xml; charset=utf-8',
      '/feed.xml': 'text/xml; charset=utf-8',
      '/robots.txt': 'text/plain; charset=utf-8',
      '/manifest.webmanifest': 'application/manifest+json; charset=utf-8',
      '/archive/2017-02.pdf': 'application/pdf',
      '/search.wasm': 'application/wasm',
      '/pagefind/pagefind.js': 'application/javascript; charset=utf-8',
      '/pagefind/pagefind-entry.json': 'application/json; charset=utf-8',
      '/pagefind/wasm.zh-cn.pagefind': 'application/octet-stream',
      '/pagefind/pagefind.zh-cn_414a7fe9c9539.pf_meta': 'application/octet-stream',
      '/pagefind/index/zh-cn_616b719.pf_index': 'application/octet-stream',
      '/pagefind/fragment/zh-cn_4df74a3.pf_fragment': 'application/octet-stream',
      '/pagefind/filter/zh-cn_a1b2c3.pf_filter': 'application/octet-stream',
    };
    const seen: Record<string, string | undefined> = {};
    for (const path of Object.keys(types)) seen[path] = (await get(path)).headers['content-type'];
    expect(seen).toEqual(types);
  });

  it('caches hashed files for a year and makes everything else revalidate', async () => {
    const immutable = 'public, max-age=31536000, immutable';
    for (const path of ['/_astro/Base.Bjg2WBJC.css', '/_astro/page.D1x2y3z4.js', '/pagefind/index/zh-cn_616b719.pf_index', '/pagefind/fragment/zh-cn_4df74a3.pf_fragment', '/pagefind/pagefind.zh-cn_414a7fe9c9539.pf_meta', '/pagefind/filter/zh-cn_a1b2c3.pf_filter']) {
      expect((await get(path)).headers['cache-control'], path).toBe(immutable);
    }
    // Names that stay when the content changes: pages, Pagefind's entry points, PDFs.
    for (const path of ['/', '/bulletins/', '/favicon.svg', '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/pagefind/wasm.zh-cn.pagefind', '/archive/2017-02.pdf']) {
      const response = await get(path);
      expect(response.headers['cache-control'], path).toBe('no-cache');
      expect(response.headers['etag'], path).toBeTruthy();
    }
  });

  it('answers a revalidation of an unchanged page with 304', async () => {
    const first = await get('/bulletins/');
    const again = await get('/bulletins/', { 'if-none-match': first.headers['etag']! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('sends the precompressed .br and .gz as they are, and the original to a client that takes neither', async () => {
    const onDisk = (suffix: string) => readFileSync(join(root, `index.html${suffix}`));
    const br = await get('/', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body).toEqual(onDisk('.br'));
    const gz = await get('/', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body).toEqual(onDisk('.gz'));
    const plain = await get('/');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toEqual(onDisk(''));
    expect(br.headers['vary']).toBe('Accept-Encoding');
    expect(gz.headers['vary']).toBe('Accept-Encoding');
    // Hashed assets too.
    const css = await get('/_astro/Base.Bjg2WBJC.css', { 'accept-encoding': 'br' });
    expect(css.body).toEqual(readFileSync(join(root, '_astro/Base.Bjg2WBJC.css.br')));
  });

  it('gzips on the fly a text file that has no precompressed copy, and never Pagefind’s gzip files again', async () => {
    const late = await get(`/${UNCOMPRESSED}`, { 'accept-encoding': 'gzip, br' });
    expect(late.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(late.body).toString()).toBe(readFileSync(join(root, UNCOMPRESSED), 'utf8'));
    const fragment = await get('/pagefind/fragment/zh-cn_4df74a3.pf_fragment', { 'accept-encoding': 'gzip, br' });
    expect(fragment.headers['content-encoding']).toBeUndefined();
    expect(fragment.body).toEqual(FILES['pagefind/fragment/zh-cn_4df74a3.pf_fragment']);
  });

  it('sends the security headers with every response, errors included', async () => {
    const responses = {
      page: await get('/'),
      asset: await get('/_astro/Base.Bjg2WBJC.css'),
      index: await get('/pagefind/index/zh-cn_616b719.pf_index'),
      missing: await get('/nowhere/'),
      unauthorized: await rawGet(`${nginx.urls.internal}/`),
      // What nginx refuses before it reads a location: a malformed request, an address too long.
      'bad request (public)': await rawExchange(nginx.urls.public!, 'GET / HTTP/1.1\r\nHost: x\r\nX: ' + 'b'.repeat(20_000) + '\r\n\r\n'),
      'URI too long (public)': await rawExchange(nginx.urls.public!, `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`),
      'bad request (internal)': await rawExchange(nginx.urls.internal!, 'GET / HTTP/1.1\r\nHost: x\r\nX: ' + 'b'.repeat(20_000) + '\r\n\r\n'),
      'URI too long (internal)': await rawExchange(nginx.urls.internal!, `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`),
    };
    expect(responses['bad request (public)'].status).toBe(400);
    expect(responses['URI too long (public)'].status).toBe(414);
    expect(responses['bad request (internal)'].status).toBe(400);
    expect(responses['URI too long (internal)'].status).toBe(414);
    for (const [name, { headers }] of Object.entries(responses)) {
      const csp = parseCsp(headers['content-security-policy']);
      expect(csp.get('default-src'), name).toEqual(["'self'"]);
      // Only the site's own scripts; WebAssembly compiled by Pagefind; no inline script or eval.
      expect(csp.get('script-src'), name).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(csp.get('style-src'), name).toEqual(["'self'"]);
      expect(csp.get('object-src'), name).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors'), name).toEqual(["'none'"]);
      expect(headers['x-content-type-options'], name).toBe('nosniff');
      expect(headers['referrer-policy'], name).toBe('strict-origin-when-cross-origin');
      expect(headers['x-frame-options'], name).toBe('DENY');
      expect(headers['server'], name).toBe('nginx');
      // The one list of headers.conf, which `astro preview` sends too (security-headers.ts).
      for (const [header, value] of Object.entries(securityHeaders())) expect(headers[header.toLowerCase()], `${name}: ${header}`).toBe(value);
    }
  });

  it('answers an unknown address with the site’s 404 page', async () => {
    const missing = await get('/bulletins/1999-01/');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(missing.body.toString()).toContain('<h1>页面不存在</h1>');
  });

  it('serves Chinese addresses and adds the slash with a relative redirect', async () => {
    expect((await get('/policies/category/意见/')).status).toBe(200);
    const redirect = await get('/bulletins');
    expect(redirect.status).toBe(301);
    expect(redirect.headers['location']).toBe('/bulletins/');
  });

  it('keeps the internal edition behind basic auth and out of search engines', async () => {
    const internal = `${nginx.urls.internal}/`;
    const anonymous = await rawGet(internal);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Basic realm=/);
    expect(anonymous.body.toString()).not.toContain('测试页');
    expect((await rawGet(internal, basicAuth('staff', 'wrong'))).status).toBe(401);
    const staff = await rawGet(internal, basicAuth('staff', 'synthetic-test-password'));
    expect(staff.status).toBe(200);
    expect(staff.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(anonymous.headers['x-robots-tag']).toBe('noindex, nofollow');
    // The public edition says nothing of the kind.
    expect((await get('/')).headers['x-robots-tag']).toBeUndefined();
  });

  it('is the example file with only the machine-specific lines changed', () => {
    const rendered = renderServer({ edition: 'internal', root: '/tmp/site', port: 8080, htpasswd: '/tmp/htpasswd', sessionKey: '/tmp/session-key.conf' });
    const example = readFileSync(join(import.meta.dirname, '../../scripts/deploy/nginx/internal.conf'), 'utf8');
    const differing = (a: string, b: string) => a.split('\n').filter((line) => !b.split('\n').includes(line));
    expect(differing(example, rendered).map((line) => line.trim())).toEqual([
      'listen 80;',
      'listen [::]:80;',
      'server_name yaoxun-internal.example.org;',
      'root /srv/yaoxun/internal;',
      'auth_basic_user_file /etc/nginx/yaoxun-internal.htpasswd;',
      'include /etc/nginx/yaoxun-internal-session.conf;',
    ]);
  });
});

/**
 * The internal edition under abuse (internal.conf, snippets/session.js): the password is checked
 * once, then a signed session cookie stands for it; requests without a valid session are
 * limited per client, so that a flood of wrong passwords gets 429 without a bcrypt check each.
 * Last in the file: the flood uses up this client's allowance.
 */
describe('the internal edition’s password, checked once and limited', () => {
  const internal = () => `${nginx.urls.internal}/`;
  const sessionOf = (setCookie: string | undefined) => /yaoxun_session=([^;]+)/.exec(setCookie ?? '')?.[1];

  it('sets a signed, HttpOnly, SameSite session cookie once the password passes, and never on a refusal', async () => {
    const refused = await rawGet(internal(), basicAuth('staff', 'wrong'));
    expect(refused.status).toBe(401);
    expect(refused.headers['set-cookie']).toBeUndefined();
    const staff = await rawGet(internal(), basicAuth('staff', 'synthetic-test-password'));
    expect(staff.status).toBe(200);
    expect(staff.headers['set-cookie']).toMatch(/^yaoxun_session=\d+\.[\w-]+\.[\w-]+; Path=\/; Max-Age=43200; HttpOnly; SameSite=Strict$/);
    // The session alone opens every page, and is not issued again.
    const cookie = `yaoxun_session=${sessionOf(staff.headers['set-cookie'])}`;
    const again = await rawGet(`${nginx.urls.internal}/bulletins/`, { cookie });
    expect(again.status).toBe(200);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body.toString()).toContain('测试页');
  });

  it('refuses a forged, tampered or expired cookie as no session at all', async () => {
    const staff = await rawGet(internal(), basicAuth('staff', 'synthetic-test-password'));
    const [expiry, user, signature] = sessionOf(staff.headers['set-cookie'])!.split('.');
    const other = Buffer.from('admin').toString('base64url');
    for (const forged of [`${expiry}.${other}.${signature}`, `${Number(expiry) + 1}.${user}.${signature}`, `${expiry}.${user}.${signature!.slice(1)}A`, `1.${user}.${signature}`, 'x', `${expiry}.${user}.`]) {
      expect((await rawGet(internal(), { cookie: `yaoxun_session=${forged}` })).status, forged).toBe(401);
    }
  });

  it('answers a flood of wrong passwords with 429 and the security headers, while a session goes on', async () => {
    const staff = await rawGet(internal(), basicAuth('staff', 'synthetic-test-password'));
    const cookie = `yaoxun_session=${sessionOf(staff.headers['set-cookie'])}`;
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await rawGet(internal(), basicAuth('staff', `wrong-${i}`))).status);
    // A burst of 20 is checked (401); the rest are refused unchecked.
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(25);
    expect(statuses.slice(-20)).toEqual(Array(20).fill(429));
    const limited = await rawGet(internal(), basicAuth('staff', 'synthetic-test-password'));
    expect(limited.status).toBe(429);
    expect(parseCsp(limited.headers['content-security-policy']).get('default-src')).toEqual(["'self'"]);
    expect((await rawGet(internal(), { cookie })).status).toBe(200);
    // The public site is not limited at all.
    expect((await get('/')).status).toBe(200);
  });
});
