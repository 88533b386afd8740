/**
 * Every file under a folder, as the content loader and the build's tools walk it (scripts/lib/files.ts
 * hands this on to them).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file under `dir` (links followed), full paths, sorted; [] when `dir` does not exist.
 * Folders themselves are not listed.
 */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      const kind = entry.isSymbolicLink() ? statSync(full, { throwIfNoEntry: false }) : entry;
      if (kind?.isDirectory()) walk(full);
      else if (kind?.isFile()) files.push(full);
    }
  };
  walk(dir);
  return files.sort();
}
