/**
 * Makes an OFD (GB/T 33190-2016) from a PDF, with the same text at the same places, for the
 * importer's tests and fuzzing: no maintained JavaScript library writes OFD, and the office's
 * documents come in as .ofd as well as .pdf.
 *
 * The text and its boxes come from poppler (`pdftotext -bbox-layout`: pages, lines, words with
 * their boxes), not from unpdf/PDF.js, which the importer's own readers use: a fault shared by
 * the producer and the reader would hide itself. Poppler gives no font size and no baseline, so
 * both are worked out from the boxes: a box's height is the font's size times a ratio of its own
 * font (ascent less descent), so the words of one height share one size, which the
 * narrowest all-Chinese words of that height give (a Chinese character is 1 em wide; justified
 * lines only widen); the baseline is put at the same fraction of every box. Each character's
 * place inside a word is the word's width shared by estimated widths (Chinese 1 em, Latin ½).
 *
 * The package is laid out as the common producers lay theirs (ofdrw, Suwell/数科, Foxit OFD):
 * OFD.xml → Doc_0/Document.xml (CommonData with the page size, PublicRes, templates; Pages) →
 * Doc_0/PublicRes.xml (the font) and Doc_0/Pages/Page_N/Content.xml, a Layer of TextObjects.
 * `shape` picks how the text is cut into TextObjects, as producers differ:
 *   - 'line': a TextObject per line (and font size) with one TextCode, X, Y and a DeltaX for
 *     every character, the space between words written as a character, repeated advances `g N d`;
 *   - 'char': a TextObject per character, its TextCode without DeltaX, spaces left out (what
 *     converters from PDF and some typesetters write);
 *   - 'ctm': a TextObject per line at Size 1, scaled to the font's size by a CTM, a TextCode per
 *     word with DeltaX in ems, spaces left as gaps.
 * `footTemplate` moves what stands in the foot margin (the page number) onto a template page
 * (CommonData/TemplatePage) that the page draws on, as templates carry page furniture.
 *
 * `scanOfdFromPdf` makes a scan's OFD, as scanners that save OFD write one: each page a picture
 * (an ImageObject over the whole page, its file under Doc_0/Res, listed in DocumentRes.xml) and
 * no text; the pictures are those of a PDF of page images (scan.ts), taken out by poppler's
 * pdfimages as they are.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { escapeHtml } from '../lib/escape-html.ts';

export type OfdShape = 'line' | 'char' | 'ctm';

export interface OfdOptions {
  shape?: OfdShape;
  /** Put each page's foot-margin text (its number) on a template page. */
  footTemplate?: boolean;
}

const MM_PER_PT = 25.4 / 72;
/** Where the baseline stands in a word's box, from its top: the same fraction for every box. */
const BASELINE = 0.75;
/** The foot margin starts this far down the page (GB/T 9704 sets the text block's foot 35 mm above the page's at A4). */
const FOOT = 0.9;

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

interface Page {
  width: number;
  height: number;
  lines: Word[][];
}

const decode = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[e.toLowerCase()]!,
  );
const attrs = (tag: string) => Object.fromEntries([...tag.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));

