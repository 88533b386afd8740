/**
 * gzip at libdeflate's near-optimal levels, through Debian's `libdeflate-gzip` (package
 * libdeflate-tools: Eric Biggers's libdeflate, whose levels 10–12 search for the shortest
 * deflate stream as Zopfli does, at many times its speed). Chosen for Pagefind's index chunks
 * and fragments, thousands of files and tens of MB at archive scale, where Zopfli (native or
 * WebAssembly) is far too slow. The WebAssembly build on npm (libdeflate 0.1.0) made the same
 * bytes more slowly and asks for Node 24. The levels and encoders measured against each other:
 * docs/decisions/008-libdeflate-and-result-filters.md.
 *
 * One process takes many files (the tool compresses each file it is given beside itself), so
 * the files go through a temporary directory, in as many processes at once as there are cores.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupSentence } from './setup-message.ts';

export const LIBDEFLATE_GZIP = process.env['LIBDEFLATE_GZIP'] ?? 'libdeflate-gzip';

/** Level 10: nearly the bytes of the highest (12) in about half its time (docs/decisions/008-libdeflate-and-result-filters.md). */
export const LIBDEFLATE_LEVEL = 10;

/** Files given to one process at a time: well under the system's limit on a command line. */
const FILES_PER_PROCESS = 500;

/** The sentence that says what to install, or undefined when libdeflate-gzip runs. */
export function libdeflateSetupMessage(purpose = 'build'): string | undefined {
  try {
    execFileSync(LIBDEFLATE_GZIP, ['-V'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return setupSentence(` libdeflate-gzip（${LIBDEFLATE_GZIP}）`, '压缩搜索索引', purpose, ['libdeflate-tools']);
  }
}

function run(dir: string, names: string[], level: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    // -k keeps the input, -f overwrites. The header holds no name and no time (libdeflate
    // writes neither): the same bytes every build.
    const child = spawn(LIBDEFLATE_GZIP, [`-${level}`, '-k', '-f', '--', ...names], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => reject(new Error(libdeflateSetupMessage() ?? `${LIBDEFLATE_GZIP}: ${error.message}`)));
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`${LIBDEFLATE_GZIP} failed (${signal ?? `exit ${code}`}): ${stderr.trim()}`));
    });
  });
}

/** Each of `inputs` gzipped at `level`, in order. */
export async function gzipAll(inputs: readonly Uint8Array[], level = LIBDEFLATE_LEVEL): Promise<Buffer[]> {
  if (!inputs.length) return [];
  const dir = mkdtempSync(join(tmpdir(), 'yaoxun-libdeflate-'));
  try {
    const names = inputs.map((bytes, i) => {
      writeFileSync(join(dir, String(i)), bytes);
      return String(i);
    });
    // Batches in order, as many running as there are cores, each core with its share.
    const cores = Math.max(1, availableParallelism());
    const perProcess = Math.min(FILES_PER_PROCESS, Math.ceil(names.length / cores));
    const batches: string[][] = [];
    for (let at = 0; at < names.length; at += perProcess) batches.push(names.slice(at, at + perProcess));
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(batches.length, cores) }, async () => {
        while (next < batches.length) await run(dir, batches[next++]!, level);
      }),
    );
    return names.map((name) => readFileSync(join(dir, `${name}.gz`)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
