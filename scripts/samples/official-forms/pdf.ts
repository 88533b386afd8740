/**
 * Producer (d): PDFs printed by Chromium (Playwright, Debian's /usr/bin/chromium): the GB/T 9704
 * page of print-html.ts, or — the way a reader saves a site's page — the site's HTML printed by
 * the browser with its header (date, title) and footer (address, 1/3).
 *
 * The font comes from the npm package's sliced web font (@fontsource/noto-serif-sc), served to the
 * page by request interception and inlined into the browser's header and footer: Chromium embeds
 * the system's Noto CJK collection as large Type 3 fonts, the slices as small TrueType subsets
 * (which keeps tests/fixtures/world small; its README gives the corpus's size).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { chromiumLaunch, printSetupMessage } from '../../lib/chromium.ts';
import type { OfficialForm } from '../official-forms.ts';
import { printHtml } from './print-html.ts';
import { siteHtml } from './site-html.ts';

const FONT_HOST = 'http://fonts.samples.example/';
const require = createRequire(import.meta.url);

interface Face {
  rule: string;
  file: string;
  name: string;
  ranges: Array<[number, number]>;
}

/**
 * The sliced @font-face rules of Noto Serif SC 400, the one face the PDFs use, without bold: each
 * extra face or weight adds its own subsets to every PDF, and a bold Chromium synthesises is
 * printed as Type 3 fonts, far larger. The corpus must stay small.
 */
function fontFaces(): Face[] {
  const dir = dirname(require.resolve('@fontsource/noto-serif-sc/400.css'));
  const css = readFileSync(join(dir, '400.css'), 'utf8');
  return [...css.matchAll(/@font-face\s*{[^}]*}/g)].flatMap(([rule]) => {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(rule)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(rule)?.[1];
    if (!file || !range) return [];
    const ranges = range.split(',').map((r): [number, number] => {
      const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
    });
    return [{ rule: rule.replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/, ''), file: join(dir, 'files', file), name: file, ranges }];
  });
}

/** The faces' rules with their url()s at FONT_HOST (for pages), or inlined as data: URLs for the slices `text` needs (for the header and footer, which load nothing). */
function facesCss(faces: Face[], inlineFor?: string): string {
  const needed = inlineFor === undefined ? undefined : [...new Set([...inlineFor].map((c) => c.codePointAt(0)!))];
  return faces
    .filter((f) => !needed || needed.some((cp) => f.ranges.some(([a, b]) => cp >= a && cp <= b)))
    .map((f) => f.rule.replace(/url\([^)]+\.woff2\)/, needed ? `url(data:font/woff2;base64,${readFileSync(f.file).toString('base64')})` : `url(${FONT_HOST}${f.name})`))
    .join('\n');
}

/** The one sentence saying what to install, or undefined when Chromium and a CJK font are there. */
export function pdfSetupMessage(): string | undefined {
  return printSetupMessage('build', '生成 PDF 样本');
}

export interface PdfPrinter {
  print(form: OfficialForm): Promise<Buffer>;
  close(): Promise<void>;
}

/** A Chromium session that prints forms one after another (one browser for many files). */
export async function createPdfPrinter(): Promise<PdfPrinter> {
  const message = pdfSetupMessage();
  if (message) throw new Error(message);
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch(chromiumLaunch);
  const faces = fontFaces();
  const files = new Map(faces.map((f) => [f.name, f.file]));
  const fontStyle = `<style>${facesCss(faces)}</style>`;
  return {
    async print(form) {
      const page = await browser.newPage();
      try {
        const browserPrint = form.print.source === 'browser-print';
        let html = browserPrint ? siteHtml(form).replace(/<meta charset="gb2312">/, '<meta charset="utf-8">') : printHtml(form);
        html = html.replace('</head>', `${fontStyle}${browserPrint ? '<style>* { font-family: "Noto Serif SC", serif !important; font-weight: 400 !important; font-synthesis: none; }</style>' : ''}</head>`);
        const url = browserPrint ? form.site.url : 'http://print.samples.example/document.html';
        await page.route('**/*', async (route) => {
          const request = route.request().url();
          if (request.startsWith(FONT_HOST)) {
            const file = files.get(request.slice(FONT_HOST.length));
            return file ? route.fulfill({ body: readFileSync(file), contentType: 'font/woff2' }) : route.fulfill({ status: 404 });
          }
          if (request === url) return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
          return route.fulfill({ status: 404, body: '' });
        });
        await page.goto(url, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        if (!browserPrint) return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: form.print.tagged });
        // The browser's own print: A4, its margins, the date and title above, the address and page x/y below.
        const stamp = `${form.doc.publishedDate.replace(/-0?/g, '/')} 10:21`;
        const title = await page.title();
        const small = 'font-size: 8px; width: 100%; display: flex; justify-content: space-between; padding: 0 10mm; font-family: "Noto Serif SC", serif;';
        const faceStyle = `<style>${facesCss(faces, title + stamp + form.site.url + '0123456789/')}</style>`;
        return await page.pdf({
          format: 'A4',
          printBackground: false,
          tagged: form.print.tagged,
          displayHeaderFooter: true,
          margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' },
          headerTemplate: `${faceStyle}<div style="${small}"><span>${stamp}</span><span class="title"></span><span></span></div>`,
          footerTemplate: `${faceStyle}<div style="${small}"><span class="url"></span><span><span class="pageNumber"></span>/<span class="totalPages"></span></span></div>`,
        });
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}
