/**
 * An OFD file (GB/T 33190-2016, the fixed-layout format 电子公文 are exchanged in), read as the
 * PDF reader reads a PDF: every piece of text with its place on the page, handed to the same
 * linesFromItems and blocksFromPdfPages (read-pdf.ts), so that indentation, short lines, page
 * numbers and running heads tell the same things whichever of the two formats came in.
 *
 * An OFD is a zip (opened within ZIP_LIMITS, zip-limits.ts): OFD.xml names the document's root
 * (DocBody/DocRoot, Doc_0/Document.xml), which lists the pages (Pages/Page, each a Content.xml),
 * the templates pages draw on (CommonData/TemplatePage: page numbers and running heads are often
 * there) and the default page size (CommonData/PageArea/PhysicalBox). A page's Content holds
 * Layers of TextObjects (and PageBlocks and CompositeObjects holding more): a TextObject has a
 * Boundary "x y w h" on the page, in millimetres from its top left, perhaps a CTM scaling what
 * is inside it, a Size (the font's, in mm) and TextCode runs, each at X, Y (the baseline of its
 * first character, inside the Boundary) with DeltaX, the advance after each character, where
 * `g 5 4.2` stands for five advances of 4.2. A run without DeltaX advances by the character's
 * own width, which the reader does not have: 1 em for Chinese, half an em for Latin.
 *
 * Text becomes PDF.js's shape (PdfTextItem): points, y from the page's foot. Characters that
 * follow each other make one item; a gap of more than half an em (a spaced title, a table's
 * cells, a date set to the right) starts another, and linesFromItems measures it as it measures
 * a PDF's.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ImportError } from './errors.ts';
import { blocksFromPdfPages, linesFromItems, type PdfTextItem } from './read-pdf.ts';
import type { SourceBlock } from './source-block.ts';
import { inflateEntry, looksLikeZip, zipDirectory, zipEntries, type ZipEntry } from './zip-limits.ts';

const LABEL = 'OFD 文件';
/** OFD measures in millimetres, PDF (and the reader) in points. */
export const PT_PER_MM = 72 / 25.4;
/** A4, for a document that states no page size at all. */
const A4: Box = { x: 0, y: 0, width: 210, height: 297 };

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An affine transform [a b c d e f]: x' = a·x + c·y + e, y' = b·x + d·y + f (OFD's CTM order). */
export type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
/** `inner` then `outer`. */
const then = (inner: Matrix, outer: Matrix): Matrix => [
  inner[0] * outer[0] + inner[1] * outer[2],
  inner[0] * outer[1] + inner[1] * outer[3],
  inner[2] * outer[0] + inner[3] * outer[2],
  inner[2] * outer[1] + inner[3] * outer[3],
  inner[4] * outer[0] + inner[5] * outer[2] + outer[4],
  inner[4] * outer[1] + inner[5] * outer[3] + outer[5],
];

const finite = (value: string | undefined): number | undefined => {
  const n = value === undefined ? NaN : Number(value);
  return Number.isFinite(n) ? n : undefined;
};
const numbers = (value: string | undefined): number[] => (value ?? '').trim().split(/\s+/).filter(Boolean).map(Number);

/**
 * A DeltaX or DeltaY list: numbers, where `g N d` is N times d. A list that does not read
 * (a stray word) counts as absent: the characters then advance by their estimated widths.
 */
export function parseDeltas(value: string | undefined): number[] {
  const tokens = (value ?? '').trim().split(/\s+/).filter(Boolean);
  const deltas: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'g') {
      const count = Number(tokens[i + 1]);
      const delta = Number(tokens[i + 2]);
      if (!Number.isInteger(count) || count < 0 || !Number.isFinite(delta)) return [];
      for (let k = 0; k < count; k++) deltas.push(delta);
      i += 2;
      continue;
    }
    const delta = Number(tokens[i]);
    if (!Number.isFinite(delta)) return [];
    deltas.push(delta);
  }
  return deltas;
}

