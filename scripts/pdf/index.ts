/**
 * The `pdf` build stage: renders one PDF per issue and per policy page of the edition, and a
 * bound volume (合订本) per year, into <site>/pdf/, then fills in the pages' PDF sizes. It reads
 * what to render from the build data's print manifest (src/lib/build-data.ts): in the staged site
 * during a build, beside a built site's folder once it is published. Runs alone on a built directory too:
 *
 *   node scripts/pdf/index.ts [--dir dist] [--cache .build/cache/public/pdf] [--concurrency 2]
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Stage } from '../build/stages.ts';
import type { PrintDocument, PrintManifest, PrintVolume } from '../../src/lib/print-manifest.ts';
import { PRINT_MANIFEST_FILE } from '../../src/lib/build-data.ts';
import { buildDataDirFor } from '../build/build-data-stage.ts';
import { emptyPdfFacts, type PdfFileFacts } from '../../src/lib/pdf-facts.ts';
import { KIND_LABELS } from '../../src/lib/kinds.ts';
import { locateHeadlines, planVolume } from '../../src/lib/bound-volume.ts';
import { InputHasher, linkedStylesheets, PdfCache, sourcesHash } from './cache.ts';
import { PdfRenderer, PdfRenderError, type Rendered, type RenderOptions } from './render.ts';
import { withProperties, type PdfProperties } from './metadata.ts';
import { fileForPath } from '../lib/files.ts';
import { volumeFrontHtml, type ContentsIssue } from './volume-front.ts';
import { bindVolume } from './volume.ts';
import { fillSiteFacts } from './fill-facts.ts';
import { buildPrintFonts, type PrintFonts } from '../print/fonts-css.ts';

interface RenderInfo {
  pages: number;
  pageTexts: string[];
  closingOffsetPt: number | undefined;
}

export interface PdfRunReport {
  documents: number;
  volumes: number;
  /** Pages printed by Chromium in this run (cache misses). */
  rendered: number;
  /** Renders taken from the cache. */
  cached: number;
  /** Pages of all PDFs rendered in this run. */
  renderedPages: number;
  /** Seconds spent printing (cache misses only). */
  renderSeconds: number;
  /** Page count and size of every PDF, by URL. */
  facts: Map<string, PdfFileFacts>;
  /**
   * Each render of this run: the page, its page count, the seconds it took and Chromium's prints;
   * `copy` for an issue's second print with its volume's folios, made while its page was open.
   */
  timings: Array<{ page: string; pages: number; seconds: number; prints: number; copy?: boolean }>;
  /** Pages whose 版记 the measurement did not place, so that it was printed again until it was. */
  corrected: string[];
}

export interface PdfRunOptions {
  siteDir: string;
  cacheDir: string;
  /** Pages printed at once; Chromium is CPU-bound, so about the number of cores. */
  concurrency?: number;
  log?: (line: string) => void;
  /** The fonts added to every page; by default built from this project's font packages. */
  fonts?: PrintFonts;
}

/** What the rendering runs besides scripts/pdf/ (all of which is in the cache key): the browser's flags, the fonts' rules, serving. */
const RENDER_SOURCES = ['../lib/chromium.ts', '../lib/files.ts', '../print/fonts-css.ts'].map((file) => resolve(import.meta.dirname, file));

function projectFonts(): PrintFonts {
  try {
    return buildPrintFonts(resolve(import.meta.dirname, '../..'));
  } catch (error) {
    throw new PdfRenderError((error as Error).message);
  }
}

