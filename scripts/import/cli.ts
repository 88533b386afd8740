/**
 * Imports a bulletin issue, or an official document (公文), into the site's content files.
 *
 *   npm run import -- FILE [--kind bulletin|policy] [--revises ID] [--out DIR] [--force] [--dry-run]
 *
 * FILE is the issue or document as extracted plain text, a PDF, a .docx or an OFD; which of the two it
 * is, is told by its form (第N期 under a masthead; a 发文字号, a title ending in a 文种 above a
 * 主送 line, or a 版记 with …印发), or by --kind. An issue becomes content/issues/<id>.mdx and
 * content/articles/<id>/<nn>.mdx, a document content/policies/<id>.mdx (or the same under DIR),
 * all or none, after checking them with the site's validator; prints what it read and what the
 * editor must check. Refuses an entry that already exists unless --force; --dry-run prints the
 * files and writes nothing. A scanned issue (a PDF with no text layer) is recognised by OCR
 * (read-scan.ts) and written as a draft marked review: 待核对, which no edition publishes, with
 * its low-confidence lines listed by article and paragraph.
 */
import { accessSync, constants, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatChineseDate } from '../../src/lib/chinese-date.ts';
import { formatIssueLabel, formatSerial } from '../../src/lib/issue-label.ts';
import { validateContent } from '../content/validate.ts';
import { parseContentFile } from '../../src/lib/content/frontmatter.ts';
import { buildIssue, type EarlierIssue } from './build-issue.ts';
import { editDistance } from './edit-distance.ts';
import { ImportError, libraryRefusal } from './errors.ts';
import { checkBlocks } from './input-limits.ts';
import { NEAR_DIFFERENCE, parseBulletin } from './parse-bulletin.ts';
import { FORMAT_NAMES, LOW_CONFIDENCE, readSource, type SourceFormat } from './read-input.ts';
import { isOcrPageNumber, type OcrLine } from './read-scan.ts';
import { REVIEW_PENDING } from '../../src/lib/issue-review.ts';
import { tidy } from './cjk-text.ts';
import { renderContentFiles, type IssueContent } from './render-content.ts';
import type { TopicKeywords } from './topics.ts';
import { existingFiles, issueTarget, policyTarget, validateImport, withImportLock, writeContentFiles, type ContentTarget } from './write-content.ts';
import { flattenTables, uncertainPlaces, type SourceBlock } from './source-block.ts';
import { looksOfficial, parseOfficial, type OfficialBlock } from './parse-official.ts';
import { asRevision, buildPolicy, type RevisedVersion } from './build-policy.ts';
import { renderPolicyFiles } from './render-policy.ts';
import type { ContentFile } from './render-content.ts';

const USAGE =
  '用法：npm run import -- 文件 [--kind bulletin|policy] [--revises 编号] [--out 目录] [--force] [--dry-run]\n' +
  '  文件：一期工作要讯或一份公文的纯文本（UTF-8 或 GBK，也可以是从政府网站复制的文字）、网页（另存的 .html）、PDF、Word（.docx）或 OFD（.ofd）\n' +
  '  --kind：bulletin（工作要讯）或 policy（公文，写入 policies/）；不写时按文件的格式判断\n' +
  '  --revises：这份公文是 policies/ 中某份文件（编号即其文件名）的修订版：新文件替代它，旧文件保留并标为已修订或已废止\n' +
  '  扫描件（没有文字层的 PDF）经文字识别做成草稿，标为 review: 待核对，核对纸本并删去这一行之前不会发布';

export type Kind = 'bulletin' | 'policy';

/** A bulletin opens with its masthead: the series lines, then 第N期. */
function looksLikeBulletin(blocks: readonly SourceBlock[]): boolean {
  return blocks.slice(0, 9).some((b) => /^第\s*\S+?\s*期/.test(b.text.trim()));
}

/** Which of the two the file is, by its form; throws when it is neither. */
function kindOf(blocks: readonly SourceBlock[]): Kind {
  if (looksLikeBulletin(blocks)) return 'bulletin';
  if (looksOfficial(blocks)) return 'policy';
  throw new ImportError(
    '既不是《工作要讯》（未找到报头：开头应为刊名，下一行为“第N期”），也不是公文（未找到发文字号、标题之后以“：”结尾的主送机关，或版记的“……印发”）。如确是其中一种，请加 --kind bulletin 或 --kind policy',
  );
}

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

