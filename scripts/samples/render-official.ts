/**
 * Renders an official document (公文) from a golden content file the way the office prints it
 * after GB/T 9704-2012 — 版头 with the red 发文机关标志, 文号 and red rule; title, 主送机关, body,
 * 附件说明, 署名 and 成文日期, 附注; each attachment on a new page; the 版记 between its rules; page
 * numbers "— N —" — as HTML, then as a PDF (Chromium's page.pdf), the text pdftotext extracts
 * from it, or a Word file (the `docx` package). The importer tests read these back: the text is
 * the fixture's text, so a faithful import gives the fixture again.
 *
 * The fixture is read here with a few lines of its own (frontmatter, paragraphs split on blank
 * lines, `## 附件N`, GFM tables), not with src/lib/policy/structure.ts: the renderer must not
 * share a bug with the code it tests.
 *
 * A `Variant` picks among the ways real documents differ (title wrapped elsewhere, 〔〕 or [ ]
 * in the 文号, 成文日期 in Chinese numerals, the signature pushed onto a page of its own, the
 * page breaks moved, the 版记 as a Word table, pdftotext with or without -layout);
 * `drawVariant` draws one from a seeded random source (scripts/lib/random.ts), so that a
 * failing draw can be repeated from its seed. `DEFAULT_VARIANT` is the plain, standard print.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

// ── The source ──

// The shapes the importer reads a document into (its types only: the reading below is this
// file's own, so that the renderer shares no logic with the code it tests). An attachment
// without a `## 附件N` section has `blocks: null`, and no page is printed for it.
import type { OfficialAttachment, OfficialBlock, OfficialTable } from '../import/parse-official.ts';
import { escapeHtml } from '../lib/escape-html.ts';
export type { OfficialAttachment, OfficialBlock, OfficialTable };

/** What the fixture says, in the fields the printed document shows (see src/schemas/policy.ts). */
export interface OfficialSource {
  path: string;
  title: string;
  copyNumber?: string;
  secrecy?: string;
  secrecyPeriod?: string;
  urgency?: string;
  issuerMark?: string;
  docNumber?: string;
  signers: string[];
  issuer?: string;
  coIssuers: string[];
  recipients?: string;
  writtenDate?: string;
  disclosure?: string;
  notes: string[];
  copyTo?: string;
  printedBy?: string;
  printedDate?: string;
  /** The 正文: its paragraphs and tables, in order. */
  main: OfficialBlock[];
  /** Every attachment the 附件说明 lists, in order, with its text when the body has it. */
  attachments: OfficialAttachment[];
}

/** Markdown's backslash escapes (\* \< \{ …) stand for the character itself. */
const unescapeMarkdown = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** A GFM table row's cells: split on `|` not escaped, outer pipes dropped. */
function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => unescapeMarkdown(cell.trim()));
}

function blocksOf(chunks: string[]): OfficialBlock[] {
  return chunks.map((chunk): OfficialBlock => {
    const lines = chunk.split('\n').map((line) => line.trim());
    if (lines.every((line) => line.startsWith('|'))) {
      // The second line is the delimiter row (| --- | :-: |).
      const rows = lines.filter((line, i) => i !== 1 || !/^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$/.test(line)).map(cells);
      return { type: 'table', header: rows[0] ?? [], rows: rows.slice(1) };
    }
    // A paragraph typed over several lines is one paragraph; Chinese text has no spaces at line ends.
    return { type: 'paragraph', text: unescapeMarkdown(lines.join('')) };
  });
}

const optionalString = (value: unknown) => (value === undefined || value === null ? undefined : String(value));
const strings = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);

/** Reads a golden official document (tests/fixtures/official/*.mdx). */
export function loadOfficial(path: string): OfficialSource {
  const source = readFileSync(path, 'utf8').replace(/\r\n/g, '\n');
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(source);
  if (!match) throw new Error(`${path}: no frontmatter`);
  const data = parse(match[1]!, { schema: 'core' }) as Record<string, unknown>;
  const sections = new Map<number, string[]>();
  const main: string[] = [];
  let current = main;
  for (const chunk of source.slice(match[0].length).split(/\n[ \t]*\n/).map((c) => c.trim()).filter(Boolean)) {
    const heading = /^##\s+附件\s*(\d*)\s*$/.exec(chunk);
    if (heading) {
      current = [];
      sections.set(heading[1] ? Number(heading[1]) : 1, current);
      continue;
    }
    current.push(chunk);
  }
  const listed = Array.isArray(data['attachments']) ? (data['attachments'] as Array<{ title: unknown }>) : [];
  const doc: OfficialSource = {
    path,
    title: String(data['title']),
    signers: strings(data['signers']),
    coIssuers: strings(data['coIssuers']),
    notes: strings(data['notes']),
    main: blocksOf(main),
    attachments: listed.map((a, i) => {
      const section = sections.get(i + 1);
      return { number: i + 1, title: String(a.title), blocks: section ? blocksOf(section) : null };
    }),
  };
  for (const key of ['copyNumber', 'secrecy', 'secrecyPeriod', 'urgency', 'issuerMark', 'docNumber', 'issuer', 'recipients', 'writtenDate', 'disclosure', 'copyTo', 'printedBy', 'printedDate'] as const) {
    const value = optionalString(data[key]);
    if (value !== undefined) doc[key] = value;
  }
  return doc;
}

