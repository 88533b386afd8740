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
import type { OfdOptions } from './ofd.ts';
import { escapeHtml } from '../lib/escape-html.ts';

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

const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** A4 bulletin pages after GB/T 9704 (see shared notes print-format.md); a drawn `style` varies them (drawStyle). */
export function bulletinHtml(issue: RenderedIssue, style?: RenderStyle): string {
  if (style) return styledHtml(issue, style);
  const p = (text: string, cls = '') => `<p${cls ? ` class="${cls}"` : ''}>${escapeHtml(text)}</p>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(issue.series.join(' '))}</title>
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
<div class="byline"><span>${escapeHtml(issue.publisher)}</span><span>${chineseDate(issue.date)}</span></div>
${p('本期要目', 'toc-title')}
<ul>${issue.articles.map((a) => `<li>◆ ${escapeHtml(a.title)}</li>`).join('')}</ul>
${issue.articles.map((a) => `<h2>${escapeHtml(a.title)}</h2>\n${a.paragraphs.map((text) => p(text)).join('\n')}`).join('\n')}
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

const cssString = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;
const PAGE_NUMBER_CSS: Record<PageNumberStyle, string> = {
  dash: '"— " counter(page) " —"',
  hyphen: '"-" counter(page) "-"',
  di: '"第" counter(page) "页"',
  bare: 'counter(page)',
  'di-gong': '"第 " counter(page) " 页 共 " counter(pages) " 页"',
  'dash-tight': '"—" counter(page) "—"',
  slash: 'counter(page) "/" counter(pages)',
};

/**
 * How a paragraph is told from the next, as the producers of real PDFs do it: a first-line indent
 * (justified text, GB/T 9704), space between paragraphs with no indent (a web page printed, many
 * WPS and LibreOffice templates), or both spacing and a ragged right edge (text-align: left).
 */
const PARAGRAPH_CSS: Record<ParagraphMark, string> = {
  indent: 'p { margin: 0; text-indent: 2em; }',
  spacing: 'p { margin: 0 0 0.6em; text-indent: 0; }',
  'ragged-spacing': 'p { margin: 0 0 0.8em; text-indent: 0; text-align: left; }',
};

/** The bulletin laid out as the drawn style has it: type size, margins, markers, forced page breaks. */
function styledHtml(issue: RenderedIssue, style: RenderStyle): string {
  // Elements that may be forced onto a new page: 要目 items, headlines, paragraphs, 版记 lines.
  const breakables: string[] = [];
  const br = (id: string) => (breakables.push(id), id);
  // A space between Chinese words is kept off a line's end (where a printed space cannot be seen, nor read back).
  const bound = (text: string) => escapeHtml(text).replace(/([^\x00-\x7f]) ([^\x00-\x7f])/g, '<span style="white-space: nowrap">$1 $2</span>');
  const p = (text: string, cls = '', id = '') => `<p${cls ? ` class="${cls}"` : ''}${id ? ` data-b="${id}"` : ''}>${bound(text)}</p>`;
  const toc = issue.articles.map((a, i) => `<li data-b="${br(`t${i}`)}">${escapeHtml(tocMarkerText(style.tocMarker === 'numbering' ? '◆' : style.tocMarker, i))}${escapeHtml(a.title)}</li>`);
  const articles = issue.articles.map(
    (a, i) => `<h2 data-b="${br(`h${i}`)}">${escapeHtml(a.title)}</h2>\n${a.paragraphs.map((text, j) => p(text, '', br(`p${i}-${j}`))).join('\n')}`,
  );
  const closing = closingLines(issue, style).map((line, i) => p(line, /^[（(]共印/.test(line) ? 'copies' : '', br(`c${i}`)));
  const forced = new Set([...style.forcedBreaks.map((f) => breakables[Math.floor(f * breakables.length)]!), ...(style.breakAt ?? [])]);
  const header = style.runningHeader ? `@top-center { content: ${cssString(style.runningHeader)}; font: 10pt "Noto Sans CJK SC", sans-serif; }` : '';
  const hanging = style.tocMarker === 'none' ? '' : 'li { padding-left: 1.5em; text-indent: -1.5em; }';
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(issue.series.join(' '))}</title>
<style>
  @page { size: A4; margin: ${style.marginMm + 10}mm ${style.marginMm}mm ${style.marginMm + 8}mm ${style.marginMm + 2}mm;
    @bottom-center { content: ${PAGE_NUMBER_CSS[style.pageNumber]}; font: 12pt "Noto Serif CJK SC", serif; } ${header} }
  @page :first { @top-center { content: none; } }
  body { margin: 0; font: ${style.fontSize}pt/1.75 "Noto Serif CJK SC", serif; text-align: justify; }
  ${PARAGRAPH_CSS[style.paragraphMark ?? 'indent']}
  .series { color: #c00; text-align: center; text-indent: 0; font-size: 1.1em; font-weight: bold; }
  .series:last-of-type { font-size: 2.4em; ${style.spreadTitle ? 'letter-spacing: 0.5em;' : ''} }
  .number { text-align: center; text-indent: 0; }
  .byline { ${style.bylineOneLine ? 'display: flex; justify-content: space-between;' : ''} border-bottom: 2px solid #c00; padding-bottom: 4pt; margin-bottom: 12pt; }
  .byline p { text-indent: 0; }
  .toc-title { text-indent: 0; font-weight: bold; }
  ul { list-style: none; margin: 0 0 16pt; padding: 0; }
  ${hanging}
  h2 { font-size: 1.35em; line-height: 1.5; text-align: center; margin: 1.5em auto 0.75em; max-width: ${style.headlineWrap}em; break-after: avoid; }
  .closing { margin-top: 24pt; border-top: 1px solid #000; border-bottom: 1px solid #000; font-size: 0.9em; }
  .closing p { text-indent: 0; }
  .copies { text-align: right; }
  [data-forced] { break-before: page; }
</style></head><body>
<header>${issue.series.map((line) => p(line, 'series')).join('\n')}</header>
${p(style.spacedNumber ? `第 ${issue.number} 期` : `第${issue.number}期`, 'number')}
<div class="byline">${p(issue.publisher)}${p(chineseDate(issue.date))}</div>
${style.tocHeading ? p(style.tocHeading, 'toc-title') : ''}
<ul>${toc.join('')}</ul>
${articles.join('\n')}
<div class="closing"${style.closingOwnPage ? ' style="break-before: page"' : ''}>
${closing.join('\n')}
</div>
</body></html>`;
  return html.replace(/ data-b="([^"]+)"/g, (_, id: string) => (forced.has(id) ? ' data-forced' : ''));
}

