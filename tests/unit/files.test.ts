import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentTypeOf, directoryBytes, fileForPath, listFiles, pathForFile, servedFile } from '../../scripts/lib/files.ts';

const root = mkdtempSync(join(tmpdir(), 'files-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const site = join(root, 'site');
for (const [path, text] of [
  ['index.html', 'home'],
  ['people/吴俊清/index.html', 'name'],
  ['pdf/a.pdf', '%PDF'],
  ['b/c/d.txt', 'deep'],
] as const) {
  mkdirSync(join(site, path, '..'), { recursive: true });
  writeFileSync(join(site, path), text);
}
symlinkSync(join(site, 'b'), join(site, 'linked'));

describe('listFiles', () => {
  it('lists every file below a folder, sorted, following links; nothing for a missing folder', () => {
    expect(listFiles(site).map((f) => f.slice(site.length + 1))).toEqual(['b/c/d.txt', 'index.html', 'linked/c/d.txt', 'pdf/a.pdf', 'people/吴俊清/index.html']);
    expect(listFiles(join(root, 'missing'))).toEqual([]);
    expect(directoryBytes(join(site, 'pdf'))).toBe(4);
  });
});

describe('site addresses and files', () => {
  it('maps an address to its file, decoded, never outside the site', () => {
    expect(fileForPath(site, '/')).toBe(join(site, 'index.html'));
    expect(fileForPath(site, `/people/${encodeURIComponent('吴俊清')}/`)).toBe(join(site, 'people/吴俊清/index.html'));
    expect(fileForPath(site, '/pdf/a.pdf')).toBe(join(site, 'pdf/a.pdf'));
    expect(fileForPath(site, '/../etc/passwd')).toBe(join(site, 'etc/passwd'));
    expect(fileForPath(site, '/a/%2e%2e/%2e%2e/x')).toBe(join(site, 'x'));
    expect(fileForPath(site, '/%E0%A4%A')).toBeUndefined();
  });

  it('serves a folder’s index.html with or without the final slash, and nothing that is not a file', () => {
    expect(servedFile(site, '/people/吴俊清')).toBe(join(site, 'people/吴俊清/index.html'));
    expect(servedFile(site, '/people/吴俊清/')).toBe(join(site, 'people/吴俊清/index.html'));
    expect(servedFile(site, '/b/c')).toBeUndefined();
    expect(servedFile(site, '/nothing/')).toBeUndefined();
  });

  it('gives a file’s address, the converse', () => {
    expect(pathForFile('index.html')).toBe('/');
    expect(pathForFile('people/吴俊清/index.html')).toBe(`/people/${encodeURIComponent('吴俊清')}/`);
    expect(pathForFile('pdf/a.pdf')).toBe('/pdf/a.pdf');
    for (const file of ['people/吴俊清/index.html', 'pdf/a.pdf']) expect(fileForPath(site, pathForFile(file))).toBe(join(site, file));
  });
});

describe('contentTypeOf', () => {
  it('names the type by the extension, text with its charset', () => {
    expect(contentTypeOf('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('x.PDF')).toBe('application/pdf');
    expect(contentTypeOf('pagefind/wasm.unknown.pagefind')).toBe('application/octet-stream');
  });
});