/** The issues already there (in --out DIR and the project's content/), for an issue that prints no 版记. */
function earlierIssues(projectRoot: string, contentDir: string): EarlierIssue[] {
  const roots = [...new Set([resolve(contentDir, '..'), projectRoot])];
  return roots.flatMap((root) => {
    const dir = root === projectRoot ? join(projectRoot, 'content', 'issues') : join(contentDir, 'issues');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => name.endsWith('.mdx'))
      .flatMap((name) => {
        const { data } = parseContentFile(readFileSync(join(dir, name), 'utf8'), 'frontmatter');
        const d = (data ?? {}) as Record<string, unknown>;
        return typeof d['year'] === 'number' && typeof d['number'] === 'number' && typeof d['serial'] === 'number' && typeof d['email'] === 'string' && typeof d['telephone'] === 'string'
          ? [{ id: name.replace(/\.mdx$/, ''), year: d['year'], number: d['number'], serial: d['serial'], email: d['email'], telephone: d['telephone'] }]
          : [];
      });
  });
}

export async function runImport(argv: string[], env: CliEnvironment): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        kind: { type: 'string' },
        revises: { type: 'string' },
        force: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // Node's own words on the option (English), then the usage, in Chinese.
    env.err(`命令行参数有误（${(error as Error).message}）\n${USAGE}`);
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
  const kindArg = args.values.kind;
  if (kindArg !== undefined && kindArg !== 'bulletin' && kindArg !== 'policy') {
    env.err(`--kind 应为 bulletin 或 policy，实为“${kindArg}”\n${USAGE}`);
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
    if (args.values.out) checkOutDir(contentDir, shown);
    const prepared = await prepareImport(file, { projectRoot: env.projectRoot, contentDir, kind: kindArg, revises: args.values.revises, shown });
    const options = { env, contentDir, dryRun, force: Boolean(args.values.force), shown };
    checkAndWrite(prepared, () => prepared.summary.forEach((line) => env.out(line)), options);
    printUndecided(env, prepared.undecided, prepared.joins);
    for (const line of prepared.closing) env.out(line);
    return 0;
  } catch (error) {
    // Anything else is the importer's own fault, not the file's: said so, in Chinese, without a
    // stack trace (files are written all or none, and only at the end: nothing was).
    env.err(`导入失败：${shown(file)}：${importFailure(error)}`);
    env.err('没有写入任何文件。');
    return 1;
  }
}

/**
 * Why an import failed, in Chinese: an ImportError's own words; anything else is the importer's
 * fault, said so without a stack trace. Always ends in Chinese (a library's words get what to do after them).
 */
export function importFailure(error: unknown): string {
  const said = error instanceof ImportError ? error.message : libraryRefusal('导入程序出错', (error as Error)?.name ?? 'Error', error, '这不是文件本身的问题，请把这条信息告诉网站的维护者').message;
  return /[\u3400-\u9fff][^\p{L}\p{N}]*$/u.test(said) ? said : `${said}：请检查文件是否完好，或用原程序重新导出后再导入`;
}

/**
 * An import read, parsed and rendered, nothing written: the files the command would write, where,
 * and everything it prints about them. The command (runImport) writes or prints it; the 编辑台
 * (scripts/desk/) shows it for review beside the source, then writes the corrected files.
 */
export interface PreparedImport {
  kind: Kind;
  format: SourceFormat;
  target: ContentTarget;
  files: ContentFile[];
  /** The entry in messages: 2017年第2期（总第02期）, 公文 shijiaoke-2019-7. */
  describe: string;
  /** A note after a written file's path (an article's title and paragraphs). */
  titles: Map<string, string>;
  /** What was read, printed before the files. */
  summary: string[];
  /** 未能确定: each uncertain decision, as printed. */
  undecided: string[];
  /** Paragraphs joined across a page break (“|” at the seam). */
  joins: string[];
  /** A scan's lines under the confidence threshold, as printed (where, page, confidence, text). */
  low: string[];
  /** A scan's recognised lines with their places on the page. */
  ocr?: OcrLine[] | undefined;
  /** Locks beyond the entry's files (a policy's 文号). */
  lockKeys: string[];
  /** Printed last: what the editor must still do. */
  closing: string[];
}

