/**
 * A scanned copy of an issue, as the office's paper archive gives: the issue rendered to PDF
 * (render-bulletin.ts), its pages turned into greyscale images (poppler's pdftoppm, 300 dpi
 * unless a style says otherwise, turned askew or saved as JPEG by sharp) and put back into a PDF
 * of images only (pdf-lib), with no text layer. And the measure of
 * an OCR draft against the printed text: character accuracy, 1 − edit distance / length.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { bulletinPdf, type RenderedIssue } from './render-bulletin.ts';
import { editDistance } from '../import/edit-distance.ts';

/** How the paper was scanned: its resolution, how far askew it lay, and whether the scanner saved JPEG. */
export interface ScanStyle {
  dpi: number;
  /** Degrees, clockwise. */
  skew: number;
  /** JPEG quality (1–100), or undefined for lossless PNG. */
  jpeg?: number | undefined;
}

/** The scans the OCR measurement draws: a clean one, and the faults a real scanner adds. */
export const SCAN_STYLES: Record<string, ScanStyle> = {
  clean: { dpi: 300, skew: 0 },
  askew: { dpi: 300, skew: 0.6 },
  jpeg: { dpi: 300, skew: 0, jpeg: 40 },
  '200dpi': { dpi: 200, skew: 0 },
};

/** The scan's PDF bytes (sharp turns and recompresses the page images). */
export async function scannedIssue(issue: RenderedIssue, style: ScanStyle = SCAN_STYLES['clean']!): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'yaoxun-scan-'));
  try {
    writeFileSync(join(dir, 'print.pdf'), await bulletinPdf(issue));
    execFileSync('pdftoppm', ['-r', String(style.dpi), '-gray', '-png', join(dir, 'print.pdf'), join(dir, 'page')], { stdio: 'pipe' });
    const scan = await PDFDocument.create();
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.png')).sort()) {
      let page = sharp(readFileSync(join(dir, name)));
      if (style.skew) page = page.rotate(style.skew, { background: '#ffffff' });
      const image = style.jpeg ? await scan.embedJpg(await page.jpeg({ quality: style.jpeg }).toBuffer()) : await scan.embedPng(await page.png().toBuffer());
      scan.addPage([595.28, 841.89]).drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
    }
    return await scan.save();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}


/** How many paragraphs an article file's body has (they stand apart by empty lines). */
export const paragraphCount = (path: string) => readFileSync(path, 'utf8').split(/^---$/m).slice(2).join('').trim().split(/\n\n+/).length;

/** An article file's text as a reader sees it: the body without its MDX escapes, whitespace dropped. */
export const articleText = (path: string) =>
  readFileSync(path, 'utf8').split(/^---$/m).slice(2).join('').replace(/\\(.)/g, '$1').replace(/\s/g, '');

/** The character accuracy of the draft's articles (under `draft`, a content folder) against the committed ones of the issue. */
export function draftAccuracy(draft: string, committed: string, issueId: string): { accuracy: number; characters: number; errors: number } {
  const names = readdirSync(join(committed, 'articles', issueId)).sort();
  const want = names.map((n) => articleText(join(committed, 'articles', issueId, n))).join('');
  const got = names.map((n) => articleText(join(draft, 'articles', issueId, n))).join('');
  const errors = editDistance(got, want)!;
  return { accuracy: 1 - errors / want.length, characters: want.length, errors };
}
