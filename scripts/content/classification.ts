/**
 * What may be public, as a hard rule of the content check (validate.ts runs it on every file):
 *
 * - a document with a 密级 is never public: a policy with `secrecy` (or `secrecyPeriod`), or any
 *   field or line of any entry that prints a 密级 mark (绝密★30年, 机密★, a line of 秘密 alone),
 *   may only be internal; the bulletin's issues and articles are all published, so they may carry
 *   no 密级 at all;
 * - a public policy carries 公开方式 主动公开 or 公开发布 (PUBLIC_DISCLOSURES), whether or not the
 *   site holds its text. The one exception is a catalogue entry (no body, no 公开方式) that shows
 *   only what a bulletin article printed about the document and names that article
 *   (`mentionedIn`): its title is quoted there, and so is every other field it fills in;
 * - a 文号 belongs to one document: two policies with the same `docNumber` are refused, naming both.
 *
 * The site applies the same rule when it builds (isPublicPolicy, src/lib/edition.ts), so that
 * an entry the check would refuse does not reach a public page even if the check were skipped.
 */
import { PUBLIC_DISCLOSURES, type PolicyData } from '../../src/schemas/policy.ts';
import type { IssueData } from '../../src/schemas/issue.ts';
import { isQuotedIn } from '../../src/lib/edition.ts';
import { articleText } from '../../src/lib/article-text.ts';
import { normalizeDocNumber } from '../../src/lib/policy/doc-number.ts';
import type { ContentFile } from '../../src/lib/content/collections.ts';

export interface ClassificationProblem {
  file: ContentFile;
  /** The field, as a path into the frontmatter; [] for the body (then `line` is set). */
  path: Array<string | number>;
  /** For a problem in the body: the line in the file. */
  line?: number;
  message: string;
}

interface Entry<T> {
  file: ContentFile;
  data: T;
}

export interface ClassifiedContent {
  issues: ReadonlyArray<Entry<IssueData>>;
  articles: ReadonlyArray<Entry<{ title: string; issue: { id: string } }>>;
  policies: ReadonlyArray<Entry<PolicyData>>;
}

/**
 * A 密级 as a document prints it (GB/T 9704 §7.2.2): the level followed by ★ (and its 保密期限),
 * or the level on a line of its own. 秘密 in running text (保守国家秘密) is not a mark.
 */
const SECRECY_MARK = /(?:绝密|机密|秘密)\s*★/;
const SECRECY_LINE = /^\s*(?:绝密|机密|秘密)\s*$/;
/** The fields of a 密级 in the policy schema; an article or issue has none of them. */
const SECRECY_FIELDS = ['secrecy', 'secrecyPeriod', 'copyNumber'] as const;

/** Every string in a parsed frontmatter value, with its path. */
function strings(value: unknown, path: Array<string | number> = []): Array<{ path: Array<string | number>; text: string }> {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => strings(item, [...path, key]));
  return [];
}

/** Where a file prints a 密级 mark: a frontmatter value or a body line. */
function secrecyMarks(file: ContentFile): Array<{ path: Array<string | number>; line?: number; text: string }> {
  const inFields = strings(file.data ?? {}).filter(({ text }) => SECRECY_MARK.test(text) || SECRECY_LINE.test(text));
  const inBody = file.body
    .split('\n')
    .map((text, i) => ({ path: [], line: file.bodyLine + i, text: text.trim() }))
    .filter(({ text }) => SECRECY_MARK.test(text) || SECRECY_LINE.test(text));
  return [...inFields, ...inBody];
}

const short = (text: string) => (text.length > 30 ? `${text.slice(0, 30)}…` : text);

/**
 * Whether an article prints a date: 2017年4月25日, or 4月25日 in an article of an issue of 2017
 * (the bulletin leaves out the year of its own).
 */
const printsDate = (text: string, issueId: string, iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return text.includes(`${y}年${m}月${d}日`) || (issueId.startsWith(`${y}-`) && new RegExp(`(?<![\\d年])${m}月${d}日`).test(text));
};
const printsText = (text: string, _issueId: string, value: string) => text.includes(value);

/** The fields a catalogue entry may fill in only with what its article printed, and how the article would print each. */
const QUOTED_FIELDS: Array<[keyof PolicyData, string, (text: string, issueId: string, value: string) => boolean]> = [
  ['issuerMark', '发文机关标志', printsText],
  ['docNumber', '发文字号', printsText],
  ['signers', '签发人', printsText],
  ['issuer', '发文机关', printsText],
  ['coIssuers', '联合发文机关', printsText],
  ['drafter', '起草单位', printsText],
  ['recipients', '主送机关', printsText],
  ['attachments', '附件', printsText],
  ['notes', '附注', printsText],
  ['copyTo', '抄送机关', printsText],
  ['printedBy', '印发机关', printsText],
  ['subject', '主题分类', printsText],
  ['indexNumber', '索引号', printsText],
  ['urgency', '紧急程度', printsText],
  ['writtenDate', '成文日期', printsDate],
  ['printedDate', '印发日期', printsDate],
  ['publishedDate', '发布日期', printsDate],
  ['effectiveDate', '实施日期', printsDate],
  ['expiryDate', '失效日期', printsDate],
  ['repealedDate', '废止日期', printsDate],
];

