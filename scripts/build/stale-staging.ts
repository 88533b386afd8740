/**
 * A build writes into .build/staging-<edition>-<pid> and removes it when it ends, however it
 * ends; a build that is killed (Ctrl-C twice, the machine stopped) cannot, and its folder — a
 * whole site — stayed behind for ever. Each build now removes what a build no longer running
 * left: a staging folder (or its `.previous`) whose process is gone. A build still running, of
 * either edition, keeps its own.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isRunning } from '../lib/process-alive.ts';

const STAGING = /^staging-(?:public|internal)-(\d+)(?:\.previous)?$/;

/** Removes the staging folders under `work` (.build/) whose build is no longer running; returns their names. */
export function removeStaleStaging(work: string): string[] {
  if (!existsSync(work)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(work)) {
    const pid = Number(STAGING.exec(name)?.[1] ?? NaN);
    if (!Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    rmSync(join(work, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
