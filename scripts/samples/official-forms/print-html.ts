/**
 * The document as an HTML page laid out for print after GB/T 9704-2012 (A4, margins 37/26/35/28 mm,
 * 16 pt body on a fixed line pitch, red 发文机关标志 and rule, centred title, 署名 and date right,
 * each labelled 附件 on a new page, the 版记 between rules), with a producer's choices: paragraphs
 * marked by a first-line indent, by spacing, or by neither (a reader sees a paragraph only by its
 * short last line); page numbers in the office's style, outside (odd right, even left) or centred;
 * a joint 发文机关标志 as the organs stacked with 文件 beside them, centred on them (§7.2.4); a joint
 * 署名 side by side or stacked. Chromium (pdf.ts) prints it.
 */
import type { OfficialForm, PageNumberStyle, PrintLayout } from '../official-forms.ts';
import { paperParts, type PaperParagraph } from './paper-parts.ts';
import { escapeHtml } from '../../lib/escape-html.ts';

/** The family pdf.ts loads from the npm package's sliced web font (small subsets in the PDF). */
export const SERIF = '"Noto Serif SC", serif';

/** CSS `content` for a page number style: "— " counter(page) " —", "第" counter(page) "页 共" counter(pages) "页". */
export function pageNumberContent(style: PageNumberStyle): string | undefined {
  if (style === 'none') return undefined;
  return style
    .split(/([NM])/)
    .filter(Boolean)
    .map((piece) => (piece === 'N' ? 'counter(page)' : piece === 'M' ? 'counter(pages)' : JSON.stringify(piece)))
    .join(' ');
}

function paragraphHtml(p: PaperParagraph): string {
  if (p.role === 'chapter') return `<p class="chapter">${escapeHtml(p.text)}</p>`;
  if (p.role === 'clause') return `<p><span class="sans">${escapeHtml(p.lead)}</span>${escapeHtml(p.rest)}</p>`;
  if ((p.role === 'heading1' || p.role === 'heading2') && p.lead) return `<p><span class="${p.role === 'heading1' ? 'sans' : 'kai'}">${escapeHtml(p.lead)}</span>${escapeHtml(p.rest)}</p>`;
  return `<p>${escapeHtml(p.text)}</p>`;
}

