import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunch } from './scripts/lib/chromium.ts';

/**
 * The 编辑台's browser tests (tests/e2e/desk/): each spec file starts its own desk on a throwaway
 * copy of the project in a git repository of its own (tests/e2e/desk/desk-project.ts), never on
 * this repository, and builds that copy when it publishes; so no built site or preview server is
 * needed (unlike playwright.config.ts). One worker: the specs save, publish and undo in order.
 */
export default defineConfig({
  testDir: 'tests/e2e/desk',
  workers: 1,
  retries: 0,
  // A busy two-core machine: an import through LibreOffice, a save with the content check.
  timeout: 180_000,
  reporter: process.env['CI'] ? 'line' : 'list',
  expect: { timeout: 15_000 },
  use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunch, locale: 'zh-CN' },
});
