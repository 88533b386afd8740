/**
 * The same issue as a PDF (Chromium's page.pdf of the bulletin laid out for print) and as a
 * Word file (the `docx` package), both made here from the committed content of 第2期: each
 * must import to the same articles and paragraphs, indeed to the committed files themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractTextItems, getDocumentProxy } from 'unpdf';
import { linesFromItems } from '../../scripts/import/read-pdf.ts';
import { PROJECT_ROOT } from '../helpers/content-copy.ts';
import { contentDifferences, runImportCli } from '../helpers/import-cli.ts';
import { bulletinDocx, bulletinPdf, loadIssue, type RenderedIssue } from '../../scripts/samples/render-bulletin.ts';

let dir: string;
let committed: RenderedIssue;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yaoxun-import-formats-'));
  committed = loadIssue(PROJECT_ROOT, '2017-02');
  writeFileSync(join(dir, '2017-02.pdf'), await bulletinPdf(committed));
  writeFileSync(join(dir, '2017-02.docx'), await bulletinDocx(committed));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function importFile(name: string): Promise<RenderedIssue> {
  const out = join(dir, `out-${name}`);
  const run = await runImportCli([join(dir, name), '--out', out]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(contentDifferences(out, join(PROJECT_ROOT, 'content'), '2017-02')).toEqual([]);
  return loadIssue(PROJECT_ROOT, '2017-02', out);
}

describe('importing 第2期 from a PDF and from a Word file', () => {
  it('the PDF has paragraphs cut by page breaks and page numbers, as printed issues do', async () => {
    const document = await getDocumentProxy(new Uint8Array(readFileSync(join(dir, '2017-02.pdf'))));
    const { items } = await extractTextItems(document);
    const pages = items.map((page) => linesFromItems(page).map((l) => l.text));
    expect(pages.length).toBeGreaterThan(3);
    expect(pages.flat()).toContain('— 2 —');
    const starts = committed.articles.flatMap((a) => [a.title, ...a.paragraphs]).map((t) => t.slice(0, 4));
    const cutPages = pages.slice(1).filter((lines) => {
      const first = lines.find((l) => !/^— \d+ —$/.test(l)) ?? '';
      return !starts.some((s) => first.startsWith(s));
    });
    expect(cutPages.length).toBeGreaterThan(0);
  });

  it('both give the committed files, so the same articles and paragraphs', async () => {
    const fromPdf = await importFile('2017-02.pdf');
    const fromDocx = await importFile('2017-02.docx');
    expect(fromPdf.articles).toEqual(committed.articles);
    expect(fromDocx.articles).toEqual(fromPdf.articles);
    expect(fromDocx.articles.map((a) => a.paragraphs.length)).toEqual([3, 2, 2, 2, 3, 1, 3]);
  });
});
