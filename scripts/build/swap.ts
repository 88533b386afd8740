/**
 * Puts a finished build in place of the published one in two renames, so that a failed build
 * never leaves a half-written dist/ and a reader never sees one being replaced.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';

export function swapInto(stagingDir: string, outDir: string): void {
  const previous = `${stagingDir}.previous`;
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, previous);
  try {
    renameSync(stagingDir, outDir);
  } catch (error) {
    if (existsSync(previous)) renameSync(previous, outDir);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}
