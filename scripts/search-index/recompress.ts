/**
 * Recompresses Pagefind's index with deflate encoders that find smaller streams of the same
 * bytes than Pagefind's zlib (and Node's, for the fragments fragments.ts rewrites): every
 * browser and Pagefind's own inflater read them as they read Pagefind's.
 *
 * - Zopfli (@gfx/zopfli, WebAssembly, a worker thread per core) for the few files every first
 *   query loads whatever it asks, the metadata and the WebAssembly, and for the filters: the
 *   smallest gzip there is, slow, but these files are small (docs/decisions/007-zopfli.md).
 * - libdeflate at level 10 (../lib/libdeflate.ts) for the index chunks and the fragments, most
 *   of the index's files and bytes, on which Zopfli would take far too long
 *   (docs/decisions/008-libdeflate-and-result-filters.md).
 *
 * Each result is kept between builds under the hash of its uncompressed bytes and its encoder.
 * A file keeps the gzip it had where the recompressed one is no smaller.
 *
 *   node scripts/search-index/recompress.ts [site directory, default dist]
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { listFiles, replaceFile } from '../lib/files.ts';
import { ContentCache } from '../lib/content-cache.ts';
import { gzipAll, LIBDEFLATE_LEVEL, libdeflateSetupMessage } from '../lib/libdeflate.ts';

/** The metadata (pagefind.<language>_<hash>.pf_meta), the WebAssembly (wasm.<language>.pagefind) and the filters. */
const BY_ZOPFLI = /\.(pf_meta|pf_filter|pagefind)$/;
/** The index chunks and the fragments. */
const BY_LIBDEFLATE = /\.(pf_index|pf_fragment)$/;

/** Zopfli's iterations: more gave next to nothing on the benchmark archive's metadata (docs/decisions/007-zopfli.md). */
const ITERATIONS = 5;

/** Files read, recompressed and written at a time by libdeflate: a few MB held at once. */
const LIBDEFLATE_BATCH = 1000;

export interface RecompressReport {
  files: number;
  /** Files whose new gzip was smaller, and so replaced the one written. */
  replaced: number;
  /** Files taken from the cache. */
  cached: number;
  bytes: { before: number; after: number };
  seconds: number;
}

/** A Zopfli worker thread, started when first asked: one file at a time. */
function zopfliWorker() {
  let worker: Worker | undefined;
  return {
    gzip(bytes: Buffer): Promise<Buffer> {
      worker ??= new Worker(new URL('./zopfli-worker.ts', import.meta.url), { workerData: { iterations: ITERATIONS } });
      const thread = worker;
      return new Promise((resolvePromise, reject) => {
        const failed = (error: Error) => {
          thread.off('message', answered);
          reject(error);
        };
        const answered = ({ gzip, error }: { gzip?: Uint8Array; error?: string }) => {
          thread.off('error', failed);
          if (error !== undefined) reject(new Error(`Zopfli: ${error}`));
          else resolvePromise(Buffer.from(gzip!.buffer, gzip!.byteOffset, gzip!.byteLength));
        };
        thread.once('message', answered);
        thread.once('error', failed);
        thread.postMessage(bytes);
      });
    },
    close: async () => void (await worker?.terminate()),
  };
}

/** A file of the index, its bytes as written and as Pagefind meant them. */
interface IndexFile {
  file: string;
  written: Buffer;
  raw: Buffer;
  key: string;
}

function readIndexFile(file: string, encoder: string): IndexFile {
  const written = readFileSync(file);
  let raw: Buffer;
  try {
    raw = gunzipSync(written);
  } catch (error) {
    throw new Error(`${file}: not gzip as Pagefind writes it (${(error as Error).message}) — has Pagefind's format changed?`);
  }
  return { file, written, raw, key: createHash('sha1').update(raw).update(`\0${encoder}`).digest('hex') };
}

