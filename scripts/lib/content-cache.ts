/**
 * Files made from other bytes (compressed copies), kept between builds under the hash of what
 * they were made from: making them is slow (brotli at its highest quality, Zopfli), and most of
 * a site does not change from one build to the next. Each use has a directory of its own; what
 * a run did not ask for is dropped at its end (prune), so that the cache holds one build's worth.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { replaceFile } from './files.ts';

export class ContentCache {
  private readonly used = new Set<string>();
  private readonly dir: string | undefined;
  private readonly suffixes: readonly string[];

  /**
   * `dir` undefined: nothing is kept, every `get` makes. `suffixes`: the files kept per key,
   * in the order `make` returns them (['.gz', '.br'] for a file's two compressed copies).
   */
  constructor(dir: string | undefined, suffixes: readonly string[]) {
    this.dir = dir;
    this.suffixes = suffixes;
  }

  /** The files kept under `key`, or what `make` returns, kept for the next build. */
  async get(key: string, make: () => Promise<Buffer[]>): Promise<Buffer[]> {
    const found = await this.find(key);
    if (found) return found;
    const made = await make();
    await this.keep(key, made);
    return made;
  }

  /** The files kept under `key`, or undefined; either way `key` is kept past this run's prune. */
  async find(key: string): Promise<Buffer[] | undefined> {
    if (!this.dir) return undefined;
    this.used.add(key);
    const files = this.files(key);
    return files.every((file) => existsSync(file)) ? Promise.all(files.map((file) => readFile(file))) : undefined;
  }

  /** Keeps `made` (one file per suffix) under `key` for the next build. */
  async keep(key: string, made: readonly Buffer[]): Promise<void> {
    if (!this.dir) return;
    this.used.add(key);
    const files = this.files(key);
    if (made.length !== files.length) throw new Error(`ContentCache: made ${made.length} file(s) for ${files.length} suffix(es)`);
    await mkdir(this.dir, { recursive: true });
    // Two files of the same content may be made at once: replaceFile gives each write a name of its own.
    made.forEach((bytes, i) => replaceFile(files[i]!, bytes));
  }

  private files(key: string): string[] {
    return this.suffixes.map((suffix) => join(this.dir!, `${key}${suffix}`));
  }

  /** Drops what this run did not use. */
  prune(): void {
    if (!this.dir || !existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) {
      const suffix = this.suffixes.find((s) => name.endsWith(s));
      if (!suffix || !this.used.has(name.slice(0, -suffix.length))) rmSync(join(this.dir, name), { force: true });
    }
  }
}
