/**
 * The MDX site: a throwaway copy of the project (scripts/lib/project-copy.ts) with the real
 * content plus one SYNTHETIC issue (合成测试数据) whose articles use the body components
 * (src/lib/mdx/components.ts): the first every one of them, with a synthetic picture, a CSV
 * table and a PDF beside it (scripts/samples/component-body.ts), the second a table written in
 * Markdown. Built as the public edition, PDFs included, once per test run and shared by the
 * Vitest and Playwright tests that read it (tests/helpers/shared-build.ts).
 *
 * MDX_ROOT=<a copy's root> reuses a copy built before (`node tests/helpers/mdx-site.ts` builds
 * one and prints its root).
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { makeProjectCopy } from '../../scripts/lib/project-copy.ts';
import { writeComponentBody, type ComponentFiles } from '../../scripts/samples/component-body.ts';
import { PROJECT_ROOT } from './content-copy.ts';
import { sharedBuild } from './shared-build.ts';

const run = promisify(execFile);

/** The synthetic issue and its articles. */
export const MDX_ISSUE = { id: '2017-09', url: '/bulletins/2017-09/', pdf: '/pdf/bulletins/2017-09.pdf' } as const;
export const COMPONENT_ARTICLE = { id: '2017-09/01', url: '/bulletins/2017-09/01/', title: '合成测试：用到全部正文组件的文章' } as const;
export const MARKDOWN_TABLE_ARTICLE = { id: '2017-09/02', url: '/bulletins/2017-09/02/', title: '合成测试：表格写在正文中的文章' } as const;

/** The Markdown table of the second article, cell by cell. */
export const MARKDOWN_TABLE = { title: '合成测试表格（Markdown）', header: ['年份（合成）', '项目数'], rows: [['2016', '12'], ['2017', '20']] };

const PARAGRAPHS = ['本段为自动测试生成的合成文字，模拟一篇新闻稿的第一段，不是真实报道。', '本段为合成文字的第二段，组件排在它的前后。', '本段为合成文字的第三段。'];

export interface MdxSite {
  root: string;
  outDir: string;
  /** What the first article's components show. */
  files: ComponentFiles;
}

const issueFile = `---
# 合成测试数据（自动测试用），不是真实的工作要讯
series:
  - 合成测试数据
  - 工作要讯
year: 2017
number: 9
serial: 9
date: 2017-12-20
publisher: 合成测试单位
email: test@example.cn
telephone: 0351-0000000
articles:
  - ${COMPONENT_ARTICLE.id}
  - ${MARKDOWN_TABLE_ARTICLE.id}
---
`;

const articleFile = (title: string, body: string) => `---
# 合成测试数据（自动测试用），不是真实报道
title: ${title}
issue: ${MDX_ISSUE.id}
---

${body}
`;

/** Writes the synthetic issue into the project at `root`; what the component article shows. */
export async function writeMdxIssue(root: string): Promise<ComponentFiles> {
  const folder = join(root, 'content/articles', MDX_ISSUE.id);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(root, 'content/issues', `${MDX_ISSUE.id}.mdx`), issueFile);
  const { body, files } = await writeComponentBody(folder, '01', PARAGRAPHS, { photo: true, table: true, attachment: true, note: true }, 7);
  writeFileSync(join(folder, '01.mdx'), articleFile(COMPONENT_ARTICLE.title, body));
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const table = [row(MARKDOWN_TABLE.header), row(MARKDOWN_TABLE.header.map(() => '---')), ...MARKDOWN_TABLE.rows.map(row)].join('\n');
  writeFileSync(join(folder, '02.mdx'), articleFile(MARKDOWN_TABLE_ARTICLE.title, `${PARAGRAPHS[0]}\n\n<表格 标题="${MARKDOWN_TABLE.title}">\n\n${table}\n\n</表格>\n\n${PARAGRAPHS[1]}`));
  return files;
}

/** Builds an MDX site now: its root, output and the component article's files. */
export async function buildMdxSite(): Promise<MdxSite> {
  const { root, remove } = makeProjectCopy(PROJECT_ROOT, 'yaoxun-mdx-copy-');
  try {
    cpSync(join(PROJECT_ROOT, 'content'), join(root, 'content'), { recursive: true });
    const files = await writeMdxIssue(root);
    const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
    delete env['SITE_EDITION'];
    try {
      await run(join(PROJECT_ROOT, 'node_modules/.bin/node'), ['scripts/build.ts'], { cwd: root, env, maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string };
      throw new Error(`the MDX site's build failed:\n${failed.stdout ?? ''}\n${failed.stderr ?? ''}`);
    }
    return { root, outDir: join(root, 'dist'), files };
  } catch (error) {
    remove();
    throw error;
  }
}

/** The MDX site of this test run, built by the first caller (call it in a beforeAll with a timeout of a few minutes). */
export async function mdxSite(timeoutMs = 600_000): Promise<MdxSite> {
  const reuse = process.env['MDX_ROOT'];
  if (reuse) {
    const root = resolve(reuse);
    const { readFileSync } = await import('node:fs');
    return JSON.parse(readFileSync(join(root, 'mdx-site.json'), 'utf8')) as MdxSite;
  }
  return sharedBuild('mdx', 'yaoxun-mdx-copy-', async () => {
    const site = await buildMdxSite();
    writeFileSync(join(site.root, 'mdx-site.json'), JSON.stringify(site));
    return site;
  }, timeoutMs);
}

if (import.meta.main) {
  const site = await buildMdxSite();
  writeFileSync(join(site.root, 'mdx-site.json'), JSON.stringify(site));
  console.log(site.root);
}
