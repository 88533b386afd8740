/**
 * A scanned issue: a PDF whose pages are images, with no text layer. Each page is rendered at
 * 300 dpi (poppler's pdftoppm) and read by Tesseract (Debian's tesseract-ocr with the chi_sim
 * model), line by line with its confidence and its place on the page, two pages at a time on a
 * two-core machine. The lines go to the plain-text reader as a page of text would (ocrText): a
 * paragraph's indented first line indented, a form feed between pages, so that the same parser
 * reads the draft. Lines below LOW_CONFIDENCE are listed for the editor to check on paper.
 * A page image already read in this process is not read again (recognisedPage).
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ImportError } from './errors.ts';
import { checkScanPages } from './input-limits.ts';

/** Tesseract's mean word confidence (0–100) below which a line is listed for checking. */
export const LOW_CONFIDENCE = 80;

export interface OcrLine {
  text: string;
  confidence: number;
  /** The page, from 0. */
  page: number;
  /** Where the line starts and ends from the page's left edge, and its top from the page's head, in pixels at 300 dpi. */
  left: number;
  right: number;
  top: number;
  /** The page's height, in the same pixels. */
  pageHeight: number;
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

/** The message for a scan when the packages are missing (null when none is). */
export function ocrUnavailable(): string | null {
  const missing = missingOcrPackages();
  return missing.length ? `这是扫描件（PDF 中没有文字层），要做文字识别草稿须先安装 ${missing.join('、')}：sudo apt-get install -y ${missing.join(' ')}` : null;
}

/**
 * One page's lines from Tesseract's TSV (level 5 rows are words: block, paragraph, line, word
 * numbers, left, top, width, height, confidence, text). Tesseract puts a space between Chinese
 * "words"; between two Latin words or numbers it is a real one.
 */
export function linesOfTsv(tsv: string, page: number): OcrLine[] {
  const lines = new Map<string, { words: string[]; conf: number[]; left: number; right: number; top: number }>();
  let pageHeight = 0;
  for (const row of tsv.split('\n').slice(1)) {
    const f = row.split('\t');
    if (f[0] === '1') pageHeight = Number(f[9]);
    if (f.length < 12 || f[0] !== '5' || !f[11]!.trim()) continue;
    const key = `${f[2]}-${f[3]}-${f[4]}`;
    const line = lines.get(key) ?? { words: [], conf: [], left: Number(f[6]), right: 0, top: Number(f[7]) };
    line.words.push(f[11]!.trim());
    line.conf.push(Number(f[10]));
    line.left = Math.min(line.left, Number(f[6]));
    line.right = Math.max(line.right, Number(f[6]) + Number(f[8]));
    line.top = Math.min(line.top, Number(f[7]));
    lines.set(key, line);
  }
  return [...lines.values()].map((l) => ({
    text: l.words.reduce((a, w) => (/[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(w) ? `${a} ${w}` : a + w), ''),
    confidence: Math.round(l.conf.reduce((a, b) => a + b, 0) / l.conf.length),
    page,
    left: l.left,
    right: l.right,
    top: l.top,
    pageHeight,
  }));
}

/** How many page images recognisedPage keeps the text of: a scan at most (MAX_SCAN_PAGES) and then some. */
export const RECOGNISED_PAGES_KEPT = 200;
const recognised = new Map<string, string>();

/**
 * Tesseract's TSV of a page image: `read` runs Tesseract on it, unless this process has read the
 * very same bytes before. One image gives one text (the same Tesseract, model and options, one
 * thread), so nothing is lost when the 编辑台 imports a scan once more after an error, or the
 * same scan comes as PDF and as OFD (each rasterised to the same pages). Keyed by the image's
 * SHA-256; the oldest of more than RECOGNISED_PAGES_KEPT is forgotten.
 */
export async function recognisedPage(image: Uint8Array, read: () => Promise<string>): Promise<string> {
  const key = createHash('sha256').update(image).digest('hex');
  const known = recognised.get(key);
  if (known !== undefined) return known;
  const text = await read();
  recognised.set(key, text);
  if (recognised.size > RECOGNISED_PAGES_KEPT) recognised.delete(recognised.keys().next().value!);
  return text;
}

/** Recognises a scanned PDF's text: its lines in reading order, pages apart. */
export async function ocrPdf(data: Uint8Array): Promise<OcrLine[]> {
  const unavailable = ocrUnavailable();
  if (unavailable) throw new ImportError(unavailable);
  const dir = mkdtempSync(join(tmpdir(), 'yaoxun-ocr-'));
  try {
    writeFileSync(join(dir, 'scan.pdf'), data);
    // Pages and their size before any is drawn: a tiny PDF can declare a page no memory holds at 300 dpi.
    checkScanPages(join(dir, 'scan.pdf'));
    execFileSync('pdftoppm', ['-r', '300', '-gray', '-png', join(dir, 'scan.pdf'), join(dir, 'page')], { stdio: 'pipe' });
    const pages = readdirSync(dir).filter((n) => n.endsWith('.png')).sort();
    const run = promisify(execFile);
    const tsv: string[] = [];
    // One Tesseract per core, each on one thread (its own threads fight over the same cores).
    let next = 0;
    const worker = async () => {
      for (let page = next++; page < pages.length; page = next++) {
        const image = join(dir, pages[page]!);
        tsv[page] = await recognisedPage(readFileSync(image), async () => {
          const { stdout } = await run('tesseract', [image, '-', '-l', 'chi_sim', '--psm', '4', 'tsv'], { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
          return stdout;
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(availableParallelism(), pages.length) }, worker));
    return tsv.flatMap((text, page) => linesOfTsv(text, page));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A line that is a page's number as OCR reads it: — 3 — with its dashes read as 一, _, ~, | or ]
 * or dropped, at the foot (or head) of the page: digits and such marks only, a few of them.
 */
export function isOcrPageNumber(line: Pick<OcrLine, 'text' | 'top' | 'pageHeight'>): boolean {
  const text = line.text.replace(/\s/g, '');
  const atEdge = !line.pageHeight || line.top > line.pageHeight * 0.88 || line.top < line.pageHeight * 0.08;
  return atEdge && text.length <= 8 && /\d/.test(text) && /^[\d\-—–―－一_~～|\[\]()（）lI!]+$/.test(text);
}

/**
 * The recognised lines as the plain-text reader takes them: a line each, a form feed between
 * pages, a line that starts clearly right of the page's text margin (a paragraph's first line,
 * a centred headline) indented with two ideographic spaces, a page number written as — 0 — (its
 * digits may be misread; the reader drops it all the same).
 */
export function ocrText(lines: readonly OcrLine[]): string {
  const pages = new Map<number, OcrLine[]>();
  for (const line of lines) pages.set(line.page, [...(pages.get(line.page) ?? []), line]);
  const full = (l: OcrLine) => [...l.text].length >= 15;
  // A character's width: a full line's extent over its characters, the median over the document.
  const pitches = lines.filter(full).map((l) => (l.right - l.left) / [...l.text].length).sort((a, b) => a - b);
  const pitch = pitches[Math.floor(pitches.length / 2)] ?? 0;
  // The text margin: where most full lines start (a low quantile, as paragraphs' first lines and
  // centred lines start further right, and hardly anything further left).
  const marginOf = (of: readonly OcrLine[]) => [...of].map((l) => l.left).sort((a, b) => a - b)[Math.floor(of.length / 5)]!;
  const allMargin = marginOf(lines.filter(full));
  const out: string[] = [];
  for (const [page, onPage] of [...pages].sort((a, b) => a[0] - b[0])) {
    const texts = onPage.map((l, i) => {
      const text = l.text.trim();
      if (isOcrPageNumber(l)) return '— 0 —';
      // The margin where the line is: of the full lines around it, as a page scanned askew has
      // its margin drift from the top of the page to the foot.
      const near = onPage.slice(Math.max(0, i - 6), i + 7).filter(full);
      const margin = near.length >= 4 ? marginOf(near) : allMargin;
      // Two characters' indent, told from a line whose first mark (“) OCR dropped, a character and a half.
      return l.left - margin >= 1.7 * pitch ? `\u3000\u3000${text}` : text;
    });
    out.push(`${page > 0 ? '\f' : ''}${texts.join('\n')}`);
  }
  return out.join('\n');
}
