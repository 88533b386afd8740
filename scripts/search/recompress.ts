/**
 * Recompresses the files of Pagefind's index that every first query loads whatever it asks —
 * the metadata file and the WebAssembly — and the filter files, with Zopfli, which finds a
 * smaller deflate stream of the same bytes than Pagefind's zlib: every browser and Pagefind's own
 * inflater read it as they read Pagefind's. On the 7,000-article benchmark archive (2026-12-02):
 * metadata 84.0 → 74.3 kB, WebAssembly 55.4 → 52.8 kB, a date filter 22.9 → 20.5 kB.
 *
 * Not the index chunks or the fragments, though Zopfli makes them 4–6 % smaller too: there are
 * some 10,000 of them (75 MB before compression at 7,000 articles), and the WebAssembly Zopfli
 * the project can install without a native build (@gfx/zopfli) did 0.08 MB/s on the chunks and
 * 0.01 MB/s on the fragments here, which would add a quarter of an hour to the build.
 *
 * The files go to a worker thread per core (zopfli-worker.ts), and each result is kept between
 * builds under the hash of its uncompressed bytes. A file keeps Pagefind's gzip where Zopfli's
 * is no smaller.
 *
 *   node scripts/search/recompress.ts [site directory, default dist]
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { listFiles, replaceFile } from '../lib/files.ts';
import { ContentCache } from '../lib/content-cache.ts';

/** The metadata (pagefind.<language>_<hash>.pf_meta), the WebAssembly (wasm.<language>.pagefind) and the filters. */
const RECOMPRESSED = /\.(pf_meta|pf_filter|pagefind)$/;

/** Zopfli's iterations: on the benchmark archive's metadata 5 gave 74.25 kB, 15 gave 74.22 kB. */
const ITERATIONS = 5;

export interface RecompressReport {
  files: number;
  /** Files whose Zopfli gzip was smaller, and so replaced Pagefind's. */
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

/** Recompresses the metadata, WebAssembly and filter files of the index in `pagefindDir`; `cacheDir` keeps the results for the next build. */
export async function recompressIndex(pagefindDir: string, cacheDir?: string): Promise<RecompressReport> {
  const start = performance.now();
  const cache = new ContentCache(cacheDir, ['.gz']);
  const report: RecompressReport = { files: 0, replaced: 0, cached: 0, bytes: { before: 0, after: 0 }, seconds: 0 };
  const files = listFiles(pagefindDir).filter((file) => RECOMPRESSED.test(file));
  // A worker per core, each compressing one file at a time; none starts if every file is cached.
  const workers = Array.from({ length: Math.max(1, availableParallelism()) }, zopfliWorker);
  try {
    const one = async (file: string, zopfliOn: ReturnType<typeof zopfliWorker>) => {
      const written = readFileSync(file);
      let raw: Buffer;
      try {
        raw = gunzipSync(written);
      } catch (error) {
        throw new Error(`${file}: not gzip as Pagefind writes it (${(error as Error).message}) — has Pagefind's format changed?`);
      }
      const key = createHash('sha1').update(raw).update(`\0zopfli${ITERATIONS}`).digest('hex');
      let made = false;
      const [zopfli] = await cache.get(key, async () => {
        made = true;
        return [await zopfliOn.gzip(raw)];
      });
      if (!made && cacheDir) report.cached++;
      report.files++;
      report.bytes.before += written.length;
      if (zopfli!.length < written.length) {
        replaceFile(file, zopfli!);
        report.replaced++;
        report.bytes.after += zopfli!.length;
      } else {
        report.bytes.after += written.length;
      }
    };
    let taken = 0;
    await Promise.all(workers.map(async (worker) => {
      while (taken < files.length) await one(files[taken++]!, worker);
    }));
  } finally {
    await Promise.all(workers.map((worker) => worker.close()));
  }
  cache.prune();
  report.seconds = (performance.now() - start) / 1000;
  return report;
}

/** One line for the build log. */
export function summarizeRecompress(report: RecompressReport): string {
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
  return `Zopfli：${report.files} 个索引文件 ${kB(report.bytes.before)} → ${kB(report.bytes.after)}（${report.replaced} 个更小，${report.cached} 个取自缓存）`;
}

if (import.meta.main) {
  const dir = resolve(process.argv[2] ?? 'dist');
  const pagefindDir = join(dir, 'pagefind');
  if (!existsSync(pagefindDir) || !statSync(pagefindDir).isDirectory()) {
    console.error(`${relative(process.cwd(), pagefindDir) || pagefindDir}：没有搜索索引（请先构建：npm run build）`);
    process.exit(1);
  }
  const report = await recompressIndex(pagefindDir);
  console.log(`${summarizeRecompress(report)}，用时 ${report.seconds.toFixed(1)} s`);
}
