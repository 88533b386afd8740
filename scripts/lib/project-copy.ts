/**
 * A throwaway project that builds with this project's code but other content: its own
 * content/ (and build output), the code copied from the real project, the dependencies
 * linked. Used by the benchmark (a synthetic archive) and by tests that build broken or
 * special content.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Copied: Astro resolves components by their real path, and pages or components that live
 * outside the project root (as a symlink would make them) break its build.
 */
const COPIED = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];
/** Linked: read only, and large. */
const LINKED = ['node_modules', 'scripts'];

export interface ProjectCopy {
  root: string;
  remove: () => void;
}

export function makeProjectCopy(projectRoot: string, prefix: string): ProjectCopy {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const name of COPIED) cpSync(resolve(projectRoot, name), join(root, name), { recursive: true });
  for (const name of LINKED) symlinkSync(resolve(projectRoot, name), join(root, name));
  mkdirSync(join(root, 'content'));
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
