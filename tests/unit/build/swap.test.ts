/** The build's last step (scripts/build/swap.ts): the staging build takes dist/'s place whole, or dist/ stays as it was. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { swapInto } from '../../../scripts/build/swap.ts';

let root: string;
let staging: string;
let out: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'yaoxun-swap-'));
  staging = join(root, '.build', 'staging-1');
  out = join(root, 'dist');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A folder holding `files` (name → text). */
function folder(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}
const read = (dir: string) => Object.fromEntries(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => [join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name), 'utf8')]));

describe('swapInto', () => {
  it('puts the staging build in place of the published one, and leaves nothing of either behind', () => {
    folder(out, { 'index.html': 'old', 'gone.html': 'only in the old build' });
    folder(staging, { 'index.html': 'new', 'bulletins/index.html': 'new list' });
    swapInto(staging, out);
    expect(read(out)).toEqual({ 'index.html': 'new', 'bulletins/index.html': 'new list' });
    expect(readdirSync(join(root, '.build'))).toEqual([]);
  });

  it('publishes a first build where there was none', () => {
    folder(staging, { 'index.html': 'new' });
    swapInto(staging, out);
    expect(read(out)).toEqual({ 'index.html': 'new' });
  });

  it('clears what an interrupted swap left beside the staging folder first', () => {
    folder(`${staging}.previous`, { 'index.html': 'from a swap stopped half-way' });
    folder(out, { 'index.html': 'old' });
    folder(staging, { 'index.html': 'new' });
    swapInto(staging, out);
    expect(read(out)).toEqual({ 'index.html': 'new' });
    expect(existsSync(`${staging}.previous`)).toBe(false);
  });

  it('puts the published build back when the new one cannot be moved in', () => {
    folder(out, { 'index.html': 'old' });
    // No staging folder: the rename fails.
    expect(() => swapInto(staging, out)).toThrow();
    expect(read(out)).toEqual({ 'index.html': 'old' });
    expect(existsSync(`${staging}.previous`)).toBe(false);
  });
});
