/**
 * Checks the whole content set before anything is built: every file against its collection's
 * schema (the same ones the site uses), then what no single schema can see: references to
 * entries that do not exist, an issue whose 要目 and articles disagree, two issues with the
 * same number. Each problem names the file, the line, the field and what was expected.
 *
 *   node scripts/content/validate.ts [project root] [--report]
 *
 * --report prints one JSON line instead (ValidationReport), for the build, which runs the check
 * in a process of its own (scripts/build/validate-stage.ts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { z } from 'astro/zod';
import { plainImage, plainReference, type CollectionName, type PlainImage } from '../../src/schemas/common.ts';
import { issueSchema, type IssueData } from '../../src/schemas/issue.ts';
import { articleSchema, type ArticleData } from '../../src/schemas/article.ts';
import { policySchema, PUBLIC_DISCLOSURES, type PolicyData } from '../../src/schemas/policy.ts';
import { topicSchema, type TopicData } from '../../src/schemas/topic.ts';
import { COLLECTIONS, loadContent, type ContentFile } from '../../src/lib/content/collections.ts';
import { markdownOnlyProblems, type BodyProblem } from './markdown-only.ts';
import type { BesideFile } from './components.ts';
import { classificationProblems } from './classification.ts';
import { linkProblems } from './links.ts';
import { formatCount, MAX_BODY_CHARACTERS } from '../lib/limits.ts';
import { describeIssues, fieldName } from './messages.ts';
import { hasText, structureDocument } from '../../src/lib/policy/structure.ts';
import { isPublishable, REVIEW_PENDING } from '../../src/lib/issue-review.ts';

export interface Problem {
  /** The file, relative to the project root. */
  path: string;
  line: number;
  /** The frontmatter field, or '' for the file as a whole. */
  field: string;
  message: string;
}

export function formatProblem(problem: Problem): string {
  return `${problem.path}:${problem.line}${problem.field ? ` ${problem.field}` : ''}：${problem.message}`;
}

interface Valid<T> {
  file: ContentFile;
  data: T;
}

export interface ValidatedContent {
  issues: Array<Valid<IssueData>>;
  articles: Array<Valid<ArticleData<PlainImage>>>;
  policies: Array<Valid<PolicyData>>;
  topics: Array<Valid<TopicData>>;
}

