/**
 * The round trip the import proof rests on: a rendering of the committed 第2期 (scripts/samples/)
 * imported with the importer itself (--out a scratch folder), compared with the committed content
 * files. The fuzzer (fuzz.ts) and the tests run it.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from './cli.ts';
import { EXTENSIONS, renderDraw } from '../samples/bulletin-draws.ts';
import type { RenderedIssue, RenderFormat, RenderStyle } from '../samples/render-bulletin.ts';

export const PROJECT_ROOT = join(import.meta.dirname, '../..');
export const ISSUE = '2017-02';
/** Where renderings the importer once failed on are kept (import:fuzz --save), for a test to replay. */
export const REGRESSIONS = join(PROJECT_ROOT, 'tests/fixtures/import-regressions');

type Browser = import('@playwright/test').Browser;

export interface DrawResult {
  format: RenderFormat;
  seed: number;
  style: RenderStyle;
  /** Empty when the import gave the committed files; else each difference, or the importer's refusal. */
  differences: string[];
  file: Buffer;
}

/** The issue's files under `dir` (a content folder), relative to it. */
function issueFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const entry = join(dir, 'issues', `${ISSUE}.mdx`);
  if (existsSync(entry)) files.set(`issues/${ISSUE}.mdx`, readFileSync(entry, 'utf8'));
  const articles = join(dir, 'articles', ISSUE);
  if (existsSync(articles)) for (const name of readdirSync(articles).sort()) files.set(`articles/${ISSUE}/${name}`, readFileSync(join(articles, name), 'utf8'));
  return files;
}

/** How the files under `actual` differ from the committed ones: each file missing, extra, or its first differing line. */
export function differencesFromCommitted(actual: string): string[] {
  const want = issueFiles(join(PROJECT_ROOT, 'content'));
  const got = issueFiles(actual);
  const out: string[] = [];
  for (const [path, text] of want) {
    const mine = got.get(path);
    if (mine === undefined) out.push(`${path}：未生成`);
    else if (mine !== text) {
      const [a, e] = [mine.split('\n'), text.split('\n')];
      const at = a.findIndex((l, i) => l !== e[i]);
      const line = at < 0 ? a.length : at;
      out.push(`${path} 第${line + 1}行：应为“${e[line] ?? '（文件结束）'}”，实为“${a[line] ?? '（文件结束）'}”`);
    }
  }
  for (const path of got.keys()) if (!want.has(path)) out.push(`${path}：多生成了`);
  return out;
}

/** Imports a file as `npm run import -- FILE --out DIR` would, in this process; the differences from the committed files. */
export async function importDifferences(file: string, format: RenderFormat): Promise<string[]> {
  const scratch = mkdtempSync(join(tmpdir(), 'yaoxun-fuzz-'));
  try {
    const path = join(scratch, `issue.${EXTENSIONS[format]}`);
    writeFileSync(path, readFileSync(file));
    const errors: string[] = [];
    const status = await runImport([path, '--out', join(scratch, 'out')], { cwd: scratch, projectRoot: PROJECT_ROOT, out: () => {}, err: (line) => errors.push(line) });
    if (status !== 0) return errors.length ? errors : [`退出码 ${status}`];
    return differencesFromCommitted(join(scratch, 'out'));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** One draw: rendered, imported, compared. */
export async function runDraw(issue: RenderedIssue, format: RenderFormat, seed: number, browser?: Browser): Promise<DrawResult> {
  const { style, file } = await renderDraw(issue, format, seed, browser);
  const scratch = mkdtempSync(join(tmpdir(), 'yaoxun-fuzz-file-'));
  try {
    const path = join(scratch, `draw.${EXTENSIONS[format]}`);
    writeFileSync(path, file);
    let differences: string[];
    try {
      differences = await importDifferences(path, format);
    } catch (error) {
      differences = [`导入时出错：${(error as Error).stack ?? error}`];
    }
    return { format, seed, style, differences, file };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
