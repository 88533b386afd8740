/**
 * Prints pages of the built site to PDF with Playwright and Debian's Chromium: the page's own
 * print stylesheet decides everything (A4 from @page, hence preferCSSPageSize; red rules need
 * printBackground). Chromium embeds the fonts it used and writes a tagged PDF whose text keeps
 * the page's reading order; `outline` turns the headings into bookmarks.
 *
 * The open fonts are the renderer's, not the page's: it adds their @font-face rules to each page
 * before printing and serves their files from node_modules (scripts/print/fonts-css.ts), so that
 * no screen page pays for them. Chromium embeds the glyphs it used.
 *
 * The one thing CSS cannot do is put the 版记 at the foot of the last page. The page is measured
 * in the browser before it is printed (scripts/pdf/placement.ts: the print layout cut into
 * text-block-sized columns), the space before the 版记 set, and the page printed once; the PDF
 * is then read back to check that the 版记's last line lies where the measurement said. Where it
 * does not (a layout the columns do not reproduce), `correctClosingBlock` prints again, reading
 * where the 版记 landed each time, until it is on the foot.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chromiumLaunch } from '../lib/chromium.ts';
import { serveSite, SITE_ORIGIN, type ExtraPages } from './site-files.ts';
import { PRINT_FAMILIES, type PrintFonts } from '../print/fonts-css.ts';
import { readPdf, type PdfReading } from './pdf-text.ts';
import { measureClosingBlock, type PlacementInput } from './placement.ts';

const MM = 72 / 25.4;
/** GB/T 9704: 297 mm page, 37 mm top margin, 225 mm text block: its foot is 35 mm above the page's bottom edge. */
export const TEXT_BLOCK_FOOT_PT = 35 * MM;
/** Close enough: a tenth of a millimetre. */
export const TOLERANCE_PT = 0.3;
const PX_PER_MM = 96 / 25.4;
/** GB/T 9704's page, as print.css sets it: A4, 37 / 26 / 35 / 28 mm margins, a 156 × 225 mm text block. */
const PAGE_CSS = '@page{size:A4;margin:37mm 26mm 35mm 28mm}';

/**
 * The text block's height as Chromium's print lays it out, in CSS px: the tallest block that
 * still prints on one page (to 1/64 px, Chromium's layout unit). Not 225 mm: the print lays the
 * page out in whole pixels and scales it to the paper.
 */
async function measurePrintBlock(context: BrowserContext): Promise<number> {
  const page = await context.newPage();
  try {
    await page.setContent(`<!doctype html><style>${PAGE_CSS}html,body{margin:0;padding:0}div{height:0}</style><div></div>`);
    const fits = async (px: number) => {
      await page.evaluate((height) => (document.querySelector('div')!.style.height = `${height}px`), px);
      return (await readPdf(await page.pdf({ preferCSSPageSize: true }), { text: false })).pages === 1;
    };
    let low = 225 * PX_PER_MM * 0.98;
    let high = 225 * PX_PER_MM * 1.02;
    if (!(await fits(low)) || (await fits(high))) return 225 * PX_PER_MM;
    while (high - low > 1 / 64) {
      const middle = (low + high) / 2;
      if (await fits(middle)) low = middle;
      else high = middle;
    }
    return low;
  } finally {
    await page.close();
  }
}

function placementInput(blockHeightPx: number): PlacementInput {
  const layoutScale = blockHeightPx / (225 * PX_PER_MM);
  return {
    blockWidthPx: 156 * PX_PER_MM * layoutScale,
    blockHeightPx,
    layoutScale,
    // A hair above the foot: a 版记 that reached past it by a fraction of a pixel would go over.
    aimPt: 0.05,
    tolerancePt: 0.15,
    maxShrink: 2,
  };
}

/** A page that could not be printed: the message names it. */
export class PdfRenderError extends Error {
  override name = 'PdfRenderError';
}

