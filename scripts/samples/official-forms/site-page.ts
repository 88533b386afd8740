/**
 * A government site's page holding a document, as blocks: what its chrome, metadata block and
 * article show, in order (docs/import-forms.md, "A site's page"). site-text.ts writes the blocks
 * as the text a copy of the page gives, site-html.ts as the page's HTML; the browser-print PDF
 * prints that HTML.
 */
import {
  attachmentListLines,
  formatDate,
  noteLines,
  printedDocNumber,
  type OfficialForm,
} from '../official-forms.ts';

export type SiteBlock =
  | { kind: 'chrome'; text: string }
  | { kind: 'page-heading'; text: string }
  | { kind: 'info'; text: string }
  | { kind: 'metadata'; pairs: Array<[label: string, value: string]> }
  | { kind: 'title'; lines: string[] }
  | { kind: 'number'; text: string }
  | { kind: 'recipients'; text: string }
  /** A paragraph of the text; `level` marks a heading paragraph the page sets in bold. */
  | { kind: 'paragraph'; text: string; level?: 1 | 2 }
  | { kind: 'attachment-list'; lines: string[] }
  /** Right-aligned lines: the 署名 (each organ, or the organs side by side) and the date. */
  | { kind: 'signature'; lines: string[] }
  | { kind: 'note'; text: string }
  | { kind: 'label'; text: string }
  /** A carried document's title, centred. */
  | { kind: 'doc-title'; lines: string[] }
  /** A 章 heading, centred. */
  | { kind: 'chapter'; text: string }
  | { kind: 'links'; heading: string; items: string[] }
  | { kind: 'closing'; lines: string[] }
  | { kind: 'gap' };

