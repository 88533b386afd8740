/**
 * Stock Pagefind over the same built pages, for comparison: a copy of the site whose
 * pagefind/ directory is rebuilt by `pagefind --site` with default settings.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function buildStockCopy(siteDir: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'yaoxun-stock-'));
  cpSync(siteDir, dir, { recursive: true });
  rmSync(join(dir, 'pagefind'), { recursive: true, force: true });
  // The package's main entry is lib/index.js; its command-line runner sits beside it.
  const cli = join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), 'runner', 'bin.cjs');
  execFileSync(process.execPath, [cli, '--site', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