/** A character's advance in ems when the file does not say: Chinese and full-width forms 1, Latin ½. */
export const estimatedEms = (char: string) => (char.codePointAt(0)! < 0x2000 ? 0.5 : 1);

// ── The XML ──

/** A parsed element: its attributes as `@name`, its text as `#text`, each child kind as an array. */
interface XmlNode {
  [key: string]: XmlNode[] | string | undefined;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  // A TextCode of one space is a space.
  trimValues: false,
  alwaysCreateTextNode: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

const children = (node: XmlNode | undefined, name: string): XmlNode[] => (node?.[name] as XmlNode[] | undefined) ?? [];
const child = (node: XmlNode | undefined, name: string): XmlNode | undefined => children(node, name)[0];
const attr = (node: XmlNode | undefined, name: string): string | undefined => node?.[`@${name}`] as string | undefined;
const textOf = (node: XmlNode | undefined): string => (node?.['#text'] as string | undefined) ?? '';

/** The parts of the zip, by path, opened as they are asked for. */
class OfdPackage {
  private readonly entries = new Map<string, ZipEntry>();
  private readonly folded = new Map<string, ZipEntry>();
  private readonly parsed = new Map<string, XmlNode>();
  private readonly data: Uint8Array;

  constructor(data: Uint8Array) {
    this.data = data;
    for (const entry of zipEntries(data, LABEL)) {
      const name = normalizePath(entry.name);
      this.entries.set(name, entry);
      // Packages made on Windows do not always spell a path as the XML does.
      if (!this.folded.has(name.toLowerCase())) this.folded.set(name.toLowerCase(), entry);
    }
  }

  has(path: string): boolean {
    return this.entries.has(path) || this.folded.has(path.toLowerCase());
  }

  /** The bytes of the part at `path` (a picture), inflated within the limits. */
  bytes(path: string): Uint8Array | undefined {
    const entry = this.entries.get(path) ?? this.folded.get(path.toLowerCase());
    return entry && inflateEntry(this.data, entry, LABEL);
  }

