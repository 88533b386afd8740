/**
 * The generator of world-form official documents (scripts/samples/official-forms.ts) checked on
 * its own: the same seed gives the same document and files; every catalogued form is drawn over a
 * few hundred seeds (and the corpus's fixed seeds show them all); the expected import agrees with
 * what the model prints. Chromium and LibreOffice are not needed: their producers are exercised by
 * `npm run samples:world`.
 */
import { XMLValidator } from 'fast-xml-parser';
import { parse as parseHtml } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import {
  DISCLOSURE_WORDINGS,
  drawOfficialForm,
  expectedImport,
  formatDate,
  FORM_AXES,
  formValues,
  MARKER,
  MARKER_SENTENCE,
  missingForms,
  PRODUCERS,
  PUBLIC_WORDINGS,
  type OfficialForm,
} from '../../../scripts/samples/official-forms.ts';
import { officialDocx } from '../../../scripts/samples/official-forms/docx.ts';
import { encodeGb18030 } from '../../../scripts/samples/official-forms/gb18030.ts';
import { officialFodt } from '../../../scripts/samples/official-forms/libreoffice.ts';
import { printHtml } from '../../../scripts/samples/official-forms/print-html.ts';
import { siteHtml } from '../../../scripts/samples/official-forms/site-html.ts';
import { siteText, siteTextFile } from '../../../scripts/samples/official-forms/site-text.ts';
import { stableZip } from '../../../scripts/samples/official-forms/stable.ts';
import { WORLD_SEEDS } from '../../../scripts/samples/world-corpus.ts';

const SEEDS = Array.from({ length: 400 }, (_, i) => i + 1);
const FORMS = SEEDS.map(drawOfficialForm);

/** A Chinese-numeral or Arabic date read back, independently of the generator: 二〇二三年三月五日, 二O一一年5月16日 → ISO. */
function readDate(text: string): string {
  const digit = (c: string) => ('〇○零0O'.includes(c) ? 0 : '一二三四五六七八九'.indexOf(c) + 1);
  const number = (s: string) => (/^\d+$/.test(s) ? Number(s) : s.includes('十') ? (s.startsWith('十') ? 1 : digit(s[0]!)) * 10 + (s.endsWith('十') ? 0 : digit(s.at(-1)!)) : digit(s));
  const m = /^(.{4})年(.{1,3})月(.{1,3})日$/u.exec(text);
  if (!m) throw new Error(`not a date: ${text}`);
  const year = /^\d{4}$/.test(m[1]!) ? Number(m[1]) : Number([...m[1]!].map(digit).join(''));
  return `${year}-${String(number(m[2]!)).padStart(2, '0')}-${String(number(m[3]!)).padStart(2, '0')}`;
}

/** Half-width punctuation back to the full-width the office typed (what an import must undo). */
const fullWidth = (s: string) => s.replace(/,/g, '，').replace(/:/g, '：').replace(/\(/g, '（').replace(/\)/g, '）').replace(/;/g, '；');

