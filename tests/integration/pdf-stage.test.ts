/**
 * The PDF stage run alone on a small built site made here (synthetic pages, not content):
 * it renders, reuses unchanged renders, binds the volume, fills the placeholders, embeds the
 * fonts it brings, and fails naming the page when a page is missing, prints blank or a font
 * does not load.
 */
import { PRINT_MANIFEST_FILE } from '../../src/lib/build-data.ts';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSitePdfs } from '../../scripts/pdf/index.ts';
import { fillSiteFacts } from '../../scripts/pdf/fill-facts.ts';
import { buildPrintFonts } from '../../scripts/print/fonts-css.ts';
import { PNG } from 'pngjs';
import { pdfFonts, pdfPagePng } from '../helpers/poppler.ts';
import type { PrintManifest } from '../../src/lib/print-manifest.ts';
import { PROJECT_ROOT } from '../helpers/content-copy.ts';

const MM = 72 / 25.4;
const root = mkdtempSync(join(tmpdir(), 'pdf-stage-'));
const site = join(root, 'site');
const cache = join(root, 'cache');
afterAll(() => rmSync(root, { recursive: true, force: true }));

// No @font-face: as on the real site, the renderer brings the fonts.
const CSS = `@media print{@page{size:A4;margin:37mm 26mm 35mm 28mm;@bottom-right{content:'— ' counter(page) ' —'}}
body{font:16pt/28.9pt 'Noto Serif SC',serif;margin:0}
:has(+ .closing-block)::after{content:'';display:block;height:var(--closing-block-offset,0pt)}
.closing-block{border-top:1pt solid #000;border-bottom:1pt solid #000;break-inside:avoid}
:root[data-closing-page='new'] :has(+ .closing-block)::after{height:0!important}
:root[data-closing-page='new'] .closing-block{break-before:page;margin-top:var(--closing-block-offset,0pt)!important}
.blank{display:none}}`;

