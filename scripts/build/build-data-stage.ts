/**
 * Where a build's data (src/lib/build-data.ts) is kept once the build is done: beside its
 * output, never in it (it is for the build's own stages, not for readers), so that the
 * stand-alone commands that look at a built site — the index alone, search:eval, the
 * benchmark — read what that build wrote: dist/ → .build-data/dist/, dist-internal/ →
 * .build-data/dist-internal/.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { BUILD_DATA_DIR, SEARCH_RECORDS_FILE } from '../../src/lib/build-data.ts';
import type { Stage } from './stages.ts';

export function buildDataDirFor(outDir: string): string {
  const out = resolve(outDir);
  return join(dirname(out), '.build-data', basename(out));
}

/** The search records of the build published in `outDir`. */
export function searchRecordsFor(outDir: string): string {
  return join(buildDataDirFor(outDir), SEARCH_RECORDS_FILE.slice(BUILD_DATA_DIR.length + 1));
}

/**
 * Takes the build data out of the staged site once every stage that reads it has run, into a
 * staging place beside the kept copy; `keep` puts it in place when the build is published.
 */
export const buildDataStage: Stage = {
  name: 'build-data',
  async run({ stagingDir, outDir }) {
    const from = join(stagingDir, BUILD_DATA_DIR);
    if (!existsSync(from)) throw new Error(`${from}：网站构建没有写出构建数据（src/pages/build-data/）`);
    const kept = buildDataDirFor(outDir);
    const next = `${kept}.next`;
    rmSync(next, { recursive: true, force: true });
    mkdirSync(dirname(next), { recursive: true });
    renameSync(from, next);
    return '移出网站';
  },
};

/** After the build is published: its data replaces the previous build's. */
export function keepBuildData(outDir: string): void {
  const kept = buildDataDirFor(outDir);
  if (!existsSync(`${kept}.next`)) return;
  rmSync(kept, { recursive: true, force: true });
  renameSync(`${kept}.next`, kept);
}