export async function renderSitePdfs(options: PdfRunOptions): Promise<PdfRunReport> {
  const siteDir = resolve(options.siteDir);
  // Inside the site while it is being built; beside it (.build-data/) once it is published.
  const staged = join(siteDir, PRINT_MANIFEST_FILE);
  const manifestFile = existsSync(staged) ? staged : join(buildDataDirFor(siteDir), basename(PRINT_MANIFEST_FILE));
  let manifest: PrintManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as PrintManifest;
  } catch (error) {
    throw new PdfRenderError(`${manifestFile}：无法读取 PDF 清单（${(error as Error).message}）。请先构建网站。`);
  }
  const renderer = await PdfRenderer.start(siteDir, options.fonts ?? projectFonts());
  const report: PdfRunReport = { documents: 0, volumes: 0, rendered: 0, cached: 0, renderedPages: 0, renderSeconds: 0, facts: new Map(), timings: [], corrected: [] };
  try {
    const hasher = new InputHasher(siteDir, `${sourcesHash(import.meta.dirname, RENDER_SOURCES)}\0${renderer.version()}`);
    const cache = new PdfCache<RenderInfo>(options.cacheDir);

    const htmlOf = (page: string) => {
      const file = fileForPath(siteDir, page);
      try {
        return emptyPdfFacts(readFileSync(file!, 'utf8'));
      } catch {
        throw new PdfRenderError(`${page}：页面不存在（${file}），无法生成 PDF`);
      }
    };
    const folios = new VolumeFolios(manifest.volumes);
    /** Renders made in this run, by key: a volume's copy printed with its issue is no cache hit. */
    const made = new Map<string, { pdf: Uint8Array; info: RenderInfo }>();
    const keyOf = (html: string, render: RenderOptions, properties: PdfProperties | undefined) => hasher.keyFor(html, { render, properties });
    const count = (page: string, rendered: Rendered, seconds: number, copy: boolean) => {
      report.renderSeconds += seconds;
      report.timings.push({ page, pages: rendered.pages, seconds, prints: rendered.prints, ...(copy ? { copy } : {}) });
      if (rendered.placement === 'corrected') report.corrected.push(page);
      report.rendered += 1;
      report.renderedPages += rendered.pages;
      const note = rendered.placement === 'corrected' ? `（版记经 ${rendered.prints} 次打印校正）` : copy ? '（合订本页码）' : '';
      options.log?.(`${page} → ${rendered.pages} 页，${seconds.toFixed(1)} s${note}`);
    };
    /**
     * Renders (or takes from the cache) one page with one set of options. `issue`: the page is
     * that issue of a bound volume, whose copy with the volume's folios is printed with it.
     */
    const renderCached = async (page: string, html: string, render: RenderOptions, properties: PdfProperties | undefined, issue?: PrintDocument) => {
      const key = keyOf(html, render, properties);
      const fresh = made.get(key);
      if (fresh) return { key, ...fresh };
      const hit = cache.get(key);
      if (hit) {
        report.cached += 1;
        return { key, pdf: hit.pdf, info: hit.info };
      }
      let copyKey: string | undefined;
      const copyWith = issue
        ? async (first: Rendered) => {
            folios.known(issue.pdf, first.pages);
            const firstFolio = await folios.firstFolio(issue.pdf);
            if (firstFolio === undefined || firstFolio === 1) return undefined;
            copyKey = keyOf(html, volumeCopyOptions(issue, first, firstFolio), undefined);
            return cache.has(copyKey) ? undefined : firstFolio;
          }
        : undefined;
      const rendered = await renderer.render(page, render, copyWith);
      const propertiesStart = performance.now();
      const pdf = properties ? await withProperties(rendered.pdf, properties) : rendered.pdf;
      count(page, rendered, rendered.seconds! + (performance.now() - propertiesStart) / 1000, false);
      const info: RenderInfo = { pages: rendered.pages, pageTexts: rendered.pageTexts, closingOffsetPt: rendered.closingOffsetPt };
      cache.put(key, { pdf, info });
      made.set(key, { pdf, info });
      if (rendered.copy && copyKey) {
        const copy = rendered.copy.rendered;
        count(page, copy, copy.seconds!, true);
        const copyInfo: RenderInfo = { pages: copy.pages, pageTexts: [], closingOffsetPt: copy.closingOffsetPt };
        cache.put(copyKey, { pdf: copy.pdf, info: copyInfo });
        made.set(copyKey, { pdf: copy.pdf, info: copyInfo });
      }
      return { key, pdf, info };
    };
    const write = (url: string, pdf: Uint8Array, pages: number) => {
      const file = fileForPath(siteDir, url)!;
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, pdf);
      report.facts.set(url, { pages, bytes: statSync(file).size });
    };
    const propertiesOf = (doc: PrintDocument): PdfProperties => ({
      title: doc.title,
      author: manifest.author,
      subject: doc.subject,
      keywords: doc.keywords,
      date: doc.date,
    });

    // One PDF per document, a few at a time.
    const results = new Map<string, RenderResult>();
    const queue = [...manifest.documents];
    const worker = async () => {
      for (let doc = queue.shift(); doc; doc = queue.shift()) {
        const html = htmlOf(doc.page);
        // A 公文's 版记 stands on an even last page (GB/T 9704 §7.4); a bulletin's shares the page of its last article.
        const { pdf, info } = await renderCached(doc.page, html, { closingBlock: doc.closingBlock, ...(doc.kind === 'policy' ? { evenLastPage: true } : {}) }, propertiesOf(doc), folios.has(doc.pdf) ? doc : undefined);
        folios.known(doc.pdf, info.pages);
        write(doc.pdf, pdf, info.pages);
        results.set(doc.pdf, { html, info, pdf });
        report.documents += 1;
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
    } catch (error) {
      // No worker waits on for an issue that will not come.
      folios.fail(error);
      queue.length = 0;
      throw error;
    }

    for (const volume of manifest.volumes) {
      await bindYear(volume, manifest, results, { htmlOf, renderCached, write, renderer, siteDir });
      report.volumes += 1;
    }
    const pruned = cache.prune();
    if (pruned) options.log?.(`缓存：删除 ${pruned} 个过期文件`);
  } finally {
    await renderer.close();
  }
  return report;
}

