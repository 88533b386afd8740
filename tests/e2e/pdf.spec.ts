/**
 * The PDFs `npm run build` leaves in dist/, read with poppler as a reader's viewer would, and
 * the pages that link them. Page 1 of 第2期 is compared with a committed picture of it
 * (tests/fixtures/print/2017-02-page1.png); after a deliberate change to the print styles,
 * look at the new page and write it with UPDATE_PDF_REFERENCE=1 npx playwright test pdf.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { test, expect } from '@playwright/test';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { PROJECT_ROOT } from '../helpers/content-copy.ts';
import { contentDifferences, runImportCli } from '../helpers/import-cli.ts';
import { listFiles } from '../../scripts/lib/files.ts';
import { validateContent } from '../../scripts/content/validate.ts';
import { seedArticles, seedClosingLines, seedHeadlines } from '../helpers/seed.ts';
import { pdfFonts, pdfInfo, pdfPagePng, pdfText, pdfWords, squeeze } from '../helpers/poppler.ts';
import { printedTitle } from '../helpers/title-lines.ts';

const DIST = join(PROJECT_ROOT, 'dist');
const ISSUE_PDF = join(DIST, 'pdf/bulletins/2017-02.pdf');
const VOLUME_PDF = join(DIST, 'pdf/volumes/2017.pdf');
const ALL = [ISSUE_PDF, VOLUME_PDF];
const REFERENCE = join(PROJECT_ROOT, 'tests/fixtures/print/2017-02-page1.png');
const MM = 72 / 25.4;
/** 第2期 as the content has it: its 版记 ends with （共印N份）. */
const seedIssue = validateContent(PROJECT_ROOT).content.issues.find((issue) => issue.file.id === '2017-02')!;

