/**
 * `astro preview` (and so `npm start`) sends the security headers nginx sends, from the one list
 * of scripts/deploy/nginx/snippets/headers.conf (scripts/deploy/security-headers.ts), with every
 * response: a page, a file, the 404 page, and what the server refuses before it reads an address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../helpers/content-copy.ts';
import { rawExchange, rawGet } from '../helpers/http.ts';
import { freePort } from '../../scripts/deploy/nginx/serve.ts';
import { securityHeaders } from '../../scripts/deploy/security-headers.ts';

let site: string;
let preview: ChildProcess;
let url: string;

beforeAll(async () => {
  // A synthetic built site: only the kinds of answer matter.
  site = mkdtempSync(join(tmpdir(), 'yaoxun-preview-'));
  mkdirSync(join(site, 'bulletins'));
  writeFileSync(join(site, 'index.html'), '<!DOCTYPE html><title>测试页</title><h1>测试页</h1>');
  writeFileSync(join(site, 'bulletins/index.html'), '<!DOCTYPE html><title>测试页</title><h1>各期</h1>');
  writeFileSync(join(site, '404.html'), '<!DOCTYPE html><title>页面不存在</title><h1>页面不存在</h1>');
  writeFileSync(join(site, 'style.css'), 'body { margin: 0; }');
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  preview = spawn(join(PROJECT_ROOT, 'node_modules/.bin/astro'), ['preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ASTRO_OUT_DIR: site, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await rawGet(`${url}/`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error('astro preview did not start within 60 s');
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}, 90_000);

afterAll(() => {
  preview?.kill('SIGTERM');
  rmSync(site, { recursive: true, force: true });
});

describe('astro preview', () => {
  it('sends headers.conf’s headers with a page, a file, the 404 page and a refused request', async () => {
    const expected = securityHeaders();
    expect(Object.keys(expected)).toEqual(expect.arrayContaining(['Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy', 'X-Frame-Options']));
    const answers = {
      page: await rawGet(`${url}/`),
      folder: await rawGet(`${url}/bulletins/`),
      file: await rawGet(`${url}/style.css`),
      missing: await rawGet(`${url}/nowhere/`),
      'bad request': await rawExchange(url, 'GET / HTTP/1.1\r\nHost: x\r\nNot a header\r\n\r\n'),
      'too long': await rawExchange(url, `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`),
    };
    expect(answers.page.status).toBe(200);
    expect(answers.folder.status).toBe(200);
    expect(answers.missing.status).toBe(404);
    expect(answers.missing.body.toString()).toContain('页面不存在');
    expect(answers['bad request'].status).toBe(400);
    expect(answers['too long'].status).toBe(431);
    for (const [name, { headers }] of Object.entries(answers)) {
      for (const [header, value] of Object.entries(expected)) expect(headers[header.toLowerCase()], `${name}: ${header}`).toBe(value);
    }
  });
});
