/** Reads the built PDFs with Debian's poppler-utils (pdfinfo, pdffonts, pdftotext, pdftoppm). */
import { execFileSync } from 'node:child_process';

const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

export function pdfInfo(file: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-isodates', file]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[m[1]!.trim()] = m[2]!.trim();
  }
  return info;
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

/** pdffonts' table: name, type, encoding, emb, sub, uni, object ID (types contain spaces). */
export function pdfFonts(file: string): PdfFont[] {
  return run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const m = /^(\S+)\s+(.+?)\s+(Identity-H|Custom|Builtin|WinAnsi|MacRoman|Standard|\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(line);
      if (!m) throw new Error(`pdffonts line not understood: ${line}`);
      return { name: m[1]!, type: m[2]!, embedded: m[4] === 'yes' };
    });
}

/** The text of one page (1-based) or of all pages, in reading order. */
export function pdfText(file: string, page?: number): string {
  return run('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-enc', 'UTF-8', file, '-']);
}

/** Words with their boxes (points from the top-left corner) on one page. */
export function pdfWords(file: string, page: number): Array<{ word: string; xMin: number; xMax: number; yMax: number }> {
  const html = run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-']);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    word: m[4]!,
    xMin: Number(m[1]),
    xMax: Number(m[2]),
    yMax: Number(m[3]),
  }));
}

/** Page `page` as a PNG file at `dpi`, written to `outBase`.png. */
export function pdfPagePng(file: string, page: number, dpi: number, outBase: string): string {
  run('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), '-png', '-singlefile', file, outBase]);
  return `${outBase}.png`;
}

export const squeeze = (text: string) => text.replace(/\s+/g, '');
