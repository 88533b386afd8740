/** Fills the built pages' PDF placeholders (page count, size) once the PDFs exist. */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fillPdfFacts, type PdfFileFacts } from '../../src/lib/pdf-facts.ts';
import { PdfRenderError } from './render.ts';
import { listFiles } from '../lib/files.ts';

const htmlFiles = (dir: string) => listFiles(dir).filter((file) => file.endsWith('.html'));

/** Returns how many pages were filled; a placeholder naming a PDF that was not made fails. */
export function fillSiteFacts(siteDir: string, facts: Map<string, PdfFileFacts>): number {
  let filled = 0;
  for (const file of htmlFiles(siteDir)) {
    const html = readFileSync(file, 'utf8');
    if (!html.includes('data-pdf=')) continue;
    const result = fillPdfFacts(html, (pdf) => facts.get(pdf));
    if (result.missing.length) {
      throw new PdfRenderError(`${relative(siteDir, file)}：链接的 PDF 未生成（${[...new Set(result.missing)].join('、')}）`);
    }
    if (result.html !== html) {
      writeFileSync(file, result.html);
      filled += 1;
    }
  }
  return filled;
}
