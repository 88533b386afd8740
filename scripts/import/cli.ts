/**
 * Imports a bulletin issue into the site's content files.
 *
 *   npm run import -- FILE [--out DIR] [--force] [--dry-run]
 *
 * FILE is the issue as extracted plain text, a PDF or a .docx. Writes content/issues/<id>.mdx
 * and content/articles/<id>/<nn>.mdx (or the same under DIR), all or none, after checking them
 * with the site's validator; prints what it wrote and what the editor must check. Refuses an
 * issue that already exists unless --force; --dry-run prints the files and writes nothing.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatChineseDate } from '../../src/lib/chinese-date.ts';
import { formatIssueLabel, formatSerial } from '../../src/lib/issue-label.ts';
import { validateContent } from '../content/validate.ts';
import { buildIssue } from './build-issue.ts';
import { ImportError } from './errors.ts';
import { parseBulletin } from './parse-bulletin.ts';
import { FORMAT_NAMES, readSource } from './read-input.ts';
import { renderContentFiles } from './render-content.ts';
import type { TopicKeywords } from './topics.ts';
import { existingIssueFiles, validateImport, writeIssueFiles, type ContentTarget } from './write-content.ts';

const USAGE = '用法：npm run import -- 文件 [--out 目录] [--force] [--dry-run]\n  文件：一期工作要讯的纯文本（UTF-8）、PDF 或 Word（.docx）';

export interface CliEnvironment {
  /** Where relative paths on the command line start from (npm runs scripts in the project root; INIT_CWD is where the editor was). */
  cwd: string;
  projectRoot: string;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** The project's topics and their keywords, as the validator reads them. */
function loadTopics(projectRoot: string): TopicKeywords[] {
  return validateContent(projectRoot).content.topics.map(({ data }) => ({ name: data.name, keywords: data.keywords }));
}

export async function runImport(argv: string[], env: CliEnvironment): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: 'string' }, force: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    env.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    env.out(USAGE);
    return 0;
  }
  if (args.positionals.length !== 1) {
    env.err(`${args.positionals.length ? '一次只能导入一个文件' : '请给出要导入的文件'}\n${USAGE}`);
    return 2;
  }
  const shown = (path: string) => {
    const rel = relative(env.cwd, path);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  };
  const file = resolve(env.cwd, args.positionals[0]!);
  const contentDir = args.values.out ? resolve(env.cwd, args.values.out) : join(env.projectRoot, 'content');
  const dryRun = Boolean(args.values['dry-run']);

  try {
    const { format, blocks } = await readSource(file);
    const parsed = parseBulletin(blocks);
    const { issue, undecided, joins } = buildIssue(parsed, loadTopics(env.projectRoot));
    const files = renderContentFiles(issue);
    const target: ContentTarget = { projectRoot: env.projectRoot, contentDir, issueId: issue.id };
    const label = `${formatIssueLabel(issue)}（${formatSerial(issue.serial)}）`;

    const existing = existingIssueFiles(target);
    if (existing.length && !args.values.force && !dryRun) {
      throw new ImportError(`${label}已存在：${existing.map((p) => shown(join(contentDir, p))).join('、')}。如要用这份文件替换它，请加 --force`);
    }
    const problems = validateImport(target, files, shown);
    if (problems.length) {
      throw new ImportError(`生成的内容没有通过内容检查：\n${problems.map((p) => `  ${p}`).join('\n')}`);
    }

    env.out(`已读取 ${shown(file)}（${FORMAT_NAMES[format]}）：${label}，${formatChineseDate(issue.date)}出版，${issue.articles.length} 篇文章。`);
    const titles = new Map(issue.articles.map((a) => [`articles/${a.id}.mdx`, `${a.title}（${a.paragraphs.length} 段）`]));
    if (dryRun) {
      env.out('试运行（--dry-run）：没有写入任何文件。将写入：');
      for (const f of files) {
        const path = join(contentDir, f.path);
        let state = '新建';
        try {
          state = readFileSync(path, 'utf8') === f.text ? '覆盖，内容不变' : '覆盖，内容有变';
        } catch {
          // Not there yet.
        }
        env.out(`\n──── ${shown(path)}（${state}）\n${f.text.trimEnd()}`);
      }
      if (existing.length && !args.values.force) env.out(`\n注意：${label}已存在，正式导入时须加 --force 才会替换。`);
    } else {
      writeIssueFiles(target, files);
      env.out(`已写入 ${files.length} 个文件${existing.length ? `（替换了原有的${label}）` : ''}：`);
      for (const f of files) env.out(`  ${shown(join(contentDir, f.path))}${titles.has(f.path) ? `  ${titles.get(f.path)}` : ''}`);
    }
    env.out(undecided.length ? '未能确定，请编辑核对：' : '未能确定的：无。');
    for (const line of undecided) env.out(`  ${line}`);
    if (joins.length) {
      env.out('被分页截断后接上的段落（“|”为接缝），请核对：');
      for (const line of joins) env.out(`  ${line}`);
    }
    env.out('人物、机构、地点和主题是按规则识别的，请逐篇核对；改动后运行 npm run check:content。');
    return 0;
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    env.err(`导入失败：${shown(file)}：${error.message}`);
    env.err('没有写入任何文件。');
    return 1;
  }
}

if (import.meta.main) {
  const projectRoot = resolve(import.meta.dirname, '../..');
  process.exitCode = await runImport(process.argv.slice(2), {
    cwd: process.env['INIT_CWD'] ?? process.cwd(),
    projectRoot,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
}