export interface PrepareOptions {
  projectRoot: string;
  /** Where the files would go: the project's content/ or --out DIR. */
  contentDir: string;
  kind?: string | undefined;
  /** --revises: the id of the policy this one replaces. */
  revises?: string | undefined;
  shown?: (path: string) => string;
}

export async function prepareImport(file: string, options: PrepareOptions): Promise<PreparedImport> {
  const shown = options.shown ?? ((path: string) => path);
  const { format, blocks, ocr } = await readSource(file);
  // What the reader made of the file, within the limits before anything parses it (input-limits.ts).
  checkBlocks(blocks);
  const revises = options.revises;
  const kind = (options.kind as Kind | undefined) ?? (revises !== undefined ? 'policy' : kindOf(blocks));
  if (revises !== undefined && kind !== 'policy') throw new ImportError('--revises 只用于公文（政策文件），不能用于工作要讯');
  if (ocr && kind === 'policy') {
    throw new ImportError('这是扫描的公文：目前只有《工作要讯》能从扫描件做文字识别草稿；公文请用 Word（.docx）或带文字层的 PDF 导入');
  }
  const revised = revises === undefined ? undefined : findRevised(revises, options.contentDir, options.projectRoot, shown);
  const o: ReadOptions = { projectRoot: options.projectRoot, file, contentDir: options.contentDir, shown, formatName: FORMAT_NAMES[format], revised, ocr };
  return { format, ...(kind === 'policy' ? preparePolicy(blocks, o) : prepareBulletin(flattenTables(blocks), o)) };
}

/**
 * --out DIR: a folder, or a path where one can be made, that may be written to; refused in
 * Chinese before anything is read (a file in the way gave a raw EEXIST or ENOTDIR stack).
 */
function checkOutDir(dir: string, shown: (path: string) => string): void {
  // The nearest part of the path that exists: the folder itself, or where it would be made.
  let at = dir;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  if (!statSync(at).isDirectory()) {
    throw new ImportError(at === dir ? `--out ${shown(dir)} 是一个文件，不是文件夹：请给出一个文件夹（不存在时会新建）` : `--out ${shown(dir)}：路径中的 ${shown(at)} 是一个文件，不能在它下面建文件夹：请给出另一个文件夹`);
  }
  try {
    accessSync(at, constants.W_OK);
  } catch {
    throw new ImportError(`--out ${shown(dir)}：没有写入 ${shown(at)} 的权限：请给出一个可以写入的文件夹`);
  }
}


/**
 * The policy a revision replaces, by its id, looked for where the import writes (content/ or
 * --out DIR) and then in the project's content/; refused with what exists when it is not there.
 */
function findRevised(id: string, contentDir: string, projectRoot: string, shown: (path: string) => string): RevisedVersion {
  const places = [...new Set([contentDir, join(projectRoot, 'content')])];
  for (const dir of places) {
    const path = join(dir, 'policies', `${id}.mdx`);
    if (!existsSync(path)) continue;
    const { data } = parseContentFile(readFileSync(path, 'utf8'), 'frontmatter');
    const title = data?.['title'];
    const docNumber = data?.['docNumber'];
    if (typeof title !== 'string') throw new ImportError(`--revises ${id}：${shown(path)} 没有标题（title），请先修正这份文件`);
    return { id, title, docNumber: typeof docNumber === 'string' ? docNumber : undefined };
  }
  const existing = places.flatMap((dir) => (existsSync(join(dir, 'policies')) ? readdirSync(join(dir, 'policies')) : [])).filter((n) => n.endsWith('.mdx'));
  throw new ImportError(
    `--revises ${id}：在 ${places.map((d) => shown(join(d, 'policies'))).join(' 和 ')} 中没有找到这份文件（或它没有通过内容检查）。${existing.length ? `已有：${existing.map((n) => n.replace(/\.mdx$/, '')).join('、')}` : ''}`,
  );
}

/** What reading a file needs to build its entry. */
interface ReadOptions {
  projectRoot: string;
  file: string;
  contentDir: string;
  shown: (path: string) => string;
  formatName: string;
  /** The version a revision replaces (--revises). */
  revised?: RevisedVersion | undefined;
  /** A scan's recognised lines, with their confidence. */
  ocr?: OcrLine[] | undefined;
}

/** What writing needs: the command's flags. */
interface WriteOptions {
  env: CliEnvironment;
  contentDir: string;
  dryRun: boolean;
  force: boolean;
  shown: (path: string) => string;
}