const page = (title: string, body: string, extra = '') =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="/_astro/print.css" media="print"></head><body${extra}><main><h1>${title}</h1>${body}</main></body></html>`;
const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `<p>Synthetic paragraph ${i + 1} for testing the PDF stage; it says nothing.</p>`).join('');

function writeSite(manifest: PrintManifest) {
  mkdirSync(join(site, '_astro'), { recursive: true });
  mkdirSync(join(site, 'pdf'), { recursive: true });
  mkdirSync(join(site, 'build-data'), { recursive: true });
  writeFileSync(join(site, '_astro/print.css'), CSS);
  writeFileSync(join(site, PRINT_MANIFEST_FILE), JSON.stringify(manifest));
}
const write = (path: string, html: string) => {
  mkdirSync(join(site, path), { recursive: true });
  writeFileSync(join(site, path, 'index.html'), html);
};

const issueDoc = {
  kind: 'issue' as const,
  page: '/bulletins/2099-01/',
  pdf: '/pdf/bulletins/2099-01.pdf',
  title: 'Synthetic issue',
  subject: 'synthetic',
  date: '2099-01-02',
  keywords: [],
  closingBlock: true,
};
const policyDoc = { ...issueDoc, kind: 'policy' as const, page: '/policies/p/', pdf: '/pdf/policies/p.pdf', title: 'Synthetic policy', closingBlock: false };
const manifest: PrintManifest = {
  author: '山西省教育厅1331办公室',
  documents: [issueDoc, policyDoc],
  volumes: [
    {
      year: 2099,
      pdf: '/pdf/volumes/2099.pdf',
      title: 'Synthetic volume',
      series: ['Synthetic', 'Bulletin'],
      publisher: 'Nobody',
      issues: [{ pdf: issueDoc.pdf, number: '第1期', serial: '总第01期', date: '2099年1月2日', headlines: ['Synthetic issue'] }],
    },
  ],
};

describe('the PDF stage on a built site', () => {
  beforeAll(() => {
    writeSite(manifest);
    write('bulletins/2099-01', page('Synthetic issue', `${paragraphs(20)}<section class="closing-block"><p>closing block</p><p>copies</p></section>`));
    write('policies/p', page('Synthetic policy', paragraphs(3)));
    write('archive', page('Archive', '<span data-pdf="/pdf/volumes/2099.pdf" data-pdf-show="summary"></span>'));
  });

  it('renders each page once, binds the volume and fills the pages in', async () => {
    const first = await renderSitePdfs({ siteDir: site, cacheDir: cache, concurrency: 1 });
    expect(first.documents).toBe(2);
    expect(first.volumes).toBe(1);
    expect(first.cached).toBe(0);
    expect(first.rendered).toBe(3); // two pages and the volume's front matter
    const issue = first.facts.get(issueDoc.pdf)!;
    expect(issue.pages).toBeGreaterThanOrEqual(1);
    expect(first.facts.get('/pdf/volumes/2099.pdf')!.pages).toBeGreaterThan(issue.pages);
    expect(readFileSync(join(site, 'pdf/policies/p.pdf')).subarray(0, 5).toString()).toBe('%PDF-');

    fillSiteFacts(site, first.facts);
    expect(readFileSync(join(site, 'archive/index.html'), 'utf8')).toMatch(/（PDF，\d+页，\d+ KB）/);

    const again = await renderSitePdfs({ siteDir: site, cacheDir: cache, concurrency: 1 });
    expect(again.rendered).toBe(0);
    expect(again.cached).toBe(3);
  });

  it('renders again only the page that changed', async () => {
    write('policies/p', page('Synthetic policy', paragraphs(4)));
    const report = await renderSitePdfs({ siteDir: site, cacheDir: cache, concurrency: 1 });
    expect(report.rendered).toBe(1);
    expect(report.cached).toBe(2);
  });

  it('fails naming a page that cannot be opened', async () => {
    writeSite({ ...manifest, documents: [...manifest.documents, { ...policyDoc, page: '/policies/missing/', pdf: '/pdf/policies/missing.pdf' }] });
    await expect(renderSitePdfs({ siteDir: site, cacheDir: cache, concurrency: 1 })).rejects.toThrow('/policies/missing/');
  });

  it('fails naming a page that prints blank', async () => {
    writeSite({ ...manifest, documents: [...manifest.documents, { ...policyDoc, page: '/policies/blank/', pdf: '/pdf/policies/blank.pdf' }] });
    write('policies/blank', page('Blank', paragraphs(2), ' class="blank"'));
    await expect(renderSitePdfs({ siteDir: site, cacheDir: cache, concurrency: 1 })).rejects.toThrow(/\/policies\/blank\/：生成的 PDF 是空白的/);
    expect(existsSync(join(site, 'pdf/policies/blank.pdf'))).toBe(false);
  });

  it('embeds the fonts it adds to the pages, and none of them lands in the site', async () => {
    writeSite(manifest);
    await renderSitePdfs({ siteDir: site, cacheDir: cache, concurrency: 1 });
    const fonts = pdfFonts(join(site, 'pdf/policies/p.pdf'));
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))).toContainEqual(expect.stringMatching(/^NotoSerifSC/));
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(readdirSync(site, { recursive: true }).filter((name) => /\.woff2?$/.test(String(name)))).toEqual([]);
  });

  it('fails naming the page when a font does not load', async () => {
    const fonts = buildPrintFonts(PROJECT_ROOT);
    // Every file of Noto Serif SC 400, the face of these pages' text, gone from disk.
    const serif400 = new Set(
      fonts.css
        .split('\n')
        .filter((rule) => rule.includes("font-family:'Noto Serif SC'") && rule.includes('font-weight:400;'))
        .map((rule) => /url\('([^']+)'\)/.exec(rule)![1]),
    );
    const files = new Map([...fonts.files].map(([url, file]) => [url, serif400.has(url) ? join(root, 'missing.woff2') : file]));
    await expect(renderSitePdfs({ siteDir: site, cacheDir: join(root, 'cache-broken'), concurrency: 1, fonts: { ...fonts, files } })).rejects.toThrow(
      /\/bulletins\/2099-01\/：字体加载失败（.*Noto Serif SC/,
    );
  });

  it('names a page that links a PDF no one rendered', () => {
    write('archive', page('Archive', '<span data-pdf="/pdf/volumes/1999.pdf" data-pdf-show="size"></span>'));
    expect(() => fillSiteFacts(site, new Map())).toThrow(/archive\/index\.html：链接的 PDF 未生成（\/pdf\/volumes\/1999\.pdf）/);
  });
});

describe('the 版记 placed by measuring the page before its one print', () => {
  const placed = join(root, 'placed');
  const placedCache = join(root, 'placed-cache');
  // As the real print styles: a 附件 starts a page, the 版记 is kept whole, and a line a little
  // wider than the text block makes Chromium shrink the whole page to fit (the measurement must too).
  const css = `${CSS}