// ── Variants ──

export interface Variant {
  /**
   * Where the title's lines break: `semantic` packs the pieces offices break between (the issuer,
   * 关于…, 《…》, 的通知) into lines of at most 20 characters; `issuer-first` puts the issuer alone
   * on the first line, then packs the rest; `even` cuts it into lines of near-equal length wherever
   * that falls (mid-word, as a hurried typist does); `browser` leaves the wrapping to the browser
   * (Word: one line, Word wraps it).
   */
  titleWrap: 'semantic' | 'issuer-first' | 'even' | 'browser';
  /** The 文号's brackets as printed; the importer must write 〔〕 whatever it reads. */
  docNumberBrackets: '〔〕' | '[]' | '［］';
  /** 成文日期 and 印发日期: 2019年3月12日, or 二〇一九年三月十二日 as older documents print them. */
  dates: 'arabic' | 'chinese';
  /** A forced page break just before the 署名, so the signature and date stand on the next page. */
  signatureOnNewPage: boolean;
  /**
   * Body type size in pt (GB/T 9704: 16) and line pitch in pt (≈ 28.9): a slightly different setting
   * moves every page break, so that the breaks fall inside different paragraphs.
   */
  bodySize: number;
  linePitch: number;
  /** 天头 in mm (GB/T 9704: 37 ± 1). */
  topMargin: number;
  /**
   * Word only: the longest paragraph cut in the middle at a page, as a file converted from a PDF
   * (or retyped page by page) carries it: `run`, a hard page break inside the paragraph (mammoth
   * drops it: the text stays whole); `split`, two paragraphs, the second on a new page without
   * its first-line indent (mammoth gives two paragraphs, the first ending mid-sentence). A PDF's
   * breaks come from length alone.
   */
  docxBreakInParagraph: 'none' | 'run' | 'split';
  /** Word only: the title's lines as line breaks in one paragraph, or as one paragraph each. */
  docxTitleLines: 'breaks' | 'paragraphs';
  /** Word only: the 版记 as bordered paragraphs, or as a table (many offices' templates). */
  docxClosing: 'paragraphs' | 'table';
  /**
   * PDF only: the 版记 at the foot of the last page (GB/T 9704 §7.4: its last rule on the text
   * block's bottom edge), placed by measuring the first print and printing again; or right after
   * the text, as a browser's print of the page leaves it.
   */
  closingAtFoot: boolean;
  /** officialText: `pdftotext -layout` (columns kept, right-aligned lines padded with spaces) or plain `pdftotext`. */
  text: 'layout' | 'plain';
}

export const DEFAULT_VARIANT: Variant = {
  titleWrap: 'semantic',
  docNumberBrackets: '〔〕',
  dates: 'arabic',
  signatureOnNewPage: false,
  bodySize: 16,
  linePitch: 28.9,
  topMargin: 37,
  docxBreakInParagraph: 'none',
  docxTitleLines: 'breaks',
  docxClosing: 'paragraphs',
  closingAtFoot: true,
  text: 'layout',
};

/** One variant drawn from `random` (a seeded source: `seededRandom(seed)` from scripts/lib/random.ts). */
export function drawVariant(random: () => number): Variant {
  const pick = <T>(options: readonly T[]): T => options[Math.min(options.length - 1, Math.floor(random() * options.length))]!;
  return {
    titleWrap: pick(['semantic', 'issuer-first', 'even', 'browser'] as const),
    docNumberBrackets: pick(['〔〕', '[]', '［］'] as const),
    dates: pick(['arabic', 'chinese'] as const),
    signatureOnNewPage: random() < 0.3,
    bodySize: pick([15.5, 16, 16, 16.5]),
    linePitch: pick([28, 28.9, 28.9, 29.5]),
    topMargin: pick([36, 37, 38]),
    docxBreakInParagraph: pick(['none', 'run', 'split'] as const),
    docxTitleLines: pick(['breaks', 'paragraphs'] as const),
    docxClosing: pick(['paragraphs', 'table'] as const),
    closingAtFoot: random() < 0.7,
    text: pick(['layout', 'plain'] as const),
  };
}

// ── Shared pieces ──

