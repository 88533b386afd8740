/**
 * A script of this project run in a Node process of its own, the same Node as this one: the build
 * runs its content check, Astro and each search index part so, that none of them holds its
 * memory in the build's own process. What the child writes to stderr is kept (the caller makes
 * its error of it); stdout is kept or passed through.
 */
import { spawn } from 'node:child_process';

export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runNodeScript(script: string, args: readonly string[], options: { cwd?: string; stdout?: 'inherit' | 'pipe' } = {}): Promise<ChildResult> {
  const child = spawn(process.execPath, [script, ...args], { cwd: options.cwd, stdio: ['ignore', options.stdout ?? 'inherit', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
