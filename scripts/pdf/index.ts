/**
 * The `pdf` build stage: renders one PDF per issue and per policy page of the edition, and a
 * bound volume (合订本) per year, into <site>/pdf/, then fills in the pages' PDF sizes. It reads
 * what to render from the site's /pdf/manifest.json. Runs alone on a built directory too:
 *
 *   node scripts/pdf/index.ts [--dir dist] [--cache .build/cache/public/pdf] [--concurrency 2]
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Stage } from '../build/stages.ts';
import type { PrintDocument, PrintManifest, PrintVolume } from '../../src/lib/print-manifest.ts';
import { PRINT_MANIFEST_URL } from '../../src/lib/urls.ts';
import { emptyPdfFacts, type PdfFileFacts } from '../../src/lib/pdf-facts.ts';
import { KIND_LABELS } from '../../src/lib/kinds.ts';
import { locateHeadlines, planVolume } from '../../src/lib/bound-volume.ts';
import { InputHasher, linkedStylesheets, PdfCache, sourcesHash } from './cache.ts';
import { PdfRenderer, PdfRenderError, type RenderOptions } from './render.ts';
import { withProperties, type PdfProperties } from './metadata.ts';
import { fileForPath } from '../lib/files.ts';
import { volumeFrontHtml, type ContentsIssue } from './volume-front.ts';
import { bindVolume } from './volume.ts';
import { fillSiteFacts } from './facts.ts';
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
  /** Each render of this run: the page, its page count and the seconds it took. */
  timings: Array<{ page: string; pages: number; seconds: number }>;
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

function projectFonts(): PrintFonts {
  try {
    return buildPrintFonts(resolve(import.meta.dirname, '../..'));
  } catch (error) {
    throw new PdfRenderError((error as Error).message);
  }
}

export async function renderSitePdfs(options: PdfRunOptions): Promise<PdfRunReport> {
  const siteDir = resolve(options.siteDir);
  const manifestFile = fileForPath(siteDir, PRINT_MANIFEST_URL)!;
  let manifest: PrintManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as PrintManifest;
  } catch (error) {
    throw new PdfRenderError(`${manifestFile}：无法读取 PDF 清单（${(error as Error).message}）。请先构建网站。`);
  }
  const renderer = await PdfRenderer.start(siteDir, options.fonts ?? projectFonts());
  const report: PdfRunReport = { documents: 0, volumes: 0, rendered: 0, cached: 0, renderedPages: 0, renderSeconds: 0, facts: new Map(), timings: [] };
  try {
    const hasher = new InputHasher(siteDir, `${sourcesHash(import.meta.dirname)}\0${renderer.version()}`);
    const cache = new PdfCache<RenderInfo>(options.cacheDir);

    const htmlOf = (page: string) => {
      const file = fileForPath(siteDir, page);
      try {
        return emptyPdfFacts(readFileSync(file!, 'utf8'));
      } catch {
        throw new PdfRenderError(`${page}：页面不存在（${file}），无法生成 PDF`);
      }
    };
    /** Renders (or takes from the cache) one page with one set of options. */
    const renderCached = async (page: string, html: string, render: RenderOptions, properties: PdfProperties | undefined) => {
      const key = hasher.keyFor(html, { render, properties });
      const hit = cache.get(key);
      if (hit) {
        report.cached += 1;
        return { key, pdf: hit.pdf, info: hit.info };
      }
      const start = performance.now();
      const rendered = await renderer.render(page, render);
      const pdf = properties ? await withProperties(rendered.pdf, properties) : rendered.pdf;
      const seconds = (performance.now() - start) / 1000;
      report.renderSeconds += seconds;
      report.timings.push({ page, pages: rendered.pages, seconds });
      report.rendered += 1;
      report.renderedPages += rendered.pages;
      const info: RenderInfo = { pages: rendered.pages, pageTexts: rendered.pageTexts, closingOffsetPt: rendered.closingOffsetPt };
      cache.put(key, { pdf, info });
      options.log?.(`${page} → ${rendered.pages} 页，${((performance.now() - start) / 1000).toFixed(1)} s`);
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
        const { pdf, info } = await renderCached(doc.page, html, { closingBlock: doc.closingBlock }, propertiesOf(doc));
        write(doc.pdf, pdf, info.pages);
        results.set(doc.pdf, { html, info, pdf });
        report.documents += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));

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
    const { pdf } =
      firstFolio === 1
        ? { pdf: ownPdf }
        : await tools.renderCached(doc.page, html, { closingBlock: doc.closingBlock, closingOffsetPt: info.closingOffsetPt, firstFolio }, undefined);
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
