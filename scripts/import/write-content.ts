/**
 * Puts an imported entry's files in place (an issue and its articles, or a policy document), all
 * or none: they are checked with the site's own validator (scripts/content/validate.ts) in a
 * scratch copy of the content first, written to a staging folder beside their destination, and
 * only then moved in — an entry being replaced (--force) is moved aside first and put back if
 * anything fails.
 */
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { formatProblem, validateContent } from '../content/validate.ts';
import { ImportError, libraryRefusal } from './errors.ts';
import { isRunning } from '../lib/process-alive.ts';

export interface ContentTarget {
  /** The project, whose topics (and, when writing into its own content/, everything else) the files are checked against. */
  projectRoot: string;
  /** The folder that takes issues/, articles/ and policies/: the project's content/, or --out DIR. */
  contentDir: string;
  /**
   * The entry's own files and folders, relative to contentDir, in the order they are moved in:
   * what an import replaces whole (an issue's articles/<id>/ folder, then issues/<id>.mdx).
   */
  paths: string[];
}

/** A file to put in place: an entry's text, or the bytes of a file beside it (a photo the 编辑台 uploaded). */
export interface WrittenFile {
  /** Relative to the content folder. */
  path: string;
  text: string | Uint8Array;
}

/** The collections an import writes into. */
const COLLECTIONS = ['issues', 'articles', 'policies'];

export function issueTarget(projectRoot: string, contentDir: string, issueId: string): ContentTarget {
  return { projectRoot, contentDir, paths: [`articles/${issueId}`, `issues/${issueId}.mdx`] };
}

export function policyTarget(projectRoot: string, contentDir: string, policyId: string): ContentTarget {
  return { projectRoot, contentDir, paths: [`policies/${policyId}.mdx`] };
}

/** The entry's files that already exist in the target, relative to it (the entry file first). */
export function existingFiles({ contentDir, paths }: ContentTarget): string[] {
  return [...paths].reverse().filter((path) => existsSync(join(contentDir, path)));
}

/**
 * The validator's problems that the new files bring: each problem of the new files, and any
 * problem elsewhere that the content did not have before (a policy citing an article that a
 * re-import removed). Each as the validator prints it, with the paths of the target folder as
 * `show` writes them.
 */