export function printHtml(form: OfficialForm, layout: PrintLayout = form.print): string {
  const v = layout;
  const parts = paperParts(form, { masthead: v.masthead, docNumber: v.docNumber, carriedOnNewPage: v.carriedOnNewPage });
  const number = pageNumberContent(v.pageNumbers);
  const box = (side: 'left' | 'right' | 'center') =>
    `@bottom-${side} { content: ${number}; font: 14pt ${SERIF}; vertical-align: top; padding-top: 7mm; ${side === 'center' ? '' : `padding-${side}: 14pt;`} }`;
  const pageRules = !number ? '' : v.pageNumberPlace === 'centre' ? `@page { ${box('center')} }` : `@page :right { ${box('right')} } @page :left { ${box('left')} }`;
  const paragraphCss = v.paragraphMark === 'indent' ? 'text-indent: 2em; margin: 0;' : v.paragraphMark === 'spacing' ? 'text-indent: 0; margin: 0 0 0.6em;' : 'text-indent: 0; margin: 0;';
  const body: string[] = [];
  for (const part of parts) {
    switch (part.kind) {
      case 'masthead': {
        // As large as fits the 156 mm text block (GB/T 9704 leaves the size to the office): 36 pt at most.
        const chars = Math.max(...part.organs.map((o) => [...o].length)) + (part.organs.length === 1 ? [...part.suffix].length : [...part.suffix].length + 1);
        const size = Math.min(36, Math.floor((150 * 2.835) / (chars * 1.08)));
        body.push(`<div style="font-size: ${size}pt">`);
        body.push(
          part.organs.length === 1
            ? `<p class="mark">${escapeHtml(part.organs[0]! + part.suffix)}</p>`
            : `<div class="mark joint"><div class="organs">${part.organs.map((o) => `<span>${escapeHtml(o)}</span>`).join('')}</div>${part.suffix ? `<span class="suffix">${escapeHtml(part.suffix)}</span>` : ''}</div>`,
        );
        body.push('</div>');
        break;
      }
      case 'number':
        body.push(`<p class="number">${escapeHtml(part.text)}</p>`);
        break;
      case 'rule':
        body.push('<div class="rule"></div>');
        break;
      case 'title':
        body.push(`<h1>${part.lines.map((l) => `<span>${escapeHtml(l)}</span>`).join('')}</h1>`);
        break;
      case 'number-parens':
        body.push(`<p class="centre">${escapeHtml(part.text)}</p>`);
        break;
      case 'recipients':
        body.push(`<p class="flush">${escapeHtml(part.text)}</p>`);
        break;
      case 'paragraph':
        body.push(paragraphHtml(part));
        break;
      case 'attachment-list':
        body.push(`<div class="attachment-list">${part.lines.map((l, i) => `<p class="${i ? 'cont' : 'first'}">${escapeHtml(l)}</p>`).join('')}</div>`);
        break;
      case 'signature':
        body.push(
          part.layout === 'side-by-side'
            ? `<div class="signature side"><div class="names">${part.organs.map((o) => `<span>${escapeHtml(o)}</span>`).join('')}</div><p>${escapeHtml(part.date)}</p></div>`
            : `<div class="signature">${part.organs.map((o) => `<p>${escapeHtml(o)}</p>`).join('')}<p>${escapeHtml(part.date)}</p></div>`,
        );
        break;
      case 'note':
        body.push(`<p class="note">${escapeHtml(part.text)}</p>`);
        break;
      case 'attachment':
        body.push(`<div class="attachment${part.newPage ? ' new-page' : ''}">${part.label ? `<p class="label">${escapeHtml(part.label)}</p>` : ''}<h2>${escapeHtml(part.title)}</h2></div>`);
        break;
      case 'closing':
        body.push(`<div class="closing"><p>抄送：${escapeHtml(part.copyTo ?? '')}。</p><p class="printed"><span>${escapeHtml(part.printedBy ?? '')}</span><span>${escapeHtml(part.printedDate ?? '')}印发</span></p></div>`);
        break;
    }
  }
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(form.doc.title)}</title>
<style>
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  ${pageRules}
  /* One face, no synthesised bold: Chromium prints a synthesised bold as Type 3 fonts, many times larger. */
  html { -webkit-print-color-adjust: exact; print-color-adjust: exact; font-synthesis: none; }
  strong, b, h1, h2, th { font-weight: 400; }
  body { margin: 0; font: ${v.bodySize}pt/${v.linePitch}pt ${SERIF}; text-align: justify; text-autospace: normal; }
  p { ${paragraphCss} }
  .flush, .centre, .number, .mark, .label, .note, .signature p, .attachment-list p, .closing p { text-indent: 0; margin: 0; }
  .centre, .number { text-align: center; }
  .mark { margin-top: 18mm; color: #d00; text-align: center; font: 400 1em/1.3 ${SERIF}; letter-spacing: 0.05em; }
  .mark.joint { display: flex; justify-content: center; align-items: center; gap: 0.3em; }
  .mark.joint .organs { display: flex; flex-direction: column; text-align-last: justify; }
  .number { margin-top: 1em; }
  .rule { border-top: 0.5mm solid #d00; margin: 4mm 0 ${v.linePitch}pt; }
  h1 { margin: ${v.linePitch}pt 0; font: 400 22pt/35pt ${SERIF}; text-align: center; }
  h1 span { display: block; }
  .sans, .chapter { letter-spacing: 0.02em; }
  .chapter { text-align: center; text-indent: 0; }
  .attachment-list { margin-top: ${v.linePitch}pt; padding-left: 2em; }
  .attachment-list .cont { padding-left: 3em; }
  .signature { margin-top: ${v.linePitch * 2}pt; text-align: right; padding-right: 4em; break-inside: avoid; }
  .signature.side { padding-right: 0; }
  .signature.side .names { display: flex; justify-content: space-around; }
  .signature.side p { text-align: right; padding-right: 4em; }
  .note { padding-left: 2em; }
  .attachment.new-page { break-before: page; }
  .attachment:not(.new-page) { margin-top: ${v.linePitch * 2}pt; }
  .attachment h2 { margin: ${v.linePitch}pt 0; font: 400 22pt/35pt ${SERIF}; text-align: center; break-after: avoid; }
  .closing { break-before: page; margin-top: 150mm; border-top: 0.35mm solid #000; border-bottom: 0.35mm solid #000; font-size: 14pt; line-height: 19pt; }
  .closing p { padding: 4pt 1em; }
  .closing p + p { border-top: 0.25mm solid #000; }
  .closing .printed { display: flex; justify-content: space-between; }
</style></head><body>
${body.join('\n')}
</body></html>`;
}
