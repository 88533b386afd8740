/**
 * Who may use the 编辑台: on 127.0.0.1 only this machine's browser (other host names and other
 * sites' pages are refused); with a password (--host), one check, then the session cookie, and
 * requests without a session limited. The desk runs on a throwaway git repository with the
 * real content (nothing is saved).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesk } from '../../scripts/desk/server.ts';
import { PROJECT_ROOT } from '../helpers/content-copy.ts';

const root = mkdtempSync(join(tmpdir(), 'yaoxun-desk-access-'));
const desks: Array<ReturnType<typeof createDesk>> = [];

async function start(password?: string): Promise<string> {
  const desk = createDesk({ root, password, editions: ['public'] });
  desks.push(desk);
  await new Promise<void>((resolve) => desk.server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(desk.server.address() as AddressInfo).port}`;
}

beforeAll(() => {
  cpSync(join(PROJECT_ROOT, 'content'), join(root, 'content'), { recursive: true });
  execFileSync('git', ['init', '-q'], { cwd: root });
});
afterAll(async () => {
  for (const desk of desks) {
    desk.close();
    await new Promise((r) => desk.server.close(r));
  }
  rmSync(root, { recursive: true, force: true });
});

describe('the desk on 127.0.0.1, without a password', () => {
  let url: string;
  beforeAll(async () => {
    url = await start();
  });

  it('answers this machine’s browser', async () => {
    const response = await fetch(`${url}/desk/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<html lang="zh-CN">');
  });

  it('refuses another host name (a page that reached it by DNS rebinding)', async () => {
    // fetch() sends its own Host header; node:http sends the one given, as a rebinding page's request would.
    const status = await new Promise<number>((resolve, reject) => {
      request(`${url}/desk/`, { headers: { host: 'attacker.example' } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(421);
  });

  it('refuses a post from another site’s page, before reading it', async () => {
    const response = await fetch(`${url}/desk/api/undo`, { method: 'POST', headers: { origin: 'https://attacker.example', 'content-type': 'application/json' }, body: '{"hash":"0000000"}' });
    expect(response.status).toBe(403);
  });
});

describe('the desk on the office network, with a password', () => {
  let url: string;
  beforeAll(async () => {
    url = await start('合成测试密码-e2e');
  });

  it('sends a visitor without a session to the login page', async () => {
    const response = await fetch(`${url}/desk/`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/desk/login');
    expect((await fetch(`${url}/desk/api/publish`, { method: 'POST' })).status).toBe(401);
  });

  it('gives a session cookie for the right password only, and the cookie alone opens the desk', async () => {
    const login = (password: string) => fetch(`${url}/desk/login`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ name: '编辑丁', password }) });
    const wrong = await login('wrong-password');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const right = await login('合成测试密码-e2e');
    expect(right.status).toBe(303);
    const cookie = right.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^desk_session=\d+\.[\w-]+\.[\w-]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    const page = await fetch(`${url}/desk/`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('编辑丁');
    const tampered = cookie.split(';')[0]!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await fetch(`${url}/desk/`, { redirect: 'manual', headers: { cookie: tampered } })).status).toBe(303);
  });

  it('answers 429 to a flood of requests without a session, while a session still gets in', async () => {
    const right = await fetch(`${url}/desk/login`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ name: '编辑丁', password: '合成测试密码-e2e' }) });
    const cookie = right.headers.get('set-cookie')!.split(';')[0]!;
    const statuses = [];
    for (let i = 0; i < 40; i++) statuses.push((await fetch(`${url}/desk/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=x&password=wrong' })).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
    expect(statuses.at(-1)).toBe(429);
    expect((await fetch(`${url}/desk/`, { headers: { cookie } })).status).toBe(200);
  });
});
