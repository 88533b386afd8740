/**
 * The content files of an imported issue, written the way the hand-made ones are (see
 * docs/编辑手册.md, 内容格式): frontmatter fields in the schema's order, lists
 * one item a line with "  - ", an empty list as [], dates unquoted, an article's paragraphs
 * one a line with an empty line between them.
 */
import { stringify } from 'yaml';
import type { IssueData } from '../../src/schemas/issue.ts';

/** An issue's frontmatter as the schema has it, its articles in full, and the id it is filed under. */
export type IssueContent = Omit<IssueData, 'articles'> & { id: string; articles: ArticleContent[] };

export interface ArticleContent {
  id: string;
  title: string;
  eventDates: string[];
  people: string[];
  organizations: string[];
  places: string[];
  topics: string[];
  paragraphs: string[];
}

export interface ContentFile {
  /** Relative to the content folder: issues/2017-02.mdx, articles/2017-02/01.mdx. */
  path: string;
  text: string;
}

/**
 * A scalar as YAML writes it (YAML 1.2 core schema, no folding): plain where it can be, quoted
 * where plain would change its meaning (a title that looks like a number, starts with a quote
 * mark YAML knows, or holds ": ").
 */
export function yamlScalar(value: string | number): string {
  return stringify(value, { schema: 'core', lineWidth: 0 }).trimEnd();
}

/** A list field: "key: []" when empty, else one "  - item" line per item. */
function listField(key: string, items: readonly string[]): string {
  return items.length ? `${key}:\n${items.map((item) => `  - ${yamlScalar(item)}`).join('\n')}` : `${key}: []`;
}

const field = (key: string, value: string | number) => `${key}: ${yamlScalar(value)}`;

/**
 * An issue's entry. An OCR draft opens with what the editor must do, the lines to check most
 * (`toCheck`, as comments) and its `review: 待核对` mark.
 */
export function renderIssue(issue: IssueContent, toCheck: readonly string[] = []): string {
  const recipients = (['bao', 'song', 'fa'] as const).filter((k) => issue.recipients[k]);
  const lines = [
    ...(issue.review
      ? [
          '# 文字识别草稿：对照纸本逐段核对全文（标题、正文、版记），改正后删去下面 review 这一行，这一期才会发布。',
          ...(toCheck.length ? [`# 识别置信度低、须特别核对的 ${toCheck.length} 行：`, ...toCheck.map((line) => `#   ${line}`)] : []),
          field('review', issue.review),
        ]
      : []),
    listField('series', issue.series),
    field('year', issue.year),
    field('number', issue.number),
    field('serial', issue.serial),
    field('date', issue.date),
    field('publisher', issue.publisher),
    field('email', issue.email),
    field('telephone', issue.telephone),
    ...(recipients.length ? ['recipients:', ...recipients.map((k) => `  ${field(k, issue.recipients[k]!)}`)] : []),
    ...(issue.copies ? [field('copies', issue.copies)] : []),
    listField('articles', issue.articles.map((a) => a.id)),
  ];
  return `---\n${lines.join('\n')}\n---\n`;
}

export function renderArticle(article: ArticleContent, issueId: string): string {
  const lines = [
    field('title', article.title),
    field('issue', issueId),
    listField('eventDates', article.eventDates),
    listField('people', article.people),
    listField('organizations', article.organizations),
    listField('places', article.places),
    listField('topics', article.topics),
  ];
  return `---\n${lines.join('\n')}\n---\n\n${article.paragraphs.map(escapeMdx).join('\n\n')}\n`;
}

/**
 * A web address in printed text: ASCII up to the first character that is not part of an address
 * (Chinese punctuation ends it, as it does for a reader), without the sentence's closing mark.
 */
const WEB_ADDRESS = /(?:https?:\/\/|www\.)[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]+/g;

/**
 * A paragraph as body text (Markdown that MDX reads the same way, scripts/content/markdown-only.ts).
 * MDX reads { } < as code and tags, and Markdown reads a line start of # > - + * or "1." as
 * markup: those are escaped so that the text shows as printed. A web address is written as a
 * link to itself: left to GFM's bare-address links it would keep the escapes (a\_b) in its
 * address and run on into the Chinese text after it.
 */
export function escapeMdx(paragraph: string): string {
  let out = '';
  let at = 0;
  for (const match of paragraph.matchAll(WEB_ADDRESS)) {
    const address = match[0].replace(/[.,:;!?'*]+$/, '');
    out += escapeText(paragraph.slice(at, match.index)) + `[${escapeText(address)}](${address.startsWith('www.') ? 'http://' : ''}${address})`;
    at = match.index + address.length;
  }
  return startOfLine(out + escapeText(paragraph.slice(at)));
}

function escapeText(text: string): string {
  return text.replace(/[\\{}<>*_`[\]]/g, (c) => `\\${c}`);
}

/** What a paragraph's first characters would start as markup. */
function startOfLine(paragraph: string): string {
  return paragraph
    // A paragraph of dashes (---, - - -) is a thematic break, ~~~ a code fence: text here.
    .replace(/^(?=[-\s]*-[-\s]*-[-\s]*-[-\s]*$)|^(?=~~~)/, '\\')
    .replace(/^(#|[-+](?=\s))/, '\\$1')
    // An ordered list's mark is escaped at its dot: 1\. (a backslash before a digit would show).
    .replace(/^(\d+)([.)])(?=\s)/, '$1\\$2')
    // A line opening with import/export is a statement to MDX; a character reference is text to both.
    .replace(/^(i)(?=mport\b)|^(e)(?=xport\b)/, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderContentFiles(issue: IssueContent, toCheck: readonly string[] = []): ContentFile[] {
  return [
    { path: `issues/${issue.id}.mdx`, text: renderIssue(issue, toCheck) },
    ...issue.articles.map((article) => ({ path: `articles/${article.id}.mdx`, text: renderArticle(article, issue.id) })),
  ];
}