/** Zero-padded dates the way metadata blocks show them: 2023年03月05日 or 2023-03-05. */
const metaDate = (iso: string, style: 'cn' | 'iso') => (style === 'iso' ? iso : iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1年$2月$3日'));

/** A small deterministic choice from a form's seed, so that a page's details stay the same between runs. */
const variant = (form: OfficialForm, salt: number, n: number) => (((form.seed * 2654435761) ^ (salt * 40503)) >>> 0) % n;

/** The metadata block's fields in the site's names and order. */
function metadataPairs(form: OfficialForm): Array<[string, string]> {
  const { doc, site } = form;
  const number = site.docNumber === 'absent' || !doc.docNumber ? '' : doc.docNumber;
  const dates = variant(form, 1, 2) ? 'cn' : 'iso';
  if (site.metadataNames === 'gov') {
    return [
      ['索引号', doc.indexNumber],
      ['主题分类', doc.subject],
      ['发文机关', doc.issuers.join(' ')],
      ['成文日期', metaDate(doc.writtenDate, dates)],
      ['标题', doc.title.replace(/^(.*?)(关于)/, (_, organs: string, about: string) => (doc.issuers.length > 1 ? doc.issuers.join(' ') : organs) + about)],
      ['发文字号', number],
      ['发布日期', metaDate(doc.publishedDate, dates)],
    ];
  }
  return [
    ['发布机构', doc.issuers[0]!],
    ['文号', number],
    ['发文日期', metaDate(doc.writtenDate, dates)],
    ['公开日期', metaDate(doc.publishedDate, dates)],
    [variant(form, 2, 2) ? '有效性' : '时效性', variant(form, 2, 2) ? '有效' : '现行有效'],
    ['信息来源', doc.issuers[0]!],
  ];
}

/** The page's blocks, top to bottom. */
export function sitePage(form: OfficialForm): SiteBlock[] {
  const { doc, forms, site } = form;
  const out: SiteBlock[] = [];
  const date = formatDate(doc.writtenDate, forms.dateStyle);
  const number = doc.docNumber && site.docNumber !== 'absent' ? printedDocNumber(doc.docNumber, forms.brackets, forms.docNumberSpaced) : undefined;
  const titleLines = site.titleLines === 'one' ? [forms.titleLines.join('')] : forms.titleLines;

  for (const text of site.chromeTop) out.push({ kind: 'chrome', text });
  if (site.pageHeading === 'title') out.push({ kind: 'page-heading', text: titleLines.join('') });
  if (site.pageHeading === 'number-title') out.push({ kind: 'page-heading', text: `${number ?? ''}《${titleLines.join('')}》` });
  const infoStyles = [
    `发布时间：${doc.publishedDate} 09:${String(10 + variant(form, 3, 49)).padStart(2, '0')}　来源：${doc.issuers[0]}　浏览次数：${site.views}`,
    `${doc.publishedDate} ${String(8 + variant(form, 4, 9)).padStart(2, '0')}:30:00信息来源：${doc.issuers[0]}浏览次数：${site.views}字体：[ 大 中 小 ]`,
    `作者：${doc.issuers[0]}　时间：${doc.publishedDate}　浏览：${site.views}`,
  ];
  if (site.chromeTop.length) out.push({ kind: 'info', text: infoStyles[variant(form, 5, infoStyles.length)]! });
  if (site.metadata !== 'none') {
    const pairs = metadataPairs(form).filter(([, value]) => value || site.metadata !== 'values-only');
    out.push({ kind: 'metadata', pairs });
  }

  if (site.docNumber === 'before-title' && number) out.push({ kind: 'number', text: number });
  out.push({ kind: 'title', lines: titleLines });
  if (site.docNumber === 'under-title' && number) out.push({ kind: 'number', text: number });
  if (site.docNumber === 'under-title-parens' && number) out.push({ kind: 'number', text: `（${number}）` });
  if (doc.recipients) out.push({ kind: 'recipients', text: `${doc.recipients}：` });
  for (const text of doc.main) out.push(paragraph(text));
  const list = attachmentListLines(doc);
  if (list.length) out.push({ kind: 'attachment-list', lines: list });

  // The 署名: stacked, side by side on one line, or left out (the date alone).
  const names = site.signature === 'date-only' ? [] : forms.signature === 'side-by-side' ? [doc.issuers.join('\u3000\u3000')] : doc.issuers;
  out.push({ kind: 'signature', lines: [...names, date] });
  for (const text of noteLines(doc)) out.push({ kind: 'note', text });

  // Documents the page carries in full: a carried one (labelled or not), each under its title.
  for (const a of doc.attachments.filter((x) => x.carried)) {
    out.push({ kind: 'gap' });
    if (a.label) out.push({ kind: 'label', text: a.label });
    out.push({ kind: 'doc-title', lines: [a.title] });
    for (const text of a.paragraphs) out.push(/^第[一二三四五六七八九十]+章\u3000/.test(text) ? { kind: 'chapter', text } : paragraph(text));
  }
  if (site.closing && doc.copyTo) {
    out.push({ kind: 'closing', lines: [`抄送：${doc.copyTo}。`, `${doc.printedBy}　　${formatDate(doc.printedDate!, forms.dateStyle)}印发`] });
  }
  // A notice's own attachments: download links under the text (their titles and file types only).
  const links = doc.attachments.filter((a) => !a.carried);
  if (links.length) {
    const types = ['docx', 'doc', 'pdf', 'xlsx'];
    out.push({
      kind: 'links',
      heading: ['附件：', '相关附件：', '附件下载：'][variant(form, 6, 3)]!,
      items: links.map((a, i) => `${links.length > 1 ? `${i + 1}.` : ''}${a.title}.${types[variant(form, 7 + i, types.length)]}`),
    });
  }
  for (const text of site.chromeBottom) out.push({ kind: 'chrome', text });
  return out;
}

/** A paragraph block, marking the heading paragraphs a site sets in bold (一、总体要求 alone on its line). */
function paragraph(text: string): SiteBlock {
  if (/^[一二三四五六七八九十]+、[^。；]{1,20}$/u.test(text)) return { kind: 'paragraph', text, level: 1 };
  if (/^（[一二三四五六七八九十]+）[^。；]{1,20}$/u.test(text)) return { kind: 'paragraph', text, level: 2 };
  return { kind: 'paragraph', text };
}

/** Full-width punctuation a page's editor typed half-width: ， ： （ ） ；. */
export function halfWidth(text: string): string {
  return text.replace(/，/g, ',').replace(/：/g, ':').replace(/（/g, '(').replace(/）/g, ')').replace(/；/g, ';');
}
