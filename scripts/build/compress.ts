/**
 * Precompresses the built site: a `.gz` and a `.br` beside every text file worth it, so that
 * nginx (gzip_static, brotli_static) or a CDN sends them as they are instead of compressing on
 * every request, and at levels that would be too slow to use per request (gzip 9, brotli 10–11).
 * Node's own zlib does both: no dependency, and no native module to build.
 *
 * Runs as the build's last stage (after the search index, so that Pagefind's scripts and JSON
 * are included), or alone on a built directory:
 *
 *   node scripts/build/compress.ts dist
 */
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { extname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants } from 'node:zlib';
import type { Stage } from './stages.ts';
import { listFiles } from '../lib/files.ts';
import { ContentCache } from '../lib/content-cache.ts';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Text that compresses well. Not here: images, fonts, PDFs (compressed already), and Pagefind's
 * index (.pf_meta, .pf_index, .pf_fragment, .pf_filter) and WebAssembly (.pagefind), which
 * Pagefind writes gzip-compressed itself.
 */
export const COMPRESSIBLE_EXTENSIONS: ReadonlySet<string> = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.svg', '.txt', '.webmanifest']);

/** A variant is written only when it saves at least this share of the file: below that, the extra file is not worth it. */
const MIN_SAVING = 0.1;

/**
 * Brotli's quality by kind of file. The stylesheets and scripts, a few files every page loads,
 * get the highest (11); the pages, thousands of them, get 10, which compresses them several
 * times faster for output a little larger: the pages are most of the compress stage
 * (docs/decisions/005-brotli-quality.md).
 */
export const brotliQuality = (path: string) => (/\.(css|js|mjs|svg)$/i.test(path) ? constants.BROTLI_MAX_QUALITY : 10);

/** What a file's cached variants are kept under: its content's hash, and the brotli quality its kind gets. */
export const variantKey = (source: Buffer, path: string) => createHash('sha1').update(source).update(`\0br${brotliQuality(path)}`).digest('hex');

/** Files compressed at once; zlib runs them on libuv's thread pool. */
const CONCURRENCY = 8;

export interface CompressReport {
  /** Text files looked at. */
  files: number;
  /** Files that got a .gz (a .br is written under the same rule, separately). */
  gzipFiles: number;
  brotliFiles: number;
  /** Total bytes of the text files, and of what a client downloads with each encoding (the original where no variant was written). */
  bytes: { original: number; gzip: number; brotli: number };
  seconds: number;
}


const isGzip = (bytes: Buffer) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** Whether a path is one this module should compress (not itself a .gz or .br). */
export function isCompressible(path: string): boolean {
  return COMPRESSIBLE_EXTENSIONS.has(extname(path).toLowerCase());
}

/** Writes `<file>.gz` and `<file>.br` beside every compressible file under `dir`, reusing `cacheDir`'s variants of unchanged files. */
export async function compressDirectory(dir: string, cacheDir?: string): Promise<CompressReport> {
  // Kept under each file's content hash: brotli at its highest quality is slow (minutes for a
  // large archive), and most pages do not change from one build to the next.
  const cache = new ContentCache(cacheDir, ['.gz', '.br']);
  const start = performance.now();
  const report: CompressReport = { files: 0, gzipFiles: 0, brotliFiles: 0, bytes: { original: 0, gzip: 0, brotli: 0 }, seconds: 0 };
  const files = listFiles(dir).filter(isCompressible);
  const one = async (file: string) => {
    const source = await readFile(file);
    // A file that is gzip already (whatever its name) gains nothing from a second pass.
    if (isGzip(source)) return;
    const { atime, mtime } = await stat(file);
    const quality = brotliQuality(file);
    const key = variantKey(source, file);
    const [gz, br] = (await cache.get(key, () => Promise.all([
      gzipAsync(source, { level: constants.Z_BEST_COMPRESSION }),
      brotliAsync(source, {
        params: {
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_QUALITY]: quality,
          [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
        },
      }),
    ]))) as [Buffer, Buffer];
    report.files++;
    report.bytes.original += source.length;
    const worth = (variant: Buffer) => variant.length <= source.length * (1 - MIN_SAVING);
    for (const [suffix, variant] of [['.gz', gz], ['.br', br]] as const) {
      const used = worth(variant);
      if (used) {
        await writeFile(file + suffix, variant);
        // The same modification time as the original: Last-Modified and the ETag nginx derives
        // from it then agree whichever variant is sent.
        await utimes(file + suffix, atime, mtime);
      }
      if (suffix === '.gz') {
        report.bytes.gzip += used ? variant.length : source.length;
        if (used) report.gzipFiles++;
      } else {
        report.bytes.brotli += used ? variant.length : source.length;
        if (used) report.brotliFiles++;
      }
    }
  };
  for (let i = 0; i < files.length; i += CONCURRENCY) await Promise.all(files.slice(i, i + CONCURRENCY).map(one));
  cache.prune();
  report.seconds = (performance.now() - start) / 1000;
  return report;
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** One line for the build log. */
export function summarize(report: CompressReport): string {
  const { original, gzip: gz, brotli } = report.bytes;
  const share = (part: number) => (original ? `${Math.round((part / original) * 100)}%` : '–');
  return `${report.files} 个文本文件 ${kB(original)} → gzip ${kB(gz)}（${share(gz)}，${report.gzipFiles} 个 .gz），brotli ${kB(brotli)}（${share(brotli)}，${report.brotliFiles} 个 .br）`;
}

export const compressStage: Stage = {
  name: 'compress',
  async run({ stagingDir, cacheDir }) {
    return summarize(await compressDirectory(stagingDir, join(cacheDir, 'compress')));
  },
};

async function main() {
  const dir = resolve(process.argv[2] ?? 'dist');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.error(`找不到要压缩的目录：${relative(process.cwd(), dir) || dir}（请先构建：npm run build）`);
    process.exitCode = 1;
    return;
  }
  const report = await compressDirectory(dir);
  console.log(`${summarize(report)}，用时 ${report.seconds.toFixed(2)} s`);
}

if (import.meta.main) await main();
