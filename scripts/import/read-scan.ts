/**
 * A scanned issue: a PDF whose pages are images, with no text layer. Each page is rendered at
 * 300 dpi (poppler's pdftoppm) and read by Tesseract (Debian's tesseract-ocr with the chi_sim
 * model), line by line with its confidence; the lines go to the plain-text reader, a form feed
 * between pages, so the same parser reads the draft. Lines below LOW_CONFIDENCE are kept for
 * the editor to check against the paper.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportError } from './errors.ts';

/** Tesseract's mean word confidence (0–100) below which a line is listed for checking. */
export const LOW_CONFIDENCE = 80;

export interface OcrLine {
  text: string;
  confidence: number;
  page: number;
}

/** The Debian packages a scan needs that are missing. */
export function missingOcrPackages(): string[] {
  const missing: string[] = [];
  const tesseract = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  if (tesseract.error) missing.push('tesseract-ocr', 'tesseract-ocr-chi-sim');
  else if (!/\bchi_sim\b/.test(tesseract.stdout)) missing.push('tesseract-ocr-chi-sim');
  if (spawnSync('pdftoppm', ['-v']).error) missing.push('poppler-utils');
  return missing;
}

/** Recognises a scanned PDF's text: its lines in reading order, pages apart. */
export function ocrPdf(data: Uint8Array): OcrLine[] {
  const missing = missingOcrPackages();
  if (missing.length) {
    throw new ImportError(`这是扫描件（PDF 中没有文字层），要做文字识别草稿须先安装 ${missing.join('、')}：sudo apt-get install -y ${missing.join(' ')}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'yaoxun-ocr-'));
  try {
    writeFileSync(join(dir, 'scan.pdf'), data);
    execFileSync('pdftoppm', ['-r', '300', '-gray', '-png', join(dir, 'scan.pdf'), join(dir, 'page')]);
    const pages = readdirSync(dir).filter((n) => n.endsWith('.png')).sort();
    return pages.flatMap((name, page) => {
      const tsv = execFileSync('tesseract', [join(dir, name), '-', '-l', 'chi_sim', '--psm', '4', 'tsv'], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
      const lines = new Map<string, { words: string[]; conf: number[]; left: number }>();
      for (const row of tsv.split('\n').slice(1)) {
        const f = row.split('\t');
        if (f.length < 12 || f[0] !== '5' || !f[11]!.trim()) continue;
        const key = `${f[2]}-${f[3]}-${f[4]}`;
        const line = lines.get(key) ?? { words: [], conf: [], left: Number(f[6]) };
        line.words.push(f[11]!);
        line.conf.push(Number(f[10]));
        lines.set(key, line);
      }
      return [...lines.values()].map((l) => ({
        // Tesseract puts a space between Chinese "words"; between two Latin words it is a real one.
        text: l.words.reduce((a, w) => (/[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(w) ? `${a} ${w}` : a + w), ''),
        confidence: Math.round(l.conf.reduce((a, b) => a + b, 0) / l.conf.length),
        page,
      }));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The recognised lines as the plain-text reader takes them: a line each, a form feed between pages. */
export function ocrText(lines: readonly OcrLine[]): string {
  return lines.map((l, i) => (i > 0 && l.page !== lines[i - 1]!.page ? `\f${l.text}` : l.text)).join('\n');
}
