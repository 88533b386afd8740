/**
 * 导入核对: a dropped file is imported as the command would (prepareImport, nothing written), and
 * kept for review with pictures of its pages: a PDF's or a scan's by poppler's pdftoppm, a Word
 * file's through LibreOffice when it is installed (converted to PDF with a private profile),
 * anything else (text, a web page, an OFD with text) shown as the text that was read. A scan's
 * lines under the confidence threshold are boxes on its pages. Saving writes the corrected files
 * with the importer's own check, lock and all-or-none write.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { prepareImport, type PreparedImport } from '../import/cli.ts';
import { LOW_CONFIDENCE } from '../import/read-input.ts';
import { ofdScanPdf } from '../import/read-ofd.ts';
import type { OcrLine } from '../import/read-scan.ts';

export interface PageImage {
  /** The page's picture, a PNG file. */
  file: string;
  width: number;
  height: number;
  /** Boxes around the page's low-confidence OCR lines, in fractions of the page (0–1). */
  marks: Array<{ left: number; top: number; width: number; height: number; text: string; confidence: number }>;
}

export interface ReviewSession {
  id: string;
  /** The file's name as dropped. */
  name: string;
  dir: string;
  prepared: PreparedImport;
  pages: PageImage[];
  /** The source as text, when it has no pages to show. */
  sourceText?: string;
  /** Why there are no page pictures, when there are none. */
  pagesNote?: string;
  created: number;
}

/** The pixel size of a PNG, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const head = readFileSync(file).subarray(16, 24);
  return { width: head.readUInt32BE(0), height: head.readUInt32BE(4) };
}

/** Each page of a PDF as a PNG at `dpi`. */
function pdfPages(pdf: string, dir: string, dpi = 60): Array<{ file: string; width: number; height: number }> {
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', pdf, join(dir, 'page')], { stdio: 'pipe', timeout: 120_000 });
  return readdirSync(dir)
    .filter((n) => /^page-\d+\.png$/.test(n))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))
    .map((n) => ({ file: join(dir, n), ...pngSize(join(dir, n)) }));
}

/** A Word file as PDF through LibreOffice, or null when it is not installed or fails. */
function wordToPdf(file: string, dir: string): string | null {
  const profile = join(dir, 'lo-profile');
  const run = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'lo'), file], { stdio: 'pipe', timeout: 120_000 });
  if (run.error || run.status !== 0) return null;
  const pdf = join(dir, 'lo', basename(file).replace(/\.[^.]+$/, '') + '.pdf');
  try {
    readFileSync(pdf);
    return pdf;
  } catch {
    return null;
  }
}

/**
 * The lines a scan read with low confidence, as boxes on its pages: Tesseract's places (pixels at
 * 300 dpi, the page's height known) as fractions of the page, whatever size its picture is drawn.
 * A line's height is not kept by the reader: a box is 70 px (6 mm, a line of 三号 text) tall.
 */
export function ocrMarks(ocr: readonly OcrLine[], pages: ReadonlyArray<{ width: number; height: number }>): PageImage['marks'][] {
  return pages.map((page, i) => {
    const lines = ocr.filter((l) => l.page === i && l.confidence < LOW_CONFIDENCE && l.text.trim());
    return lines.map((l) => {
      const pageWidth = l.pageHeight * (page.width / page.height);
      return { left: l.left / pageWidth, top: l.top / l.pageHeight, width: (l.right - l.left) / pageWidth, height: 70 / l.pageHeight, text: l.text, confidence: l.confidence };
    });
  });
}

export class Reviews {
  readonly #sessions = new Map<string, ReviewSession>();
  readonly #base = mkdtempSync(join(tmpdir(), 'yaoxun-desk-review-'));

  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  get(id: string): ReviewSession | undefined {
    return this.#sessions.get(id);
  }

  /** Imports `bytes` (a file named `name`) without writing, and keeps it for review. Throws the importer's errors. */
  async open(name: string, bytes: Buffer): Promise<ReviewSession> {
    this.#expire();
    const id = randomBytes(9).toString('base64url');
    const dir = join(this.#base, id);
    mkdirSync(join(dir, 'pages'), { recursive: true });
    // The file's own name (without folders), for the importer's messages and for LibreOffice.
    const safeName = basename(name).replace(/[\u0000-\u001f/\\:*?"<>|]/g, '_') || 'file';
    const file = join(dir, safeName);
    writeFileSync(file, bytes);
    try {
      const prepared = await prepareImport(file, { projectRoot: this.root, contentDir: join(this.root, 'content'), shown: (p) => (p === file ? safeName : p.startsWith(this.root + '/') ? p.slice(this.root.length + 1) : p) });
      const session: ReviewSession = { id, name: safeName, dir, prepared, pages: [], created: Date.now() };
      await this.#renderPages(session, file, bytes);
      this.#sessions.set(id, session);
      return session;
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  async #renderPages(session: ReviewSession, file: string, bytes: Buffer): Promise<void> {
    const { format } = session.prepared;
    const pagesDir = join(session.dir, 'pages');
    let pdf: string | null = null;
    if (format === 'pdf' || format === 'scan') pdf = file;
    else if (format === 'ofd-scan') {
      // The OFD's page pictures, as the OCR read them.
      pdf = join(session.dir, 'ofd.pdf');
      writeFileSync(pdf, await ofdScanPdf(bytes));
    } else if (format === 'docx') {
      pdf = wordToPdf(file, session.dir);
      if (!pdf) session.pagesNote = '未安装 LibreOffice（或转换失败），无法显示 Word 文件的页面，下面是读出的文字。安装 libreoffice-writer 后可显示页面。';
    }
    if (pdf) {
      try {
        const pages = pdfPages(pdf, pagesDir);
        const marks = ocrMarks(session.prepared.ocr ?? [], pages);
        session.pages = pages.map((p, i) => ({ ...p, marks: marks[i] ?? [] }));
      } catch {
        session.pagesNote = '无法生成页面图像（缺少 poppler-utils 的 pdftoppm？），下面是读出的文字。';
      }
    }
    if (!session.pages.length) {
      session.sourceText = format === 'docx' || format === 'pdf' || format === 'scan' || format === 'ofd-scan' || format === 'ofd' ? session.prepared.files.map((f) => f.text).join('\n\n') : bytes.toString('utf8');
      if (format === 'ofd') session.pagesNote = 'OFD 文件的页面无法显示，下面是读出的内容。';
    }
  }

  /** Forgets a review (saved, or abandoned) and its files. */
  close(id: string): void {
    const session = this.#sessions.get(id);
    if (session) rmSync(session.dir, { recursive: true, force: true });
    this.#sessions.delete(id);
  }

  /** Reviews left open for a day go. */
  #expire(): void {
    for (const [id, s] of this.#sessions) if (Date.now() - s.created > 24 * 3600_000) this.close(id);
  }

  dispose(): void {
    rmSync(this.#base, { recursive: true, force: true });
  }
}