test.describe('the PDFs in dist/', () => {
  test('the issue’s own PDF imports back to the content it was printed from, byte for byte', async () => {
    // The printable archive is also an archive to read back: a rendering the import tests do not
    // make (the site's print stylesheet, one 版记 line holding 电话 and 出版日期).
    const out = mkdtempSync(join(tmpdir(), 'yaoxun-reimport-'));
    try {
      const run = await runImportCli([ISSUE_PDF, '--out', out]);
      expect(run.status, run.stderr).toBe(0);
      expect(contentDifferences(out, join(PROJECT_ROOT, 'content'), '2017-02')).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('are A4, titled and authored, with every font embedded', () => {
    for (const file of ALL) {
      const info = pdfInfo(file);
      expect(info['Page size'], file).toMatch(/^594\.96 x 841\.92 pts \(A4\)/);
      expect(info['Author'], file).toBe('山西省教育厅1331办公室');
      if (file !== VOLUME_PDF) expect(info['Tagged'], file).toBe('yes');
      const fonts = pdfFonts(file);
      expect(fonts.length, file).toBeGreaterThan(0);
      expect(fonts.filter((f) => !f.embedded), file).toEqual([]);
      // The open fonts from npm, as fonts (a synthesised style would be embedded as Type 3 outlines).
      expect(fonts.filter((f) => f.type === 'Type 3'), file).toEqual([]);
    }
    const issue = pdfInfo(ISSUE_PDF);
    expect(issue['Title']).toBe('实施“1331工程” 推进“双一流”建设 工作要讯 2017年第2期');
    expect(issue['CreationDate']).toMatch(/^2017-05-18/);
    expect(pdfInfo(VOLUME_PDF)['Title']).toBe('实施“1331工程” 推进“双一流”建设 工作要讯 2017年合订本');
    const names = pdfFonts(ISSUE_PDF).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(names.some((n) => n.startsWith('NotoSerifSC'))).toBe(true);
    expect(names.some((n) => n.startsWith('LXGWWenKai'))).toBe(true);
  });

  test('第2期 reads in order: masthead, 要目, every article under its headline, then the 版记', () => {
    const text = squeeze(pdfText(ISSUE_PDF));
    let at = text.indexOf('工作要讯第2期山西省教育厅1331办公室2017年5月18日');
    expect(at).toBeGreaterThanOrEqual(0);
    for (const headline of seedHeadlines) {
      const next = text.indexOf(squeeze(headline), at);
      expect(next, `要目: ${headline}`).toBeGreaterThan(at);
      at = next;
    }
    for (const headline of seedHeadlines) {
      const next = text.indexOf(squeeze(headline), at + 1);
      expect(next, `headline: ${headline}`).toBeGreaterThan(at);
      at = next;
    }
    for (const line of seedClosingLines) {
      const next = text.indexOf(squeeze(line), at);
      expect(next, `版记: ${line}`).toBeGreaterThan(at);
      at = next;
    }
    // The 版记 closes the last page, whose number is the PDF's page count.
    const pages = Number(pdfInfo(ISSUE_PDF)['Pages']);
    expect(text.slice(-40)).toMatch(new RegExp(`（共印${seedIssue.data.copies}份）—${pages}—$`));
  });

  test('第2期’s headlines and 要目 break between words, never inside one (GB/T 9704 §7.3.1)', () => {
    const text = pdfText(ISSUE_PDF);
    let from = 0;
    // Each title twice, in the 要目 and as its article's headline.
    for (const headline of [...seedHeadlines, ...seedHeadlines]) {
      const printed = printedTitle(text, headline, from);
      expect(printed.start, headline).toBeGreaterThanOrEqual(from);
      expect(printed.inside, `${headline}: lines that end inside a word`).toEqual([]);
      from = printed.end;
    }
  });

  test('the bound volume’s 目录 breaks its headlines between words, never inside one (GB/T 9704 §7.3.1)', () => {
    const text = pdfText(VOLUME_PDF, 2);
    let from = 0;
    for (const headline of seedHeadlines) {
      const printed = printedTitle(text, headline, from);
      expect(printed.start, headline).toBeGreaterThanOrEqual(from);
      expect(printed.inside, `${headline}: lines that end inside a word`).toEqual([]);
      from = printed.end;
    }
  });

  test('every page carries its number as “— N —”, odd pages on the right, even on the left', () => {
    const pages = Number(pdfInfo(ISSUE_PDF)['Pages']);
    expect(pages).toBeGreaterThan(1);
    for (let n = 1; n <= pages; n++) {
      const words = pdfWords(ISSUE_PDF, n);
      expect(squeeze(pdfText(ISSUE_PDF, n)), `page ${n}`).toMatch(new RegExp(`—${n}—$`));
      const folio = words.filter((w) => w.word === String(n)).at(-1)!;
      // Below the text block (which ends 262 mm from the top).
      expect(folio.yMax, `page ${n}`).toBeGreaterThan(262 * MM);
    }
  });

  test('the 版记 is on the last page, its last line at the foot of the text block', () => {
    const pages = Number(pdfInfo(ISSUE_PDF)['Pages']);
    const last = squeeze(pdfText(ISSUE_PDF, pages));
    for (const line of seedClosingLines) expect(last).toContain(squeeze(line));
    for (let n = 1; n < pages; n++) expect(squeeze(pdfText(ISSUE_PDF, n))).not.toContain('（共印200份）');
    const copies = pdfWords(ISSUE_PDF, pages).find((w) => w.word.includes('共印'))!;
    // Its baseline a line's depth above the bottom rule, which lies on the text block's foot (262 mm).
    expect(copies.yMax).toBeGreaterThan(252 * MM);
    expect(copies.yMax).toBeLessThan(262 * MM);
  });

  test('the 版记 shares the last page with the end of the last article, its office items two to a line', () => {
    const pages = Number(pdfInfo(ISSUE_PDF)['Pages']);
    const last = squeeze(pdfText(ISSUE_PDF, pages));
    // Not a page of its own: the last article's closing words are above it.
    const ending = squeeze(seedArticles.at(-1)!.paragraphs.at(-1)!).slice(-20);
    expect(last.indexOf(ending)).toBeGreaterThanOrEqual(0);
    expect(last.indexOf(ending)).toBeLessThan(last.indexOf('主办'));
    const words = pdfWords(ISSUE_PDF, pages);
    const lineOf = (label: string) => {
      const first = words.find((w) => w.word.startsWith(label))!;
      return words.filter((w) => Math.abs(w.yMax - first.yMax) < 1);
    };
    const [first, second] = [lineOf('主办'), lineOf('电话')];
    expect(first.map((w) => w.word).join('')).toMatch(/^主办：.+邮箱：/);
    expect(second.map((w) => w.word).join('')).toMatch(/^电话：.+出版日期：.+（总第\d+期）$/);
    expect(second[0]!.yMax).toBeGreaterThan(first[0]!.yMax);
    // Each pair from half a character inside the left edge of the text block (28 mm) to half a
    // character inside its right edge (184 mm), as （共印N份） is.
    const copies = lineOf('（共印');
    for (const line of [first, second]) {
      expect(line[0]!.xMin).toBeCloseTo(28 * MM + 7, 0);
      expect(Math.abs(line.at(-1)!.xMax - copies.at(-1)!.xMax)).toBeLessThan(1.5);
    }
    expect(Math.abs(copies.at(-1)!.xMax - (184 * MM - 7))).toBeLessThan(1.5);
  });

  test('page 1 of 第2期 looks like the reference print', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdf-page1-'));
    try {
      const actualFile = pdfPagePng(ISSUE_PDF, 1, 50, join(dir, 'page1'));
      // Only a deliberate update writes the reference; a missing one fails (else a render would be compared with itself).
      if (process.env['UPDATE_PDF_REFERENCE'] === '1') {
        expect(process.env['CI'], 'the reference image is written by a developer, never in CI').toBeFalsy();
        copyFileSync(actualFile, REFERENCE);
        test.info().annotations.push({ type: 'updated', description: REFERENCE });
        return;
      }
      expect(existsSync(REFERENCE), `${REFERENCE} is missing: look at a render and write it with UPDATE_PDF_REFERENCE=1`).toBe(true);
      const actual = PNG.sync.read(readFileSync(actualFile));
      const expected = PNG.sync.read(readFileSync(REFERENCE));
      expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
      const diff = new PNG({ width: actual.width, height: actual.height });
      const different = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, { threshold: 0.2 });
      mkdirSync(join(PROJECT_ROOT, 'test-results'), { recursive: true });
      writeFileSync(join(PROJECT_ROOT, 'test-results', 'pdf-page1-diff.png'), PNG.sync.write(diff));
      // Anti-aliasing may differ a little between poppler builds; a moved line or a lost glyph does not stay under 0.5 %.
      expect(different / (actual.width * actual.height)).toBeLessThan(0.005);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the 2017 bound volume has a cover, a 目录 with the real folios, then 第2期', () => {
    const issuePages = Number(pdfInfo(ISSUE_PDF)['Pages']);
    expect(Number(pdfInfo(VOLUME_PDF)['Pages'])).toBe(2 + issuePages);
    expect(squeeze(pdfText(VOLUME_PDF, 1))).toContain('2017年合订本');
    const contents = squeeze(pdfText(VOLUME_PDF, 2));
    expect(contents).toContain('目录');
    expect(contents).toContain('第2期（总第02期）2017年5月18日');
    // Each headline with the folio of the volume page it is on.
    for (const headline of seedHeadlines) {
      const m = new RegExp(`${squeeze(headline).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+)`).exec(contents);
      expect(m, headline).not.toBeNull();
      const folio = Number(m![1]);
      const pageText = squeeze(pdfText(VOLUME_PDF, 2 + folio));
      expect(pageText, `${headline} on folio ${folio}`).toContain(squeeze(headline));
      expect(pageText).toMatch(new RegExp(`—${folio}—$`));
    }
  });
});

test.describe('pages that link the PDFs', () => {
  test('the issue page links its PDF with its size', async ({ page, request }) => {
    await page.goto('/bulletins/2017-02/');
    const link = page.locator('.pdf-link');
    await expect(link.getByRole('link')).toHaveAttribute('href', '/pdf/bulletins/2017-02.pdf');
    await expect(link).toContainText(new RegExp(`（PDF，${pdfInfo(ISSUE_PDF)['Pages']}页，\\d+ KB）`));
    const response = await request.get('/pdf/bulletins/2017-02.pdf');
    expect(response.status()).toBe(200);
    expect((await response.body()).length).toBe(statSync(ISSUE_PDF).size);
  });

  test('a policy without text (a catalogue entry) has no PDF and no 打印版 link', async ({ page, request }) => {
    // The policies with text and their PDFs: tests/e2e/official/ (a specimen build with the synthetic documents).
    await page.goto('/policies/1331-gongcheng-yijian/');
    await expect(page.locator('main')).toContainText('本站尚未收录该文件正文');
    await expect(page.locator('.pdf-link')).toHaveCount(0);
    expect(existsSync(join(DIST, 'pdf/policies/1331-gongcheng-yijian.pdf'))).toBe(false);
    expect((await request.get('/pdf/policies/1331-gongcheng-yijian.pdf')).status()).toBe(404);
  });

  test('the archive lists each issue by year with its PDF, pages and size, and the year’s 合订本', async ({ page }) => {
    await page.goto('/archive/');
    const year = page.getByRole('region', { name: '2017年' });
    await expect(year.getByRole('link', { name: '2017年合订本' })).toHaveAttribute('href', '/pdf/volumes/2017.pdf');
    await expect(year.locator('.archive-volume')).toContainText(`（PDF，${pdfInfo(VOLUME_PDF)['Pages']}页，`);
    const row = year.getByRole('row', { name: /第2期/ });
    await expect(row.getByRole('link', { name: '2017年第2期 PDF' })).toHaveAttribute('href', '/pdf/bulletins/2017-02.pdf');
    await expect(row.getByRole('cell').nth(2)).toHaveText(`${pdfInfo(ISSUE_PDF)['Pages']}页`);
    await expect(row.getByRole('cell').nth(3)).toHaveText(/^\d+ KB$/);
  });
});

test.describe('printing from the browser', () => {
  test('hides navigation, search and screen-only parts, and keeps the bulletin', async ({ page }) => {
    await page.goto('/bulletins/2017-02/');
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.site-nav', '.site-search', '.breadcrumbs', '.site-footer', '.pdf-link', '.skip-link']) {
      await expect(page.locator(selector).first(), selector).toBeHidden();
    }
    await expect(page.locator('.masthead')).toBeVisible();
    await expect(page.locator('.closing-block')).toBeVisible();
    expect(await page.locator('.masthead__name').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(230, 0, 18)');
    expect(await page.locator('.prose p').first().evaluate((el) => getComputedStyle(el).fontSize)).toBe('21.3333px'); // 16 pt
    await page.goto('/bulletins/2017-02/01/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.article-nav')).toBeHidden();
    await expect(page.locator('.facets')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('no page of dist/ links or holds an @font-face rule, and dist/ holds no font file', () => {
    // The print fonts are the PDF renderer's own (scripts/print/fonts-css.ts): a screen page would
    // download any rule it links, media="print" or not.
    const files = listFiles(DIST).map((file) => relative(DIST, file).split(sep).join('/'));
    expect(files.filter((name) => /\.(woff2?|ttf|otf|eot)$/i.test(name))).toEqual([]);
    const pages = files.filter((name) => name.endsWith('.html'));
    expect(pages).toContain('index.html');
    const stylesheets = new Set(files.filter((name) => name.endsWith('.css')));
    for (const name of pages) {
      const html = readFileSync(join(DIST, name), 'utf8');
      expect(html, name).not.toMatch(/@font-face/i);
      for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
        if (!/\brel="?(stylesheet|preload)"?/.test(tag)) continue;
        expect(tag, name).not.toMatch(/\bas="?font"?/);
        const href = /\bhref="([^"]+)"/.exec(tag)?.[1] ?? '';
        // Only the site's own stylesheets, each of which is read below.
        expect(href.startsWith('/') && !href.startsWith('//') && stylesheets.has(href.slice(1).split(/[?#]/)[0]!), `${name}: ${href}`).toBe(true);
      }
    }
    for (const name of stylesheets) expect(readFileSync(join(DIST, name), 'utf8'), name).not.toMatch(/@font-face/i);
  });

  test('on screen a page fetches no font file, and its print stylesheet is for print only', async ({ page }) => {
    const fonts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'font' || /\.woff2?$/.test(request.url())) fonts.push(request.url());
    });
    await page.goto('/bulletins/2017-02/01/', { waitUntil: 'networkidle' });
    expect(fonts).toEqual([]);
    await expect(page.locator('link[rel="stylesheet"][media="print"]')).toHaveCount(1);
  });
});
