/** Runs the importer as an editor would (npm run import -- …), and compares what it wrote. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from './content-copy.ts';
import { listFiles } from '../../scripts/lib/files.ts';
import { runImport } from '../../scripts/import/cli.ts';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the importer's command (scripts/import/cli.ts's runImport) in this process, as
 * `npm run import -- …` from `cwd` would, with its printed lines collected as the command's
 * stdout and stderr. In the test's process, not a new one: a Node process that loads the
 * importer's modules costs seconds a run, and the suite imports some hundred files.
 * runImportProcess is the command itself, for what only a process shows.
 */
export async function runImportCli(args: string[], cwd = PROJECT_ROOT): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const status = await runImport(args, { cwd, projectRoot: PROJECT_ROOT, out: (line) => stdout.push(`${line}\n`), err: (line) => stderr.push(`${line}\n`) });
  return { status, stdout: stdout.join(''), stderr: stderr.join('') };
}

/** The command itself, in a process of its own (node scripts/import/cli.ts …): its exit status and output. */
export function runImportProcess(args: string[], cwd = PROJECT_ROOT): CliRun {
  const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/import/cli.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: cwd },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Imports `name` (with `contents`, or missing when none is given) from `dir` with --out, and
 * checks that it is refused as bad input is: exit status 1, nothing on stdout, a message that
 * names the file, and nothing written. Returns the message.
 */
export async function expectRefused(dir: string, name: string, contents?: string | Buffer, extra: string[] = []): Promise<string> {
  const file = join(dir, name);
  if (contents !== undefined) writeFileSync(file, contents);
  const out = join(dir, 'out');
  const run = await runImportCli([file, '--out', out, ...extra]);
  expect(run.status).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain(`导入失败：${file}：`);
  expect(run.stderr).toContain('没有写入任何文件');
  expect(existsSync(out)).toBe(false);
  return run.stderr;
}

/** Every file under `dir`, relative to it, sorted. */
export function filesUnder(dir: string): string[] {
  return listFiles(dir)
    .map((f) => relative(dir, f))
    .sort();
}

/**
 * Each way the issue's files under `actual` differ from those under `expected` (two content
 * folders), named: a missing or extra file, or the first differing line of a file.
 */
export function contentDifferences(actual: string, expected: string, issueId: string): string[] {
  const ofIssue = (dir: string) => filesUnder(dir).filter((f) => f === `issues/${issueId}.mdx` || f.startsWith(`articles/${issueId}/`));
  const want = ofIssue(expected);
  const got = ofIssue(actual);
  const differences: string[] = [];
  for (const file of want.filter((f) => !got.includes(f))) differences.push(`${file}：未生成`);
  for (const file of got.filter((f) => !want.includes(f))) differences.push(`${file}：多生成了`);
  for (const file of want.filter((f) => got.includes(f))) {
    const a = readFileSync(join(actual, file), 'utf8');
    const e = readFileSync(join(expected, file), 'utf8');
    if (a === e) continue;
    const [al, el] = [a.split('\n'), e.split('\n')];
    const line = al.findIndex((l, i) => l !== el[i]);
    const at = line < 0 ? al.length : line;
    differences.push(`${file} 第${at + 1}行：应为“${el[at] ?? '（文件结束）'}”，实为“${al[at] ?? '（文件结束）'}”`);
  }
  return differences;
}