/** How an issue is printed for its volume: as on its own (the same 版记 space), with the volume's folios. */
function volumeCopyOptions(doc: PrintDocument, own: { closingOffsetPt: number | undefined }, firstFolio: number): RenderOptions {
  return { closingBlock: doc.closingBlock, closingOffsetPt: own.closingOffsetPt, firstFolio };
}

/**
 * The first folio of each issue in its year's volume (planVolume), known as soon as every issue
 * before it in that year has its page count, so that an issue's copy for the volume can be
 * printed while its page is open. Issues are rendered oldest first, so an issue waits at most
 * for those being printed beside it.
 */
class VolumeFolios {
  private readonly places = new Map<string, { counts: PromiseWithResolvers<number>[]; index: number }>();
  constructor(volumes: readonly PrintVolume[]) {
    for (const volume of volumes) {
      const counts = volume.issues.map(() => {
        const known = Promise.withResolvers<number>();
        known.promise.catch(() => {});
        return known;
      });
      volume.issues.forEach((issue, index) => this.places.set(issue.pdf, { counts, index }));
    }
  }
  has(pdf: string): boolean {
    return this.places.has(pdf);
  }
  known(pdf: string, pages: number): void {
    const place = this.places.get(pdf);
    place?.counts[place.index]!.resolve(pages);
  }
  async firstFolio(pdf: string): Promise<number | undefined> {
    const place = this.places.get(pdf);
    if (!place) return undefined;
    const before = await Promise.all(place.counts.slice(0, place.index).map((known) => known.promise));
    return planVolume([...before, 1]).parts[place.index]!.firstFolio;
  }
  fail(error: unknown): void {
    for (const { counts } of this.places.values()) for (const known of counts) known.reject(error);
  }
}

interface VolumeTools {
  htmlOf: (page: string) => string;
  renderCached: (page: string, html: string, render: RenderOptions, properties: PdfProperties | undefined) => Promise<{ pdf: Uint8Array; info: RenderInfo }>;
  write: (url: string, pdf: Uint8Array, pages: number) => void;
  renderer: PdfRenderer;
  siteDir: string;
}

