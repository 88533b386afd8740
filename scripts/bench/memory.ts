/**
 * Peak resident memory of a process and everything it starts (Astro, the Pagefind binary,
 * Chromium), sampled from /proc: a child's memory is not in the parent's own maxRSS.
 */
import { readFileSync } from 'node:fs';

function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function rssBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The resident memory of `pid` and all its descendants now. */
export function treeRssBytes(pid: number): number {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const current = stack.pop()!;
    total += rssBytes(current);
    stack.push(...children(current));
  }
  return total;
}

export interface MemorySamples {
  /** The highest sum seen. */
  peak: number;
  /** Each sample: milliseconds since sampling began, and the sum then. */
  samples: Array<[number, number]>;
}

/** Samples the tree under `pid` every `everyMs` until stopped. */
export function sampleMemory(pid: number, everyMs = 250): { stop: () => MemorySamples } {
  const start = performance.now();
  const samples: Array<[number, number]> = [[0, treeRssBytes(pid)]];
  const timer = setInterval(() => samples.push([performance.now() - start, treeRssBytes(pid)]), everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return { peak: Math.max(...samples.map(([, bytes]) => bytes)), samples };
    },
  };
}


/**
 * The peak of each stage of a build, from its samples and its stages' seconds in order (the
 * build's report): each stage's window follows the one before from the start of sampling, so
 * the split is as good as the stages' timing (a fraction of a second of process start apart).
 */
export function peakByStage(samples: ReadonlyArray<[number, number]>, stageSeconds: Record<string, number>): Record<string, number> {
  const peaks: Record<string, number> = {};
  let from = 0;
  for (const [stage, seconds] of Object.entries(stageSeconds)) {
    const to = from + seconds * 1000;
    const inStage = samples.filter(([ms]) => ms >= from && ms < to).map(([, bytes]) => bytes);
    peaks[stage] = inStage.length ? Math.max(...inStage) : 0;
    from = to;
  }
  return peaks;
}
