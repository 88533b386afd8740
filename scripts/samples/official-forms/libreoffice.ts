/**
 * Producer (e): the document as a LibreOffice Writer user makes it — a flat ODT (.fodt) with the
 * paragraph styles such a user sets: a style of their own with a first-line indent (正文), the
 * indent set on each paragraph, spacing below paragraphs instead, or nothing; headings either in
 * Writer's outline styles (Heading 1 / Heading 2, which become Word heading styles in .docx) or as
 * bold runs; the page number in the footer in the office's style; a joint 署名 in a borderless
 * table or on tab stops — then converted by LibreOffice itself (`soffice --headless --convert-to
 * docx` and `--convert-to pdf`), many files in one call, with a private user profile.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OfficialForm, PageNumberStyle } from '../official-forms.ts';
import { paperParts, type PaperParagraph } from './paper-parts.ts';
import { escapeHtml } from '../../lib/escape-html.ts';

const FONT = 'Noto Serif CJK SC';

/** The footer's paragraph: the office's style around <text:page-number> (and <text:page-count>). */
function footerXml(style: PageNumberStyle): string {
  if (style === 'none') return '';
  const inner = style
    .split(/([NM])/)
    .filter(Boolean)
    .map((piece) => (piece === 'N' ? '<text:page-number text:select-page="current">1</text:page-number>' : piece === 'M' ? '<text:page-count>1</text:page-count>' : escapeHtml(piece).replace(/ /g, '<text:s/>')))
    .join('');
  return `<style:footer><text:p text:style-name="Footer">${inner}</text:p></style:footer>`;
}