describe('drawOfficialForm', () => {
  it('gives the same document, layouts and files for the same seed', async () => {
    for (const seed of [1, 17, 210, 3150]) {
      expect(drawOfficialForm(seed)).toEqual(drawOfficialForm(seed));
      expect(siteText(drawOfficialForm(seed))).toBe(siteText(drawOfficialForm(seed)));
      expect(siteHtml(drawOfficialForm(seed))).toBe(siteHtml(drawOfficialForm(seed)));
      expect(printHtml(drawOfficialForm(seed))).toBe(printHtml(drawOfficialForm(seed)));
      expect(officialFodt(drawOfficialForm(seed))).toBe(officialFodt(drawOfficialForm(seed)));
    }
    const form = drawOfficialForm(5);
    const [a, b] = [await officialDocx(form), await officialDocx(drawOfficialForm(5))];
    expect(stableZip(a, form.doc.writtenDate).equals(stableZip(b, form.doc.writtenDate))).toBe(true);
  });

  it('gives different documents for different seeds', () => {
    const titles = new Set(FORMS.map((f) => f.doc.title + f.doc.writtenDate));
    expect(titles.size).toBeGreaterThan(FORMS.length * 0.95);
  });

  it('draws every catalogued form over a few hundred seeds', () => {
    expect(missingForms(FORMS)).toEqual([]);
    // Each value of each axis at least twice, so that no form hangs on one seed.
    for (const [axis, values] of Object.entries(FORM_AXES)) {
      for (const value of values) {
        const count = FORMS.filter((f) => formValues(f)[axis as keyof typeof FORM_AXES].includes(value)).length;
        expect(count, `${axis}=${value}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('the corpus seeds show every form', () => {
    expect(missingForms(WORLD_SEEDS.map(drawOfficialForm))).toEqual([]);
  });
});

describe('the model agrees with itself', () => {
  it('marks every document as synthetic in its first paragraph', () => {
    for (const f of FORMS) {
      expect(f.doc.main[0]!.endsWith(MARKER_SENTENCE)).toBe(true);
      expect(f.doc.main[0]).toContain(MARKER);
    }
  });

  it('prints the title, 文号 and date it expects', () => {
    for (const f of FORMS) {
      const { doc, forms } = f;
      expect(forms.titleLines.join('').replace(/[ \u3000]/g, '')).toBe(doc.title);
      expect(doc.title.startsWith(doc.issuers.join(''))).toBe(true);
      expect(doc.title).toMatch(/(?:通知|意见|实施意见)$/);
      expect(readDate(formatDate(doc.writtenDate, forms.dateStyle))).toBe(doc.writtenDate);
      expect(Number.isNaN(Date.parse(doc.writtenDate))).toBe(false);
      if (doc.docNumber) {
        const m = /^(.+)〔(\d{4})〕([1-9]\d*)号$/.exec(doc.docNumber);
        expect(m, doc.docNumber).not.toBeNull();
        expect(m![2]).toBe(doc.writtenDate.slice(0, 4));
      }
      if (doc.printedDate) expect(doc.printedDate >= doc.writtenDate).toBe(true);
      expect(doc.publishedDate > doc.writtenDate).toBe(true);
    }
  });

  it('labels attachments as its 附件说明 lists them, and leaves carried documents unlabelled only with no list', () => {
    for (const f of FORMS) {
      const { doc, forms } = f;
      const carried = doc.attachments.filter((a) => a.carried);
      if (doc.genre === 'issuing') {
        expect(carried.length).toBeGreaterThan(0);
        // The title names the (first) carried document: 关于印发《甲》…的通知, or 批转…关于甲意见的通知.
        expect(doc.title).toContain(carried[0]!.title.replace(/^示例省教育厅关于(.*)的意见$/, '$1'));
        if (forms.carryLabel === 'none') {
          expect(carried.every((a) => a.label === null)).toBe(true);
          expect(doc.attachmentList).toBe(false);
        } else {
          expect(carried.every((a) => a.label !== null)).toBe(true);
          expect(doc.attachmentList).toBe(true);
        }
      } else {
        expect(carried).toEqual([]);
      }
      doc.attachments.forEach((a, i) => {
        if (a.label !== null) expect(a.label === '附件' ? doc.attachments.length : i + 1).toBe(a.label === '附件' ? 1 : Number(a.label.slice(2)));
        expect(a.paragraphs.length).toBeGreaterThan(0);
      });
    }
  });
});

describe('expectedImport', () => {
  it('gives, for every producer, what the document says', () => {
    for (const f of FORMS.slice(0, 120)) {
      for (const producer of PRODUCERS) {
        const e = expectedImport(f, producer);
        expect(JSON.parse(JSON.stringify(e))).toEqual(e);
        expect(e.marker).toBe(MARKER);
        expect([e.issuer, ...e.coIssuers]).toEqual(f.doc.issuers);
        expect(e.title).toBe(f.doc.title);
        expect(e.main).toEqual(f.doc.main);
        expect(e.writtenDate).toBe(f.doc.writtenDate);
        if (e.disclosure) expect(DISCLOSURE_WORDINGS).toContain(e.disclosure);
        expect(e.visibility).toBe(e.disclosure && PUBLIC_WORDINGS.includes(e.disclosure) ? 'public' : 'internal');
        if (e.docNumber) expect(e.docNumber).toBe(f.doc.docNumber);
        expect(e.attachments.map((a) => a.title)).toEqual(f.doc.attachments.map((a) => a.title));
        e.attachments.forEach((a, i) => {
          const source = f.doc.attachments[i]!;
          expect(a.unlabelled === true).toBe(source.label === null);
          if (a.paragraphs) expect(a.paragraphs).toEqual(source.paragraphs);
          else expect(source.carried).toBe(false);
        });
        if (e.copyTo) expect([e.printedBy, e.printedDate]).toEqual([f.doc.printedBy, f.doc.printedDate]);
      }
    }
  });

  it('keeps a site’s 文号 only where the page shows it, and a 发文机关标志 only where paper prints it', () => {
    for (const f of FORMS) {
      const text = expectedImport(f, 'site-text');
      expect(text.issuerMark).toBeUndefined();
      if (f.site.docNumber === 'absent' || !f.doc.docNumber) expect(text.docNumber).toBeUndefined();
      else expect(text.docNumber).toBe(f.doc.docNumber);
      const docx = expectedImport(f, 'docx');
      expect(docx.issuerMark === undefined).toBe(!f.word.masthead);
      expect(docx.docNumber === undefined).toBe(f.word.docNumber === 'absent' || !f.doc.docNumber);
    }
  });
});

describe('producers without software', () => {
  it('site text holds the document as the page shows it', () => {
    for (const f of FORMS.slice(0, 150)) {
      const text = fullWidth(siteText(f).replace(/\u00a0/g, ' '));
      const flat = text.replace(/\s+/g, '');
      for (const p of f.doc.main) expect(flat).toContain(fullWidth(p).replace(/\s+/g, ''));
      for (const line of f.site.titleLines === 'printed' ? f.forms.titleLines : [f.forms.titleLines.join('')]) expect(text).toContain(line);
      expect(text).toContain(formatDate(f.doc.writtenDate, f.forms.dateStyle));
      for (const note of f.doc.notes) expect(flat).toContain(fullWidth(note));
      if (f.site.docNumber === 'absent' && f.doc.docNumber) expect(flat).not.toContain(f.doc.docNumber.replace(/〔.*/, '〔'));
      if (f.site.signature === 'date-only') {
        // The date stands alone: the line before it is no 署名.
        const lines = text.split(/\r?\n/).filter((l) => l.trim());
        const at = lines.findIndex((l) => l.trim() === formatDate(f.doc.writtenDate, f.forms.dateStyle));
        expect(f.doc.issuers).not.toContain(lines[at - 1]!.trim());
      }
    }
  });

  it('writes GB18030 that decodes back to the text (a character without a code becomes ?)', () => {
    const sample = '示例省教育厅关于〔2023〕【】［］二〇二三年○零 ABC，：（）——';
    expect(new TextDecoder('gb18030').decode(encodeGb18030(sample))).toBe(sample);
    expect(new TextDecoder('gb18030').decode(encodeGb18030('首页 » 政务公开'))).toBe('首页 ? 政务公开');
    const f = FORMS.find((x) => x.site.encoding === 'gb18030')!;
    const bytes = siteTextFile(f);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(new TextDecoder('gb18030').decode(bytes)).toContain(f.doc.main[0]!.slice(0, 10));
  });

  it('site HTML holds the article and the metadata the page shows', () => {
    for (const f of FORMS.slice(0, 60)) {
      const root = parseHtml(siteHtml(f));
      const article = root.querySelector('.TRS_Editor')!.textContent.replace(/\u00a0/g, ' ');
      for (const p of f.doc.main) expect(fullWidth(article).replace(/\s+/g, '')).toContain(fullWidth(p).replace(/\s+/g, ''));
      expect(Boolean(root.querySelector('.xxgk-info'))).toBe(f.site.metadata !== 'none');
    }
  });

  it('LibreOffice documents are well-formed XML', () => {
    for (const f of FORMS.slice(0, 60)) expect(XMLValidator.validate(officialFodt(f)), f.name).toBe(true);
  });

  it('print HTML names its page numbers in the office’s style', () => {
    const withStyle = (style: OfficialForm['print']['pageNumbers']) => FORMS.find((f) => f.print.pageNumbers === style)!;
    expect(printHtml(withStyle('第N页 共M页'))).toContain('"第" counter(page) "页 共" counter(pages) "页"');
    expect(printHtml(withStyle('— N —'))).toContain('"— " counter(page) " —"');
    expect(printHtml(withStyle('none'))).not.toContain('counter(page)');
  });
});