  /** The root element of the XML at `path`; `what` names it in a refusal when it is missing. */
  xml(path: string, what: string): XmlNode {
    const cached = this.parsed.get(path);
    if (cached) return cached;
    const entry = this.entries.get(path) ?? this.folded.get(path.toLowerCase());
    if (!entry) throw new ImportError(`${what} ${path} 不在压缩包中：OFD 文件不完整`);
    const bytes = inflateEntry(this.data, entry, LABEL);
    const text = decodeXml(bytes);
    const valid = XMLValidator.validate(text);
    if (valid !== true) throw new ImportError(`${what} ${path} 不是完好的 XML（第 ${valid.err.line} 行出错）：OFD 文件可能已损坏`);
    const document = parser.parse(text) as XmlNode;
    const root = Object.entries(document).find(([key, value]) => !key.startsWith('#') && !key.startsWith('@') && Array.isArray(value))?.[1] as XmlNode[] | undefined;
    if (!root?.[0]) throw new ImportError(`${what} ${path} 是空的：OFD 文件可能已损坏`);
    this.parsed.set(path, root[0]);
    return root[0];
  }
}

/** OFD's XML is UTF-8 by the standard; a declaration that says otherwise (GB18030) is followed. */
function decodeXml(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const encoding = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w-]+)["']/.exec(head)?.[1];
  try {
    return new TextDecoder(encoding ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** A path inside the package: no leading slash, forward slashes, `.` and `..` resolved. */
function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

const folderOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);

/**
 * Where a location written in the file at `from` points. The standard reads a relative one from
 * the folder of the file that holds it; some producers write it from the document's folder or
 * the package's root instead, so those are tried when the first is not there.
 */
function resolveIn(pkg: OfdPackage, location: string, from: string, documentFolder: string): string {
  const loc = location.trim();
  if (loc.startsWith('/')) return normalizePath(loc);
  const candidates = [folderOf(from) + loc, documentFolder + loc, loc].map(normalizePath);
  return candidates.find((path) => pkg.has(path)) ?? candidates[0]!;
}

function boxOf(value: string | undefined): Box | undefined {
  const [x, y, width, height] = numbers(value);
  if (![x, y, width, height].every((n) => n !== undefined && Number.isFinite(n))) return undefined;
  return { x: x!, y: y!, width: width!, height: height! };
}

function matrixOf(value: string | undefined): Matrix | undefined {
  const m = numbers(value);
  return m.length === 6 && m.every(Number.isFinite) ? (m as Matrix) : undefined;
}

// ── Text ──

/** Where an object's own coordinates land on the page: its CTM, then its Boundary's origin, then its parent's. */
function placement(node: XmlNode, parent: Matrix): Matrix {
  const boundary = boxOf(attr(node, 'Boundary')) ?? { x: 0, y: 0, width: 0, height: 0 };
  const own = then(matrixOf(attr(node, 'CTM')) ?? IDENTITY, [1, 0, 0, 1, boundary.x, boundary.y]);
  return then(own, parent);
}

/** A run of text in page millimetres, y from the page's top (as OFD measures). */
interface MmRun {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** The runs of one TextObject: each TextCode's characters, cut where a gap stands between two. */
function textObjectRuns(node: XmlNode, parent: Matrix): MmRun[] {
  const m = placement(node, parent);
  // Nothing of an object shows outside its Boundary: a glyph's width, estimated where the file
  // does not give it (a TextObject per character, a · narrower than half an em), ends there.
  const boundary = boxOf(attr(node, 'Boundary'));
  const right = boundary && boundary.width > 0 ? apply(parent, boundary.x + boundary.width, boundary.y)[0] : Infinity;
  const size = finite(attr(node, 'Size')) ?? 0;
  // The font's size on the page: its height scaled as the CTM scales y (CTM="9 0 0 9 0 0" with Size="1").
  const pageSize = size * Math.hypot(m[2], m[3]);
  const runs: MmRun[] = [];
  let x: number | undefined;
  let y: number | undefined;
  for (const code of children(node, 'TextCode')) {
    // A TextCode without X or Y takes the previous one's (GB/T 33190 §11.3).
    x = finite(attr(code, 'X')) ?? x ?? 0;
    y = finite(attr(code, 'Y')) ?? y ?? 0;
    const chars = [...textOf(code)];
    const dx = parseDeltas(attr(code, 'DeltaX'));
    const dy = parseDeltas(attr(code, 'DeltaY'));
    let run: { chars: string[]; x: number; y: number; end: number } | undefined;
    let cx = x;
    let cy = y;
    chars.forEach((char, i) => {
      const own = estimatedEms(char) * size;
      const last = i === chars.length - 1;
      const advance = last ? own : (dx[i] ?? own);
      // Half an em more than the character's own width is a gap a reader sees (cells, a spaced
      // title, a date set right): the run ends there and linesFromItems measures the gap.
      const gap = !last && (advance > own + size * 0.5 || (dy[i] ?? 0) !== 0);
      run ??= { chars: [], x: cx, y: cy, end: cx };
      run.chars.push(char);
      run.end = cx + (gap || last ? own : Math.max(advance, 0));
      if (gap || last) {
        const [px, py] = apply(m, run.x, run.y);
        const [ex, ey] = apply(m, run.end, run.y);
        const width = Math.hypot(ex - px, ey - py);
        runs.push({ str: run.chars.join(''), x: px, y: py, width: right > px ? Math.min(width, right - px) : width, size: pageSize });
        run = undefined;
      }
      cx += advance;
      cy += dy[i] ?? 0;
    });
  }
  return runs;
}

/** A picture on a page: its resource and where it stands, in page millimetres. */
interface PlacedImage {
  resourceId: string;
  box: Box;
}

/** What a page's content holds: its text runs and its pictures (a scan is pictures only). */
interface PageContent {
  runs: MmRun[];
  images: PlacedImage[];
}

type Units = Map<string, XmlNode>;

/** An image object's unit square, through its CTM and Boundary, as a box on the page. */
function imageBox(node: XmlNode, parent: Matrix): Box {
  const m = placement(node, parent);
  const corners = [apply(m, 0, 0), apply(m, 1, 0), apply(m, 0, 1), apply(m, 1, 1)];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}

/** Walks a Layer, PageBlock or CompositeGraphicUnit's Content and collects its text. */
function collect(node: XmlNode, m: Matrix, units: () => Units, into: PageContent, depth = 0): void {
  if (depth > 32) return;
  for (const text of children(node, 'TextObject')) into.runs.push(...textObjectRuns(text, m));
  for (const image of children(node, 'ImageObject')) into.images.push({ resourceId: attr(image, 'ResourceID') ?? '', box: imageBox(image, m) });
  for (const block of children(node, 'PageBlock')) collect(block, m, units, into, depth + 1);
  for (const composite of children(node, 'CompositeObject')) {
    const unit = units().get(attr(composite, 'ResourceID') ?? '');
    const content = child(unit, 'Content');
    if (content) collect(content, placement(composite, m), units, into, depth + 1);
  }
}

function collectPage(page: XmlNode, units: () => Units, into: PageContent): void {
  for (const layer of children(child(page, 'Content'), 'Layer')) collect(layer, IDENTITY, units, into);
}

/**
 * A space where two runs of one line stand a fifth of an em or more apart. OFD draws glyphs and
 * need not write the space between two words (a TextObject per word or per character leaves
 * a gap instead); PDF.js puts one in for such a gap (a tenth of an em and up), and the PDF
 * reader expects it: 一流大学 一流学科 keeps its space. linesFromItems itself only sees gaps of
 * 0.3 em, wider than a Latin space.
 */
function withSpaces(items: PdfTextItem[]): PdfTextItem[] {
  // Lines as linesFromItems finds them: baselines within 0.4 of the font's size.
  const lines: PdfTextItem[][] = [];
  for (const item of [...items].sort((a, b) => b.y - a.y)) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.y - item.y) < Math.max(line[0]!.fontSize, item.fontSize) * 0.4) line.push(item);
    else lines.push([item]);
  }
  const spaces: PdfTextItem[] = [];
  for (const line of lines) {
    const inked = line.filter((item) => item.str.trim()).sort((a, b) => a.x - b.x);
    for (let i = 1; i < inked.length; i++) {
      const [before, after] = [inked[i - 1]!, inked[i]!];
      if (/\s$/.test(before.str) || /^\s/.test(after.str)) continue;
      const end = before.x + before.width;
      if (after.x - end >= Math.min(before.fontSize, after.fontSize) * 0.2) spaces.push({ str: ' ', x: end, y: before.y, width: after.x - end, fontSize: before.fontSize });
    }
  }
  return [...items, ...spaces];
}

