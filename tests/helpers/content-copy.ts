/** A throwaway copy of the project's content/ to break on purpose. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

export interface ContentCopy {
  root: string;
  /** Rewrites a file of the copy: `edit` gets its text and returns the new text. */
  edit: (path: string, edit: (text: string) => string) => void;
  /** Writes a file of the copy, making its folder when it is new. */
  write: (path: string, text: string) => void;
  remove: () => void;
}

/** Edits files under `root`; an edit that changes nothing fails, since a test that breaks nothing proves nothing. */
export function fileEditor(root: string): Pick<ContentCopy, 'edit' | 'write'> {
  return {
    edit(path, edit) {
      const full = join(root, path);
      const before = readFileSync(full, 'utf8');
      const after = edit(before);
      if (after === before) throw new Error(`edit of ${path} changed nothing`);
      writeFileSync(full, after);
    },
    write(path, text) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    },
  };
}

export function copyContent(): ContentCopy {
  const root = mkdtempSync(join(tmpdir(), 'yaoxun-content-'));
  cpSync(join(PROJECT_ROOT, 'content'), join(root, 'content'), { recursive: true });
  return { root, ...fileEditor(root), remove: () => rmSync(root, { recursive: true, force: true }) };
}
