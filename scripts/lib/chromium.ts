/**
 * Debian's Chromium, as the build (PDFs), the benchmark and the tests launch it: Playwright's
 * own browser download cannot work on these machines (no internet). One place for its path
 * and flags, and for the check that it (and a CJK font for it to print with) is installed,
 * so that a missing package is one sentence saying what to install, not a stack trace.
 */
import { accessSync, constants } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { setupSentence } from './setup-message.ts';

export const chromiumLaunch = {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

/** What is missing for printing pages with Chromium: Debian package names, empty when all is there. */
export function missingPrintPackages(): string[] {
  const missing: string[] = [];
  try {
    accessSync(chromiumLaunch.executablePath, constants.X_OK);
  } catch {
    missing.push('chromium');
  }
  let fonts = '';
  try {
    fonts = execFileSync('fc-list', [':lang=zh-cn', 'family'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    // No fontconfig at all: no fonts either.
  }
  if (!fonts.trim()) missing.push('fonts-noto-cjk');
  return missing;
}

/** The sentence that says what to install for `task` (生成 PDF), or undefined when nothing is missing. */
export function printSetupMessage(purpose = 'build', task = '生成 PDF'): string | undefined {
  const missing = missingPrintPackages();
  if (!missing.length) return undefined;
  const what = missing.map((name) => (name === 'chromium' ? `Chromium（${chromiumLaunch.executablePath}）` : '中文字体（fonts-noto-cjk）')).join('和');
  return setupSentence(what, task, purpose, missing);
}

/**
 * For a command that cannot start without Chromium (the benchmarks, the search evaluation):
 * before it starts, says in one sentence what to install and exits 1, instead of a stack trace
 * halfway through.
 */
export function exitUnlessChromium(task: string): void {
  const message = printSetupMessage('build', task);
  if (!message) return;
  console.error(message);
  process.exit(1);
}
