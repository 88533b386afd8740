/**
 * A throwaway copy of the whole project to build: content/ is a real copy that a test may
 * change (add a photo, break a field); src/ is copied too, because Astro's compiler keys a
 * component's styles by its path and a symlinked src/ would give two paths for one file;
 * the rest (scripts, configuration, node_modules) is symlinked.
 * Builds run in a child process, as `npm run build` would, so that Astro's Vite does not run
 * inside Vitest's.
 */
import { execFile } from 'node:child_process';
import { cpSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { copyContent, PROJECT_ROOT, type ContentCopy } from './content-copy.ts';

const COPIED = ['src', 'public'];
const LINKED = ['scripts', 'node_modules', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

const run = promisify(execFile);

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface TempProject extends ContentCopy {
  /** `node scripts/build.ts` with the project's Node 22, in the copy: output in <root>/dist. */
  build: (...args: string[]) => Promise<RunResult>;
  /** Any tool from node_modules/.bin (astro), in the copy. */
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

export function makeTempProject(): TempProject {
  const copy = copyContent();
  for (const name of COPIED) cpSync(join(PROJECT_ROOT, name), join(copy.root, name), { recursive: true });
  for (const name of LINKED) symlinkSync(join(PROJECT_ROOT, name), join(copy.root, name));
  const node = join(PROJECT_ROOT, 'node_modules/.bin/node');
  return {
    ...copy,
    build: (...args) => exec(node, ['scripts/build.ts', ...args], copy.root),
    npx: (tool, ...args) => exec(node, [join(PROJECT_ROOT, 'node_modules/.bin', tool), ...args], copy.root),
  };
}