export interface RenderOptions {
  /** The folio of the first page (a bound volume's issues continue the volume's numbering). */
  firstFolio?: number;
  /** Space put before the 版记, in points; measured when `closingBlock` is set and this is not. */
  closingOffsetPt?: number | undefined;
  /** Whether the page ends with a 版记 to move to the foot of its last page. */
  closingBlock?: boolean;
  /** Whether that last page must be an even one (a 公文's: placement.ts evenLastPage). */
  evenLastPage?: boolean;
}

export interface Rendered {
  pdf: Uint8Array;
  pages: number;
  /** Each page's text; empty for a print whose text is known already (a bound volume's copy). */
  pageTexts: string[];
  /** The space put before the 版记 (points), if the page has one. */
  closingOffsetPt: number | undefined;
  /** How the 版记 was placed: measured before the one print, or corrected by printing again. */
  placement?: 'measured' | 'corrected';
  /** Chromium prints of this render. */
  prints: number;
  /** Seconds from opening the page to its PDF. */
  seconds?: number;
}

export interface RenderedWithCopy extends Rendered {
  /** The second print with other folios that `render`'s `copyWith` asked for. */
  copy?: { firstFolio: number; rendered: Rendered };
}

export class PdfRenderer {
  private readonly browser: Browser;
  private readonly context: BrowserContext;
  /** Pages served beside the site: a bound volume's front matter. */
  readonly extraPages: ExtraPages;
  private readonly fonts: PrintFonts;
  /** The print's text block, measured when a first 版记 is placed (a run served from the cache needs none). */
  private placement: Promise<PlacementInput> | undefined;
  private constructor(browser: Browser, context: BrowserContext, extraPages: ExtraPages, fonts: PrintFonts) {
    this.browser = browser;
    this.context = context;
    this.extraPages = extraPages;
    this.fonts = fonts;
  }

  /** `fonts`: the @font-face rules added to every page and the files they name. */
  static async start(siteDir: string, fonts: PrintFonts): Promise<PdfRenderer> {
    const browser = await chromium.launch(chromiumLaunch);
    // The text block is 156 mm wide: at that viewport the page lays out as on paper.
    const context = await browser.newContext({ viewport: { width: 590, height: 850 }, locale: 'zh-CN', javaScriptEnabled: true });
    const extra: ExtraPages = new Map();
    await serveSite(context, siteDir, extra, fonts.files);
    return new PdfRenderer(browser, context, extra, fonts);
  }

  /** What a render depends on besides the page: the browser and the fonts. */
  version(): string {
    return `${this.browser.version()}\0${this.fonts.identity}`;
  }

  async close(): Promise<void> {
    await this.context.close();
    await this.browser.close();
  }

  /**
   * Prints the page at `path` (e.g. /bulletins/2017-02/). `copyWith`, if given, is asked once
   * the page is printed for the first folio of a second print of it (a bound volume's copy, whose
   * folios continue the volume's): the page, open and laid out, is printed again with only its
   * folios changed, instead of being opened anew later. It answers undefined for no copy.
   */
  async render(path: string, options: RenderOptions = {}, copyWith?: (first: Rendered) => Promise<number | undefined>): Promise<RenderedWithCopy> {
    const page = await this.context.newPage();
    try {
      const start = performance.now();
      await this.open(page, path);
      if (options.firstFolio && options.firstFolio !== 1) await setFirstFolio(page, options.firstFolio);
      let rendered: Rendered;
      if (!options.closingBlock) rendered = await this.print(page, path, undefined);
      // The same page printed before with this space (a bound volume's copy with its own folios):
      // its text was read then.
      else if (options.closingOffsetPt !== undefined) rendered = await this.print(page, path, options.closingOffsetPt, { text: false });
      else rendered = await this.placeClosingBlock(page, path, options.evenLastPage ?? false);
      rendered = { ...rendered, seconds: (performance.now() - start) / 1000 };
      const firstFolio = copyWith && !options.firstFolio ? await copyWith(rendered) : undefined;
      if (firstFolio === undefined || firstFolio === 1) return rendered;
      const copyStart = performance.now();
      await setFirstFolio(page, firstFolio);
      const copy = await this.print(page, path, rendered.closingOffsetPt, { text: false });
      return { ...rendered, copy: { firstFolio, rendered: { ...copy, pageTexts: [], seconds: (performance.now() - copyStart) / 1000 } } };
    } finally {
      await page.close();
    }
  }

