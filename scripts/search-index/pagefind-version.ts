/**
 * The one Pagefind version the search index writer supports. The index is written in Pagefind's
 * private format (pagefind-format.ts, merge-index.ts, fragments.ts) and read by Pagefind's own
 * runtime in the browser; that format is no public interface and has changed between versions.
 * package.json pins the same version; the build checks the installed one against this constant
 * before anything else (scripts/build.ts), so that another Pagefind never writes a part of an
 * index that this code would merge by the old layout. docs/search.md lists what the code assumes
 * of this version and how to move to another.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PAGEFIND_VERSION = '1.6.0';

/** Where the installed Pagefind says its version, from the project's root. */
export const PAGEFIND_PACKAGE = 'node_modules/pagefind/package.json';

/** The version of the Pagefind installed under `root`, or undefined when none is. */
export function installedPagefindVersion(root: string): string | undefined {
  const file = join(root, PAGEFIND_PACKAGE);
  if (!existsSync(file)) return undefined;
  try {
    const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

/** The one sentence the build refuses with when `installed` is not PAGEFIND_VERSION; undefined when it is. */
export function pagefindVersionProblem(installed: string | undefined): string | undefined {
  if (installed === PAGEFIND_VERSION) return undefined;
  const found = installed === undefined ? `没有找到已安装的 Pagefind（${PAGEFIND_PACKAGE}）` : `已安装的 Pagefind 是 ${installed}`;
  return `${found}，而搜索索引的写入程序只支持 Pagefind ${PAGEFIND_VERSION}，构建已停止：请运行 npm ci 装回 ${PAGEFIND_VERSION}，或先按 docs/search.md 的升级步骤让写入程序支持新版本。`;
}
