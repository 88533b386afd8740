/**
 * A scanned issue: 第2期 rendered to PDF, its pages turned into 300-dpi images (pdftoppm -r 300)
 * and put back into a PDF of images only (pdf-lib), as a paper scan is. The importer must see
 * that it is a scan and make a draft through the same parser, marked review: 待核对 (which no
 * edition publishes: tests/integration/editions.test.ts), listing its low-confidence lines by
 * article and paragraph; the test prints the character accuracy of the draft's articles against
 * the committed text. The same scan saved as OFD (pictures only) must become a draft as well.
 * Without tesseract-ocr and chi_sim, the importer must say what to install.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingOcrPackages } from '../../scripts/import/read-scan.ts';
import { PROJECT_ROOT } from '../helpers/content-copy.ts';
import { runImportCli } from '../helpers/import-cli.ts';
import { loadIssue } from '../../scripts/samples/render-bulletin.ts';
import { draftAccuracy, paragraphCount, scannedIssue } from '../../scripts/samples/scan.ts';
import { scanOfdFromPdf } from '../../scripts/samples/ofd.ts';

const ocr = missingOcrPackages().length === 0;
let dir: string;
// Both scans are read in this one file, one after the other: OCR takes both cores while it runs.
// The OFD's pictures are the PDF's, so both rasterise to the same page images, which Tesseract
// reads once (read-scan.ts recognisedPage): the OFD's draft costs its conversion, not a second OCR.
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yaoxun-import-scan-'));
  writeFileSync(join(dir, 'scan.pdf'), await scannedIssue(loadIssue(PROJECT_ROOT, '2017-02')));
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a scanned issue', () => {
  it.skipIf(ocr)('without Tesseract, is refused with the packages to install', async () => {
    const run = await runImportCli([join(dir, 'scan.pdf'), '--out', join(dir, 'none')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('这是扫描件（PDF 中没有文字层），要做文字识别草稿须先安装');
    expect(run.stderr).toMatch(/sudo apt-get install -y .*tesseract-ocr-chi-sim/);
  });

  it.runIf(ocr)('becomes a draft through the same parser, marked 待核对, its low-confidence lines listed by article and paragraph', async () => {
    const out = join(dir, 'draft');
    const run = await runImportCli([join(dir, 'scan.pdf'), '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('扫描件 PDF（文字识别稿）');
    expect(run.stdout).toContain('这是扫描件的文字识别草稿，未经核对');
    const committed = join(PROJECT_ROOT, 'content/articles/2017-02');
    const names = readdirSync(committed).sort();
    // The same articles, each with as many paragraphs as the printed issue.
    expect(readdirSync(join(out, 'articles/2017-02')).sort()).toEqual(names);
    for (const name of names) expect(paragraphCount(join(out, 'articles/2017-02', name)), name).toBe(paragraphCount(join(committed, name)));
    // Marked so that no edition publishes it, with the lines to check written at its head.
    const entry = readFileSync(join(out, 'issues/2017-02.mdx'), 'utf8');
    expect(entry).toMatch(/^review: 待核对$/m);
    const listed = run.stdout.split('\n').slice(run.stdout.split('\n').findIndex((l) => l.startsWith('识别置信度低于')) + 1).filter((l) => /^ {2}第/.test(l));
    expect(listed.length).toBeGreaterThan(0);
    for (const line of listed) {
      expect(line).toMatch(/^ {2}(?:第\d+篇(?:标题|第\d+段)|报头、要目或版记)（第\d+页，置信度 \d+）：\S/);
      expect(entry).toContain(`#   ${line.trim()}`);
    }
    const { accuracy, characters } = draftAccuracy(out, join(PROJECT_ROOT, 'content'), '2017-02');
    console.log(`OCR draft: character accuracy of the articles' text ${(accuracy * 100).toFixed(2)}% of ${characters} characters (whitespace ignored); ${listed.length} lines listed for checking`);
    expect(accuracy).toBeGreaterThan(0.9);
  }, 600_000);

  it.runIf(ocr)('saved as OFD (pictures only), becomes an OCR draft marked 待核对, as the scanned PDF does', async () => {
    const file = join(dir, 'scan.ofd');
    writeFileSync(file, await scanOfdFromPdf(readFileSync(join(dir, 'scan.pdf'))));
    const out = join(dir, 'ofd-draft');
    const run = await runImportCli([file, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('扫描件 OFD（文字识别稿）');
    expect(readFileSync(join(out, 'issues/2017-02.mdx'), 'utf8')).toMatch(/^review: 待核对$/m);
    const { accuracy } = draftAccuracy(out, join(PROJECT_ROOT, 'content'), '2017-02');
    console.log(`OFD scan draft: character accuracy ${(accuracy * 100).toFixed(2)}%`);
    expect(accuracy).toBeGreaterThan(0.9);
  }, 600_000);
});
