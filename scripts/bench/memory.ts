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

/** Samples the tree under `pid` every `everyMs` until stopped; returns the peak seen. */
export function samplePeakMemory(pid: number, everyMs = 250): { stop: () => number } {
  let peak = treeRssBytes(pid);
  const timer = setInterval(() => (peak = Math.max(peak, treeRssBytes(pid))), everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
