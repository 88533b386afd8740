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
 * The one thing CSS cannot do is put the 版记 at the foot of the last page: `placeClosingBlock`
 * renders, reads where the 版记's last line landed, and renders again with the gap filled.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chromiumLaunch } from '../../playwright.config.ts';
import { serveSite, SITE_ORIGIN, type ExtraPages } from './site-files.ts';
import { PRINT_FAMILIES, type PrintFonts } from '../print/fonts-css.ts';
import { readPdf, type PdfReading } from './pdf-text.ts';

const MM = 72 / 25.4;
/** GB/T 9704: 297 mm page, 37 mm top margin, 225 mm text block: its foot is 35 mm above the page's bottom edge. */
export const TEXT_BLOCK_FOOT_PT = 35 * MM;
/** Close enough: a tenth of a millimetre. */
const TOLERANCE_PT = 0.3;

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
}

export interface Rendered {
  pdf: Uint8Array;
  pages: number;
  pageTexts: string[];
  /** The space put before the 版记 (points), if the page has one. */
  closingOffsetPt: number | undefined;
}

export class PdfRenderer {
  private readonly browser: Browser;
  private readonly context: BrowserContext;
  /** Pages served beside the site: a bound volume's front matter. */
  readonly extraPages: ExtraPages;
  private readonly fonts: PrintFonts;
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

  /** Prints the page at `path` (e.g. /bulletins/2017-02/). */
  async render(path: string, options: RenderOptions = {}): Promise<Rendered> {
    const page = await this.context.newPage();
    try {
      await this.open(page, path);
      if (options.firstFolio && options.firstFolio !== 1) {
        // The page counter starts at 0 and each page adds 1; the first page adds the folio instead.
        await page.addStyleTag({ content: `@page :first { counter-increment: page ${options.firstFolio}; }` });
      }
      if (!options.closingBlock) return await this.print(page, path, undefined);
      if (options.closingOffsetPt !== undefined) return await this.print(page, path, options.closingOffsetPt);
      return await this.placeClosingBlock(page, path);
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
      // margin boxes are not in the DOM, so their glyphs are asked for by hand.
      void document.body.getBoundingClientRect();
      await Promise.all(families.map((family) => document.fonts.load(`14pt "${family}"`, '— 0123456789').catch(() => [])));
      await document.fonts.ready;
      const faces = [...document.fonts];
      return { failed: faces.filter((f) => f.status === 'error').map((f) => f.family), loaded: faces.filter((f) => f.status === 'loaded').length };
    }, PRINT_FAMILIES);
    if (fonts.failed.length) throw new PdfRenderError(`${path}：字体加载失败（${[...new Set(fonts.failed)].join('、')}）`);
    if (fonts.loaded === 0) throw new PdfRenderError(`${path}：没有加载任何打印字体（${PRINT_FAMILIES.join('、')}）`);
  }

  private async print(page: Page, path: string, closingOffsetPt: number | undefined): Promise<Rendered & { reading: PdfReading }> {
    if (closingOffsetPt !== undefined) await setClosingOffset(page, closingOffsetPt);
    let pdf: Uint8Array;
    try {
      pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    } catch (error) {
      throw new PdfRenderError(`${path}：打印失败（${(error as Error).message.split('\n')[0]}）`);
    }
    const reading = await readPdf(pdf);
    // The folios are drawn on every page whatever the page holds: they do not count as text.
    const content = reading.pageTexts.map((text) => text.replace(/—\s*\d+\s*—/g, '').trim());
    if (reading.pages === 0 || content.every((text) => text === '')) {
      throw new PdfRenderError(`${path}：生成的 PDF 是空白的（${reading.pages} 页，没有文字）`);
    }
    return { pdf, pages: reading.pages, pageTexts: reading.pageTexts, closingOffsetPt, reading };
  }

  /**
   * Renders, finds how far the 版记's bottom rule is above the foot of the text block, and renders
   * again with that much space before it; repeated while it is off by more than the tolerance.
   * The 版记 need not move one for one with the space (a gap that spans a page break, a page that
   * starts with a forced break, as a policy's last 附件 does): each render measures how far it
   * moved, and an offset that pushes it onto a page of its own is never kept, only halved towards
   * the last good one.
   */
  private async placeClosingBlock(page: Page, path: string): Promise<Rendered> {
    const ruleBelowBaselinePt = await page.evaluate(() => {
      const block = document.querySelector('.closing-block');
      if (!block) return undefined;
      let last: Element = block;
      while (last.lastElementChild) last = last.lastElementChild;
      const probe = document.createElement('span');
      probe.style.cssText = 'display:inline-block;width:0;height:0;';
      last.append(probe);
      // An empty inline-block's bottom is its line's baseline.
      const gap = block.getBoundingClientRect().bottom - probe.getBoundingClientRect().bottom;
      probe.remove();
      return gap * 0.75;
    });
    if (ruleBelowBaselinePt === undefined) throw new PdfRenderError(`${path}：页面没有版记（.closing-block）`);
    const baselineOf = (rendered: Rendered & { reading: PdfReading }) => {
      const baseline = rendered.reading.lowestBaseline(rendered.pages, TEXT_BLOCK_FOOT_PT - 8);
      if (baseline === undefined) throw new PdfRenderError(`${path}：在最后一页找不到版记`);
      return baseline;
    };
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
    return good.rendered;
  }
}

async function setClosingOffset(page: Page, offsetPt: number): Promise<void> {
  await page.evaluate((value) => document.documentElement.style.setProperty('--closing-block-offset', value), `${offsetPt.toFixed(2)}pt`);
}