const DIGITS = '〇一二三四五六七八九';
function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]!}十${n % 10 ? DIGITS[n % 10]! : ''}`;
}

/** 2019-03-12 → 2019年3月12日, or 二〇一九年三月十二日. */
export function formatDate(iso: string, style: Variant['dates']): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (style === 'arabic') return `${y}年${m}月${d}日`;
  return `${[...String(y)].map((c) => DIGITS[Number(c)]!).join('')}年${chineseNumber(m)}月${chineseNumber(d)}日`;
}

/** 示教科〔2019〕7号 with the variant's brackets. */
function docNumberText(docNumber: string, brackets: Variant['docNumberBrackets']): string {
  return docNumber.replace('〔', brackets[0]!).replace('〕', brackets[1]!);
}

/** The title's width in characters: half-width digits and Latin letters take about half a character. */
const width = (text: string) => [...text].reduce((w, c) => w + (c.charCodeAt(0) < 0x2000 ? 0.55 : 1), 0);
/** 2号 (22 pt) characters on a 156 mm line, less a margin so that the browser never wraps a line again. */
const TITLE_LINE = 19.5;

/** Where offices break a title: before 关于, around 《…》, before the 文种 at its end (的通知, 的意见 …). */
const SEMANTIC_BREAK = /(?=关于)|(?=《)|(?<=》)|(?=的(?:通知|意见|决定|通报|批复|函|报告|请示|办法|规定|方案|细则)$)/gu;
/** Where a break still falls between words: after 年度, 开展, 印发, 的, 和 … */
const SOFT_BREAK = /(?<=年度|开展|印发|做好|加强|进一步|的|和|与|及)/gu;
/** Never inside a number or a Latin word, never before closing or after opening punctuation. */
const noBreak = (before: string, after: string) => /[0-9A-Za-z]/.test(before) && /[0-9A-Za-z]/.test(after) || /^[》）」』，。、；：！？]/u.test(after) || /[《（「『]$/u.test(before);

/** Offsets (in characters) that `pattern`'s zero-width matches fall at. */
function offsets(text: string, pattern: RegExp): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(pattern)) out.add([...text.slice(0, m.index)].length);
  return out;
}

/**
 * The title split into its printed lines (see Variant.titleWrap): at most three lines of at most
 * TITLE_LINE characters, the breaks chosen by cost — a line costs 6, a break at a semantic point
 * nothing, between words 3, elsewhere 10, plus a little for unequal lines.
 */
export function titleLines(doc: Pick<OfficialSource, 'title' | 'issuer'>, wrap: Variant['titleWrap']): string[] {
  const title = doc.title;
  const chars = [...title];
  if (wrap === 'browser' || width(title) <= TITLE_LINE) return [title];
  if (wrap === 'even') {
    // Near-equal lines wherever that falls, as a hurried typist cuts them.
    const count = Math.ceil(width(title) / TITLE_LINE);
    const lines: string[] = [];
    let line = '';
    for (const c of chars) {
      if (line && lines.length < count - 1 && width(line + c) > width(title) / count + 0.5) {
        lines.push(line);
        line = '';
      }
      line += c;
    }
    return [...lines, line];
  }
  const semantic = offsets(title, SEMANTIC_BREAK);
  const soft = offsets(title, SOFT_BREAK);
  const forced = wrap === 'issuer-first' && doc.issuer && title.startsWith(doc.issuer) ? [...doc.issuer].length : undefined;
  const penalty = (at: number) => (noBreak(chars[at - 1]!, chars[at]!) ? Infinity : semantic.has(at) ? 0 : soft.has(at) ? 3 : 10);
  let best: { cost: number; breaks: number[] } = { cost: Infinity, breaks: [] };
  const consider = (breaks: number[]) => {
    if (forced !== undefined && !breaks.includes(forced)) return;
    const bounds = [0, ...breaks, chars.length];
    const widths = bounds.slice(1).map((end, i) => width(chars.slice(bounds[i], end).join('')));
    if (widths.some((w) => w > TITLE_LINE)) return;
    const mean = widths.reduce((a, b) => a + b, 0) / widths.length;
    const cost = 6 * widths.length + breaks.reduce((a, at) => a + penalty(at), 0) + 0.2 * widths.reduce((a, w) => a + Math.abs(w - mean), 0);
    if (cost < best.cost) best = { cost, breaks };
  };
  for (let i = 1; i < chars.length; i++) {
    consider([i]);
    for (let j = i + 1; j < chars.length; j++) consider([i, j]);
  }
  if (best.cost === Infinity) return [title];
  const bounds = [0, ...best.breaks, chars.length];
  return bounds.slice(1).map((end, i) => chars.slice(bounds[i], end).join(''));
}

/** The heading level a paragraph opens with (GB/T 9704 §7.3.3): 一、 黑体, （一） 楷体, 1. and （1） 仿宋. */
function headingOf(text: string): { level: 1 | 2 | 3; title: string; rest: string } | undefined {
  const m = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[.．](?!\d))(.*)$/u.exec(text);
  if (!m) return undefined;
  const level = m[1]!.endsWith('、') ? 1 : /^[（(]/.test(m[1]!) ? 2 : 3;
  // The heading's own title is the whole paragraph when short, else up to its first 。
  const body = m[2]!;
  if (body.length <= 30 && !/[。；]./u.test(body)) return { level, title: m[1]! + body, rest: '' };
  const cut = /^(.{1,30}?。)(.+)$/u.exec(body);
  return cut ? { level, title: m[1]! + cut[1]!, rest: cut[2]! } : { level, title: '', rest: text };
}

const isChapter = (text: string) => /^第[一二三四五六七八九十百]+[章节][\s\u3000]*\S{0,20}$/u.test(text);
const clauseNumber = (text: string) => /^第[一二三四五六七八九十百]+条(?:之[一二三四五六七八九十]+)?(?=[\s\u3000])/u.exec(text)?.[0];

const disclosureNote = (doc: OfficialSource) => (doc.disclosure ? [`此件${doc.disclosure}`] : []);
const issuers = (doc: OfficialSource) => [...(doc.issuer ? [doc.issuer] : []), ...doc.coIssuers];
const printedAttachments = (doc: OfficialSource) => doc.attachments.filter((a) => a.blocks !== null) as Array<OfficialAttachment & { blocks: OfficialBlock[] }>;

// ── HTML and PDF ──

const SERIF = '"仿宋_GB2312", FangSong, "Noto Serif CJK SC", serif';
const TITLE = '"方正小标宋简体", "Noto Serif CJK SC", serif';
const SANS = 'SimHei, "Noto Sans CJK SC", sans-serif';
const KAI = 'KaiTi, "LXGW WenKai", "Noto Serif CJK SC", serif';
const SONG = 'SimSun, "Noto Serif CJK SC", serif';

function blockHtml(block: OfficialBlock, inAttachment: boolean): string {
  if (block.type === 'table') {
    const row = (cellsOfRow: string[], tag: 'th' | 'td') => `<tr>${cellsOfRow.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('')}</tr>`;
    return `<table><thead>${row(block.header, 'th')}</thead><tbody>${block.rows.map((r) => row(r, 'td')).join('')}</tbody></table>`;
  }
  const text = block.text;
  if (inAttachment && isChapter(text)) return `<p class="chapter">${escapeHtml(text)}</p>`;
  const clause = clauseNumber(text);
  if (clause) return `<p><span class="clause">${escapeHtml(clause)}</span>${escapeHtml(text.slice(clause.length))}</p>`;
  const heading = headingOf(text);
  if (heading && heading.level < 3 && heading.title) {
    return `<p><span class="h${heading.level}">${escapeHtml(heading.title)}</span>${escapeHtml(heading.rest)}</p>`;
  }
  return `<p>${escapeHtml(text)}</p>`;
}

/**
 * The document as one HTML page laid out for print after GB/T 9704 (A4, 37/26/35/28 mm). The
 * 版记 follows the text: no CSS can pin it to the foot of the last page, officialPdf moves it
 * there (`closingGap`: extra space above it, in pt).
 */
export function officialHtml(doc: OfficialSource, variant: Variant = DEFAULT_VARIANT, closingGap = 0): string {
  const v = variant;
  const date = (iso: string | undefined) => (iso ? formatDate(iso, v.dates) : '');
  const attachments = doc.attachments;
  const topLeft = [
    doc.copyNumber,
    doc.secrecy ? `${doc.secrecy}${doc.secrecyPeriod ? `★${doc.secrecyPeriod}` : ''}` : undefined,
    doc.urgency,
  ].filter((x): x is string => Boolean(x));
  const numberLine = doc.docNumber ? docNumberText(doc.docNumber, v.docNumberBrackets) : '';
  const signerHtml = doc.signers.length
    ? `<span class="signers"><span>签发人：</span><span class="names">${doc.signers.map((s) => `<span>${escapeHtml(s)}</span>`).join('')}</span></span>`
    : '';
  const notes = [...disclosureNote(doc), ...doc.notes];
  const closingLines = doc.copyTo || doc.printedBy || doc.printedDate;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title>
<style>
  @page { size: A4; margin: ${v.topMargin}mm 26mm 35mm 28mm; }
  /* GB/T 9704 §7.5: 4号 digits between em dashes, 7 mm under the text block, odd pages right and even left, one character in. */
  @page :right { @bottom-right { content: "— " counter(page) " —"; font: 14pt ${SONG}; vertical-align: top; padding-top: 7mm; padding-right: 14pt; } }
  @page :left { @bottom-left { content: "— " counter(page) " —"; font: 14pt ${SONG}; vertical-align: top; padding-top: 7mm; padding-left: 14pt; } }
  html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { margin: 0; font: ${v.bodySize}pt/${v.linePitch}pt ${SERIF}; text-align: justify; text-autospace: normal; orphans: 1; widows: 1; }
  p { margin: 0; text-indent: 2em; }
  .top-left p { text-indent: 0; font-family: ${SANS}; }
  .mark { margin: 18mm 0 0; color: #d00; text-align: center; text-indent: 0; font: bold 40pt/1.25 ${TITLE}; letter-spacing: 0.08em; }
  .number { display: flex; justify-content: center; position: relative; margin-top: 2em; text-indent: 0; }
  .number.with-signers { justify-content: space-between; padding: 0 1em; }
  .signers { display: inline-flex; }
  .signers .names { display: inline-flex; flex-direction: column; font-family: ${KAI}; }
  .rule { height: 0; border-top: 0.5mm solid #d00; margin: 4mm 0 0; }
  h1 { margin: ${v.linePitch * 2}pt 0 ${v.linePitch}pt; font: 22pt/35pt ${TITLE}; text-align: center; }
  h1 span { display: block; }
  .recipients { text-indent: 0; }
  .attachments-list { margin-top: ${v.linePitch}pt; display: grid; grid-template-columns: 2em 3em 1fr; text-indent: 0; }
  .attachments-list p { text-indent: 0; grid-column: 3; }
  .attachments-list .label { grid-column: 2; }
  .signature { margin-top: ${v.linePitch * 2}pt; text-align: right; padding-right: 4em; ${v.signatureOnNewPage ? 'break-before: page;' : 'break-inside: avoid;'} }
  .signature p { text-indent: 0; }
  .h1 { font-family: ${SANS}; }
  .h2 { font-family: ${KAI}; }
  .attachment { break-before: page; }
  .attachment .label { text-indent: 0; font-family: ${SANS}; }
  .attachment h2 { margin: ${v.linePitch}pt 0 ${v.linePitch}pt; font: 22pt/35pt ${TITLE}; text-align: center; break-after: avoid; }
  .chapter { text-align: center; text-indent: 0; font-family: ${SANS}; break-after: avoid; }
  .clause { font-family: ${SANS}; }
  table { width: 100%; border-collapse: collapse; font-size: 14pt; line-height: 1.5; }
  th, td { border: 0.25mm solid #000; padding: 2pt 4pt; text-align: center; }
  th { font-family: ${SANS}; font-weight: normal; }
  .closing { margin-top: ${v.linePitch * 2 + closingGap}pt; border-top: 0.35mm solid #000; border-bottom: 0.35mm solid #000; font-size: 14pt; line-height: 19pt; break-inside: avoid; }
  .closing p { text-indent: 0; padding: 4pt 1em; }
  .closing p + p { border-top: 0.25mm solid #000; }
  .closing .printed { display: flex; justify-content: space-between; }
</style></head><body>
${topLeft.length ? `<div class="top-left">${topLeft.map((t) => `<p>${escapeHtml(t)}</p>`).join('')}</div>` : ''}
${doc.issuerMark ? `<p class="mark">${escapeHtml(doc.issuerMark)}</p>` : ''}
${numberLine || signerHtml ? `<p class="number${signerHtml ? ' with-signers' : ''}"><span>${escapeHtml(numberLine)}</span>${signerHtml}</p>` : ''}
<div class="rule"></div>
<h1>${titleLines(doc, v.titleWrap).map((line) => `<span>${escapeHtml(line)}</span>`).join('')}</h1>
${doc.recipients ? `<p class="recipients">${escapeHtml(doc.recipients)}：</p>` : ''}
${doc.main.map((b) => blockHtml(b, false)).join('\n')}
${
  attachments.length
    ? `<div class="attachments-list"><span class="label">附件：</span>${attachments
        .map((a) => `<p>${attachments.length > 1 ? `${a.number}.` : ''}${escapeHtml(a.title)}</p>`)
        .join('')}</div>`
    : ''
}
<div class="signature">${issuers(doc).map((name) => `<p>${escapeHtml(name)}</p>`).join('')}${doc.writtenDate ? `<p>${date(doc.writtenDate)}</p>` : ''}</div>
${notes.map((n) => `<p class="note">（${escapeHtml(n)}）</p>`).join('\n')}
${printedAttachments(doc)
  .map(
    (a) => `<section class="attachment">
