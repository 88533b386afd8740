/**
 * A built site's files as anyone who gets them could read them: every file raw, and decompressed
 * where it is compressed (file.gz, file.br, and Pagefind's index and fragments, which are gzip
 * whatever their name); each page's text without its tags; each search fragment's text and metadata as the search page shows them
 * (scripts/search-index/fragments.ts); and each PDF's
 * text as poppler's pdftotext extracts it (a PDF's text is compressed, in font encodings). Used to prove
 * that a string is nowhere in an edition, and, by finding it in the other edition through the
 * same reader, that the reader would have seen it.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { parseFragment } from '../../scripts/search-index/fragments.ts';
import { listFiles } from '../../scripts/lib/files.ts';

export interface ReadableFile {
  /** Relative to the site's root. */
  path: string;
  /** How the bytes were got: raw, gunzip, brotli, or a search fragment's text as a result shows it. */
  via: 'raw' | 'gunzip' | 'brotli' | 'page text' | 'search text' | 'pdftotext';
  bytes: Buffer;
}

const isGzip = (bytes: Buffer) => bytes[0] === 0x1f && bytes[1] === 0x8b;

/** Every file of `dir`, raw and, when compressed, decompressed. A compressed file that does not decompress throws. */
export function readSite(dir: string): ReadableFile[] {
  return listFiles(dir).flatMap((full) => {
    const path = relative(dir, full);
    const bytes = readFileSync(full);
    const files: ReadableFile[] = [{ path, via: 'raw', bytes }];
    if (path.endsWith('.br')) files.push({ path, via: 'brotli', bytes: brotliDecompressSync(bytes) });
    else if (isGzip(bytes)) files.push({ path, via: 'gunzip', bytes: gunzipSync(bytes) });
    // A page's text as a browser shows it: a title cut by <wbr> (src/lib/title-breaks.ts) or an entity is whole there.
    if (/\.html(?:\.gz|\.br)?$/.test(path)) files.push({ path, via: 'page text', bytes: Buffer.from(parse(files.at(-1)!.bytes.toString('utf8')).text) });
    if (path.endsWith('.pf_fragment')) files.push({ path, via: 'search text', bytes: Buffer.from(searchText(files.at(-1)!.bytes, full)) });
    if (path.endsWith('.pdf')) files.push({ path, via: 'pdftotext', bytes: pdfText(full) });
    return files;
  });
}

/** Pagefind's fragment, gunzipped: the page's text and metadata as a result shows them. */
function searchText(gunzipped: Buffer, file: string): string {
  const { content, meta } = parseFragment(gunzipped, file);
  return [content, ...Object.values(meta)].join('\n');
}

function pdfText(file: string): Buffer {
  const run = spawnSync('pdftotext', ['-q', '-enc', 'UTF-8', file, '-']);
  if (run.status !== 0) throw new Error(`pdftotext could not read ${file} (Debian: poppler-utils): ${String(run.stderr)}`);
  return run.stdout;
}

/**
 * Where each needle occurs: "path (via)" per hit. Needles are looked for as UTF-8 bytes, and,
 * for Chinese ones, also as the \uXXXX escapes JSON may use.
 */
export function findInSite(files: ReadableFile[], needles: string[]): Map<string, string[]> {
  const hits = new Map<string, string[]>();
  for (const needle of needles) {
    const forms = new Set([needle, JSON.stringify(needle).slice(1, -1), needle.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)]);
    const patterns = [...forms].map((form) => Buffer.from(form, 'utf8'));
    hits.set(
      needle,
      files.filter((file) => patterns.some((p) => file.bytes.includes(p))).map((file) => `${file.path} (${file.via})`),
    );
  }
  return hits;
}

/** Each file's content hash, size and modification time: equal snapshots mean nothing was written. */
export function snapshot(dir: string): Map<string, string> {
  return new Map(
    listFiles(dir).map((full) => {
      const { size, mtimeMs } = statSync(full);
      const hash = createHash('sha256').update(readFileSync(full)).digest('hex');
      return [relative(dir, full), `${hash} ${size} ${mtimeMs}`];
    }),
  );
}
