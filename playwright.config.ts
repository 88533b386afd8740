import { createHash } from 'node:crypto';
import { defineConfig, devices } from '@playwright/test';

/** Debian's Chromium: Playwright's own browser download cannot work on these machines. */
export const chromiumLaunch = {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

/**
 * A port of this checkout's own, so that test runs in two checkouts on one machine never share
 * (and shut down) each other's server; PREVIEW_PORT overrides it.
 */
const port = Number(process.env['PREVIEW_PORT'] ?? 20000 + (createHash('sha1').update(import.meta.dirname).digest().readUInt16BE(0) % 20000));

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env['CI'] ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromiumLaunch,
    locale: 'zh-CN',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunch } }],
  webServer: {
    // The built public edition (npm run build), served as a static host would.
    // --ignore-lock: run beside a preview the developer may have open (`npm start`).
    command: `astro preview --ignore-lock --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
  },
});
