/**
 * The file system as the build, the benchmark and the tests walk and serve it, once: every file
 * under a folder, a site address's file (and a file's address), a file replaced whole or not at
 * all, and the content type a file is
 * served with by the servers of our own (the PDF renderer's, the search harness's, the specimen
 * site's, the 编辑台's). nginx's types are its own (scripts/deploy/nginx/, checked by tests/e2e/deploy/).
 */
import { renameSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { listFiles } from '../../src/lib/content/list-files.ts';

/** Every file under a folder (the content loader's walk, src/lib/content/list-files.ts). */
export { listFiles };

let replaced = 0;

/**
 * Writes `file` through a temporary name of its own (this process's, this call's: two writers of
 * the same file never share one), then renames it: a build stopped half-way never leaves half a
 * file where the next one, or a reader, would take it for whole.
 */
export function replaceFile(file: string, bytes: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}-${++replaced}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
}

/** The bytes of every file under `dir`. */
export function directoryBytes(dir: string): number {
  return listFiles(dir).reduce((total, file) => total + statSync(file).size, 0);
}

/**
 * The file a site address names: /bulletins/2017-02/ → <dir>/bulletins/2017-02/index.html,
 * /pdf/x.pdf → <dir>/pdf/x.pdf (percent-decoded). Undefined for an address that does not decode
 * or that would leave `siteDir`. Whether the file exists is not asked.
 */
export function fileForPath(siteDir: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const relative = normalize(decoded.endsWith('/') ? `${decoded}index.html` : decoded).replace(/^[/\\]+/, '');
  if (relative.split(sep).includes('..')) return undefined;
  return join(siteDir, relative);
}

/**
 * The file a static host serves for an address, as astro preview and nginx do: fileForPath's,
 * or, for an address without its final slash that names a folder, that folder's index.html.
 * Undefined when there is none.
 */
export function servedFile(siteDir: string, pathname: string): string | undefined {
  const isFile = (path: string | undefined) => path !== undefined && statSync(path, { throwIfNoEntry: false })?.isFile() === true;
  const file = fileForPath(siteDir, pathname);
  if (isFile(file)) return file;
  const index = pathname.endsWith('/') ? undefined : fileForPath(siteDir, `${pathname}/`);
  return isFile(index) ? index : undefined;
}

/** The address of a file of the site (relative to its root): policies/index.html → /policies/, non-ASCII percent-encoded. */
export function pathForFile(relativePath: string): string {
  return `/${encodeURI(relativePath.split(sep).join('/').replace(/(^|\/)index\.html$/, '$1'))}`;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

/** The content type our own servers send a file with, by its extension; application/octet-stream for any other. */
export function contentTypeOf(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
