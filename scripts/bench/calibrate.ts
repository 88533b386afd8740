/**
 * How fast this machine is, so that build times from two runs (or two machines "of the same
 * kind", which can differ greatly: docs/benchmarks.md) can be told apart from the code's own
 * changes: one core's brotli at quality 10 — the compress stage's work — over a fixed text, 4 MB
 * of the seed issue's sentences drawn in a seeded order with numbers between them (as the
 * benchmark's corpus recombines them). Takes a few seconds; run it before the builds.
 *
 *   node scripts/bench/calibrate.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { seededRandom } from '../lib/random.ts';

const SIZE = 4 * 1024 * 1024;

/** MB/s of brotli quality 10 on one core (the median of three rounds). */
export function machineSpeed(projectRoot: string): number {
  const dir = join(projectRoot, 'content/articles/2017-02');
  const sentences = readdirSync(dir).sort().flatMap((name) => readFileSync(join(dir, name), 'utf8').split(/(?<=[。；])/)).filter((s) => s.trim());
  if (!sentences.length) throw new Error(`${dir}: no seed articles to time`);
  const random = seededRandom(1);
  const parts: string[] = [];
  for (let bytes = 0; bytes < SIZE; ) {
    const part = `${sentences[Math.floor(random() * sentences.length)]}${Math.floor(random() * 100000)}`;
    parts.push(part);
    bytes += Buffer.byteLength(part);
  }
  const text = Buffer.from(parts.join('')).subarray(0, SIZE);
  const rounds = [0, 1, 2].map(() => {
    const start = performance.now();
    brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 10, [constants.BROTLI_PARAM_SIZE_HINT]: SIZE } });
    return SIZE / 1024 ** 2 / ((performance.now() - start) / 1000);
  });
  return rounds.sort((a, b) => a - b)[1]!;
}

if (import.meta.main) {
  console.log(`brotli 10，单核：${machineSpeed(new URL('../..', import.meta.url).pathname).toFixed(2)} MB/s`);
}