/**
 * A scan's lines recognised with low confidence, by where they ended up: 第N篇第M段 (or 标题,
 * 报头/要目/版记 when in none of the articles), for checking against the paper. A headline's
 * line is found in the title nearly (the title is the 要目's reading of it, the line the
 * headline's), a paragraph's as it is.
 */
function lowConfidenceLines(ocr: readonly OcrLine[], articles: ReadonlyArray<{ title: string; paragraphs: string[] }>): string[] {
  const squeeze = (t: string) => t.replace(/\s/g, '');
  return ocr
    .filter((line) => line.confidence < LOW_CONFIDENCE && squeeze(line.text) && !isOcrPageNumber(line))
    .map((line) => {
      const text = squeeze(tidy(line.text));
      let where = '报头、要目或版记';
      articles.some((a, i) => {
        const p = a.paragraphs.findIndex((para) => squeeze(para).includes(text));
        if (p >= 0) return (where = `第${i + 1}篇第${p + 1}段`);
        return line.page > 0 && nearlyContains(squeeze(a.title), text, NEAR_DIFFERENCE) && (where = `第${i + 1}篇标题`);
      });
      return `${where}（第${line.page + 1}页，置信度 ${line.confidence}）：${line.text}`;
    });
}

/** Whether `needle` is in `haystack` but for at most `share` of its characters (edit distance, the needle anywhere in the haystack). */
export function nearlyContains(haystack: string, needle: string, share: number): boolean {
  return editDistance(needle, haystack, { within: true, limit: Math.floor(needle.length * share) }) !== undefined;
}

/**
 * Checks the files, then writes them (or, with --dry-run, prints them): the part both kinds
 * share. `read` prints what was read, once the files have passed the check.
 */
function checkAndWrite(p: PreparedImport, read: () => void, o: WriteOptions): void {
  // From the check that the entry is not there to the write: one import of an entry at a time.
  if (!o.dryRun) return withImportLock(p.target, [...p.target.paths, ...p.lockKeys], p.describe, () => checkAndWriteLocked(p, read, o));
  checkAndWriteLocked(p, read, o);
}