/** A page as read: its size, its text in PDF.js's shape, its pictures. */
interface OfdPage {
  area: Box;
  items: PdfTextItem[];
  images: PlacedImage[];
}

/**
 * The package's pages, each with its templates' text (page numbers, running heads) as well as
 * its own, and a way to its media (pictures) by resource ID. Refuses, in Chinese, a package that
 * is not an OFD or is incomplete.
 */
function readPackage(data: Uint8Array): { pages: OfdPage[]; media: (id: string) => Uint8Array | undefined } {
  if (!looksLikeZip(data)) throw new ImportError('不是 OFD 文件：OFD 文件是 zip 压缩包，这个文件不是（文件可能已损坏）');
  const pkg = new OfdPackage(data);
  if (!pkg.has('OFD.xml')) throw new ImportError('压缩包中没有 OFD.xml，不是 OFD 文件（Word 文件的扩展名应为 .docx）');
  const ofd = pkg.xml('OFD.xml', '入口文件');
  const docRoot = textOf(child(child(ofd, 'DocBody'), 'DocRoot')).trim();
  if (!docRoot) throw new ImportError('OFD.xml 中没有 DocBody/DocRoot（文档的入口）：OFD 文件不完整');
  const documentPath = normalizePath(docRoot);
  const document = pkg.xml(documentPath, 'OFD.xml 指向的文档');
  const documentFolder = folderOf(documentPath);
  const common = child(document, 'CommonData');
  const defaultArea = boxOf(textOf(child(child(common, 'PageArea'), 'PhysicalBox'))) ?? A4;
  const templates = new Map(children(common, 'TemplatePage').map((t) => [attr(t, 'ID') ?? '', t]));
  const pageRefs = children(child(document, 'Pages'), 'Page');
  if (!pageRefs.length) throw new ImportError('OFD 文件中没有页面（Document.xml 的 Pages 是空的）');

  // Composite units (reusable groups of objects) and media (pictures) live in the resource
  // files, each media file in its Res's BaseLoc folder; read only when used.
  const resourceFiles = [
    ...children(common, 'PublicRes').map((r) => resolveIn(pkg, textOf(r), documentPath, documentFolder)),
    ...children(common, 'DocumentRes').map((r) => resolveIn(pkg, textOf(r), documentPath, documentFolder)),
  ];
  const pageResourceFiles: string[] = [];
  let resources: { units: Units; media: Map<string, string> } | undefined;
  const loadResources = () => {
    if (!resources) {
      resources = { units: new Map(), media: new Map() };
      for (const path of [...resourceFiles, ...pageResourceFiles]) {
        if (!pkg.has(path)) continue;
        const res = pkg.xml(path, '资源文件');
        for (const group of children(res, 'CompositeGraphicUnits')) for (const unit of children(group, 'CompositeGraphicUnit')) resources.units.set(attr(unit, 'ID') ?? '', unit);
        const base = attr(res, 'BaseLoc') ?? '';
        for (const group of children(res, 'MultiMedias')) {
          for (const media of children(group, 'MultiMedia')) {
            const file = textOf(child(media, 'MediaFile')).trim();
            if (!file) continue;
            const inBase = resolveIn(pkg, base ? `${base.replace(/\/$/, '')}/${file}` : file, path, documentFolder);
            resources.media.set(attr(media, 'ID') ?? '', pkg.has(inBase) ? inBase : resolveIn(pkg, file, path, documentFolder));
          }
        }
      }
    }
    return resources;
  };
  const units = () => loadResources().units;

  const pages = pageRefs.map((pageRef, index): OfdPage => {
    const location = attr(pageRef, 'BaseLoc');
    if (!location) throw new ImportError(`第 ${index + 1} 页在 Document.xml 中没有写明位置（BaseLoc）：OFD 文件不完整`);
    const pagePath = resolveIn(pkg, location, documentPath, documentFolder);
    const page = pkg.xml(pagePath, `第 ${index + 1} 页的内容`);
    const area = boxOf(textOf(child(child(page, 'Area'), 'PhysicalBox'))) ?? defaultArea;
    for (const r of children(page, 'PageRes')) {
      pageResourceFiles.push(resolveIn(pkg, textOf(r), pagePath, documentFolder));
      resources = undefined;
    }
    const content: PageContent = { runs: [], images: [] };
    for (const use of children(page, 'Template')) {
      const template = templates.get(attr(use, 'TemplateID') ?? '');
      const templateLocation = attr(template, 'BaseLoc');
      if (!templateLocation) throw new ImportError(`第 ${index + 1} 页使用的模板 ${attr(use, 'TemplateID') ?? ''} 在 Document.xml 中没有定义：OFD 文件不完整`);
      const templatePath = resolveIn(pkg, templateLocation, documentPath, documentFolder);
      collectPage(pkg.xml(templatePath, `第 ${index + 1} 页的模板`), units, content);
    }
    collectPage(page, units, content);
    const k = PT_PER_MM;
    const items = content.runs.map(
      (run): PdfTextItem => ({ str: run.str, x: (run.x - area.x) * k, y: (area.y + area.height - run.y) * k, width: run.width * k, fontSize: run.size * k }),
    );
    return { area, items: withSpaces(items), images: content.images };
  });
  const media = (id: string) => {
    const path = loadResources().media.get(id);
    return path && pkg.has(path) ? pkg.bytes(path) : undefined;
  };
  return { pages, media };
}

