/**
 * A throwaway copy of the whole project to build (scripts/lib/project-copy.ts), with a copy of
 * the real content/ that a test may change: add a photo, break a field. Builds run in a child
 * process, as `npm run build` would, so that Astro's Vite does not run inside Vitest's.
 */
import { execFile } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeProjectCopy } from '../../scripts/lib/project-copy.ts';
import { fileEditor, PROJECT_ROOT, type ContentCopy } from './content-copy.ts';

const run = promisify(execFile);

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface TempProject extends ContentCopy {
  /** `node scripts/build.ts` with the project's Node 22, in the copy: output in <root>/dist. */
  build: (...args: string[]) => Promise<RunResult>;
  /** A tool from node_modules/.bin (astro), in the copy. */
  npx: (tool: string, ...args: string[]) => Promise<RunResult>;
}

async function exec(file: string, args: string[], cwd: string): Promise<RunResult> {
  // The edition comes from the build's --edition flag, never from the shell the tests run in.
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  delete env['SITE_EDITION'];
  try {
    const { stdout, stderr } = await run(file, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** A copy of the project with the content of `contentRoot` (by default the project's own). */
export function makeTempProject(contentRoot = PROJECT_ROOT): TempProject {
  const { root, remove } = makeProjectCopy(PROJECT_ROOT, 'yaoxun-discovery-');
  cpSync(join(contentRoot, 'content'), join(root, 'content'), { recursive: true });
  const node = join(PROJECT_ROOT, 'node_modules/.bin/node');
  return {
    root,
    remove,
    ...fileEditor(root),
    build: (...args) => exec(node, ['scripts/build.ts', ...args], root),
    npx: (tool, ...args) => exec(node, [join(PROJECT_ROOT, 'node_modules/.bin', tool), ...args], root),
  };
}
