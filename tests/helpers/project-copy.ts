/**
 * A throwaway copy of the whole project to build: its own content/ to change, its own dist/,
 * dist-internal/ and .build/, and the rest of the project shared.
 *
 * src/ is copied, not linked: Vite resolves a linked src/ to its real path outside the copy's
 * root, and Astro then leaves the pages' stylesheets out of the build. The rest is linked.
 */
import { cpSync, readdirSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Edition } from '../../src/lib/edition.ts';
import { copyContent, PROJECT_ROOT, type ContentCopy } from './content-copy.ts';

/** Linked into the copy; everything else the build reads. */
const LINKED = ['scripts', 'public', 'node_modules', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

export interface BuildRun {
  status: number | null;
  /** stdout and stderr together, as an editor sees them. */
  output: string;
}

export interface ProjectCopy extends ContentCopy {
  /** Runs `node scripts/build.ts --edition <edition>` in the copy, as `npm run build` would. */
  build: (edition: Edition) => BuildRun;
  /** dist/ or dist-internal/ of the copy. */
  outDir: (edition: Edition) => string;
}

export function copyProject(): ProjectCopy {
  const content = copyContent();
  const { root } = content;
  cpSync(join(PROJECT_ROOT, 'src'), join(root, 'src'), { recursive: true });
  for (const name of LINKED) {
    if (readdirSync(PROJECT_ROOT).includes(name)) symlinkSync(join(PROJECT_ROOT, name), join(root, name));
  }
  return {
    ...content,
    build(edition) {
      const run = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/node'), ['scripts/build.ts', '--edition', edition], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      });
      return { status: run.status, output: `${run.stdout}${run.stderr}` };
    },
    outDir: (edition) => join(root, edition === 'public' ? 'dist' : 'dist-internal'),
  };
}
