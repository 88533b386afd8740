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

/** The issue `id` (2017-02) as the content files under `root` (or in `contentDir`) hold it. */
export function loadIssue(root: string, id: string, contentDir = join(root, 'content')): RenderedIssue {
  const issue = frontmatter(join(contentDir, 'issues', `${id}.mdx`)).data as unknown as Omit<RenderedIssue, 'articles'> & {
    articles: string[];
  };
  const articles = issue.articles.map((articleId) => {
    const { data, body } = frontmatter(join(contentDir, 'articles', `${articleId}.mdx`));
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
  .series { color: #c00; text-align: center; text-indent: 0; font-size: 18pt; line-height: 32pt; font-weight: bold; }
  .series:last-of-type { font-size: 40pt; line-height: 60pt; letter-spacing: 0.2em; }
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
<header>${issue.series.map((line) => p(line, 'series')).join('\n')}</header>
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

/** The issue printed to PDF by Chromium, A4 with page numbers, as the office's PDFs are. */
export async function bulletinPdf(issue: RenderedIssue): Promise<Buffer> {
  const { chromium } = await import('@playwright/test');
  const { chromiumLaunch } = await import('../../scripts/lib/chromium.ts');
  const browser = await chromium.launch(chromiumLaunch);
  try {
    const page = await browser.newPage();
    await page.setContent(bulletinHtml(issue), { waitUntil: 'load' });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}

/**
 * The issue as a Word file the way an editor types one: masthead paragraphs, the 要目 as a
 * bulleted list, headlines in a heading style, indented body paragraphs, the 版记 in a table,
 * page numbers in the footer.
 */
export async function bulletinDocx(issue: RenderedIssue): Promise<Buffer> {
  const docx = await import('docx');
  const { AlignmentType, Document, Footer, HeadingLevel, LevelFormat, Packer, PageNumber, Paragraph, Tab, Table, TableCell, TableRow, TextRun, WidthType } = docx;
  const centred = (text: string, size: number) =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, size: size * 2, color: 'CC0000', bold: true })] });
  const closingLines = [
    `主办：${issue.publisher}`,
    `邮箱：${issue.email}`,
    `电话：${issue.telephone}`,
    `出版日期：${chineseDate(issue.date)}（总第${String(issue.serial).padStart(2, '0')}期）`,
    ...(issue.recipients.bao ? [`报：${issue.recipients.bao}`] : []),
    ...(issue.recipients.song ? [`送：${issue.recipients.song}`] : []),
    ...(issue.recipients.fa ? [`发：${issue.recipients.fa}`] : []),
    ...(issue.copies ? [`（共印${issue.copies}份）`] : []),
  ];
  const document = new Document({
    numbering: {
      config: [{ reference: 'toc', levels: [{ level: 0, format: LevelFormat.BULLET, text: '◆', alignment: AlignmentType.LEFT }] }],
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })],
          }),
        },
        children: [
          ...issue.series.map((line, i) => centred(line, i === issue.series.length - 1 ? 36 : 18)),
          new Paragraph({ alignment: AlignmentType.CENTER, text: `第${issue.number}期` }),
          new Paragraph({ children: [new TextRun(issue.publisher), new TextRun({ children: [new Tab(), new Tab(), chineseDate(issue.date)] })] }),
          new Paragraph({ children: [new TextRun({ text: '本期要目', bold: true })] }),
          ...issue.articles.map((a) => new Paragraph({ text: a.title, numbering: { reference: 'toc', level: 0 } })),
          ...issue.articles.flatMap((a) => [
            new Paragraph({ text: a.title, heading: HeadingLevel.HEADING_2, alignment: AlignmentType.CENTER }),
            ...a.paragraphs.map((text) => new Paragraph({ text, indent: { firstLine: 640 } })),
          ]),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: closingLines.map((line) => new TableRow({ children: [new TableCell({ children: [new Paragraph(line)] })] })),
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
