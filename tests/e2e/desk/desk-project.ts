/**
 * A 编辑台 for a spec file: a throwaway copy of the project (scripts/lib/project-copy.ts) with the
 * real content plus a synthetic OCR draft (合成测试数据), made a git repository of its own, and a
 * desk started on it (`node scripts/desk/cli.ts --root … --port 0`), stopped with the spec.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeProjectCopy } from '../../../scripts/lib/project-copy.ts';

const PROJECT_ROOT = join(import.meta.dirname, '../../..');

/** An OCR draft of a later issue, as the importer writes a scan (合成测试数据, not an official text). */
export const DRAFT = {
  path: 'content/issues/2017-03.mdx',
  page: '/bulletins/2017-03/',
  headline: '合成测试草稿文章标题',
  files: {
    'content/issues/2017-03.mdx': `---
# 文字识别草稿：对照纸本逐段核对全文（标题、正文、版记），改正后删去下面 review 这一行，这一期才会发布。
review: 待核对
series:
  - 合成测试数据
  - 工作要讯
year: 2017
number: 3
serial: 3
date: 2017-06-20
publisher: 合成测试单位
email: test@example.cn
telephone: 0351-0000000
articles:
  - 2017-03/01
---
`,
    'content/articles/2017-03/01.mdx': `---
title: 合成测试草稿文章标题
issue: 2017-03
---

本段为自动测试生成的合成文字，模拟未经核对的文字识别草稿。
`,
  },
} as const;

export interface DeskProject {
  root: string;
  url: string;
  git: (...args: string[]) => string;
  stop: () => Promise<void>;
}

export async function startDesk(): Promise<DeskProject> {
  const { root, remove } = makeProjectCopy(PROJECT_ROOT, 'yaoxun-desk-e2e-');
  cpSync(join(PROJECT_ROOT, 'content'), join(root, 'content'), { recursive: true });
  for (const [path, text] of Object.entries(DRAFT.files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: '测试', GIT_AUTHOR_EMAIL: 'test@localhost', GIT_COMMITTER_NAME: '测试', GIT_COMMITTER_EMAIL: 'test@localhost' } });
  git('init', '--quiet');
  git('add', 'content');
  git('commit', '--quiet', '-m', '合成测试：初始内容');
  const child: ChildProcess = spawn(join(PROJECT_ROOT, 'node_modules/.bin/node'), ['scripts/desk/cli.ts', '--root', root, '--port', '0', '--editions', 'public'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`编辑台没有启动：${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /(http:\/\/127\.0\.0\.1:\d+)\/desk\//.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`编辑台退出（${code}）：${output}`)));
  });
  return {
    root,
    url,
    git,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      remove();
    },
  };
}