/** Recompresses the index in `pagefindDir`; `cacheDir` keeps the results for the next build. */
export async function recompressIndex(pagefindDir: string, cacheDir?: string): Promise<RecompressReport> {
  const start = performance.now();
  const cache = new ContentCache(cacheDir, ['.gz']);
  const report: RecompressReport = { files: 0, replaced: 0, cached: 0, bytes: { before: 0, after: 0 }, seconds: 0 };
  const files = listFiles(pagefindDir);
  const settle = ({ file, written }: IndexFile, smaller: Buffer, fromCache: boolean) => {
    report.files++;
    if (fromCache) report.cached++;
    report.bytes.before += written.length;
    if (smaller.length < written.length) {
      replaceFile(file, smaller);
      report.replaced++;
      report.bytes.after += smaller.length;
    } else {
      report.bytes.after += written.length;
    }
  };

  // Zopfli: a worker per core, each compressing one file at a time; none starts if every file is cached.
  const byZopfli = async () => {
    const queue = files.filter((file) => BY_ZOPFLI.test(file));
    const workers = Array.from({ length: Math.max(1, availableParallelism()) }, zopfliWorker);
    try {
      let taken = 0;
      await Promise.all(workers.map(async (worker) => {
        while (taken < queue.length) {
          const one = readIndexFile(queue[taken++]!, `zopfli${ITERATIONS}`);
          const found = await cache.find(one.key);
          const [gzip] = found ?? [await worker.gzip(one.raw)];
          if (!found) await cache.keep(one.key, [gzip!]);
          settle(one, gzip!, found !== undefined);
        }
      }));
    } finally {
      await Promise.all(workers.map((worker) => worker.close()));
    }
  };
  // libdeflate: a batch of files at a time, those not in the cache in one call.
  const byLibdeflate = async () => {
    const queue = files.filter((file) => BY_LIBDEFLATE.test(file));
    for (let at = 0; at < queue.length; at += LIBDEFLATE_BATCH) {
      const batch = queue.slice(at, at + LIBDEFLATE_BATCH).map((file) => readIndexFile(file, `libdeflate${LIBDEFLATE_LEVEL}`));
      const found = await Promise.all(batch.map((one) => cache.find(one.key)));
      const missing = batch.filter((_, i) => !found[i]);
      const made = await gzipAll(missing.map((one) => one.raw));
      await Promise.all(missing.map((one, i) => cache.keep(one.key, [made[i]!])));
      let next = 0;
      batch.forEach((one, i) => settle(one, found[i]?.[0] ?? made[next++]!, found[i] !== undefined));
    }
  };
  // At once: the metadata's Zopfli, one long file on one core, would otherwise leave the other idle.
  // Both run to their end before a failure of either is reported: nothing is left writing.
  const failed = (await Promise.allSettled([byZopfli(), byLibdeflate()])).find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  cache.prune();
  report.seconds = (performance.now() - start) / 1000;
  return report;
}

/** One line for the build log. */
export function summarizeRecompress(report: RecompressReport): string {
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
  return `重新压缩：${report.files} 个索引文件 ${kB(report.bytes.before)} → ${kB(report.bytes.after)}（${report.replaced} 个更小，${report.cached} 个取自缓存，${report.seconds.toFixed(1)} s）`;
}

if (import.meta.main) {
  const missing = libdeflateSetupMessage();
  if (missing) {
    console.error(missing);
    process.exit(1);
  }
  const dir = resolve(process.argv[2] ?? 'dist');
  const pagefindDir = join(dir, 'pagefind');
  if (!existsSync(pagefindDir) || !statSync(pagefindDir).isDirectory()) {
    console.error(`${relative(process.cwd(), pagefindDir) || pagefindDir}：没有搜索索引（请先构建：npm run build）`);
    process.exit(1);
  }
  const report = await recompressIndex(pagefindDir);
  console.log(summarizeRecompress(report));
}