/** A field's values as text, each with its path: a list field gives one per item (an attachment its title). */
function fieldValues(data: PolicyData, field: keyof PolicyData): Array<{ path: Array<string | number>; value: string }> {
  const value = data[field];
  if (value === undefined) return [];
  if (Array.isArray(value)) {
    return value.map((item, i) =>
      typeof item === 'object' && item && 'title' in item ? { path: [field, i, 'title'], value: String(item.title) } : { path: [field, i], value: String(item) },
    );
  }
  return [{ path: [field], value: String(value) }];
}

/** `content`: the entries that passed their schema. `hasText`: whether a policy's body holds text (the site's reading of it). */
export function classificationProblems(content: ClassifiedContent, hasText: (policy: Entry<PolicyData>) => boolean): ClassificationProblem[] {
  const problems: ClassificationProblem[] = [];
  const report = (file: ContentFile, path: Array<string | number>, message: string, line?: number) => problems.push({ file, path, message, ...(line ? { line } : {}) });

  // The bulletin is published whole: neither an issue nor an article may carry a 密级.
  const bulletinFiles = [...content.issues, ...content.articles].map((entry) => entry.file);
  for (const file of bulletinFiles) {
    for (const key of SECRECY_FIELDS) {
      if (file.data && key in file.data) report(file, [key], `工作要讯的期和文章都公开发布，不能标密级：有密级的内容不能收入工作要讯，请删去 ${key} 并删去涉密内容`);
    }
    for (const mark of secrecyMarks(file)) {
      report(file, mark.path, `“${short(mark.text)}”是密级标志：工作要讯的期和文章都公开发布，不能收入有密级的内容`, mark.line);
    }
  }

  const issues = new Set(content.issues.map(({ file }) => file.id));
  // What an article printed: its headline and its text as its page shows it (the site reads the same).
  const articles = new Map(content.articles.map(({ file, data }) => [file.id, { path: file.path, issue: data.issue.id, text: `${data.title}\n${articleText(file.body).text}` }]));

  const byNumber = new Map<string, ContentFile>();
  for (const policy of content.policies) {
    const { file, data } = policy;
    // 文号: one document each (compared as written canonically, 〔〕 and all).
    if (data.docNumber) {
      const key = normalizeDocNumber(data.docNumber) ?? data.docNumber;
      const other = byNumber.get(key);
      if (other) report(file, ['docNumber'], `发文字号“${data.docNumber}”已属于 ${other.path}：一个文号只属于一份文件（${other.path} 与 ${file.path} 重复）；同一文件的修订版另有文号，并用 supersedes 指向旧版`);
      else byNumber.set(key, file);
    }
    if (data.visibility !== 'public') continue;

    // 密级: never public, whichever field or line prints it.
    if (data.secrecy) report(file, ['secrecy'], `标有密级“${data.secrecy}”的文件不能放在公开版：visibility 应为 internal`);
    else if (data.secrecyPeriod) report(file, ['secrecyPeriod'], `写了保密期限“${data.secrecyPeriod}”的文件是涉密文件，不能放在公开版：visibility 应为 internal`);
    for (const mark of secrecyMarks(file).filter((m) => m.path[0] !== 'secrecy' && m.path[0] !== 'secrecyPeriod')) {
      report(file, mark.path, `“${short(mark.text)}”是密级标志：有密级的文件不能放在公开版，visibility 应为 internal`, mark.line);
    }

    // 公开方式: 主动公开 or 公开发布, or else a catalogue entry of what a published article printed.
    if (data.disclosure && PUBLIC_DISCLOSURES.includes(data.disclosure)) continue;
    if (data.disclosure) continue; // 依申请公开 and the like: the schema names it (visibility).
    if (hasText(policy)) continue; // A text without 主动公开: validate.ts names it (checkPolicyTexts).
    // An article or issue that failed its own check (or does not exist) is reported already: no verdict on it here.
    const unknown = data.mentionedIn.some((ref) => {
      const article = articles.get(ref.id);
      return !article || !issues.has(article.issue);
    });
    if (unknown) continue;
    // The bulletin is printed and sent out: each of its articles is public, an issue still
    // waiting to be checked against the paper (待核对) included.
    const published = data.mentionedIn.map((ref) => articles.get(ref.id)!);
    if (!published.length) {
      report(file, ['visibility'], '放在公开版的文件须写明公开方式（disclosure: 主动公开 或 公开发布）；没有正文的目录条目也可以，但只能写公开的工作要讯文章印出的内容，并在 mentionedIn 中列出那篇文章。否则 visibility 应为 internal');
      continue;
    }
    const names = published.map((article) => article.path).join('、');
    if (!published.some((article) => isQuotedIn(data.title, article.text))) {
      report(file, ['title'], `没有写明公开方式的目录条目只能写工作要讯文章印出的内容：标题“${short(data.title)}”没有出现在 ${names} 中；照文章印出的写，或 visibility 改为 internal`);
    }
    for (const [field, name, prints] of QUOTED_FIELDS) {
      for (const { path, value } of fieldValues(data, field)) {
        if (!published.some((article) => prints(article.text, article.issue, value))) {
          report(file, path, `没有写明公开方式的目录条目只能写工作要讯文章印出的内容：${name}“${short(value)}”没有出现在 ${names} 中；删去该字段，或写明 disclosure（主动公开 / 公开发布），或 visibility 改为 internal`);
        }
      }
    }
  }
  return problems;
}