  private async open(page: Page, path: string): Promise<void> {
    let response;
    try {
      response = await page.goto(new URL(path, SITE_ORIGIN).href, { waitUntil: 'load' });
    } catch (error) {
      throw new PdfRenderError(`${path}：页面无法打开（${(error as Error).message.split('\n')[0]}）`);
    }
    if (!response || !response.ok()) throw new PdfRenderError(`${path}：页面无法打开（HTTP ${response?.status() ?? '无响应'}）`);
    await page.emulateMedia({ media: 'print' });
    await page.addStyleTag({ content: this.fonts.css });
    const fonts = await page.evaluate(async (families) => {
      // Layout in print media decides which font slices are needed; the page numbers in the
      // margin boxes are not in the DOM, so their glyphs are asked for by hand, and so are those
      // of a document's status mark (src/lib/policy/status.ts: its page carries the line in
      // data-print-mark), which would otherwise print as nothing.
      void document.body.getBoundingClientRect();
      const margins = `— 0123456789${[...document.querySelectorAll('[data-print-mark]')].map((e) => e.getAttribute('data-print-mark')).join('')}`;
      await Promise.all(families.map((family) => document.fonts.load(`14pt "${family}"`, margins).catch(() => [])));
      await document.fonts.ready;
      const faces = [...document.fonts];
      return { failed: faces.filter((f) => f.status === 'error').map((f) => f.family), loaded: faces.filter((f) => f.status === 'loaded').length };
    }, PRINT_FAMILIES);
    if (fonts.failed.length) throw new PdfRenderError(`${path}：字体加载失败（${[...new Set(fonts.failed)].join('、')}）`);
    if (fonts.loaded === 0) throw new PdfRenderError(`${path}：没有加载任何打印字体（${PRINT_FAMILIES.join('、')}）`);
  }

  private async print(page: Page, path: string, closingOffsetPt: number | undefined, read = { text: true }): Promise<Rendered & { reading: PdfReading }> {
    if (closingOffsetPt !== undefined) await setClosingOffset(page, closingOffsetPt);
    let pdf: Uint8Array;
    try {
      pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    } catch (error) {
      throw new PdfRenderError(`${path}：打印失败（${(error as Error).message.split('\n')[0]}）`);
    }
    const reading = await readPdf(pdf, read);
    if (read.text) {
      // The folios are drawn on every page whatever the page holds: they do not count as text.
      const content = reading.pageTexts.map((text) => text.replace(/—\s*\d+\s*—/g, '').trim());
      if (reading.pages === 0 || content.every((text) => text === '')) {
        throw new PdfRenderError(`${path}：生成的 PDF 是空白的（${reading.pages} 页，没有文字）`);
      }
    } else if (reading.pages === 0) {
      throw new PdfRenderError(`${path}：生成的 PDF 是空白的（0 页）`);
    }
    return { pdf, pages: reading.pages, pageTexts: reading.pageTexts, closingOffsetPt, reading, prints: 1 };
  }

