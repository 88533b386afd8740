/**
 * The 编辑台's history: every save is a git commit of the content files it changed, with the
 * editor's name as author and what changed in its message; the desk lists the recent ones and
 * undoes one with `git revert`. Git is the project's own record of its files (no database).
 */
import { execFileSync } from 'node:child_process';

export interface Change {
  hash: string;
  editor: string;
  /** ISO date and time. */
  date: string;
  subject: string;
  body: string;
  files: string[];
}

export class HistoryError extends Error {}

const EMAIL = 'desk@localhost';

function git(root: string, args: string[], editor?: string): string {
  const env = { ...process.env, LC_ALL: 'C' };
  if (editor) Object.assign(env, { GIT_AUTHOR_NAME: editor, GIT_AUTHOR_EMAIL: EMAIL, GIT_COMMITTER_NAME: editor, GIT_COMMITTER_EMAIL: EMAIL });
  // core.quotepath=false: a file's name as it is (01-附件1.pdf), not git's octal escapes, in the lists it prints.
  return execFileSync('git', ['-c', 'core.quotepath=false', ...args], { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

/** Null when `root` is a git work tree; otherwise what to do, in Chinese. */
export function historyProblem(root: string): string | null {
  try {
    git(root, ['rev-parse', '--show-toplevel']);
    return null;
  } catch {
    return `${root} 不是 git 仓库：编辑台把每次保存记为一次提交，请先在这个文件夹里运行 git init（或在项目的仓库中启动编辑台）`;
  }
}

/**
 * Commits `paths` (content files, as they now are on disk: written, changed or removed) as
 * `editor`; returns the commit's hash, or null when the files are as last committed (an import
 * saved over the same files).
 */
export function commitChange(root: string, paths: readonly string[], editor: string, subject: string, body: readonly string[] = []): string | null {
  git(root, ['add', '--all', '--', ...paths]);
  if (!git(root, ['status', '--porcelain', '--', ...paths]).trim()) return null;
  const message = [subject, '', ...body].join('\n').trim();
  git(root, ['commit', '--quiet', '--no-verify', '-m', message, '--only', '--', ...paths], editor);
  return git(root, ['rev-parse', 'HEAD']).trim();
}

/** The latest changes to the content, newest first. */
export function recentChanges(root: string, limit = 30): Change[] {
  const out = git(root, ['log', `-n${limit}`, '--name-only', '--format=%x1e%H%x1f%an%x1f%aI%x1f%s%x1f%b%x1f', '--', 'content']);
  return out
    .split('\x1e')
    .filter((r) => r.trim())
    .map((record) => {
      const [hash, editor, date, subject, body, files] = record.split('\x1f');
      return { hash: hash!, editor: editor!, date: date!, subject: subject!, body: body!.trim(), files: files!.split('\n').filter(Boolean) };
    });
}

/**
 * Undoes one change with a new commit (git revert), as `editor`. Refused when the change touched
 * anything outside content/ (not the desk's to undo), or when a later change edited the same
 * lines (git cannot revert it alone: nothing is changed, the editor is told which).
 */
export function undoChange(root: string, hash: string, editor: string): { hash: string; files: string[] } {
  if (!/^[0-9a-f]{7,40}$/.test(hash)) throw new HistoryError(`不是一次修改的编号：${hash}`);
  let files: string[];
  try {
    files = git(root, ['show', '--name-only', '--format=', hash]).split('\n').filter(Boolean);
  } catch {
    throw new HistoryError(`找不到修改 ${hash}`);
  }
  const outside = files.filter((f) => !f.startsWith('content/'));
  if (outside.length) throw new HistoryError(`修改 ${hash.slice(0, 8)} 还改动了内容以外的文件（${outside.join('、')}），不能在编辑台撤销：请告诉网站的维护者`);
  try {
    git(root, ['revert', '--no-edit', '--no-commit', hash], editor);
  } catch {
    try {
      git(root, ['revert', '--abort']);
    } catch {
      // Nothing to abort.
    }
    throw new HistoryError(`修改 ${hash.slice(0, 8)} 之后，${files.join('、')} 又被改过同一处，不能单独撤销：什么也没有改动。请打开这些条目，按需要手工改回`);
  }
  const subject = git(root, ['log', '-1', '--format=%s', hash]).trim();
  git(root, ['commit', '--quiet', '--no-verify', '-m', `编辑台：${editor}撤销了“${subject}”\n\n撤销的修改：${hash}`], editor);
  return { hash: git(root, ['rev-parse', 'HEAD']).trim(), files };
}
