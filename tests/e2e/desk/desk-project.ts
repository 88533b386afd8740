/**
 * A 编辑台 for a spec file: a throwaway copy of the project (scripts/lib/project-copy.ts) with the
 * real content plus a synthetic OCR draft (合成测试数据), made a git repository of its own, and a
 * desk started on it (`node scripts/desk/cli.ts --root … --port 0`), stopped with the spec.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeProjectCopy } from '../../../scripts/lib/project-copy.ts';
import { OCR_DRAFT, ocrDraftFiles } from '../../helpers/ocr-draft.ts';

const PROJECT_ROOT = join(import.meta.dirname, '../../..');

/** The OCR draft (合成测试数据) the desk releases. */
export const DRAFT = { path: OCR_DRAFT.file, page: OCR_DRAFT.page, headline: '合成测试草稿文章标题', files: ocrDraftFiles('合成测试草稿文章标题', '本段为自动测试生成的合成文字，模拟未经核对的文字识别草稿。') } as const;

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