  /**
   * Measures where the 版记 falls before printing (placement.ts), sets the space before it and
   * prints once; checks in the PDF that its last line is where the measurement put it, and
   * corrects by printing again (`correctClosingBlock`) only where it is not.
   */
  private async placeClosingBlock(page: Page, path: string, evenLastPage: boolean): Promise<Rendered> {
    this.placement ??= measurePrintBlock(this.context).then(placementInput);
    const plan = await page.evaluate(measureClosingBlock, { ...(await this.placement), evenLastPage });
    if ('error' in plan) {
      if (plan.error === 'no-closing-block') throw new PdfRenderError(`${path}：页面没有版记（.closing-block）`);
      return this.correctClosingBlock(page, path, plan.ruleBelowBaselinePt, 0);
    }
    // An even last page the text does not reach: the 版记 on a page of its own (placement.ts).
    if (plan.newPage) await page.evaluate(() => document.documentElement.setAttribute('data-closing-page', 'new'));
    const rendered = await this.print(page, path, plan.offsetPt);
    const baseline = rendered.reading.lowestBaseline(rendered.pages, TEXT_BLOCK_FOOT_PT - 8);
    const off = baseline === undefined ? Infinity : baseline - plan.ruleBelowBaselinePt - TEXT_BLOCK_FOOT_PT;
    // Chromium draws a line's text on a whole pixel (0.75 pt), its rules where they fall: the
    // 版记's last line may lie that much off the measured position with its rule on the foot.
    if (rendered.pages === plan.pages && Math.abs(off) <= TOLERANCE_PT + 0.75 / plan.scale) return { ...rendered, placement: 'measured' };
    if (plan.newPage) await page.evaluate(() => document.documentElement.removeAttribute('data-closing-page'));
    return this.correctClosingBlock(page, path, plan.ruleBelowBaselinePt, 1);
  }

  /**
   * The fallback: renders, finds how far the 版记's bottom rule is above the foot of the text
   * block, and renders again with that much space before it; repeated while it is off by more
   * than the tolerance.
   * The 版记 need not move one for one with the space (a gap that spans a page break, a page that
   * starts with a forced break, as a policy's last 附件 does): each render measures how far it
   * moved, and an offset that pushes it onto a page of its own is never kept, only halved towards
   * the last good one. `ruleBelowBaselinePt`: the 版记's bottom rule below its last baseline, as
   * placement.ts measured it.
   */
  private async correctClosingBlock(page: Page, path: string, ruleBelowBaselinePt: number, printedBefore: number): Promise<Rendered> {
    const baselineOf = (rendered: Rendered & { reading: PdfReading }) => {
      const baseline = rendered.reading.lowestBaseline(rendered.pages, TEXT_BLOCK_FOOT_PT - 8);
      if (baseline === undefined) throw new PdfRenderError(`${path}：在最后一页找不到版记`);
      return baseline;
    };
    let prints = printedBefore + 1;
    let good = { offset: 0, rendered: await this.print(page, path, 0) };
    let goodBaseline = baselineOf(good.rendered);
    const pages = good.rendered.pages;
    /** How far the 版记 moves down per point of space before it. */
    let rate = 1;
    /** The least offset known to push the 版记 onto a page of its own. */
    let tooFar = Infinity;
    for (let attempt = 0; attempt < 6; attempt++) {
      const gap = goodBaseline - ruleBelowBaselinePt - TEXT_BLOCK_FOOT_PT;
      if (Math.abs(gap) <= TOLERANCE_PT) break;
      let offset = Math.max(0, good.offset + (gap - TOLERANCE_PT / 2) / rate);
      if (offset >= tooFar) offset = (good.offset + tooFar) / 2;
      const next = await this.print(page, path, offset);
      prints += 1;
      if (next.pages !== pages) {
        tooFar = offset;
        continue;
      }
      const baseline = baselineOf(next);
      const moved = goodBaseline - baseline;
      if (offset !== good.offset && moved > 0) rate = moved / (offset - good.offset);
      good = { offset, rendered: next };
      goodBaseline = baseline;
    }
    return { ...good.rendered, placement: 'corrected', prints };
  }
}

/** The page counter starts at 0 and each page adds 1; the first page adds the folio instead. */
async function setFirstFolio(page: Page, firstFolio: number): Promise<void> {
  await page.addStyleTag({ content: `@page :first { counter-increment: page ${firstFolio}; }` });
}

async function setClosingOffset(page: Page, offsetPt: number): Promise<void> {
  await page.evaluate((value) => document.documentElement.style.setProperty('--closing-block-offset', value), `${offsetPt.toFixed(2)}pt`);
}