@media print{.annex{break-before:page}.wide{width:158mm;white-space:nowrap}h2{break-after:avoid}
.closing-block p{margin:0;padding:1mm 7pt;font-size:14pt;line-height:19pt}}`;
  const closing = '<section class="closing-block"><p>主办：合成测试数据</p><p>（共印200份）</p></section>';
  const docs = [
    { ...issueDoc, page: '/bulletins/2099-02/', pdf: '/pdf/bulletins/2099-02.pdf', title: 'Placed issue' },
    { ...policyDoc, page: '/policies/annex/', pdf: '/pdf/policies/annex.pdf', title: 'Placed policy', closingBlock: true },
  ];
  const html = {
    '/bulletins/2099-02/': page('Placed issue', `${paragraphs(31)}${closing}`),
    '/policies/annex/': page('Placed policy', `<p class="wide">${'宽'.repeat(30)}</p>${paragraphs(12)}<section class="annex"><h2>附件</h2>${paragraphs(5)}</section>${closing}`),
  };
  /** The lowest rule across the text block on the last page, in points from the page's top edge. */
  const lastRuleBottom = (file: string, pages: number) => {
    const dpi = 288;
    const png = PNG.sync.read(readFileSync(pdfPagePng(file, pages, dpi, join(root, `rule-${pages}`))));
    const perPt = dpi / 72;
    let lowest = -1;
    for (let y = 0; y < png.height; y++) {
      let dark = 0;
      for (let x = 0; x < png.width; x++) if (png.data[(y * png.width + x) * 4]! < 128) dark += 1;
      if (dark > 0.8 * 156 * (72 / 25.4) * perPt) lowest = y;
    }
    return (lowest + 1) / perPt;
  };

  beforeAll(() => {
    mkdirSync(join(placed, '_astro'), { recursive: true });
    mkdirSync(join(placed, 'pdf'), { recursive: true });
    mkdirSync(join(placed, 'build-data'), { recursive: true });
    writeFileSync(join(placed, '_astro/print.css'), css);
    writeFileSync(join(placed, PRINT_MANIFEST_FILE), JSON.stringify({ ...manifest, documents: docs, volumes: [] }));
    for (const [path, text] of Object.entries(html)) {
      mkdirSync(join(placed, path), { recursive: true });
      writeFileSync(join(placed, path, 'index.html'), text);
    }
  });

  it('prints an issue and a policy once each, the 版记’s last rule on the foot of the text block', async () => {
    const report = await renderSitePdfs({ siteDir: placed, cacheDir: placedCache, concurrency: 2 });
    expect(report.corrected).toEqual([]);
    expect(report.timings.map((t) => t.prints)).toEqual([1, 1]);
    for (const doc of docs) {
      const file = join(placed, doc.pdf);
      const pages = report.facts.get(doc.pdf)!.pages;
      // The 附件 and the 版记 share its page; the issue's 版记 follows its last paragraph.
      expect(pages, doc.pdf).toBeGreaterThan(1);
      // A 公文's 版记 stands on an even last page (GB/T 9704 §7.4), a page of its own if need be.
      if (doc.kind === 'policy') expect(pages % 2, doc.pdf).toBe(0);
      // GB/T 9704: the text block's foot is 262 mm from the top (37 mm + 225 mm).
      expect(Math.abs(lastRuleBottom(file, pages) - 262 * MM), doc.pdf).toBeLessThan(0.6);
    }
  });
});
