/**
 * The policy page and its PDF, on the synthetic official documents of tests/fixtures/official/
 * (合成测试数据): one specimen build of the project with them in content/policies/, the internal
 * edition, shared by every worker of the run (tests/helpers/specimen-site.ts) and served here by
 * a static server of each worker's own. What the page must hold is worked out from the fixtures
 * themselves (their frontmatter, and structureDocument on their body), never written in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { parse } from 'yaml';
import { specimenFixtures, SPECIMEN_BUILD_DATE, servedSpecimen } from '../../helpers/specimen-site.ts';
import { PROJECT_ROOT } from '../../helpers/content-copy.ts';
import { pdfFonts, pdfInfo, pdfText, squeeze } from '../../helpers/poppler.ts';
import { allUnits, needsContents, structureDocument, type DocumentText } from '../../../src/lib/policy/structure.ts';
import { validityOn } from '../../../src/lib/policy/facts.ts';
import { successorActs } from '../../../src/lib/policy/versions.ts';
import { buildDataDirFor } from '../../../scripts/build/build-data-stage.ts';
import { formatChineseDate } from '../../../src/lib/chinese-date.ts';
import type { PolicyData } from '../../../src/schemas/policy.ts';
import { markLine } from '../../../src/lib/policy/status.ts';
import { noticesOf } from '../../helpers/policy-notices.ts';
import { htmlPages, htmlProblems } from '../../helpers/html-validator.ts';

interface Fixture {
  id: string;
  data: PolicyData;
  text: DocumentText;
}

function readEntry(file: string): { data: PolicyData; body: string } {
  const source = readFileSync(file, 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(source);
  if (!m) throw new Error(`${file}: no frontmatter`);
  const raw = parse(m[1]!) as Record<string, unknown>;
  // Dates as the schema gives them: YYYY-MM-DD strings.
  const data = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : v]));
  return { data: { signers: [], coIssuers: [], attachments: [], notes: [], ...data } as unknown as PolicyData, body: m[2]! };
}

const fixtures: Fixture[] = specimenFixtures.map(({ id, file }) => {
  const { data, body } = readEntry(file);
  return { id, data, text: structureDocument(body) };
});
/** The real entries: catalogue entries without text. */
const catalogue = readdirSync(join(PROJECT_ROOT, 'content/policies'))
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => ({ id: name.replace(/\.mdx$/, ''), ...readEntry(join(PROJECT_ROOT, 'content/policies', name)) }))
  .filter((entry) => entry.body.trim() === '');

/** A list of ids as the frontmatter writes it, as the schema hands it on. */
const refs = (ids: unknown) => (Array.isArray(ids) ? ids.map((id) => ({ collection: 'policies' as const, id: String(id) })) : []);

/** What each document's pages must say of its 时效性 (tests/helpers/policy-notices.ts). */
const notices = noticesOf(fixtures, SPECIMEN_BUILD_DATE);

const unitsOf = (text: DocumentText) => [...allUnits(text.main), ...text.attachments.flatMap((a) => allUnits(a))];

const specimen = servedSpecimen(test);

const pageUrl = (id: string) => `${specimen.url}/policies/${id}/`;
const pdfFile = (id: string) => join(specimen.site.outDir, 'pdf/policies', `${id}.pdf`);