const SCHEMAS: Record<CollectionName, z.ZodType> = {
  issues: issueSchema(plainReference),
  articles: articleSchema(plainReference, plainImage),
  policies: policySchema(plainReference),
  topics: topicSchema(),
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function validateContent(root: string): { problems: Problem[]; content: ValidatedContent } {
  const problems: Problem[] = [];
  const content: ValidatedContent = { issues: [], articles: [], policies: [], topics: [] };
  const { files, strays, photos, attached } = loadContent(root);
  const report = (file: ContentFile, path: Array<string | number>, message: string) =>
    problems.push({ path: file.path, line: file.lineOf(path), field: fieldName(path), message });

  for (const stray of strays) {
    problems.push({ path: stray, line: 1, field: '', message: '不属于任何内容集合：文章应放在 content/articles/<期号>/，期在 content/issues/，政策在 content/policies/（.mdx），主题在 content/topics/（.yaml）' });
  }

  for (const file of files) {
    if (file.syntaxErrors.length) {
      for (const error of file.syntaxErrors) problems.push({ path: file.path, line: error.line, field: '', message: error.message });
      continue;
    }
    // A body longer than the build takes is refused before anything reads it (its structure,
    // its links): the entry is left out of the rest of the check, as one that fails its schema.
    if (file.body.length > MAX_BODY_CHARACTERS) {
      problems.push({ path: file.path, line: file.bodyLine, field: '', message: `正文有 ${formatCount(file.body.length)} 个字符，超过上限 ${formatCount(MAX_BODY_CHARACTERS)}：请把文件拆分，或把附件另作文件` });
      continue;
    }
    const result = SCHEMAS[file.collection].safeParse(file.data, { reportInput: true });
    if (!result.success) {
      for (const { path, message } of describeIssues(result.error.issues)) report(file, path, message);
      continue;
    }
    (content[file.collection] as Array<Valid<unknown>>).push({ file, data: result.data });
  }

  checkIds(content, report);
  checkReferences(content, files, report);
  checkIssues(content, report);
  const named = checkBodies(root, files, problems);
  checkPhotos(root, content, files, photos, named, report, problems);
  checkAttached(attached, named, problems);
  checkPolicyTexts(content, report, problems);
  checkClassification(content, report, problems);
  return { problems, content };
}

type Report = (file: ContentFile, path: Array<string | number>, message: string) => void;

function checkIds(content: ValidatedContent, report: Report) {
  for (const { file, data } of content.issues) {
    const expected = `${data.year}-${String(data.number).padStart(2, '0')}`;
    if (file.id !== expected) report(file, ['number'], `文件名应为 ${expected}.mdx（由 year 与 number 决定，也是该期的网址）`);
  }
  for (const { file, data } of content.articles) {
    const [folder, name = ''] = file.id.split('/');
    if (folder !== data.issue.id) report(file, ['issue'], `文章应放在所属期的文件夹 content/articles/${data.issue.id}/ 下`);
    if (!SLUG.test(name)) report(file, [], `文件名 ${name} 应只含小写字母、数字和连字符（如 01.mdx），它是文章的网址`);
  }
  for (const { file } of content.policies) {
    if (!SLUG.test(file.id)) report(file, [], `文件名 ${file.id} 应只含小写字母、数字和连字符（如 1331-jixiao-kaoping-banfa.mdx），它是文件的网址`);
  }
  const topicNames = new Map<string, ContentFile>();
  for (const { file, data } of content.topics) {
    const other = topicNames.get(data.name);
    if (other) report(file, ['name'], `主题名“${data.name}”与 ${other.path} 重复`);
    else topicNames.set(data.name, file);
  }
}

function checkReferences(content: ValidatedContent, files: ContentFile[], report: Report) {
  // Entries that failed their schema still exist: a reference to them is not also reported as missing.
  const ids = (collection: CollectionName) => new Set(files.filter((f) => f.collection === collection).map((f) => f.id));
  const known = { issues: ids('issues'), articles: ids('articles'), policies: ids('policies'), topics: ids('topics') };
  const check = (file: ContentFile, path: Array<string | number>, ref: { collection: CollectionName; id: string }, what: string) => {
    if (!known[ref.collection].has(ref.id)) report(file, path, `${what}“${ref.id}”不存在`);
  };
  for (const { file, data } of content.articles) {
    check(file, ['issue'], data.issue, '所属期');
    data.topics.forEach((ref, i) => check(file, ['topics', i], ref, '主题（content/topics/ 中的 name）'));
  }
  for (const { file, data } of content.issues) {
    data.articles.forEach((ref, i) => check(file, ['articles', i], ref, '文章'));
  }
  for (const { file, data } of content.policies) {
    data.mentionedIn.forEach((ref, i) => check(file, ['mentionedIn', i], ref, '文章'));
    data.supersedes.forEach((ref, i) => {
      if (ref.id === file.id) report(file, ['supersedes', i], '文件不能替代自身');
      else check(file, ['supersedes', i], ref, '政策文件');
    });
    data.repeals.forEach((ref, i) => {
      if (ref.id === file.id) report(file, ['repeals', i], '文件不能废止自身');
      else check(file, ['repeals', i], ref, '政策文件');
    });
  }
}

function checkIssues(content: ValidatedContent, report: Report) {
  const byNumber = new Map<string, ContentFile>();
  const bySerial = new Map<number, ContentFile>();
  for (const { file, data } of content.issues) {
    const key = `${data.year}年第${data.number}期`;
    const sameNumber = byNumber.get(key);
    if (sameNumber) report(file, ['number'], `${key}与 ${sameNumber.path} 重复`);
    else byNumber.set(key, file);
    const sameSerial = bySerial.get(data.serial);
    if (sameSerial) report(file, ['serial'], `总第${data.serial}期与 ${sameSerial.path} 重复`);
    else bySerial.set(data.serial, file);

    // The 要目 (the issue's `articles`) and the articles that name this issue must agree.
    const listed = data.articles.map((ref) => ref.id);
    listed.forEach((id, i) => {
      if (listed.indexOf(id) !== i) report(file, ['articles', i], `文章“${id}”在要目中重复`);
      const article = content.articles.find((a) => a.file.id === id);
      if (article && article.data.issue.id !== file.id) {
        report(file, ['articles', i], `要目列出了文章“${id}”，但该文章的 issue 是“${article.data.issue.id}”`);
      }
    });
    for (const article of content.articles) {
      if (article.data.issue.id === file.id && !listed.includes(article.file.id)) {
        report(article.file, ['issue'], `该文章属于 ${file.id}，但 ${file.path} 的要目（articles）没有列出它`);
      }
    }
  }
  // 总第N期 runs with time: a later issue cannot carry a smaller serial.
  const sorted = [...content.issues].sort((a, b) => a.data.date.localeCompare(b.data.date));
  for (let i = 1; i < sorted.length; i++) {
    const [before, after] = [sorted[i - 1]!, sorted[i]!];
    if (after.data.serial <= before.data.serial && after.data.date !== before.data.date) {
      report(after.file, ['serial'], `出版日期晚于 ${before.file.path}，总期号却不大于它的总第${before.data.serial}期`);
    }
  }
}

/**
 * Photos: every file an article lists exists, every photo file beside the articles is listed
 * by one or shown by a 图片 (`named`: the files the bodies' components name), and no photo sits
 * in an article's body as a Markdown image, where nothing would require its alt text and caption.
 */
function checkPhotos(root: string, content: ValidatedContent, files: ContentFile[], photos: string[], named: Set<string>, report: Report, problems: Problem[]) {
  const inProject = (file: ContentFile, src: string) => relative(root, resolve(root, dirname(file.path), src)).split(sep).join('/');
  for (const { file, data } of content.articles) {
    data.photos.forEach((photo, i) => {
      const path = inProject(file, photo.src.path);
      const full = resolve(root, path);
      if (!existsSync(full) || !statSync(full).isFile()) report(file, ['photos', i, 'src'], `照片文件 ${photo.src.path}（${path}）不存在`);
    });
  }
  // Listed by an article even if that article has other problems: those are reported already.
  const listed = new Set<string>(named);
  for (const file of files.filter((f) => f.collection === 'articles')) {
    const photos = file.data?.['photos'];
    for (const photo of Array.isArray(photos) ? photos : []) {
      const src = (photo as { src?: unknown } | null)?.src;
      if (typeof src === 'string') listed.add(inProject(file, src.trim()));
    }
  }
  for (const file of files.filter((f) => f.collection === 'articles')) {
    const lines = file.body.split('\n');
    // (An <img> tag is refused with every other tag, checkBodies.)
    const at = lines.findIndex((line) => /!\[[^\]]*\]\(/.test(line));
    if (at >= 0) {
      problems.push({ path: file.path, line: file.bodyLine + at, field: '', message: '正文中不能用 Markdown 插入图片：请用 <图片 文件="./…" 图注="…" 替代文字="…" 摄影="…" />，或把照片列在头信息的 photos 中' });
    }
  }
  for (const photo of photos) {
    if (!listed.has(photo)) {
      problems.push({ path: photo, line: 1, field: '', message: '这张照片没有被任何文章的 photos 列出，也没有用在 <图片> 中：请在文章中列出，或删去该文件' });
    }
  }
}

/** Every file beside the articles that a 附件 or 表格 could name is named by one: nothing is published by accident or left behind. */
function checkAttached(attached: string[], named: Set<string>, problems: Problem[]) {
  for (const path of attached) {
    if (!named.has(path)) problems.push({ path, line: 1, field: '', message: '这个文件没有用在任何文章的 <附件> 或 <表格> 中：请在文章中用上，或删去该文件' });
  }
}

/**
 * A policy's text, read as the site reads it (src/lib/policy/structure.ts): each `## 附件N`
 * must be one the 附件说明 (`attachments`) lists, no unit may be numbered twice, and a document
 * whose text the site holds may be public only when its 附注 says 此件主动公开.
 */
function checkPolicyTexts(content: ValidatedContent, report: Report, problems: Problem[]) {
  for (const { file, data } of content.policies) {
    const text = structureOf(file);
    for (const problem of text.problems) problems.push({ path: file.path, line: problem.line, field: '', message: problem.message });
    for (const attachment of text.attachments) {
      if (attachment.number < 1 || attachment.number > data.attachments.length) {
        const listed = data.attachments.length ? `附件说明（attachments）只列出了 ${data.attachments.length} 个附件` : '头信息的附件说明（attachments）没有列出附件';
        problems.push({ path: file.path, line: attachment.line, field: '', message: `正文中有“## ${attachment.label}”，但${listed}` });
      }
    }
    if (hasText(text) && data.visibility === 'public' && !(data.disclosure && PUBLIC_DISCLOSURES.includes(data.disclosure))) {
      report(file, ['visibility'], `收录了正文的文件只有附注写明“此件主动公开”或“此件公开发布”（disclosure: 主动公开 / 公开发布）才能放在公开版；${data.disclosure ? `此件${data.disclosure}` : '此件未写明公开方式'}，visibility 应为 internal`);
    }
  }
}

/** A policy's text as the site reads it, read once per file (a long body is slow to parse). */
const structures = new WeakMap<ContentFile, ReturnType<typeof structureDocument>>();
function structureOf(file: ContentFile) {
  let text = structures.get(file);
  if (!text) structures.set(file, (text = structureDocument(file.body, file.bodyLine)));
  return text;
}

/** What may be public (classification.ts): no 密级 in the public edition, a 公开方式 for every public policy but a catalogue entry of a published article, one document a 文号. */
function checkClassification(content: ValidatedContent, report: Report, problems: Problem[]) {
  const hasBody = ({ file }: { file: ContentFile }) => hasText(structureOf(file));
  for (const problem of classificationProblems(content, hasBody)) {
    if (problem.line) problems.push({ path: problem.file.path, line: problem.line, field: fieldName(problem.path), message: problem.message });
    else report(problem.file, problem.path, problem.message);
  }
}

/**
 * Every body is Markdown, as the site renders it (loader.ts), but for the components an article
 * may use (components.ts): nothing MDX would read as a tag, an expression or an import
 * (markdown-only.ts). Returns the files beside the articles that their components name, relative
 * to the root.
 */
function checkBodies(root: string, files: ContentFile[], problems: Problem[]): Set<string> {
  const named = new Set<string>();
  for (const file of files.filter((f) => COLLECTIONS[f.collection].kind === 'frontmatter' && !f.syntaxErrors.length)) {
    if (file.body.length > MAX_BODY_CHARACTERS) continue; // Refused already, unread.
    for (const problem of bodyProblems(root, file.path, file.collection, file.body, named)) {
      problems.push({ path: file.path, line: file.bodyLine + problem.line - 1, field: '', message: problem.message });
    }
  }
  return named;
}

/**
 * What the check refuses in one body (the file at `path`, relative to `root`), by the body's own
 * lines: what MDX would read otherwise than Markdown, an article's components with their files
 * beside it (each file a component names is added to `named`), links. The 编辑台 checks a body
 * being typed with it, `staged` holding the files uploaded for it and not yet saved.
 */
export function bodyProblems(root: string, path: string, collection: CollectionName, body: string, named: Set<string> = new Set(), staged: ReadonlyMap<string, string> = new Map()): BodyProblem[] {
  const beside: BesideFile = (name) => {
    const besidePath = `${dirname(path)}/${name}`;
    // (`staged`: files the 编辑台 holds for this entry until it is saved, by name → where they are.)
    const full = staged.get(name) ?? resolve(root, besidePath);
    if (!existsSync(full) || !statSync(full).isFile()) return undefined;
    named.add(besidePath);
    return { text: () => readFileSync(full, 'utf8'), bytes: () => readFileSync(full), size: statSync(full).size };
  };
  const components = collection === 'articles' ? beside : undefined;
  return [...markdownOnlyProblems(body, components), ...linkProblems(body)].sort((a, b) => a.line - b.line);
}

/**
 * The issues that are OCR drafts still waiting to be checked (review: 待核对), which no edition
 * publishes: one line each, naming the file, for the validator and the build to print.
 */
export function unpublishedDrafts(content: ValidatedContent): string[] {
  return content.issues
    .filter(({ data }) => !isPublishable(data))
    .map(({ file }) => `${file.path}：文字识别草稿（review: ${REVIEW_PENDING}），不会发布；对照纸本核对全文后删去 review 这一行`);
}

/** What the check found, as the build reads it: each problem as formatProblem writes it, the content's counts, and the drafts that stay unpublished. */
export interface ValidationReport {
  problems: string[];
  counts: { issues: number; articles: number; policies: number; topics: number };
  drafts: string[];
}

export function validationReport(root: string): ValidationReport {
  const { problems, content } = validateContent(root);
  return {
    problems: problems.map(formatProblem),
    counts: { issues: content.issues.length, articles: content.articles.length, policies: content.policies.length, topics: content.topics.length },
    drafts: unpublishedDrafts(content),
  };
}

function main() {
  const args = process.argv.slice(2);
  const root = resolve(args.find((arg) => !arg.startsWith('--')) ?? '.');
  const report = validationReport(root);
  if (args.includes('--report')) {
    console.log(JSON.stringify(report));
    return;
  }
  const { problems, counts, drafts } = report;
  if (problems.length) {
    console.error(`内容检查未通过，共 ${problems.length} 处问题：`);
    for (const problem of problems) console.error(`  ${problem}`);
    process.exitCode = 1;
    return;
  }
  console.log(`内容检查通过：${counts.issues} 期、${counts.articles} 篇文章、${counts.policies} 份政策文件、${counts.topics} 个主题。`);
  for (const line of drafts) console.log(`  ${line}`);
}

if (import.meta.main) main();
