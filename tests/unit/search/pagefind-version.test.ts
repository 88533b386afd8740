/**
 * The Pagefind version check (scripts/search-index/pagefind-version.ts): the build refuses, in one
 * sentence and before any stage, a Pagefind other than the one the index writer supports.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installedPagefindVersion, PAGEFIND_PACKAGE, PAGEFIND_VERSION, pagefindVersionProblem } from '../../../scripts/search-index/pagefind-version.ts';
import { buildSite } from '../../../scripts/build.ts';
import { PROJECT_ROOT } from '../../helpers/content-copy.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project root whose installed Pagefind says `version` (none at all when undefined). */
function rootWith(version: string | undefined): string {
  const root = mkdtempSync(join(tmpdir(), 'yaoxun-pagefind-version-'));
  made.push(root);
  if (version !== undefined) {
    mkdirSync(dirname(join(root, PAGEFIND_PACKAGE)), { recursive: true });
    writeFileSync(join(root, PAGEFIND_PACKAGE), JSON.stringify({ name: 'pagefind', version }));
  }
  return root;
}

/** One sentence: a single 。, at the end. */
const isOneSentence = (text: string) => text.split('。').length === 2 && text.endsWith('。') && !text.includes('\n');

describe('the Pagefind version check', () => {
  it('passes the version the index writer supports', () => {
    expect(installedPagefindVersion(rootWith(PAGEFIND_VERSION))).toBe(PAGEFIND_VERSION);
    expect(pagefindVersionProblem(PAGEFIND_VERSION)).toBeUndefined();
  });

  it('refuses another version in one Chinese sentence naming both versions', () => {
    const problem = pagefindVersionProblem(installedPagefindVersion(rootWith('1.7.0')));
    expect(problem).toContain('已安装的 Pagefind 是 1.7.0');
    expect(problem).toContain(`只支持 Pagefind ${PAGEFIND_VERSION}`);
    expect(problem).toContain('docs/search.md');
    expect(isOneSentence(problem!)).toBe(true);
  });

  it('refuses a project with no Pagefind installed, naming the file it looked for', () => {
    const problem = pagefindVersionProblem(installedPagefindVersion(rootWith(undefined)));
    expect(problem).toContain(`没有找到已安装的 Pagefind（${PAGEFIND_PACKAGE}）`);
    expect(isOneSentence(problem!)).toBe(true);
  });

  it('agrees with the pin in package.json and with what is installed here', () => {
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies['pagefind']).toBe(PAGEFIND_VERSION);
    expect(installedPagefindVersion(PROJECT_ROOT)).toBe(PAGEFIND_VERSION);
  });

  it('stops the build before anything else, with that sentence alone', async () => {
    const root = rootWith('1.7.0');
    const build = buildSite({ root, edition: undefined });
    await expect(build).rejects.toThrow(/^已安装的 Pagefind 是 1\.7\.0，[^\n]*。$/);
    // No stage ran: not even the build's working directory was made.
    expect(existsSync(join(root, '.build'))).toBe(false);
  });
});