/**
 * An OFD whose pages are pictures with no text: a scan. The reader refuses it with this error;
 * read-input.ts catches it and has the pictures recognised (ofdScanPdf, read-scan.ts).
 */
export class OfdScanError extends ImportError {
  constructor() {
    super('OFD 文件中没有文字，页面是图片：这是扫描件');
  }
}

/**
 * Every page's text items in PDF.js's shape, in page order: the page's own text and its
 * templates'. Refuses, in Chinese, a package that is not an OFD or is incomplete, and one with
 * no text (OfdScanError when its pages are pictures).
 */
export function ofdTextItems(data: Uint8Array): PdfTextItem[][] {
  const { pages } = readPackage(data);
  if (!pages.some((page) => page.items.some((item) => item.str.trim()))) {
    if (pages.some((page) => page.images.length)) throw new OfdScanError();
    throw new ImportError('OFD 文件中没有文字');
  }
  return pages.map((page) => page.items);
}

/**
 * A scanned OFD's pages as a PDF of their pictures, each where the OFD puts it, for the OCR that
 * reads scanned PDFs (read-scan.ts). Pictures in JPEG or PNG are taken; a scan in another format
 * (JBIG2, TIFF, BMP) is refused, saying which.
 */
export async function ofdScanPdf(data: Uint8Array): Promise<Uint8Array> {
  const { PDFDocument } = await import('pdf-lib');
  const { pages, media } = readPackage(data);
  const pdf = await PDFDocument.create();
  const k = PT_PER_MM;
  for (const page of pages) {
    const out = pdf.addPage([page.area.width * k, page.area.height * k]);
    for (const image of page.images) {
      const bytes = media(image.resourceId);
      if (!bytes) throw new ImportError(`扫描件的图片（资源 ${image.resourceId}）不在 OFD 文件中：文件不完整`);
      const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
      const png = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
      if (!jpeg && !png) throw new ImportError('OFD 扫描件的图片不是 JPEG 或 PNG（可能是 JBIG2、TIFF 或 BMP），暂不能识别：请导入扫描件的 PDF');
      const embedded = jpeg ? await pdf.embedJpg(bytes) : await pdf.embedPng(bytes);
      const { box } = image;
      out.drawImage(embedded, { x: (box.x - page.area.x) * k, y: (page.area.y + page.area.height - box.y - box.height) * k, width: box.width * k, height: box.height * k });
    }
  }
  return pdf.save();
}

/** A zip whose root holds OFD.xml is an OFD, whatever its name ends in. */
export function isOfdPackage(data: Uint8Array): boolean {
  if (!looksLikeZip(data)) return false;
  try {
    return zipDirectory(data, LABEL).some((entry) => normalizePath(entry.name).toLowerCase() === 'ofd.xml');
  } catch {
    return false;
  }
}

/** Reads an OFD into blocks through the PDF reader's layout rules. */
export function blocksFromOfd(data: Uint8Array): SourceBlock[] {
  return blocksFromPdfPages(ofdTextItems(data).map((page) => linesFromItems(page)));
}
