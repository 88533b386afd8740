/**
 * The whole suite as `npm test` (and so CI, `bash .ci/run`) runs it, after scripts/setup.sh:
 * the steps of one lane run in order, the lanes of a phase at once, the phases in order. The
 * machine has two cores and the steps wait on the processes they start (Astro, Chromium,
 * Tesseract) for much of their time: the type check and the builds run beside the Vitest tests
 * rather than after them, and the two sites the browser tests share are built there too, in the
 * same test run as Vitest's and Playwright's workers (YAOXUN_TEST_RUN: tests/helpers/shared-build.ts).
 *
 *   node tests/run-all.ts
 *
 * Each line a step prints is prefixed with its lane's name; the first step that fails stops the
 * others (the processes it started), and the command exits with its status. At the end each
 * step's time is printed (docs/benchmarks.md "The test suite").
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { PROJECT_ROOT } from './helpers/content-copy.ts';
import { mdxSite } from './helpers/mdx-site.ts';
import { specimenSite } from './helpers/specimen-site.ts';

/** A command of node_modules/.bin, or a script run by this Node, or work done in this process. */
export type Step = { name: string; command: string[] } | { name: string; run: () => Promise<unknown> };
export type Lane = { name: string; steps: Step[] };

const bin = (tool: string) => join(PROJECT_ROOT, 'node_modules/.bin', tool);
const node = (...args: string[]) => [process.execPath, ...args];

/** What `npm test` runs: each phase's lanes. */
export const PHASES: Lane[][] = [
  [
    { name: 'vitest', steps: [{ name: 'vitest', command: [bin('vitest'), 'run'] }] },
    {
      name: 'site',
      steps: [
        { name: 'astro check', command: [bin('astro'), 'check'] },
        { name: 'content check', command: node('scripts/content/validate.ts') },
        { name: 'build', command: node('scripts/build.ts') },
        { name: 'build:internal', command: node('scripts/build.ts', '--edition', 'internal') },
        // The sites the browser tests read (and Vitest's mdx-components.test.ts): whichever asks first builds each.
        { name: 'MDX site', run: () => mdxSite() },
        { name: 'specimen site', run: () => specimenSite() },
      ],
    },
  ],
  [
    {
      name: 'e2e',
      steps: [
        { name: 'playwright', command: [bin('playwright'), 'test'] },
        { name: 'playwright desk', command: [bin('playwright'), 'test', '-c', 'playwright.desk.config.ts'] },
      ],
    },
  ],
];

class StepFailed extends Error {}

const running = new Set<ChildProcess>();

/** Runs a command with its lines prefixed; rejects with StepFailed when it exits otherwise than 0. */
function runCommand(lane: string, step: string, [file, ...args]: string[]): Promise<void> {
  const child = spawn(file!, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', (line) => console.log(`[${lane}] ${line}`));
  return new Promise((resolve, reject) => {
    child.on('error', (error) => reject(new StepFailed(`${step}：无法启动（${error.message}）`)));
    child.on('close', (code, signal) => {
      running.delete(child);
      if (code === 0) resolve();
      else reject(new StepFailed(`${step}：${signal ? `被信号 ${signal} 终止` : `退出码 ${code}`}`));
    });
  });
}

/** Stops what the steps started: each command's process group. */
function stopAll() {
  for (const child of running) {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}

export interface Timing {
  lane: string;
  step: string;
  seconds: number;
}

async function runLane(lane: Lane, timings: Timing[]): Promise<void> {
  for (const step of lane.steps) {
    const start = performance.now();
    console.log(`[${lane.name}] ▶ ${step.name}`);
    if ('command' in step) await runCommand(lane.name, step.name, step.command);
    else {
      try {
        await step.run();
      } catch (error) {
        throw new StepFailed(`${step.name}：${(error as Error).message}`);
      }
    }
    const seconds = (performance.now() - start) / 1000;
    timings.push({ lane: lane.name, step: step.name, seconds });
    console.log(`[${lane.name}] ✓ ${step.name}（${seconds.toFixed(1)} s）`);
  }
}

/** Runs the phases; the times of the steps that finished, and the first failure if one failed. */
export async function runAll(phases: Lane[][]): Promise<{ timings: Timing[]; failure?: string }> {
  const timings: Timing[] = [];
  let first: unknown;
  for (const lanes of phases) {
    await Promise.allSettled(
      lanes.map((lane) =>
        runLane(lane, timings).catch((error: unknown) => {
          // The first failure stops the other lanes (theirs, then, is being stopped).
          if (first === undefined) {
            first = error;
            stopAll();
          }
        }),
      ),
    );
    if (first !== undefined) {
      const reason = first as Error;
      return { timings, failure: reason instanceof StepFailed ? reason.message : (reason.stack ?? String(reason)) };
    }
  }
  return { timings };
}

if (import.meta.main) {
  // Every shared build of this run (Vitest's, Playwright's, the steps above) is known by this process.
  process.env['YAOXUN_TEST_RUN'] = String(process.pid);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopAll();
      process.exit(1);
    });
  }
  const start = performance.now();
  const { timings, failure } = await runAll(PHASES);
  console.log('[test] 各步用时：');
  for (const t of timings) console.log(`[test]   ${t.lane} · ${t.step}：${t.seconds.toFixed(1)} s`);
  console.log(`[test] 共 ${((performance.now() - start) / 1000).toFixed(1)} s`);
  if (failure) {
    console.error(`[test] 未通过：${failure}`);
    process.exit(1);
  }
}
