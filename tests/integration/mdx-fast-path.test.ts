/**
 * The fast path is safe: a body without components, rendered by the Markdown processor
 * (src/lib/content/loader.ts), makes the page @astrojs/mdx makes of it, byte for byte. Each
 * content is built twice, as usual and with MDX_EVERY_BODY=1 (every article's body compiled by
 * @astrojs/mdx), and every file of the two outputs compared: the whole real content, and a
 * benchmark archive (scripts/bench/corpus.ts, seed 1) in which some articles use components,
 * with two articles more of its kind: one with the Markdown an editor may write (headings, lists,
 * emphasis, code, links), which keeps the fast path, and one with what the two renderers write
 * differently (characters, a table, a hard break, a rule, a footnote, a task list:
 * src/lib/mdx/components.ts compiledAsMdx), which does not. The search, PDF and compression stages are left out: they read the pages,
 * which are compared.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { makeProjectCopy, type ProjectCopy } from '../../scripts/lib/project-copy.ts';
import { writeCorpus } from '../../scripts/bench/corpus.ts';
import { listFiles } from '../../src/lib/content/list-files.ts';
import { PROJECT_ROOT } from '../helpers/content-copy.ts';

const run = promisify(execFile);

/** Markdown an editor may write in an article (合成测试数据) that keeps the fast path. */
const MARKDOWN_SAMPLER = [
  '## 合成测试小标题',
  '### 三级标题',
  '段落中有**加粗**、*强调*、~~删除线~~、`代码`和[链接](https://example.org/path)，网址 https://example.org/a 自成链接。',
  '- 无序一\n- 无序二\n  - 嵌套',
  '3. 有序三\n4. 有序四',
  '```\n代码块\n```',
].join('\n\n');

/** What the two renderers write differently (src/lib/mdx/components.ts compiledAsMdx), which sends a body through MDX. */
const WRITTEN_OTHERWISE = [
  '合成测试：直引号 "甲" 与 \'乙\'，和号 A&B，大于号 a > b，转义的 \\< 与 `代码 <x>`。',
  '第一行\\\n硬换行后的第二行，脚注在此[^1]。',
  '***',
  '| 项目 | 数量 |\n|:---|---:|\n| 甲 | 1 |',
  '- [x] 已办\n- [ ] 未办',
  '[^1]: 合成测试脚注。',
].join('\n\n');
const copies: ProjectCopy[] = [];
afterAll(() => copies.forEach((copy) => copy.remove()));

async function build(root: string, out: string, everyBodyAsMdx: boolean) {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', MDX_EVERY_BODY: everyBodyAsMdx ? '1' : '0' };
  delete env['SITE_EDITION'];
  const args = ['scripts/build.ts', '--out', out, '--skip', 'search', '--skip', 'pdf', '--skip', 'compress'];
  await run(join(PROJECT_ROOT, 'node_modules/.bin/node'), args, { cwd: root, env, maxBuffer: 64 * 1024 * 1024 });
}

/** Every file under `dir`, by its path in it. */
const filesOf = (dir: string) => new Map(listFiles(dir).map((full) => [relative(dir, full), full]));

/** Builds the copy both ways and compares: the differing files (none expected), and what was compared. */
async function bothWays(copy: ProjectCopy) {
  const markdownOut = join(copy.root, 'out-markdown');
  const mdxOut = join(copy.root, 'out-mdx');
  await build(copy.root, markdownOut, false);
  const compiledAsUsual = readFileSync(join(copy.root, '.astro/content-modules.mjs'), 'utf8');
  await build(copy.root, mdxOut, true);
  // The MDX build compiled every article: Astro lists each compiled body's module.
  const compiled = readFileSync(join(copy.root, '.astro/content-modules.mjs'), 'utf8');
  const articles = listFiles(join(copy.root, 'content/articles')).filter((f) => f.endsWith('.mdx'));
  const notCompiled = articles.map((f) => relative(copy.root, f)).filter((path) => !compiled.includes(JSON.stringify(path)));
  const markdown = filesOf(markdownOut);
  const mdx = filesOf(mdxOut);
  const differing = [...new Set([...markdown.keys(), ...mdx.keys()])].filter((path) => {
    const [a, b] = [markdown.get(path), mdx.get(path)];
    return !a || !b || !readFileSync(a).equals(readFileSync(b));
  });
  const articlePages = [...markdown.keys()].filter((path) => /^bulletins\/[^/]+\/[^/]+\/index\.html$/.test(path));
  const compiledUsually = (path: string) => compiledAsUsual.includes(JSON.stringify(path));
  return { differing, notCompiled, compiledUsually, articles: articles.length, articlePages: articlePages.length, files: markdown.size };
}

describe('a body without components, as Markdown and as MDX', () => {
  it('makes the same site of the whole content, byte for byte', async () => {
    const copy = makeProjectCopy(PROJECT_ROOT, 'yaoxun-fastpath-');
    copies.push(copy);
    cpSync(join(PROJECT_ROOT, 'content'), join(copy.root, 'content'), { recursive: true });
    const result = await bothWays(copy);
    expect(result.notCompiled).toEqual([]);
    expect(result.articlePages).toBe(result.articles);
    expect(result.differing).toEqual([]);
  }, 600_000);

  it('makes the same site of a benchmark archive, some of whose articles use components', async () => {
    const copy = makeProjectCopy(PROJECT_ROOT, 'yaoxun-fastpath-');
    copies.push(copy);
    const corpus = await writeCorpus(PROJECT_ROOT, copy.root, { articles: 140, policies: 20, seed: 1 });
    expect(corpus.withComponents.articles).toBeGreaterThan(0);
    const [markdown, characters] = ['content/articles/2017-01/02.mdx', 'content/articles/2017-01/03.mdx'];
    appendFileSync(join(copy.root, markdown), `\n${MARKDOWN_SAMPLER}\n`);
    appendFileSync(join(copy.root, characters), `\n${WRITTEN_OTHERWISE}\n`);
    const result = await bothWays(copy);
    expect(result.notCompiled).toEqual([]);
    expect([markdown, characters].map(result.compiledUsually)).toEqual([false, true]);
    expect(result.articlePages).toBe(corpus.articles);
    expect(result.differing).toEqual([]);
  }, 900_000);
});