/** The .fodt text of a form, in its LibreOffice layout. */
export function officialFodt(form: OfficialForm): string {
  const o = form.office;
  const parts = paperParts(form, { masthead: o.masthead, docNumber: o.docNumber, carriedOnNewPage: form.seed % 2 === 0 });
  const body: string[] = [];
  /** The paragraph style a body paragraph takes in this layout. */
  const bodyStyle = o.paragraphMark === 'style-indent' ? '正文' : o.paragraphMark === 'direct-indent' ? 'P_indent' : o.paragraphMark === 'spacing' ? 'P_spaced' : 'Standard';
  let pendingBreak = false;
  const p = (style: string, inner: string) => {
    const s = pendingBreak ? `${style}_break` : style;
    pendingBreak = false;
    return `<text:p text:style-name="${s}">${inner}</text:p>`;
  };
  const bold = (text: string) => `<text:span text:style-name="T_bold">${escapeHtml(text)}</text:span>`;
  const paragraph = (part: PaperParagraph) => {
    if (part.role === 'chapter') return p('P_center', o.headings === 'bold' ? bold(part.text) : escapeHtml(part.text));
    const standalone = (part.role === 'heading1' || part.role === 'heading2') && part.lead === part.text;
    if (o.headings === 'outline-styles' && standalone) {
      const level = part.role === 'heading1' ? 1 : 2;
      const s = pendingBreak ? `Heading_20_${level}_break` : `Heading_20_${level}`;
      pendingBreak = false;
      return `<text:h text:style-name="${s}" text:outline-level="${level}">${escapeHtml(part.text)}</text:h>`;
    }
    if (part.lead && (part.role === 'heading1' || part.role === 'clause' || o.headings === 'bold')) return p(bodyStyle, bold(part.lead) + escapeHtml(part.rest));
    return p(bodyStyle, escapeHtml(part.text));
  };

  for (const part of parts) {
    switch (part.kind) {
      case 'masthead':
        if (part.organs.length === 1) body.push(p('P_mark', `<text:span text:style-name="T_red">${escapeHtml(part.organs[0]! + part.suffix)}</text:span>`));
        else {
          body.push(
            `<table:table table:name="版头" table:style-name="Tbl"><table:table-column table:style-name="Col_wide"/><table:table-column table:style-name="Col_narrow"/><table:table-row>` +
              `<table:table-cell table:style-name="Cell" office:value-type="string">${part.organs.map((org) => `<text:p text:style-name="P_mark"><text:span text:style-name="T_red">${escapeHtml(org)}</text:span></text:p>`).join('')}</table:table-cell>` +
              `<table:table-cell table:style-name="Cell_middle" office:value-type="string"><text:p text:style-name="P_mark"><text:span text:style-name="T_red">${escapeHtml(part.suffix)}</text:span></text:p></table:table-cell>` +
              `</table:table-row></table:table>`,
          );
        }
        break;
      case 'number':
        body.push(p('P_center', escapeHtml(part.text)));
        break;
      case 'rule':
        body.push(p('P_rule', ''));
        break;
      case 'title':
        body.push(...part.lines.map((l) => p('P_title', escapeHtml(l))), p('Standard', ''));
        break;
      case 'number-parens':
        body.push(p('P_center', escapeHtml(part.text)));
        break;
      case 'recipients':
        body.push(p('Standard', escapeHtml(part.text)));
        break;
      case 'paragraph':
        body.push(paragraph(part));
        break;
      case 'attachment-list':
        body.push(p('Standard', ''), ...part.lines.map((l, i) => p(i ? 'P_list_more' : 'P_list', escapeHtml(l))));
        break;
      case 'signature':
        body.push(p('Standard', ''), p('Standard', ''));
        if (part.layout === 'side-by-side' && o.jointSignature === 'table') {
          body.push(
            `<table:table table:name="署名" table:style-name="Tbl">${part.organs.map(() => '<table:table-column table:style-name="Col_even"/>').join('')}<table:table-row>` +
              part.organs.map((org) => `<table:table-cell table:style-name="Cell" office:value-type="string"><text:p text:style-name="P_center">${escapeHtml(org)}</text:p></table:table-cell>`).join('') +
              `</table:table-row></table:table>`,
          );
        } else if (part.layout === 'side-by-side') {
          body.push(p(`P_tabs${part.organs.length}`, part.organs.map((org) => `<text:tab/>${escapeHtml(org)}`).join('')));
        } else {
          body.push(...part.organs.map((org) => p('P_right', escapeHtml(org))));
        }
        body.push(p('P_right', escapeHtml(part.date)));
        break;
      case 'note':
        body.push(p('P_note', escapeHtml(part.text)));
        break;
      case 'attachment':
        if (part.newPage) pendingBreak = true;
        else body.push(p('Standard', ''), p('Standard', ''));
        if (part.label) body.push(p('Standard', bold(part.label)));
        body.push(p('P_title', escapeHtml(part.title)), p('Standard', ''));
        break;
      case 'closing':
        pendingBreak = true;
        body.push(p('P_closing_first', escapeHtml(`抄送：${part.copyTo}。`)), p('P_closing_last', `${escapeHtml(part.printedBy ?? '')}<text:tab/>${escapeHtml(`${part.printedDate}印发`)}`));
        break;
    }
  }

  const para = (name: string, props: string, text = '', parent = 'Standard') =>
    `<style:style style:name="${name}" style:family="paragraph" style:parent-style-name="${parent}"><style:paragraph-properties ${props}/>${text ? `<style:text-properties ${text}/>` : ''}</style:style>`;
  const size = (pt: number) => `fo:font-size="${pt}pt" style:font-size-asian="${pt}pt"`;
  const withBreaks = (name: string, props: string, text = '', parent = 'Standard') => para(name, props, text, parent) + para(`${name}_break`, `${props} fo:break-before="page"`, text, parent);
  const tabs = (n: number) => {
    const step = 156 / n;
    return `<style:tab-stops>${Array.from({ length: n }, (_, i) => `<style:tab-stop style:position="${(step * (i + 0.5)).toFixed(1)}mm" style:type="center"/>`).join('')}</style:tab-stops>`;
  };
  const line = 'fo:line-height="28.9pt"';
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>${escapeHtml(form.doc.title)}</dc:title><dc:description>合成测试数据（scripts/samples/official-forms.ts）</dc:description></office:meta>
<office:font-face-decls><style:font-face style:name="${FONT}" svg:font-family="'${FONT}'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:text-align="justify" style:punctuation-wrap="simple"/><style:text-properties style:font-name="${FONT}" style:font-name-asian="${FONT}" ${size(16)} fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"><style:paragraph-properties ${line}/></style:style>
${withBreaks('正文', `fo:text-indent="32pt" ${line}`)}
${withBreaks('Heading_20_1', `fo:text-indent="32pt" ${line} fo:margin-top="0pt" fo:margin-bottom="0pt"`, `${size(16)} fo:font-weight="bold" style:font-weight-asian="bold"`).replace(/style:name="Heading_20_1"/, 'style:name="Heading_20_1" style:display-name="Heading 1" style:default-outline-level="1"').replace(/style:name="Heading_20_1_break"/, 'style:name="Heading_20_1_break" style:default-outline-level="1"')}
${withBreaks('Heading_20_2', `fo:text-indent="32pt" ${line} fo:margin-top="0pt" fo:margin-bottom="0pt"`, `${size(16)} fo:font-weight="bold" style:font-weight-asian="bold"`).replace(/style:name="Heading_20_2"/, 'style:name="Heading_20_2" style:display-name="Heading 2" style:default-outline-level="2"').replace(/style:name="Heading_20_2_break"/, 'style:name="Heading_20_2_break" style:default-outline-level="2"')}
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:text-align="center"/><style:text-properties ${size(14)}/></style:style>
</office:styles>
<office:automatic-styles>
${withBreaks('P_indent', `fo:text-indent="32pt" ${line}`)}
${withBreaks('P_spaced', `fo:margin-bottom="10pt" ${line}`)}
${para('Standard_break', `${line} fo:break-before="page"`)}
${withBreaks('P_center', `fo:text-align="center" ${line}`)}
${withBreaks('P_title', 'fo:text-align="center" fo:line-height="35pt"', size(22))}
${para('P_mark', 'fo:text-align="center" fo:margin-top="10mm" fo:line-height="120%"')}
${para('P_rule', 'fo:border-bottom="1.4pt solid #dd0000" fo:padding="0pt" fo:margin-bottom="14pt" fo:line-height="8pt"')}
${para('P_right', `fo:text-align="end" fo:margin-right="64pt" ${line}`)}
${para('P_note', `fo:margin-left="32pt" ${line}`)}
${para('P_list', `fo:margin-left="80pt" fo:text-indent="-48pt" ${line}`)}
${para('P_list_more', `fo:margin-left="80pt" ${line}`)}
${[2, 3].map((n) => `<style:style style:name="P_tabs${n}" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties ${line}>${tabs(n)}</style:paragraph-properties></style:style>`).join('\n')}
${withBreaks('P_closing_first', 'fo:margin-top="120mm" fo:border-top="1pt solid #000000" fo:border-bottom="0.7pt solid #000000" fo:padding="3pt"', size(14))}
<style:style style:name="P_closing_last" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:border-bottom="1pt solid #000000" fo:padding="3pt"><style:tab-stops><style:tab-stop style:position="150mm" style:type="right"/></style:tab-stops></style:paragraph-properties><style:text-properties ${size(14)}/></style:style>
<style:style style:name="T_red" style:family="text"><style:text-properties fo:color="#dd0000" ${size(30)}/></style:style>
<style:style style:name="T_bold" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="156mm" table:align="margins"/></style:style>
<style:style style:name="Col_wide" style:family="table-column"><style:table-column-properties style:column-width="117mm"/></style:style>
<style:style style:name="Col_narrow" style:family="table-column"><style:table-column-properties style:column-width="39mm"/></style:style>
<style:style style:name="Col_even" style:family="table-column"><style:table-column-properties style:rel-column-width="1*"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="none" fo:padding="0mm"/></style:style>
<style:style style:name="Cell_middle" style:family="table-cell"><style:table-cell-properties fo:border="none" fo:padding="0mm" style:vertical-align="middle"/></style:style>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm" fo:margin-top="37mm" fo:margin-bottom="21mm" fo:margin-left="28mm" fo:margin-right="26mm"/><style:footer-style><style:header-footer-properties fo:min-height="14mm" fo:margin-top="7mm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">${footerXml(o.pageNumbers)}</style:master-page></office:master-styles>
<office:body><office:text>
${body.join('\n')}
</office:text></office:body></office:document>
`;
}

/** The one sentence saying what to install, or undefined when soffice runs. */
export function libreOfficeSetupMessage(): string | undefined {
  const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (probe.status === 0 && /LibreOffice/.test(probe.stdout)) return undefined;
  return '缺少 LibreOffice（soffice），无法生成 LibreOffice 的 Word 和 PDF 样本：请运行 sudo apt-get install -y --no-install-recommends libreoffice-writer 后重试。';
}

/**
 * Converts forms with LibreOffice, one soffice call per target format for all of them: returns
 * each form's bytes by format ('docx', 'pdf'). A private profile (-env:UserInstallation) keeps the
 * run apart from any other soffice on the machine.
 */
export function convertWithLibreOffice(forms: readonly OfficialForm[], formats: readonly ('docx' | 'pdf')[]): Map<string, Partial<Record<'docx' | 'pdf', Buffer>>> {
  const message = libreOfficeSetupMessage();
  if (message) throw new Error(message);
  const dir = mkdtempSync(join(tmpdir(), 'official-forms-lo-'));
  try {
    const inputs = forms.map((form) => {
      const file = join(dir, `${form.name}.fodt`);
      writeFileSync(file, officialFodt(form));
      return file;
    });
    const out = new Map<string, Partial<Record<'docx' | 'pdf', Buffer>>>(forms.map((f) => [f.name, {}]));
    for (const format of formats) {
      const outdir = join(dir, format);
      mkdirSync(outdir);
      const filter = format === 'docx' ? 'docx:MS Word 2007 XML' : 'pdf:writer_pdf_Export';
      const run = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', outdir, ...inputs], { encoding: 'utf8', timeout: 600_000 });
      if (run.status !== 0) throw new Error(`LibreOffice 转换失败（${format}）：${run.stderr || run.stdout}`);
      for (const form of forms) {
        const file = join(outdir, `${form.name}.${format}`);
        try {
          out.get(form.name)![format] = readFileSync(file);
        } catch {
          throw new Error(`LibreOffice 没有生成 ${form.name}.${format}：${run.stderr || run.stdout}`);
        }
      }
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