/** Pages, lines and words with their boxes (points from the page's top left), as poppler reads them. */
export function popplerWords(pdf: Buffer): Page[] {
  const dir = mkdtempSync(join(tmpdir(), 'yaoxun-ofd-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    const run = spawnSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (run.error) throw new Error('没有找到 pdftotext，无法由 PDF 生成 OFD：请安装 poppler-utils（sudo apt-get install -y poppler-utils）');
    if (run.status !== 0) throw new Error(`pdftotext 读取 PDF 失败：${run.stderr}`);
    const pages: Page[] = [];
    for (const page of run.stdout.split(/<page /).slice(1)) {
      const size = attrs(page.slice(0, page.indexOf('>')));
      const lines = page
        .split(/<line /)
        .slice(1)
        .map((line) =>
          [...line.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map((m) => {
            const box = attrs(m[1]!);
            return { text: decode(m[2]!), xMin: Number(box['xMin']), yMin: Number(box['yMin']), xMax: Number(box['xMax']), yMax: Number(box['yMax']) };
          }),
        )
        .filter((words) => words.length);
      pages.push({ width: Number(size['width']), height: Number(size['height']), lines });
    }
    return pages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ems = (char: string) => (char.codePointAt(0)! < 0x2000 ? 0.5 : 1);
const isCjk = (char: string) => char.codePointAt(0)! >= 0x3000;
const heightKey = (word: Word) => Math.round((word.yMax - word.yMin) * 10) / 10;

/**
 * The font size of each box height (see the module's comment): the 20th percentile of the
 * all-Chinese words' width per character, which only justification widens; heights without such
 * words take the document's usual ratio of height to size.
 */
export function sizesByHeight(pages: readonly Page[]): Map<number, number> {
  const perChar = new Map<number, number[]>();
  for (const word of pages.flatMap((p) => p.lines.flat())) {
    const chars = [...word.text];
    if (chars.length < 2 || !chars.every(isCjk)) continue;
    const key = heightKey(word);
    perChar.set(key, [...(perChar.get(key) ?? []), (word.xMax - word.xMin) / chars.length]);
  }
  const sizes = new Map<number, number>();
  const ratios: number[] = [];
  for (const [key, widths] of perChar) {
    const sorted = widths.sort((a, b) => a - b);
    const size = sorted[Math.floor((sorted.length - 1) * 0.2)]!;
    sizes.set(key, size);
    ratios.push(key / size);
  }
  ratios.sort((a, b) => a - b);
  const ratio = ratios[Math.floor(ratios.length / 2)] ?? 1.2;
  for (const word of pages.flatMap((p) => p.lines.flat())) {
    const key = heightKey(word);
    if (!sizes.has(key)) sizes.set(key, key / ratio);
  }
  return sizes;
}

/** Advances written as OFD writes them: three or more equal ones as `g N d`. */
export function formatDeltas(deltas: readonly number[]): string {
  const values = deltas.map((d) => Number(d.toFixed(4)));
  const out: string[] = [];
  for (let i = 0; i < values.length; ) {
    let j = i;
    while (j < values.length && values[j] === values[i]) j++;
    if (j - i >= 3) out.push(`g ${j - i} ${values[i]}`);
    else for (let k = i; k < j; k++) out.push(String(values[k]));
    i = j;
  }
  return out.join(' ');
}

const mm = (pt: number) => Number((pt * MM_PER_PT).toFixed(3));

/** Where each character of a word starts, in points: the word's width shared by estimated widths. */
function charStarts(word: Word): { chars: string[]; starts: number[]; widths: number[] } {
  const chars = [...word.text];
  const total = chars.reduce((sum, c) => sum + ems(c), 0);
  const scale = (word.xMax - word.xMin) / total;
  const starts: number[] = [];
  const widths: number[] = [];
  let x = word.xMin;
  for (const c of chars) {
    starts.push(x);
    widths.push(ems(c) * scale);
    x += ems(c) * scale;
  }
  return { chars, starts, widths };
}

const wordBaseline = (word: Word) => word.yMin + (word.yMax - word.yMin) * BASELINE;

/** A line's baseline: its tallest word's. */
function baseline(line: readonly Word[]): number {
  return wordBaseline(line.reduce((a, b) => (b.yMax - b.yMin > a.yMax - a.yMin ? b : a)));
}

/**
 * A poppler line cut where its words stand on different baselines: poppler puts words whose
 * boxes overlap in one line (第2期 tucked under a large spaced masthead), which a reader must
 * not see on one baseline.
 */
function rows(line: readonly Word[]): Word[][] {
  const out: Word[][] = [];
  for (const word of line) {
    const row = out.find((r) => Math.abs(baseline(r) - wordBaseline(word)) < Math.min(...r.map((w) => w.yMax - w.yMin), word.yMax - word.yMin) * 0.1);
    if (row) row.push(word);
    else out.push([word]);
  }
  return out;
}

const NS = 'http://www.ofdspec.org/2016';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** The OFD of `pdf` (see the module's comment). Throws, in one Chinese sentence, when poppler is missing. */
export async function ofdFromPdf(pdf: Buffer, options: OfdOptions = {}): Promise<Buffer> {
  const shape = options.shape ?? 'line';
  const pages = popplerWords(pdf);
  const sizes = sizesByHeight(pages);
  let id = 0;
  const nextId = () => ++id;
  const fontId = nextId();
  const files: Zippable = {};
  const put = (path: string, xml: string) => {
    files[path] = strToU8(XML_HEAD + xml);
  };

  /** The TextObjects of some lines, each object's Boundary and positions in mm on its page. */
  const textObjects = (lines: readonly Word[][]): string[] => {
    const objects: string[] = [];
    for (const line of lines.flatMap(rows)) {
      const base = baseline(line);
      // One TextObject has one Size: a line of two sizes is two objects.
      const bySize = new Map<number, Word[]>();
      for (const word of line) {
        const size = sizes.get(heightKey(word))!;
        bySize.set(size, [...(bySize.get(size) ?? []), word]);
      }
      for (const [size, words] of bySize) {
        if (shape === 'char') {
          for (const word of words) {
            const { chars, starts, widths } = charStarts(word);
            chars.forEach((char, i) => {
              if (!char.trim()) return;
              const box = [mm(starts[i]!), mm(word.yMin), mm(widths[i]!), mm(word.yMax - word.yMin)];
              objects.push(
                `<ofd:TextObject ID="${nextId()}" Boundary="${box.join(' ')}" Font="${fontId}" Size="${mm(size)}">` +
                  `<ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="${mm(base - word.yMin)}">${escapeHtml(char)}</ofd:TextCode></ofd:TextObject>`,
              );
            });
          }
          continue;
        }
        const left = Math.min(...words.map((w) => w.xMin));
        const top = Math.min(...words.map((w) => w.yMin));
        const right = Math.max(...words.map((w) => w.xMax));
        const bottom = Math.max(...words.map((w) => w.yMax));
        // With a CTM the object's own unit is the font's size: Size 1, positions in ems.
        const local = shape === 'ctm' ? (pt: number) => Number((pt / size).toFixed(4)) : mm;
        const code = (chars: string[], starts: number[]) => {
          const deltas = starts.slice(1).map((s, i) => local(s - starts[i]!));
          const deltaX = deltas.length ? ` DeltaX="${formatDeltas(deltas)}"` : '';
          return `<ofd:TextCode X="${local(starts[0]! - left)}" Y="${local(base - top)}"${deltaX}>${escapeHtml(chars.join(''))}</ofd:TextCode>`;
        };
        let codes: string[];
        if (shape === 'line') {
          // One TextCode for the line, as a typesetter writes one: where poppler's words stand
          // apart, the space between them, its advance spanning the gap.
          const chars: string[] = [];
          const starts: number[] = [];
          words.forEach((word, i) => {
            const previous = words[i - 1];
            if (previous && word.xMin - previous.xMax > size * 0.15) {
              chars.push(' ');
              starts.push(previous.xMax);
            }
            const own = charStarts(word);
            chars.push(...own.chars);
            starts.push(...own.starts);
          });
          codes = [code(chars, starts)];
        } else {
          // A TextCode per word, the space between words left as a gap.
          codes = words.map((word) => {
            const own = charStarts(word);
            return code(own.chars, own.starts);
          });
        }
        const boundary = [mm(left), mm(top), mm(right - left), mm(bottom - top)].join(' ');
        const scale = shape === 'ctm' ? ` CTM="${mm(size)} 0 0 ${mm(size)} 0 0"` : '';
        objects.push(
          `<ofd:TextObject ID="${nextId()}" Boundary="${boundary}"${scale} Font="${fontId}" Size="${shape === 'ctm' ? 1 : mm(size)}">` +
            `<ofd:FillColor Value="0 0 0"/>${codes.join('')}</ofd:TextObject>`,
        );
      }
    }
    return objects;
  };

  const layer = (objects: string[]) => `<ofd:Content><ofd:Layer ID="${nextId()}" Type="Body">${objects.join('')}</ofd:Layer></ofd:Content>`;
  // Every page of one size takes its size from CommonData; a page of another size states its own.
  const first = pages[0] ?? { width: 595.28, height: 841.89, lines: [] };
  const physicalBox = (page: Page) => `0 0 ${mm(page.width)} ${mm(page.height)}`;
  const templates: string[] = [];
  const pageRefs: string[] = [];
  pages.forEach((page, n) => {
    const foot = options.footTemplate ? page.lines.filter((line) => baseline(line) > page.height * FOOT) : [];
    const body = page.lines.filter((line) => !foot.includes(line));
    let templateUse = '';
    if (foot.length) {
      const templateId = nextId();
      const location = `Tpls/Tpl_${templates.length}/Content.xml`;
      templates.push(`<ofd:TemplatePage ID="${templateId}" BaseLoc="${location}" ZOrder="Background"/>`);
      put(`Doc_0/${location}`, `<ofd:Page xmlns:ofd="${NS}">${layer(textObjects(foot))}</ofd:Page>`);
      templateUse = `<ofd:Template TemplateID="${templateId}" ZOrder="Background"/>`;
    }
    const area = physicalBox(page) === physicalBox(first) ? '' : `<ofd:Area><ofd:PhysicalBox>${physicalBox(page)}</ofd:PhysicalBox></ofd:Area>`;
    const pageId = nextId();
    put(`Doc_0/Pages/Page_${n}/Content.xml`, `<ofd:Page xmlns:ofd="${NS}">${templateUse}${area}${layer(textObjects(body))}</ofd:Page>`);
    pageRefs.push(`<ofd:Page ID="${pageId}" BaseLoc="Pages/Page_${n}/Content.xml"/>`);
  });

  put(
    'Doc_0/PublicRes.xml',
    `<ofd:Res xmlns:ofd="${NS}" BaseLoc="Res"><ofd:Fonts><ofd:Font ID="${fontId}" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>`,
  );
  put(
    'Doc_0/Document.xml',
    `<ofd:Document xmlns:ofd="${NS}"><ofd:CommonData><ofd:MaxUnitID>${id}</ofd:MaxUnitID>` +
      `<ofd:PageArea><ofd:PhysicalBox>${physicalBox(first)}</ofd:PhysicalBox></ofd:PageArea>` +
      `<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>${templates.join('')}</ofd:CommonData>` +
      `<ofd:Pages>${pageRefs.join('')}</ofd:Pages></ofd:Document>`,
  );
  // The same PDF gives the same package: its DocID from the PDF's bytes, no clock.
  const docId = createHash('md5').update(pdf).digest('hex');
  put(
    'OFD.xml',
    `<ofd:OFD xmlns:ofd="${NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>${docId}</ofd:DocID>` +
      `<ofd:Creator>yaoxun scripts/samples/ofd.ts</ofd:Creator></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
  );
  // OFD.xml first, as producers write it; a fixed time keeps the bytes the same from run to run.
  const ordered: Zippable = { 'OFD.xml': files['OFD.xml']! };
  for (const [path, data] of Object.entries(files)) if (path !== 'OFD.xml') ordered[path] = data;
  return Buffer.from(zipSync(ordered, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') }));
}

/** A scanned PDF (one picture a page, as scan.ts makes) as a scanner's OFD: see the module's comment. */
export async function scanOfdFromPdf(pdf: Buffer | Uint8Array): Promise<Buffer> {
  const pages = popplerWords(Buffer.from(pdf));
  const dir = mkdtempSync(join(tmpdir(), 'yaoxun-ofd-scan-'));
  try {
    writeFileSync(join(dir, 'scan.pdf'), pdf);
    const run = spawnSync('pdfimages', ['-all', join(dir, 'scan.pdf'), join(dir, 'image')], { encoding: 'utf8' });
    if (run.error) throw new Error('没有找到 pdfimages，无法由 PDF 生成 OFD：请安装 poppler-utils（sudo apt-get install -y poppler-utils）');
    if (run.status !== 0) throw new Error(`pdfimages 读取 PDF 失败：${run.stderr}`);
    const images = readdirSync(dir).filter((n) => n.startsWith('image-')).sort();
    if (images.length !== pages.length) throw new Error(`扫描件 PDF 应每页一幅图片，实有 ${pages.length} 页、${images.length} 幅`);
    const files: Zippable = {};
    const put = (path: string, xml: string) => {
      files[path] = strToU8(XML_HEAD + xml);
    };
    let id = 0;
    const media: string[] = [];
    const pageRefs: string[] = [];
    images.forEach((name, n) => {
      const page = pages[n]!;
      const file = `image_${n}${name.slice(name.lastIndexOf('.'))}`;
      files[`Doc_0/Res/${file}`] = readFileSync(join(dir, name));
      const mediaId = ++id;
      media.push(`<ofd:MultiMedia ID="${mediaId}" Type="Image"><ofd:MediaFile>${file}</ofd:MediaFile></ofd:MultiMedia>`);
      const [w, h] = [mm(page.width), mm(page.height)];
      put(
        `Doc_0/Pages/Page_${n}/Content.xml`,
        `<ofd:Page xmlns:ofd="${NS}"><ofd:Area><ofd:PhysicalBox>0 0 ${w} ${h}</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer ID="${++id}">` +
          `<ofd:ImageObject ID="${++id}" Boundary="0 0 ${w} ${h}" CTM="${w} 0 0 ${h} 0 0" ResourceID="${mediaId}"/></ofd:Layer></ofd:Content></ofd:Page>`,
      );
      pageRefs.push(`<ofd:Page ID="${++id}" BaseLoc="Pages/Page_${n}/Content.xml"/>`);
    });
    put('Doc_0/DocumentRes.xml', `<ofd:Res xmlns:ofd="${NS}" BaseLoc="Res"><ofd:MultiMedias>${media.join('')}</ofd:MultiMedias></ofd:Res>`);
    put(
      'Doc_0/Document.xml',
      `<ofd:Document xmlns:ofd="${NS}"><ofd:CommonData><ofd:MaxUnitID>${id}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>` +
        `<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData><ofd:Pages>${pageRefs.join('')}</ofd:Pages></ofd:Document>`,
    );
    put('OFD.xml', `<ofd:OFD xmlns:ofd="${NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>${createHash('md5').update(pdf).digest('hex')}</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`);
    // Pictures are stored, not deflated again, as they hardly compress.
    const ordered: Zippable = { 'OFD.xml': files['OFD.xml']! };
    for (const [path, data] of Object.entries(files)) if (path !== 'OFD.xml') ordered[path] = path.endsWith('.xml') ? data : [data as Uint8Array, { level: 0 }];
    return Buffer.from(zipSync(ordered, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
