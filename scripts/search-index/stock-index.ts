/**
 * Stock Pagefind over the same built pages, for comparison: a copy of the site whose
 * pagefind/ directory is rebuilt by `pagefind --site` with default settings.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The package's main entry is lib/index.js; its command-line runner sits beside it. */
const cli = () => join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), 'runner', 'bin.cjs');

function copyWithoutIndex(siteDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'yaoxun-stock-'));
  cpSync(siteDir, dir, { recursive: true });
  rmSync(join(dir, 'pagefind'), { recursive: true, force: true });
  return dir;
}

export function buildStockCopy(siteDir: string): { dir: string; remove: () => void } {
  const dir = copyWithoutIndex(siteDir);
  execFileSync(process.execPath, [cli(), '--site', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The same, as a process of its own that `watch` is given the id of (the benchmark samples its
 * memory), timed from its start to its end, the copying of the site apart.
 */
export async function buildStockCopyTimed(siteDir: string, watch: (pid: number) => () => number): Promise<{ dir: string; remove: () => void; seconds: number; peakBytes: number }> {
  const dir = copyWithoutIndex(siteDir);
  const start = performance.now();
  const child = spawn(process.execPath, [cli(), '--site', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  const stop = watch(child.pid!);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const peakBytes = stop();
  if (code !== 0) throw new Error(`stock Pagefind failed on ${dir} (exit ${code})`);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }), seconds: (performance.now() - start) / 1000, peakBytes };
}
