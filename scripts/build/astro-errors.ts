/**
 * Turns what Astro's build throws (its own errors, or Vite's and Rolldown's aggregate of plugin
 * errors, such as MDX syntax) into lines an editor can act on: the file relative to the project,
 * the line and column, the reason. No stack trace: it points into node_modules, not at the
 * content.
 */
import { isAbsolute, relative } from 'node:path';

interface ErrorLike {
  message?: unknown;
  reason?: unknown;
  hint?: unknown;
  id?: unknown;
  file?: unknown;
  line?: unknown;
  column?: unknown;
  loc?: { file?: unknown; line?: unknown; column?: unknown };
  errors?: unknown;
}

const asString = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
const asNumber = (value: unknown) => (typeof value === 'number' ? value : undefined);

/** The message without the stack, and without a "file:line:col" line already given as the location. */
function reasonOf(error: ErrorLike): string {
  const text = asString(error.reason) ?? asString(error.message) ?? String(error);
  return text
    .split('\n')
    .filter((line) => !/^\s+at\s/.test(line) && !/^\[plugin [^\]]+\]\s/.test(line) && line.trim() !== '')
    .join(' ')
    .trim();
}

function describeOne(error: ErrorLike, root: string): string {
  const file = asString(error.loc?.file) ?? asString(error.file) ?? asString(error.id);
  const line = asNumber(error.loc?.line) ?? asNumber(error.line);
  const column = asNumber(error.loc?.column) ?? asNumber(error.column);
  const where = file ? `${isAbsolute(file) ? relative(root, file) : file}${line ? `:${line}` : ''}${line && column ? `:${column}` : ''}：` : '';
  const hint = asString(error.hint);
  // Absolute paths of the project in a message read better relative, like the location.
  return `${where}${reasonOf(error)}${hint ? `（${hint}）` : ''}`.replaceAll(`${root}/`, '');
}

export function explainAstroError(error: unknown, root: string): string {
  const candidate = (error ?? {}) as ErrorLike;
  const parts = Array.isArray(candidate.errors) && candidate.errors.length > 0 ? (candidate.errors as ErrorLike[]) : [candidate];
  return ['页面生成失败：', ...parts.map((part) => `  ${describeOne(part, root)}`)].join('\n');
}