export function validateImport(target: ContentTarget, files: readonly WrittenFile[], show: (path: string) => string = (p) => p): string[] {
  const scratch = mkdtempSync(join(tmpdir(), 'yaoxun-import-check-'));
  try {
    const content = join(scratch, 'content');
    const ownContent = resolve(target.contentDir) === resolve(target.projectRoot, 'content');
    if (ownContent) {
      if (existsSync(target.contentDir)) cpSync(target.contentDir, content, { recursive: true });
    } else {
      // Elsewhere (--out): the project's topics and policies (a revision may supersede one of
      // them), and whatever the folder already holds.
      cpSync(join(target.projectRoot, 'content/topics'), join(content, 'topics'), { recursive: true });
      cpSync(join(target.projectRoot, 'content/policies'), join(content, 'policies'), { recursive: true });
      for (const sub of COLLECTIONS) {
        if (existsSync(join(target.contentDir, sub))) cpSync(join(target.contentDir, sub), join(content, sub), { recursive: true });
      }
    }
    const before = new Set(validateContent(scratch).problems.map(formatProblem));
    for (const path of existingFiles({ ...target, contentDir: content })) rmSync(join(content, path), { recursive: true });
    for (const file of files) {
      mkdirSync(dirname(join(content, file.path)), { recursive: true });
      writeFileSync(join(content, file.path), file.text);
    }
    const written = new Set(files.map((f) => `content/${f.path}`));
    // The scratch copy's content/… is the target folder's.
    const real = (text: string) => text.replace(/(?<![\w/])content\/((?:issues|articles|policies|topics)\/[^\s:：]+)/g, (_, path: string) => show(join(target.contentDir, path)));
    return validateContent(scratch)
      .problems.filter((p) => written.has(p.path) || !before.has(formatProblem(p)))
      .map((p) => real(formatProblem(p)));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Runs `run` (the check that the entry is not there, the content check and the write) holding a
 * lock on each of `keys` (the entry's files; a policy's 文号 too), so that two imports of the same
 * entry at once cannot both pass the checks and the last silently win: the second is told that
 * another import is writing it, and writes nothing. A lock is a file made with O_EXCL
 * (`openSync(…, 'wx')`: it exists or this process made it, atomically), in the system's temporary
 * folder, named by a hash of the content folder and the key;
 * it holds the owner's pid and start, and is removed when `run` ends, however it ends. A lock left
 * by a process that no longer runs (killed mid-import) is taken over.
 */
export function withImportLock<T>(target: ContentTarget, keys: readonly string[], describe: string, run: () => T): T {
  // In one place whether or not the content folder exists yet: a lock beside a folder that a first import then creates would not be the lock a second import looks for.
  const dir = tmpdir();
  const held: string[] = [];
  try {
    for (const key of [...new Set(keys)].sort()) {
      const file = join(dir, `.yaoxun-import-${createHash('sha1').update(`${resolve(target.contentDir)}\0${key}`).digest('hex').slice(0, 16)}.lock`);
      takeLock(file, describe);
      held.push(file);
    }
    return run();
  } finally {
    for (const file of held) rmSync(file, { force: true });
  }
}

function takeLock(file: string, describe: string, retried = false): void {
  try {
    const fd = openSync(file, 'wx');
    writeSync(fd, JSON.stringify({ pid: process.pid, started: new Date().toISOString() }));
    closeSync(fd);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw libraryRefusal('无法建立导入锁', '文件系统', error, '请检查内容文件夹能否写入');
    let owner: { pid?: number; started?: string } = {};
    try {
      owner = JSON.parse(readFileSync(file, 'utf8')) as typeof owner;
    } catch {
      // Being written this very moment: someone holds it.
    }
    if (!retried && owner.pid && !isRunning(owner.pid)) {
      rmSync(file, { force: true });
      return takeLock(file, describe, true);
    }
    throw new ImportError(`另一个导入正在写入${describe}${owner.pid ? `（进程 ${owner.pid}，${owner.started ?? ''} 开始）` : ''}：两个导入不能同时写同一条目，请等它完成，检查它写入的内容后再决定是否重新导入`);
  }
}

/** Writes the files into the target, replacing the entry's old files; all or none. Returns the paths written. */
export function writeContentFiles(target: ContentTarget, files: readonly WrittenFile[]): string[] {
  const { contentDir, paths } = target;
  const owner = (file: WrittenFile) => paths.find((path) => file.path === path || file.path.startsWith(`${path}/`));
  for (const file of files) {
    if (!owner(file) || (owner(file) !== file.path && dirname(file.path) !== owner(file))) throw new Error(`${file.path} is not a file of ${paths.join(', ')}`);
  }
  mkdirSync(contentDir, { recursive: true });
  const staging = mkdtempSync(join(contentDir, '.import-'));
  // What has been moved so far, to undo in reverse order if a later step fails.
  const done: Array<[from: string, to: string]> = [];
  const move = (from: string, to: string) => {
    mkdirSync(dirname(to), { recursive: true });
    renameSync(from, to);
    done.push([from, to]);
  };
  try {
    for (const file of files) {
      mkdirSync(dirname(join(staging, 'new', file.path)), { recursive: true });
      writeFileSync(join(staging, 'new', file.path), file.text);
    }
    for (const path of paths) {
      if (existsSync(join(contentDir, path))) move(join(contentDir, path), join(staging, 'old', path));
    }
    for (const path of paths) {
      // A folder (an issue's articles) is put in place even when empty; a file (an entry, a topic's .yaml, a photo beside an article) only when written.
      const isFolder = !files.some((f) => f.path === path) && (files.some((f) => f.path.startsWith(`${path}/`)) || !/\.(?:mdx|yaml)$/.test(path));
      if (isFolder) mkdirSync(join(staging, 'new', path), { recursive: true });
      if (existsSync(join(staging, 'new', path))) move(join(staging, 'new', path), join(contentDir, path));
    }
  } catch (error) {
    let undone = true;
    for (const [from, to] of done.reverse()) {
      try {
        renameSync(to, from);
      } catch {
        undone = false;
      }
    }
    // Keep the staging folder when something could not be put back: it holds the old files.
    if (undone) rmSync(staging, { recursive: true, force: true });
    const where = undone ? '已撤回，未改动任何文件' : `未能全部撤回，原有文件在 ${staging}`;
    throw libraryRefusal(`写入失败（${where}）`, '文件系统', error, '请检查内容文件夹能否写入、磁盘是否已满');
  }
  rmSync(staging, { recursive: true, force: true });
  return files.map((f) => join(contentDir, f.path));
}
