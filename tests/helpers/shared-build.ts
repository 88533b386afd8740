/**
 * A site built once per test run and shared by every worker of the run (Vitest's forks,
 * Playwright's workers), for tests that only read it: the first process to ask builds it (behind
 * a lock directory), the others wait for its note. A run is known by a process that lives as long
 * as it: `npm test` (tests/run-all.ts) names itself in YAOXUN_TEST_RUN, so that Vitest, Playwright
 * and the suite's own steps share one build; a runner started alone is its workers' parent. The
 * copies of runs whose process has gone are removed by the next run.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRunning } from '../../scripts/lib/process-alive.ts';
import { PROJECT_ROOT } from './content-copy.ts';

/** What a shared build leaves: the root of its copy of the project, and whatever else the builder notes (JSON). */
export interface SharedBuild {
  root: string;
}

const key = createHash('sha1').update(PROJECT_ROOT).digest('hex').slice(0, 8);

/** The process the run is known by: YAOXUN_TEST_RUN when `npm test` set it, else this worker's runner. */
export function testRunId(): number {
  const named = Number(process.env['YAOXUN_TEST_RUN']);
  return Number.isInteger(named) && named > 0 ? named : process.ppid;
}

/** Removes the notes, locks and copies of `name` left by runs whose runner has gone. */
function pruneStale(prefix: string, copyPrefix: string, current: number) {
  for (const file of readdirSync(tmpdir())) {
    const m = new RegExp(`^${prefix}(\\d+)\\.(json|lock)$`).exec(file);
    if (!m || Number(m[1]) === current || isRunning(Number(m[1]))) continue;
    const path = join(tmpdir(), file);
    try {
      if (m[2] === 'json') {
        const { root } = JSON.parse(readFileSync(path, 'utf8')) as { root?: string };
        if (root && root.startsWith(join(tmpdir(), copyPrefix))) rmSync(root, { recursive: true, force: true });
      }
      rmSync(path, { recursive: true, force: true });
    } catch {
      // Another run is pruning it.
    }
  }
}

/**
 * The build `name` of this test run: made by `build` in the first worker that asks, waited for by
 * the others (up to `timeoutMs`). `copyPrefix` is the prefix of the temporary folder `build`
 * makes its copy in (so that a stale one is known and removed). Call it in a beforeAll with a
 * timeout of a few minutes.
 */
export async function sharedBuild<T extends SharedBuild>(name: string, copyPrefix: string, build: () => Promise<T>, timeoutMs = 300_000): Promise<T> {
  const prefix = `yaoxun-${name}-${key}-`;
  const runId = testRunId();
  const note = join(tmpdir(), `${prefix}${runId}.json`);
  const lock = join(tmpdir(), `${prefix}${runId}.lock`);
  let builder = false;
  try {
    mkdirSync(lock);
    builder = true;
  } catch {
    // Another worker of this run builds it.
  }
  if (builder) {
    pruneStale(prefix, copyPrefix, runId);
    let result: T | { error: string };
    try {
      result = await build();
    } catch (error) {
      result = { error: (error as Error).message };
    }
    writeFileSync(`${note}.tmp`, JSON.stringify(result));
    renameSync(`${note}.tmp`, note);
  }
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(note)) {
    if (Date.now() > deadline) throw new Error(`the shared build ${name} did not finish in ${timeoutMs / 1000} s (${note})`);
    await new Promise((done) => setTimeout(done, 500));
  }
  const result = JSON.parse(readFileSync(note, 'utf8')) as T & { error?: string };
  if (result.error || !result.root) throw new Error(result.error ?? `the note ${note} is incomplete`);
  return result;
}
