import { createHash } from 'node:crypto';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunch } from './scripts/lib/chromium.ts';

/** Debian's Chromium (scripts/lib/chromium.ts): Playwright's own browser download cannot work on these machines. */
export { chromiumLaunch };

/**
 * A port of this checkout's own, so that test runs in two checkouts on one machine never share
 * (and shut down) each other's server; PREVIEW_PORT overrides it.
 */
const port = Number(process.env['PREVIEW_PORT'] ?? 20000 + (createHash('sha1').update(import.meta.dirname).digest().readUInt16BE(0) % 20000));

/** The tests' own nginx (scripts/deploy/nginx/serve.ts) over dist/ and, one port up, dist-internal/: this checkout's ports too. */
const nginxPort = Number(process.env['NGINX_PORT'] ?? port + 1);
export const nginxUrls = { public: `http://127.0.0.1:${nginxPort}`, internal: `http://127.0.0.1:${nginxPort + 1}` };
/** The internal edition's password there: a throwaway htpasswd in that nginx's temporary directory. */
export const internalCredentials = { username: 'staff', password: 'e2e-only-password' };

// tests/e2e/desk/ is the 编辑台's: its specs start desks of their own (playwright.desk.config.ts).
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env['CI'] ? 'line' : 'list',
  // A first search loads Pagefind and its index; on a busy 2-core machine that can take longer
  // than Playwright's default 5 s.
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromiumLaunch,
    locale: 'zh-CN',
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunch }, testIgnore: ['deploy/**', 'desk/**'] },
    // The public edition as nginx serves it: the checks of what is deployed (tests/e2e/deploy/:
    // every page opened under the CSP, every file's type, cache rule and headers, the 404s), every
    // link through nginx's redirects, and the search — the one page whose script, WebAssembly and
    // precompressed index nginx could break. The other specs read the same files from dist/ and
    // run once, in the chromium project: nginx serves those bytes unchanged (headers.spec.ts).
    { name: 'nginx', use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunch, baseURL: nginxUrls.public }, testMatch: ['deploy/**', '**/links.spec.ts', '**/search.spec.ts'] },
    // The internal edition, behind its password: every link, every page accessible, no CSP violation.
    {
      name: 'nginx-internal',
      testMatch: ['**/links.spec.ts', '**/accessibility.spec.ts', '**/deploy/csp.spec.ts'],
      use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunch, baseURL: nginxUrls.internal, httpCredentials: internalCredentials },
    },
  ],
  webServer: [
    {
      // The built public edition (npm run build), served as a static host would.
      // --ignore-lock: run beside a preview the developer may have open (`npm start`).
      command: `astro preview --ignore-lock --host 127.0.0.1 --port ${port}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      env: { ASTRO_TELEMETRY_DISABLED: '1' },
    },
    {
      // Debian's nginx with the repository's configuration (npm run build and build:internal first).
      command: `node scripts/deploy/nginx/serve.ts --port ${nginxPort} --internal-port ${nginxPort + 1} --user ${internalCredentials.username} --password ${internalCredentials.password}`,
      url: `${nginxUrls.public}/`,
      reuseExistingServer: false,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5000 },
    },
  ],
});