<p class="label">附件${attachments.length > 1 ? a.number : ''}</p>
<h2>${escapeHtml(a.title)}</h2>
${a.blocks.map((b) => blockHtml(b, true)).join('\n')}
</section>`,
  )
  .join('\n')}
${
  closingLines
    ? `<div class="closing">${doc.copyTo ? `<p>抄送：${escapeHtml(doc.copyTo)}。</p>` : ''}${
        doc.printedBy || doc.printedDate
          ? `<p class="printed"><span>${escapeHtml(doc.printedBy ?? '')}</span><span>${doc.printedDate ? `${date(doc.printedDate)}印发` : ''}</span></p>`
          : ''
      }</div>`
    : ''
}
</body></html>`;
}

/** 35 mm in pt: the text block's foot is this far above the page's bottom edge. */
const BOTTOM_MARGIN_PT = (35 / 25.4) * 72;

/** Words with their boxes (pt from the top-left corner) on the last page, and the page's height. */
function lastPageWords(pdf: Buffer): { height: number; words: Array<{ text: string; yMin: number; yMax: number }> } {
  const dir = mkdtempSync(join(tmpdir(), 'official-bbox-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    const html = execFileSync('pdftotext', ['-bbox', '-f', String(pages), '-l', String(pages), file, '-'], { encoding: 'utf8' });
    const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(html)?.[1] ?? 841.89);
    const words = [...html.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      text: m[3]!,
      yMin: Number(m[1]),
      yMax: Number(m[2]),
    }));
    return { height, words };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