/** The issue printed to PDF by Chromium, A4 with page numbers, as the office's PDFs are. */
export async function bulletinPdf(issue: RenderedIssue, style?: RenderStyle, browser?: import('@playwright/test').Browser): Promise<Buffer> {
  const { chromium } = await import('@playwright/test');
  const { chromiumLaunch } = await import('../lib/chromium.ts');
  const own = browser ?? (await chromium.launch(chromiumLaunch));
  const page = await own.newPage();
  try {
    await page.setContent(bulletinHtml(issue, style), { waitUntil: 'load' });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await page.close();
    if (!browser) await own.close();
  }
}

/**
 * The issue as a Word file the way an editor types one: masthead paragraphs, the 要目 as a
 * bulleted list, headlines in a heading style, indented body paragraphs, the 版记 in a table,
 * page numbers in the footer. A drawn `style` varies it: the 要目 typed with markers or none,
 * with or without its heading, the 版记 as paragraphs, page breaks before drawn paragraphs.
 */
export async function bulletinDocx(issue: RenderedIssue, style?: RenderStyle): Promise<Buffer> {
  const docx = await import('docx');
  const { AlignmentType, Document, Footer, Header, HeadingLevel, LevelFormat, Packer, PageNumber, Paragraph, Tab, Table, TableCell, TableRow, TextRun, WidthType } = docx;
  const centred = (text: string, size: number) =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, size: size * 2, color: 'CC0000', bold: true })] });
  const lines = style
    ? closingLines(issue, style)
    : [
        `主办：${issue.publisher}`,
        `邮箱：${issue.email}`,
        `电话：${issue.telephone}`,
        `出版日期：${chineseDate(issue.date)}（总第${String(issue.serial).padStart(2, '0')}期）`,
        ...(issue.recipients.bao ? [`报：${issue.recipients.bao}`] : []),
        ...(issue.recipients.song ? [`送：${issue.recipients.song}`] : []),
        ...(issue.recipients.fa ? [`发：${issue.recipients.fa}`] : []),
        ...(issue.copies ? [`（共印${issue.copies}份）`] : []),
      ];
  const marker = style?.tocMarker ?? 'numbering';
  const heading = style ? style.tocHeading : '本期要目';
  // Paragraphs a drawn page break may come before: 要目 items, headlines, body paragraphs, 版记 lines.
  let breakable = 0;
  const total = issue.articles.length * 2 + issue.articles.reduce((n, a) => n + a.paragraphs.length, 0) + lines.length;
  const forced = new Set((style?.forcedBreaks ?? []).map((f) => Math.floor(f * total)));
  const breakHere = () => forced.has(breakable++);
  const numberText = style?.spacedNumber ? `第 ${issue.number} 期` : `第${issue.number}期`;
  const closingTable = style ? style.closingTable : true;
  const closing = closingTable
    ? [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: lines.map((line) => new TableRow({ children: [new TableCell({ children: [new Paragraph(line)] })] })),
        }),
      ]
    : lines.map((line, i) => new Paragraph({ text: line, pageBreakBefore: (i === 0 && style?.closingOwnPage) || breakHere() }));
  const document = new Document({
    numbering: {
      config: [{ reference: 'toc', levels: [{ level: 0, format: LevelFormat.BULLET, text: '◆', alignment: AlignmentType.LEFT }] }],
    },
    sections: [
      {
        ...(style?.runningHeader ? { headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, text: style.runningHeader })] }) } } : {}),
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })],
          }),
        },
        children: [
          ...issue.series.map((line, i) => centred(line, i === issue.series.length - 1 ? 36 : 18)),
          new Paragraph({ alignment: AlignmentType.CENTER, text: numberText }),
          ...(style && !style.bylineOneLine
            ? [new Paragraph(issue.publisher), new Paragraph(chineseDate(issue.date))]
            : [new Paragraph({ children: [new TextRun(issue.publisher), new TextRun({ children: [new Tab(), new Tab(), chineseDate(issue.date)] })] })]),
          ...(heading ? [new Paragraph({ children: [new TextRun({ text: heading, bold: true })] })] : []),
          ...issue.articles.map((a, i) =>
            marker === 'numbering'
              ? new Paragraph({ text: a.title, numbering: { reference: 'toc', level: 0 }, pageBreakBefore: breakHere() })
              : new Paragraph({ text: tocMarkerText(marker, i) + a.title, pageBreakBefore: breakHere() }),
          ),
          ...issue.articles.flatMap((a) => [
            new Paragraph({ text: a.title, heading: HeadingLevel.HEADING_2, alignment: AlignmentType.CENTER, pageBreakBefore: breakHere() }),
            ...a.paragraphs.map((text) => new Paragraph({ text, indent: { firstLine: 640 }, pageBreakBefore: breakHere() })),
          ]),
          ...(closingTable && style?.closingOwnPage ? [new Paragraph({ text: '', pageBreakBefore: true })] : []),
          ...closing,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

// ─── Renderings drawn at random, for the importer's generated-rendering test and `npm run import:fuzz` ───

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const chance = (r: () => number, p: number) => r() < p;

export type TocMarker = 'numbering' | '-' | '·' | '•' | '●' | '▪' | '◆' | '1.' | '1、' | '（一）' | '①' | 'none';
export type PageNumberStyle = 'dash' | 'hyphen' | 'di' | 'bare' | 'di-gong' | 'dash-tight' | 'slash';
export type ParagraphMark = 'indent' | 'spacing' | 'ragged-spacing';

/** How one rendering looks: what the office's back issues vary in. */
export interface RenderStyle {
  /** How the 要目 items are marked: Word's own numbering, a typed marker, or nothing. */
  tocMarker: TocMarker;
  /** The 要目's heading, or none. */
  tocHeading: string | null;
  /** The 版记 as paragraphs or as a table (Word); on a page of its own. */
  closingTable: boolean;
  closingOwnPage: boolean;
  /** 主办 or 主 办 or 主　办 … */
  labelSpace: string;
  colon: '：' | ':';
  halfBrackets: boolean;
  pageNumber: PageNumberStyle;
  runningHeader: string | null;
  /** The masthead's 第N期 spaced (第 2 期), its byline on one line or two, 工作要讯 letter-spaced. */
  spacedNumber: boolean;
  bylineOneLine: boolean;
  spreadTitle: boolean;
  /** Text: characters a line holds; a headline's; indentation of a paragraph's first line; blank lines between blocks; CRLF; page breaks (line indexes, as fractions of the text). */
  wrap: number;
  headlineWrap: number;
  indent: string;
  blankLines: boolean;
  crlf: boolean;
  digitSpaces: boolean;
  pageBreaks: number[];
  /** PDF: the type size and page margins (so that pages break at other lines), and elements forced onto a new page. */
  fontSize: number;
  marginMm: number;
  forcedBreaks: number[];
  /** PDF: elements put on a new page by name (t0 a 要目 item, h0 a headline, p0-1 a paragraph, c2 the 版记's third line). */
  breakAt?: string[];
  /** Text: page breaks before exactly these lines (indexes into the text's lines), in place of `pageBreaks`: a property test puts one at every line. */
  breakLines?: number[];
  /** PDF: how paragraphs are marked (PARAGRAPH_CSS); a first-line indent when left out. */
  paragraphMark?: ParagraphMark;
  /** OFD (the PDF made OFD by ofd.ts): how its text is cut into TextObjects, page numbers on templates. */
  ofd?: OfdOptions;
}

export type RenderFormat = 'text' | 'docx' | 'pdf' | 'ofd';

/** A style drawn at random for `format`. */
export function drawStyle(r: () => number, format: RenderFormat): RenderStyle {
  const markers: TocMarker[] = ['-', '·', '•', '●', '▪', '◆', '1.', '1、', '（一）', '①', 'none', ...(format === 'docx' ? (['numbering', 'numbering'] as const) : [])];
  const indent = format === 'text' ? pick(r, ['\u3000\u3000', '    ', '  ', '']) : '';
  const breaks = Array.from({ length: 2 + Math.floor(r() * 6) }, () => r()).sort((a, b) => a - b);
  return {
    tocMarker: pick(r, markers),
    tocHeading: pick(r, ['本期要目', '本 期 要 目', '目录', '目　录', '要目', null, null]),
    closingTable: format === 'docx' && chance(r, 0.5),
    closingOwnPage: chance(r, 0.25),
    labelSpace: pick(r, ['', ' ', '\u3000', '\u00a0']),
    colon: pick(r, ['：', ':']),
    halfBrackets: chance(r, 0.3),
    pageNumber: pick(r, ['dash', 'hyphen', 'di', 'bare', 'di-gong', 'dash-tight', 'slash'] as const),
    runningHeader: chance(r, 0.4) ? pick(r, ['工作要讯 第2期', '《工作要讯》2017年第2期', '山西省教育厅1331办公室 工作要讯']) : null,
    spacedNumber: chance(r, 0.5),
    bylineOneLine: chance(r, 0.5),
    spreadTitle: chance(r, 0.3),
    wrap: 18 + Math.floor(r() * 24),
    headlineWrap: 8 + Math.floor(r() * 22),
    indent,
    // Without indentation only blank lines tell where a paragraph starts.
    blankLines: indent === '' || chance(r, 0.5),
    crlf: chance(r, 0.3),
    digitSpaces: chance(r, 0.5),
    pageBreaks: breaks,
    fontSize: 12 + Math.floor(r() * 6),
    marginMm: 15 + Math.floor(r() * 25),
    forcedBreaks: Array.from({ length: Math.floor(r() * 4) }, () => r()),
    paragraphMark: format === 'pdf' || format === 'ofd' ? pick(r, ['indent', 'spacing', 'ragged-spacing'] as const) : 'indent',
    // Drawn last, so that an OFD's seed draws its PDF as the same seed's PDF would be drawn.
    ...(format === 'ofd' ? { ofd: { shape: pick(r, ['line', 'char', 'ctm'] as const), footTemplate: chance(r, 0.5) } } : {}),
  };
}

/** The 要目 marker for item i (0-based), as typed. */
export function tocMarkerText(marker: TocMarker, i: number): string {
  const chineseNumerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  switch (marker) {
    case 'numbering':
    case 'none':
      return '';
    case '1.':
      return `${i + 1}. `;
    case '1、':
      return `${i + 1}、`;
    case '（一）':
      return `（${chineseNumerals[i]}）`;
    case '①':
      return String.fromCharCode(0x2460 + i);
    default:
      return `${marker} `;
  }
}

/** A page number as printed at a page's foot. */
export function pageNumberText(style: PageNumberStyle, page: number, pages: number): string {
  return { dash: `— ${page} —`, hyphen: `-${page}-`, di: `第${page}页`, bare: String(page), 'di-gong': `第 ${page} 页 共 ${pages} 页`, 'dash-tight': `—${page}—`, slash: `${page}/${pages}` }[style];
}

/** The 版记's lines, labels and brackets as the style has them. */
export function closingLines(issue: RenderedIssue, style: RenderStyle): string[] {
  const label = (name: string) => (name.length === 2 && style.labelSpace ? `${name[0]}${style.labelSpace}${name[1]}` : name) + style.colon;
  const [open, close] = style.halfBrackets ? ['(', ')'] : ['（', '）'];
  return [
    `${label('主办')}${issue.publisher}`,
    `${label('邮箱')}${issue.email}`,
    `${label('电话')}${issue.telephone}`,
    `${'出版日期' + style.colon}${chineseDate(issue.date)}${open}总第${String(issue.serial).padStart(2, '0')}期${close}`,
    ...(issue.recipients.bao ? [`报${style.colon}${issue.recipients.bao}`] : []),
    ...(issue.recipients.song ? [`送${style.colon}${issue.recipients.song}`] : []),
    ...(issue.recipients.fa ? [`发${style.colon}${issue.recipients.fa}`] : []),
    ...(issue.copies ? [`${open}共印${issue.copies}份${close}`] : []),
  ];
}

/** A text's width in Chinese characters (Latin letters and digits half). */
const widthOf = (s: string) => [...s].reduce((sum, c) => sum + (c.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);

/** Cuts text into lines of `width` characters, never inside a run of Latin letters and digits (renderers do not). */
export function wrapText(text: string, width: number): string[] {
  const atoms = text.match(/[A-Za-z0-9@._\-]+|[^\x00-\x7f] [^\x00-\x7f]|./gsu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const atom of atoms) {
    if (line && widthOf(line + atom) > width) {
      lines.push(line);
      line = atom === ' ' ? '' : atom;
    } else line += atom;
  }
  if (line) lines.push(line);
  return lines;
}

/** Spaces around digits, as extraction puts them (1331 工程). */
const spaceDigits = (s: string) => s.replace(/(?<=[^\x00-\x7f])(?=[0-9])|(?<=[0-9])(?=[^\x00-\x7f])/g, ' ');

/**
 * The issue as text extracted from a PDF (pdftotext, with or without -layout): lines wrapped at
 * the style's width, paragraphs indented or set apart by blank lines, headlines centred and
 * wrapped, page breaks as form feeds with the page number (and a running header) between.
 */
export function bulletinText(issue: RenderedIssue, style: RenderStyle, r: () => number): string {
  const lines: Array<{ text: string; kind: 'line' | 'blank' | 'break-ok' }> = [];
  const out = (text: string) => lines.push({ text, kind: 'line' });
  const blank = () => lines.push({ text: '', kind: 'blank' });
  const digits = (s: string) => (style.digitSpaces ? spaceDigits(s) : s);
  const centre = (s: string) => (style.indent ? ' '.repeat(4 + Math.floor(r() * 12)) : '') + s;
  for (const [i, line] of issue.series.entries()) {
    const last = i === issue.series.length - 1;
    out(centre(last && style.spreadTitle ? [...line].join(' ') : digits(line)));
  }
  out(centre(style.spacedNumber ? `第 ${issue.number} 期` : `第${issue.number}期`));
  if (style.bylineOneLine) out(`${digits(issue.publisher)}${' '.repeat(6 + Math.floor(r() * 20))}${digits(chineseDate(issue.date))}`);
  else {
    out(digits(issue.publisher));
    out(digits(chineseDate(issue.date)));
  }
  blank();
  if (style.tocHeading) {
    out(style.tocHeading);
    if (style.blankLines) blank();
  }
  for (const [i, a] of issue.articles.entries()) {
    const marker = tocMarkerText(style.tocMarker, i);
    const [first, ...rest] = wrapText(digits(a.title), style.wrap - widthOf(marker));
    out(marker + first);
    const hang = style.indent && marker ? ' '.repeat(Math.ceil(widthOf(marker) * 2)) : '';
    for (const l of rest) out(hang + l);
  }
  blank();
  for (const a of issue.articles) {
    // A headline wrapped at its own width, a space left at the cut or not.
    for (const l of wrapText(a.title, style.headlineWrap)) out(centre(chance(r, 0.3) ? `${l} ` : l));
    blank();
    for (const p of a.paragraphs) {
      const [first, ...rest] = wrapText(digits(p), style.wrap - 2);
      out(style.indent + first);
      for (const l of rest) out(l);
      if (style.blankLines) blank();
    }
    if (!style.blankLines) blank();
  }
  if (style.closingOwnPage) lines.push({ text: '', kind: 'break-ok' });
  for (const l of closingLines(issue, style)) {
    const [first, ...rest] = wrapText(digits(l), style.wrap);
    out(first!);
    for (const x of rest) out(x);
    if (style.blankLines) blank();
  }
  // Page breaks at lines drawn at random (never in the masthead), the forced one before the 版记.
  const firstBody = lines.findIndex((l, i) => i > issue.series.length + 2 && l.kind === 'blank');
  const at = new Set(style.breakLines ? style.breakLines.filter((i) => i > firstBody && i < lines.length) : style.pageBreaks.map((f) => firstBody + 1 + Math.floor(f * (lines.length - firstBody - 1))));
  lines.forEach((l, i) => l.kind === 'break-ok' && at.add(i));
  // A break drawn at a blank line comes after it: a paragraph that ends at a page's foot is
  // followed by its blank line there, one the break cuts is not.
  for (const i of [...at]) if (lines[i]?.kind === 'blank') (at.delete(i), at.add(i + 1));
  const pages = at.size + 1;
  const eol = style.crlf ? '\r\n' : '\n';
  let page = 1;
  const text: string[] = [];
  lines.forEach((l, i) => {
    if (at.has(i)) {
      // A paragraph that ends at the page's foot is followed by a blank line; one cut there is not.
      text.push(pageNumberText(style.pageNumber, page, pages), '\f' + (style.runningHeader ? style.runningHeader : ''));
      if (style.runningHeader) text.push('');
      page++;
    }
    if (l.kind !== 'break-ok') text.push(l.text);
  });
  text.push('', pageNumberText(style.pageNumber, page, pages));
  return text.join(eol) + eol;
}
