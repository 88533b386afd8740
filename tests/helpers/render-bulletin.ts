/**
 * Renders an issue from its committed content files the way the office prints it — masthead,
 * 本期要目, headlines, paragraphs with a first-line indent, the 版记, page numbers "— N —" —
 * as HTML, then as a PDF (Chromium's page.pdf) or a Word file (the `docx` package). The
 * importer tests read these back: the text is the committed text, so a faithful import gives
 * the committed files again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface RenderedIssue {
  series: string[];
  number: number;
  serial: number;
  date: string;
  publisher: string;
  email: string;
  telephone: string;
  recipients: { bao?: string; song?: string; fa?: string };
  copies?: number;
  articles: Array<{ title: string; paragraphs: string[] }>;
}

function frontmatter(path: string): { data: Record<string, unknown>; body: string } {
  const source = readFileSync(path, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(source);
  if (!match) throw new Error(`${path}: no frontmatter`);
  return { data: parse(match[1]!, { schema: 'core' }) as Record<string, unknown>, body: source.slice(match[0].length) };
}

/** The issue `id` (2017-02) as its content files under `root` hold it. */
export function loadIssue(root: string, id: string): RenderedIssue {
  const issue = frontmatter(join(root, 'content/issues', `${id}.mdx`)).data as unknown as Omit<RenderedIssue, 'articles'> & {
    articles: string[];
  };
  const articles = issue.articles.map((articleId) => {
    const { data, body } = frontmatter(join(root, 'content/articles', `${articleId}.mdx`));
    return { title: String(data['title']), paragraphs: body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean) };
  });
  return { ...issue, articles };
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** A4 bulletin pages after GB/T 9704 (see shared notes print-format.md). */
export function bulletinHtml(issue: RenderedIssue): string {
  const p = (text: string, cls = '') => `<p${cls ? ` class="${cls}"` : ''}>${escape(text)}</p>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(issue.series.join(' '))}</title>
<style>
  @page { size: A4; margin: 37mm 26mm 35mm 28mm;
    @bottom-center { content: "— " counter(page) " —"; font: 14pt "Noto Serif CJK SC", serif; } }
  body { margin: 0; font: 16pt/28pt "Noto Serif CJK SC", serif; text-align: justify; }
  p { margin: 0; text-indent: 2em; }
  .series { color: #c00; text-align: center; text-indent: 0; font-size: 26pt; line-height: 40pt; font-weight: bold; }
  .number { text-align: center; text-indent: 0; }
  .byline { display: flex; justify-content: space-between; border-bottom: 2px solid #c00; padding-bottom: 4pt; margin-bottom: 12pt; }
  .toc-title { text-indent: 0; font-weight: bold; }
  ul { list-style: none; margin: 0 0 16pt; padding: 0; }
  li { padding-left: 1.5em; text-indent: -1.5em; }
  h2 { font-size: 22pt; line-height: 32pt; text-align: center; margin: 24pt 2em 12pt; break-after: avoid; }
  .closing { margin-top: 24pt; border-top: 1px solid #000; border-bottom: 1px solid #000; font-size: 14pt; line-height: 24pt; }
  .closing p { text-indent: 0; }
  .copies { text-align: right; }
</style></head><body>
${issue.series.map((line) => p(line, 'series')).join('\n')}
${p(`第${issue.number}期`, 'number')}
<div class="byline"><span>${escape(issue.publisher)}</span><span>${chineseDate(issue.date)}</span></div>
${p('本期要目', 'toc-title')}
<ul>${issue.articles.map((a) => `<li>◆ ${escape(a.title)}</li>`).join('')}</ul>
${issue.articles.map((a) => `<h2>${escape(a.title)}</h2>\n${a.paragraphs.map((text) => p(text)).join('\n')}`).join('\n')}
<div class="closing">
${p(`主办：${issue.publisher}`)}
${p(`邮箱：${issue.email}`)}
${p(`电话：${issue.telephone}`)}
${p(`出版日期：${chineseDate(issue.date)}（总第${String(issue.serial).padStart(2, '0')}期）`)}
${issue.recipients.bao ? p(`报：${issue.recipients.bao}`) : ''}
${issue.recipients.song ? p(`送：${issue.recipients.song}`) : ''}
${issue.recipients.fa ? p(`发：${issue.recipients.fa}`) : ''}
${issue.copies ? p(`（共印${issue.copies}份）`, 'copies') : ''}
</div>
</body></html>`;
}