function checkAndWriteLocked({ target, files, describe, titles }: PreparedImport, read: () => void, o: WriteOptions): void {
  const { env, contentDir, shown } = o;
  const existing = existingFiles(target);
  if (existing.length && !o.force && !o.dryRun) {
    throw new ImportError(`${describe}已存在：${existing.map((p) => shown(join(contentDir, p))).join('、')}。如要用这份文件替换它，请加 --force`);
  }
  const problems = validateImport(target, files, shown);
  if (problems.length) {
    throw new ImportError(`生成的内容没有通过内容检查：\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  read();
  if (o.dryRun) {
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
    if (existing.length && !o.force) env.out(`\n注意：${describe}已存在，正式导入时须加 --force 才会替换。`);
  } else {
    writeContentFiles(target, files);
    env.out(`已写入 ${files.length} 个文件${existing.length ? `（替换了原有的${describe}）` : ''}：`);
    for (const f of files) env.out(`  ${shown(join(contentDir, f.path))}${titles.has(f.path) ? `  ${titles.get(f.path)}` : ''}`);
  }
}

function printUndecided(env: CliEnvironment, undecided: readonly string[], joins: readonly string[]): void {
  env.out(undecided.length ? '未能确定，请编辑核对：' : '未能确定的：无。');
  for (const line of undecided) env.out(`  ${line}`);
  if (joins.length) {
    env.out('被分页截断后接上的段落（“|”为接缝），请核对：');
    for (const line of joins) env.out(`  ${line}`);
  }
}

function prepareBulletin(blocks: SourceBlock[], o: ReadOptions): Omit<PreparedImport, 'format'> {
  const { shown } = o;
  const parsed = parseBulletin(blocks, { ocr: Boolean(o.ocr) });
  const built = buildIssue(parsed, loadTopics(o.projectRoot), earlierIssues(o.projectRoot, o.contentDir));
  const undecided = [...uncertainPlaces(blocks), ...built.undecided];
  const { joins } = built;
  // A scan's text is a draft: marked so that no edition publishes it until an editor has checked it.
  const issue: IssueContent = o.ocr ? { ...built.issue, review: REVIEW_PENDING } : built.issue;
  const low = o.ocr ? lowConfidenceLines(o.ocr, issue.articles) : [];
  const files = renderContentFiles(issue, low);
  const label = `${formatIssueLabel(issue)}（${formatSerial(issue.serial)}）`;
  const titles = new Map(issue.articles.map((a) => [`articles/${a.id}.mdx`, `${a.title}（${a.paragraphs.length} 段）`]));
  const closing: string[] = [];
  if (o.ocr) {
    closing.push(`这是扫描件的文字识别草稿，未经核对：已标为 review: ${REVIEW_PENDING}，在对照纸本逐段核对全文、删去这一行之前，任何版本都不会发布这一期。`);
    closing.push(`识别置信度低于 ${LOW_CONFIDENCE} 的 ${low.length} 行（也写在了这一期的文件开头），请特别核对：`);
    closing.push(...low.map((line) => `  ${line}`));
  }
  closing.push('人物、机构、地点和主题是按规则识别的，请逐篇核对；改动后运行 npm run check:content。');
  return {
    kind: 'bulletin',
    target: issueTarget(o.projectRoot, o.contentDir, issue.id),
    files,
    describe: label,
    titles,
    summary: [`已读取 ${shown(o.file)}（${o.formatName}）：${label}，${formatChineseDate(issue.date)}出版，${issue.articles.length} 篇文章。`],
    undecided,
    joins,
    low,
    ocr: o.ocr,
    lockKeys: [],
    closing,
  };
}

/** How many 条 a text has: paragraphs that open with 第N条. */
const clauses = (blocks: readonly OfficialBlock[]) => blocks.filter((b) => b.type === 'paragraph' && /^第[一二三四五六七八九十百零〇两]+条/.test(b.text)).length;

function preparePolicy(blocks: SourceBlock[], o: ReadOptions): Omit<PreparedImport, 'format'> {
  const { shown } = o;
  const built = buildPolicy(parseOfficial(blocks));
  const undecided = [...uncertainPlaces(blocks), ...built.undecided];
  const { joins, idFromNumber } = built;
  const entry = o.revised ? asRevision(built.entry, o.revised, undecided) : built.entry;
  if (o.revised?.id === entry.id) throw new ImportError(`修订版与 --revises ${entry.id} 是同一个编号（同一个发文字号？）：修订版应另有发文字号`);
  const files = renderPolicyFiles(entry);
  const date = (iso: string | undefined) => (iso ? formatChineseDate(iso) : '不详');
  const summary = [
    `已读取 ${shown(o.file)}（${o.formatName}）：公文《${entry.title}》`,
    `  发文字号：${entry.docNumber ?? '未找到'}；发文机关：${[entry.issuer, ...entry.coIssuers].filter(Boolean).join('、') || '未找到'}；类别：${entry.category}`,
    `  成文日期：${date(entry.writtenDate)}；印发日期：${date(entry.printedDate)}；实施日期：${date(entry.effectiveDate)}；失效日期：${date(entry.expiryDate)}`,
    `  公开方式：${entry.disclosure ?? '未写明'}（${entry.visibility === 'public' ? '公开版可见' : '仅内部版可见'}）；正文 ${entry.main.length} 段${clauses(entry.main) ? `，${clauses(entry.main)} 条` : ''}`,
  ];
  for (const a of entry.attachments) {
    const n = clauses(a.blocks ?? []);
    const tables = (a.blocks ?? []).filter((b) => b.type === 'table').length;
    const size = a.blocks ? [`${a.blocks.filter((b) => b.type === 'paragraph').length} 段`, ...(n ? [`${n} 条`] : []), ...(tables ? [`${tables} 个表格`] : [])].join('，') : '正文不在文件中';
    summary.push(`  附件${a.number}：${a.title}（${size}）`);
  }
  if (!idFromNumber) summary.push(`  没有发文字号：文件名按成文日期和标题拼音首字母取为 ${entry.id}，可改为更好读的名字（小写字母、数字和连字符）。`);
  return {
    kind: 'policy',
    target: policyTarget(o.projectRoot, o.contentDir, entry.id),
    files,
    describe: `公文 ${entry.id}`,
    titles: new Map([[files[0]!.path, `《${entry.title}》`]]),
    summary,
    undecided,
    joins,
    low: [],
    lockKeys: entry.docNumber ? [`文号 ${entry.docNumber}`] : [],
    closing: ['请对照原件核对标题、文号、日期和各段；改动后运行 npm run check:content。'],
  };
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