for (const fixture of fixtures) {
  const { id, data, text } = fixture;

  test.describe(`${id} (${data.category})`, () => {
    test('every 章, 节, 条 and heading has its anchor and a link to itself', async ({ page }) => {
      await page.goto(pageUrl(id));
      const units = unitsOf(text);
      expect(units.length).toBeGreaterThan(0);
      const found = await page.evaluate(
        (anchors) =>
          anchors.map((anchor) => {
            const element = document.getElementById(anchor);
            const link = element?.querySelector(`:scope > a.self-link[href="#${CSS.escape(anchor)}"]`);
            return { anchor, element: Boolean(element), link: Boolean(link), label: link?.getAttribute('aria-label') ?? '' };
          }),
        units.map((u) => u.anchor),
      );
      for (const unit of found) {
        expect(unit.element, unit.anchor).toBe(true);
        expect(unit.link, unit.anchor).toBe(true);
        expect(unit.label, unit.anchor).toMatch(/的链接$/);
      }
      // The links are visible, each names its unit.
      const first = units[0]!;
      await expect(page.locator(`[id="${first.anchor}"] > a.self-link`)).toBeVisible();
      for (const attachment of text.attachments) {
        await expect(page.locator(`section[id="${attachment.anchor}"]`).getByRole('heading', { level: 2 })).toContainText(attachment.label);
      }
    });

    test('the 目录 lists the parts that need one, and its links reach their units', async ({ page }) => {
      await page.goto(pageUrl(id));
      const parts = [text.main, ...text.attachments].filter(needsContents);
      const nav = page.getByRole('navigation', { name: '目录' });
      if (parts.length === 0) {
        await expect(nav).toHaveCount(0);
        return;
      }
      const expected = parts.flatMap((part) => allUnits(part).map((u) => `#${u.anchor}`));
      const hrefs = await nav.getByRole('link').evaluateAll((links) => links.map((a) => decodeURIComponent(new URL((a as HTMLAnchorElement).href).hash)));
      expect(hrefs).toEqual(expected);
      const last = allUnits(parts.at(-1)!).at(-1)!;
      await nav.locator(`a[href="#${last.anchor}"]`).click();
      await expect(page).toHaveURL(new RegExp(`#${encodeURIComponent(last.anchor).replace(/[()%]/g, (c) => `\\${c}`)}$`));
      await expect(page.locator(':target')).toHaveAttribute('id', last.anchor);
      await expect(page.locator(`[id="${last.anchor}"]`)).toBeInViewport();
    });

    test('the metadata table shows the document’s fields, and 不详 where the library rows are unknown', async ({ page }) => {
      await page.goto(pageUrl(id));
      const row = (label: string) => page.locator('.policy-meta tr', { has: page.locator('th', { hasText: new RegExp(`^${label}$`) }) }).locator('td');
      const date = (value: string | undefined) => (value ? formatChineseDate(value) : '不详');
      await expect(row('标题')).toHaveText(data.title);
      await expect(row('发文字号')).toHaveText(data.docNumber ?? '不详');
      await expect(row('发文机关')).toHaveText(data.issuer ?? '不详');
      await expect(row('成文日期')).toHaveText(date(data.writtenDate));
      await expect(row('发布日期')).toHaveText(date(data.publishedDate));
      await expect(row('索引号')).toHaveText(data.indexNumber ?? '不详');
      await expect(row('主题分类')).toHaveText(data.subject ?? '不详');
      // What the later documents among the fixtures do to this one counts too (a revision's 同时废止).
      const validity = validityOn(data, SPECIMEN_BUILD_DATE, successorActs(id, fixtures.map((f) => ({ id: f.id, data: { ...f.data, supersedes: refs(f.data.supersedes), repeals: refs(f.data.repeals) } }))));
      await expect(row('时效性')).toHaveText(`${validity}（截至 ${formatChineseDate(SPECIMEN_BUILD_DATE)}）`);
      const optional: Array<[string, string | undefined]> = [
        ['实施日期', data.effectiveDate && formatChineseDate(data.effectiveDate)],
        ['有效期至', data.expiryDate && formatChineseDate(data.expiryDate)],
        ['公开方式', data.disclosure],
        ['主送机关', data.recipients],
        ['抄送机关', data.copyTo],
        ['印发机关', data.printedBy],
        ['印发日期', data.printedDate && formatChineseDate(data.printedDate)],
      ];
      for (const [label, value] of optional) {
        if (value) await expect(row(label), label).toHaveText(value);
        else await expect(row(label), label).toHaveCount(0);
      }
      // Search filters by 时效性.
      const body = page.locator('[data-pagefind-body]');
      await expect(body).toHaveAttribute('data-validity', validity);
      await expect(body).toHaveAttribute('data-pagefind-filter', /validity\[data-validity\]/);
      // The table is not indexed as the document's text.
      await expect(page.locator('[data-pagefind-ignore] .policy-meta')).toHaveCount(1);
    });

    test('the document reads as issued: 版头, title, 主送, text, 署名, 附注, 附件, 版记', async ({ page }) => {
      await page.goto(pageUrl(id));
      const doc = page.locator('.official');
      if (data.issuerMark) await expect(doc.locator('.doc-head__mark')).toHaveText(data.issuerMark);
      if (data.docNumber) await expect(doc.locator('.doc-head__doc-number')).toHaveText(data.docNumber);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(data.title);
      if (data.recipients) await expect(doc.locator('.doc-recipients')).toHaveText(`${data.recipients}：`);
      if (data.writtenDate) await expect(doc.locator('.doc-signature')).toContainText(formatChineseDate(data.writtenDate));
      if (data.disclosure) await expect(doc.locator('.doc-notes')).toContainText(`（此件${data.disclosure}）`);
      for (const attachment of text.attachments) {
        const section = doc.locator(`section[id="${attachment.anchor}"]`);
        const title = data.attachments[attachment.number - 1]?.title;
        if (title) await expect(section.locator('.doc-attachment__title')).toHaveText(title);
        for (const block of [...attachment.content, ...allUnits(attachment).flatMap((u) => u.content)]) {
          if (block.type !== 'table') continue;
          const table = section.getByRole('table');
          await expect(table.getByRole('columnheader')).toHaveText(block.header.filter(Boolean));
          await expect(table.locator('tbody tr')).toHaveCount(block.rows.length);
        }
      }
      const closing = doc.locator('.closing-block');
      if (data.copyTo) await expect(closing).toContainText(`抄送：${data.copyTo}。`);
      if (data.printedDate) await expect(closing).toContainText(`${formatChineseDate(data.printedDate)}印发`);
    });

    test('fits a phone and passes axe', async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto(pageUrl(id));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual([]);
    });

    test('in print, each line of the 发文机关标志 is one line, centred inside the text block', async ({ page }) => {
      // The print layout at the width of GB/T 9704's 156 mm text block (96 px to the inch).
      await page.setViewportSize({ width: Math.round((156 / 25.4) * 96), height: 1100 });
      await page.emulateMedia({ media: 'print' });
      await page.goto(pageUrl(id));
      const lines = await page.locator('.doc-head__mark p').evaluateAll((marks) =>
        marks.map((mark) => {
          const block = mark.closest('.doc-head')!.getBoundingClientRect();
          const range = document.createRange();
          range.selectNodeContents(mark);
          const boxes = [...range.getClientRects()];
          // The text's box ends with the last character's letter spacing, which prints nothing
          // (the stylesheet's negative right margin takes it back): measure to the last glyph.
          const spacing = parseFloat(getComputedStyle(mark).letterSpacing) || 0;
          return {
            text: mark.textContent,
            rows: new Set(boxes.map((box) => Math.round(box.top))).size,
            left: Math.min(...boxes.map((box) => box.left)) - block.left,
            right: block.right - (Math.max(...boxes.map((box) => box.right)) - spacing),
          };
        }),
      );
      // The 发文机关标志 as printed, or else the issuing bodies' names (GB/T 9704 §7.2.3).
      const marks = data.issuerMark ? [data.issuerMark] : [data.issuer, ...data.coIssuers].filter(Boolean);
      expect(marks, 'the fixture names its 发文机关标志 or its issuer').not.toEqual([]);
      expect(lines.map((line) => line.text)).toEqual(marks);
      for (const line of lines) {
        expect(line.rows, line.text!).toBe(1);
        expect(line.left, `${line.text} stays inside the left edge`).toBeGreaterThanOrEqual(0);
        expect(line.right, `${line.text} stays inside the right edge`).toBeGreaterThanOrEqual(0);
        expect(Math.abs(line.left - line.right), `${line.text} is centred`).toBeLessThanOrEqual(1);
      }
    });

    test('the PDF: 版头 and title on page 1, each 附件 on a page of its own, the 版记 on the last page', async ({ page }) => {
      const file = pdfFile(id);
      const info = pdfInfo(file);
      expect(info['Page size']).toMatch(/\(A4\)/);
      expect(info['Title']).toBe(data.title);
      const fonts = pdfFonts(file);
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.filter((f) => !f.embedded)).toEqual([]);
      expect(fonts.filter((f) => f.type === 'Type 3')).toEqual([]);
      const pages = Number(info['Pages']);
      // A document not in force carries its mark at the top of every page (src/lib/policy/status.ts);
      // what follows it is the document as issued.
      const notice = notices.get(id)!.notice;
      const mark = notice ? squeeze(markLine(notice)) : '';
      const printed = Array.from({ length: pages }, (_, i) => squeeze(pdfText(file, i + 1)));
      for (const [i, text] of printed.entries()) expect(text.startsWith(mark), `page ${i + 1} starts with its mark`).toBe(true);
      const pageText = printed.map((text) => text.slice(mark.length));
      // Page 1, in reading order: the 发文机关标志, the 发文字号, the title.
      const first = pageText[0]!;
      let at = -1;
      for (const part of [data.issuerMark, data.docNumber, data.title].filter((p): p is string => Boolean(p))) {
        const next = first.indexOf(squeeze(part), at + 1);
        expect(next, part).toBeGreaterThan(at);
        at = next;
      }
      // No metadata table, 目录 or self-link in print.
      expect(pageText.join('')).not.toContain('索引号');
      expect(pageText.join('')).not.toContain('的链接');
      for (const attachment of text.attachments) {
        const starts = pageText.findIndex((t) => t.startsWith(attachment.label));
        expect(starts, attachment.label).toBeGreaterThan(0);
        const title = data.attachments[attachment.number - 1]?.title;
        if (title) expect(pageText[starts]!.startsWith(squeeze(`${attachment.label}${title}`)), attachment.label).toBe(true);
      }
      const last = pageText.at(-1)!;
      if (data.copyTo) expect(last).toContain(squeeze(`抄送：${data.copyTo}。`));
      if (data.printedDate) {
        const printed = squeeze(`${formatChineseDate(data.printedDate)}印发`);
        expect(last).toContain(printed);
        expect(pageText.slice(0, -1).some((t) => t.includes(printed))).toBe(false);
      }
      expect(last).toContain(`—${pages}—`);
      // The page links it.
      await page.goto(pageUrl(id));
      await expect(page.locator('.pdf-link a')).toHaveAttribute('href', `/pdf/policies/${id}.pdf`);
    });
  });
}