/**
 * The document printed to PDF by Chromium (A4 from the CSS, red rules kept). With
 * `closingAtFoot` it is printed twice, as the project's PDF export does: the first print gives
 * the 版记's last line's position (pdftotext -bbox), the second adds the space that puts the
 * 版记's last rule on the text block's foot — unless that would add a page. In `browser` when
 * one is given (a caller that prints many keeps one open), else in a Chromium of its own.
 */
export async function officialPdf(doc: OfficialSource, variant: Variant = DEFAULT_VARIANT, browser?: import('@playwright/test').Browser): Promise<Buffer> {
  const { chromium } = await import('@playwright/test');
  const { chromiumLaunch } = await import('../lib/chromium.ts');
  const own = browser ?? (await chromium.launch(chromiumLaunch));
  const page = await own.newPage();
  try {
    const print = async (gap: number) => {
      await page.setContent(officialHtml(doc, variant, gap), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      return page.pdf({ preferCSSPageSize: true, printBackground: true });
    };
    const first = await print(0);
    const lastLine = doc.printedDate ? '印发' : doc.printedBy ?? (doc.copyTo ? '。' : undefined);
    if (!variant.closingAtFoot || lastLine === undefined) return first;
    const { height, words } = lastPageWords(first);
    const foot = height - BOTTOM_MARGIN_PT;
    const line = words.filter((w) => w.yMax < foot + 20 && w.text.includes(lastLine)).at(-1);
    if (!line) return first;
    // The line box is centred on the glyphs' box; under it the 版记's padding (4 pt) and its rule.
    const bottom = (line.yMin + line.yMax) / 2 + 19 / 2 + 4 + 1;
    const gap = foot - bottom - 1.5;
    if (gap < 3) return first;
    for (const tryGap of [gap, gap - 10]) {
      const second = await print(tryGap);
      if (pageCount(second) === pageCount(first)) return second;
    }
    return first;
  } finally {
    await page.close();
    if (!browser) await own.close();
  }
}

/** The text staff would paste from the PDF: `pdftotext -layout` or plain `pdftotext` (UTF-8). */
export function officialText(pdf: Buffer, variant: Pick<Variant, 'text'> = DEFAULT_VARIANT): string {
  const dir = mkdtempSync(join(tmpdir(), 'official-text-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', [...(variant.text === 'layout' ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ── Word ──

/** 1 pt in twentieths of a point (twips); 1 mm in twips. */
const PT = 20;
const MM = 56.7;

/**
 * The document as a Word file the way an office's template makes one: A4 with GB/T 9704 margins,
 * 仿宋 三号, the red mark and rule, centred title, indented paragraphs with 一、 headings in bold,
 * right-aligned signature and date, each attachment after a page break, its table a Word table,
 * the 版记 between rules, page numbers in the footer (odd right, even left).
 */
export async function officialDocx(doc: OfficialSource, variant: Variant = DEFAULT_VARIANT): Promise<Buffer> {
  const docx = await import('docx');
  const { AlignmentType, BorderStyle, Document, Footer, Packer, PageBreak, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = docx;
  type Child = InstanceType<typeof Paragraph> | InstanceType<typeof Table>;
  const v = variant;
  const size = v.bodySize * 2;
  const indent = { firstLine: Math.round(2 * v.bodySize * PT) };
  const spacing = { line: Math.round(v.linePitch * PT), lineRule: 'exact' as const };
  const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name });
  const sans = font('黑体');
  const kai = font('楷体_GB2312');
  const titleFont = font('方正小标宋简体');
  const date = (iso: string) => formatDate(iso, v.dates);

  // The longest paragraph is where a retyped file carries its page break (Variant.docxBreakInParagraph):
  // one in the second half of the attachments' text (or of the 正文's), where a page can be full.
  const attachmentBlocks = printedAttachments(doc).flatMap((a) => a.blocks);
  const paragraphs = (attachmentBlocks.length ? attachmentBlocks : doc.main).flatMap((b) => (b.type === 'paragraph' ? [b] : []));
  const candidates = paragraphs.slice(Math.floor(paragraphs.length / 2));
  const longest = v.docxBreakInParagraph === 'none' ? undefined : candidates.reduce<OfficialBlock | undefined>((a, b) => (a?.type === 'paragraph' && a.text.length >= b.text.length ? a : b), undefined);

  /** A body paragraph: `lead` (a clause number, a heading's title) in its own font, then `text`. */
  const paragraphsOf = (lead: InstanceType<typeof TextRun>[], text: string, block: OfficialBlock) => {
    const options = { indent, spacing, alignment: AlignmentType.JUSTIFIED };
    if (block !== longest || !text) return [new Paragraph({ ...options, children: [...lead, new TextRun(text)] })];
    const chars = [...text];
    // Mid-sentence: never just after punctuation, so that the first half cannot pass for a whole paragraph.
    let cut = Math.floor(chars.length / 2);
    while (cut < chars.length - 1 && /[。；：，、！？）》]/u.test(chars[cut - 1]!)) cut++;
    const [first, second] = [chars.slice(0, cut).join(''), chars.slice(cut).join('')];
    if (v.docxBreakInParagraph === 'run') return [new Paragraph({ ...options, children: [...lead, new TextRun(first), new TextRun({ children: [new PageBreak()] }), new TextRun(second)] })];
    return [new Paragraph({ ...options, children: [...lead, new TextRun(first)] }), new Paragraph({ spacing, alignment: AlignmentType.JUSTIFIED, pageBreakBefore: true, children: [new TextRun(second)] })];
  };

  const tableOf = (block: OfficialTable) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [block.header, ...block.rows].map(
        (row, r) =>
          new TableRow({
            tableHeader: r === 0,
            children: row.map(
              (cell) =>
                new TableCell({
                  children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: cell, size: 28, ...(r === 0 ? { font: sans } : {}) })] })],
                }),
            ),
          }),
      ),
    });

  const blockOf = (block: OfficialBlock, inAttachment: boolean): Child[] => {
    if (block.type === 'table') return [tableOf(block)];
    const text = block.text;
    if (inAttachment && isChapter(text)) return [new Paragraph({ alignment: AlignmentType.CENTER, spacing, children: [new TextRun({ text, font: sans })] })];
    const clause = clauseNumber(text);
    if (clause) return paragraphsOf([new TextRun({ text: clause, font: sans })], text.slice(clause.length), block);
    const heading = headingOf(text);
    if (heading && heading.level < 3 && heading.title) {
      const head = heading.level === 1 ? new TextRun({ text: heading.title, bold: true, font: sans }) : new TextRun({ text: heading.title, font: kai });
      return paragraphsOf([head], heading.rest, block);
    }
    return paragraphsOf([], text, block);
  };

  const lines = titleLines(doc, v.titleWrap);
  const titleRun = (text: string, brk = false) => new TextRun({ text, size: 44, font: titleFont, ...(brk ? { break: 1 } : {}) });
  const titleParagraphs =
    v.docxTitleLines === 'paragraphs'
      ? lines.map((line, i) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: 'exact', ...(i === 0 ? { before: 580 } : {}), ...(i === lines.length - 1 ? { after: 580 } : {}) }, children: [titleRun(line)] }))
      : [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: 'exact', before: 580, after: 580 }, children: lines.map((line, i) => titleRun(line, i > 0)) })];

  const attachments = doc.attachments;
  const attachmentList = attachments.map((a, i) => {
    const label = `${attachments.length > 1 ? `${a.number}.` : ''}${a.title}`;
    // 附件： two characters in; the following titles aligned under the first (a hanging indent of 3 characters).
    return new Paragraph({
      spacing: { ...spacing, ...(i === 0 ? { before: Math.round(v.linePitch * PT) } : {}) },
      indent: { left: Math.round(5 * v.bodySize * PT), ...(i === 0 ? { hanging: Math.round(3 * v.bodySize * PT) } : {}) },
      children: [new TextRun(i === 0 ? `附件：${label}` : label)],
    });
  });

  const right = { right: Math.round(4 * v.bodySize * PT) };
  const signature = [
    ...issuers(doc).map(
      (name, i) =>
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          indent: right,
          spacing: { ...spacing, ...(i === 0 ? { before: Math.round(2 * v.linePitch * PT) } : {}) },
          pageBreakBefore: i === 0 && v.signatureOnNewPage,
          children: [new TextRun(name)],
        }),
    ),
    ...(doc.writtenDate ? [new Paragraph({ alignment: AlignmentType.RIGHT, indent: right, spacing, children: [new TextRun(date(doc.writtenDate))] })] : []),
  ];
  const notes = [...disclosureNote(doc), ...doc.notes].map((n) => new Paragraph({ indent, spacing, children: [new TextRun(`（${n}）`)] }));

  const attachmentPages = printedAttachments(doc).flatMap((a): Child[] => [
    new Paragraph({ pageBreakBefore: true, spacing, children: [new TextRun({ text: `附件${attachments.length > 1 ? a.number : ''}`, font: sans })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: 'exact', before: 580, after: 580 }, children: [new TextRun({ text: a.title, size: 44, font: titleFont })] }),
    ...a.blocks.flatMap((b) => blockOf(b, true)),
  ]);

  const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000' }; // eighths of a point: 1 pt ≈ 0.35 mm
  const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const closingSize = 28;
  const printedText = doc.printedDate ? `${date(doc.printedDate)}印发` : '';
  const textBlock = Math.round(156 * MM);
  const closing: Child[] = [];
  if (doc.copyTo || doc.printedBy || doc.printedDate) {
    if (v.docxClosing === 'table') {
      const cell = (text: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType], columnSpan?: number) =>
        new TableCell({
          ...(columnSpan ? { columnSpan } : {}),
          borders: { left: none, right: none, top: none, bottom: none },
          children: [new Paragraph({ alignment, indent: { left: closingSize * 10, right: closingSize * 10 }, children: [new TextRun({ text, size: closingSize })] })],
        });
      const rows: InstanceType<typeof TableRow>[] = [];
      if (doc.copyTo) rows.push(new TableRow({ children: [cell(`抄送：${doc.copyTo}。`, AlignmentType.LEFT, 2)] }));
      if (doc.printedBy || doc.printedDate) rows.push(new TableRow({ children: [cell(doc.printedBy ?? '', AlignmentType.LEFT), cell(printedText, AlignmentType.RIGHT)] }));
      closing.push(
        new Paragraph({ spacing: { before: Math.round(2 * v.linePitch * PT) }, children: [] }),
        new Table({
          width: { size: textBlock, type: WidthType.DXA },
          columnWidths: [textBlock / 2, textBlock / 2],
          borders: { top: thick, bottom: thick, left: none, right: none, insideHorizontal: thin, insideVertical: none },
          rows,
        }),
      );
    } else {
      const closingLines: Array<{ children: InstanceType<typeof TextRun>[] }> = [];
      if (doc.copyTo) closingLines.push({ children: [new TextRun({ text: `抄送：${doc.copyTo}。`, size: closingSize })] });
      if (doc.printedBy || doc.printedDate) {
        // 印发机关 left, 印发日期 right on one line: a right tab stop at the text block's right edge less one character.
        closingLines.push({ children: [new TextRun({ text: doc.printedBy ?? '', size: closingSize }), new TextRun({ text: `\t${printedText}`, size: closingSize })] });
      }
      closingLines.forEach((line, i) =>
        closing.push(
          new Paragraph({
            tabStops: [{ type: 'right', position: textBlock - closingSize * 20 }],
            indent: { left: closingSize * 10, right: closingSize * 10 },
            spacing: { line: 380, lineRule: 'exact', ...(i === 0 ? { before: Math.round(2 * v.linePitch * PT) } : {}) },
            border: { ...(i === 0 ? { top: thick } : {}), bottom: i === closingLines.length - 1 ? thick : thin },
            children: line.children,
          }),
        ),
      );
    }
  }

  const topLeft = [doc.copyNumber, doc.secrecy ? `${doc.secrecy}${doc.secrecyPeriod ? `★${doc.secrecyPeriod}` : ''}` : undefined, doc.urgency].filter((x): x is string => Boolean(x));
  const numberLine = doc.docNumber ? docNumberText(doc.docNumber, v.docNumberBrackets) : '';
  const footer = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Footer({
      children: [new Paragraph({ alignment, indent: { left: 280, right: 280 }, children: [new TextRun({ size: 28, font: font('宋体'), children: ['— ', PageNumber.CURRENT, ' —'] })] })],
    });

  const document = new Document({
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font('仿宋_GB2312'), size } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: { top: Math.round(v.topMargin * MM), right: Math.round(26 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), footer: Math.round(28 * MM) },
          },
        },
        footers: { default: footer(AlignmentType.RIGHT), even: footer(AlignmentType.LEFT) },
        children: [
          ...topLeft.map((t) => new Paragraph({ children: [new TextRun({ text: t, font: sans })] })),
          ...(doc.issuerMark
            ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: Math.round(18 * MM) }, children: [new TextRun({ text: doc.issuerMark, size: 80, bold: true, color: 'DD0000', font: titleFont })] })]
            : []),
          ...(numberLine || doc.signers.length
            ? [
                new Paragraph({
                  alignment: doc.signers.length ? AlignmentType.LEFT : AlignmentType.CENTER,
                  spacing: { before: Math.round(2 * v.linePitch * PT), after: Math.round(4 * MM) },
                  // The red separator rule under the 文号.
                  border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'DD0000', space: 6 } },
                  ...(doc.signers.length ? { tabStops: [{ type: 'right' as const, position: textBlock - size * 10 }], indent: { left: size * 10 } } : {}),
                  children: [
                    new TextRun(numberLine),
                    ...(doc.signers.length ? [new TextRun(`\t签发人：`), ...doc.signers.map((s, i) => new TextRun({ text: s, font: kai, ...(i > 0 ? { break: 1 } : {}) }))] : []),
                  ],
                }),
              ]
            : []),
          ...titleParagraphs,
          ...(doc.recipients ? [new Paragraph({ spacing, children: [new TextRun(`${doc.recipients}：`)] })] : []),
          ...doc.main.flatMap((b) => blockOf(b, false)),
          ...attachmentList,
          ...signature,
          ...notes,
          ...attachmentPages,
          ...closing,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