interface RenderResult {
  html: string;
  info: RenderInfo;
  pdf: Uint8Array;
}

async function bindYear(volume: PrintVolume, manifest: PrintManifest, results: Map<string, RenderResult>, tools: VolumeTools) {
  const issues = volume.issues.map((issue) => {
    const doc = manifest.documents.find((d) => d.pdf === issue.pdf);
    const result = results.get(issue.pdf);
    if (!doc || !result) throw new PdfRenderError(`${volume.pdf}：合订本中的 ${issue.pdf} 未生成`);
    return { issue, doc, ...result };
  });
  const plan = planVolume(issues.map(({ info }) => info.pages));
  const parts = [];
  const contents: ContentsIssue[] = [];
  for (const [i, { issue, doc, html, info, pdf: ownPdf }] of issues.entries()) {
    const { firstFolio, blankBefore } = plan.parts[i]!;
    // The same page, the same 版记 position, only the folios continue the volume's.
    const { pdf } = firstFolio === 1 ? { pdf: ownPdf } : await tools.renderCached(doc.page, html, volumeCopyOptions(doc, info, firstFolio), undefined);
    parts.push({ pdf, blankBefore, bookmark: `${issue.number}（${issue.serial}）` });
    const headlinePages = locateHeadlines(info.pageTexts, issue.headlines);
    contents.push({
      number: issue.number,
      serial: issue.serial,
      date: issue.date,
      firstFolio,
      headlines: issue.headlines.map((title, h) => ({ title, folio: firstFolio + headlinePages[h]! - 1 })),
    });
  }
  const stylesheets = linkedStylesheets(issues[0]!.html);
  const frontPath = `/pdf/volumes/${volume.year}-front/`;
  const frontHtml = volumeFrontHtml(volume, contents, stylesheets);
  tools.renderer.extraPages.set(frontPath, frontHtml);
  const front = await tools.renderCached(frontPath, frontHtml, {}, undefined);
  const last = issues.at(-1)!;
  const bound = await bindVolume(front.pdf, parts, {
    title: volume.title,
    author: manifest.author,
    subject: `${volume.year}年合订本，共${issues.length}期：${issues.map(({ issue }) => issue.number).join('、')}`,
    keywords: [KIND_LABELS.article, '合订本', `${volume.year}年`],
    date: last.doc.date,
  });
  tools.write(volume.pdf, bound.pdf, bound.pages);
}

export const pdfStage: Stage = {
  name: 'pdf',
  async run({ stagingDir, cacheDir }) {
    const report = await renderSitePdfs({ siteDir: stagingDir, cacheDir: join(cacheDir, 'pdf') });
    fillSiteFacts(stagingDir, report.facts);
    return `${report.documents} 个 PDF、${report.volumes} 册合订本；渲染 ${report.rendered} 次（${report.renderedPages} 页，${report.renderSeconds.toFixed(1)} s），缓存命中 ${report.cached} 次`;
  },
};

async function main() {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      cache: { type: 'string' },
      concurrency: { type: 'string', default: '2' },
    },
  });
  const siteDir = resolve(values.dir!);
  const cacheDir = resolve(values.cache ?? join('.build', 'cache', siteDir.endsWith('dist-internal') ? 'internal' : 'public', 'pdf'));
  try {
    const report = await renderSitePdfs({ siteDir, cacheDir, concurrency: Number(values.concurrency), log: (line) => console.log(`[pdf] ${line}`) });
    fillSiteFacts(siteDir, report.facts);
    console.log(`[pdf] ${report.documents} 个 PDF、${report.volumes} 册合订本：渲染 ${report.rendered} 次，缓存命中 ${report.cached} 次`);
  } catch (error) {
    console.error(error instanceof PdfRenderError ? error.message : error);
    console.error('PDF 生成失败。');
    process.exitCode = 1;
  }
}

if (import.meta.main) await main();