test('catalogue entries (no text) say so, and get no PDF and no 打印版 link', async ({ page, request }) => {
  expect(catalogue.length).toBeGreaterThan(0);
  const manifest = JSON.parse(readFileSync(join(buildDataDirFor(specimen.site.outDir), 'print-manifest.json'), 'utf8')) as { documents: Array<{ pdf: string; closingBlock: boolean }> };
  const pdfs = manifest.documents.map((d) => d.pdf);
  for (const fixture of fixtures) expect(pdfs).toContain(`/pdf/policies/${fixture.id}.pdf`);
  for (const entry of catalogue) {
    expect(pdfs).not.toContain(`/pdf/policies/${entry.id}.pdf`);
    expect((await request.get(`${specimen.url}/pdf/policies/${entry.id}.pdf`)).status()).toBe(404);
    await page.goto(pageUrl(entry.id));
    await expect(page.locator('main')).toContainText('本站尚未收录该文件正文');
    await expect(page.locator('.pdf-link')).toHaveCount(0);
    await expect(page.locator('.official')).toHaveCount(0);
  }
});

test('every page of the specimen build is valid HTML, the pages of 通知 with （一） items among them', async () => {
  const pages = htmlPages(specimen.site.outDir);
  for (const fixture of fixtures) expect(pages).toContain(`policies/${fixture.id}/index.html`);
  expect(await htmlProblems(specimen.site.outDir)).toEqual([]);
});
