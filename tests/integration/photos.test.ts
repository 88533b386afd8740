/**
 * Article photos end to end: the editions site (tests/helpers/editions-site.ts) lists synthetic
 * pictures (drawn by sharp, see scripts/samples/synthetic-photo.ts) in an article's `photos`; its
 * HTML and image files are checked; then, in a copy of its own, a photo loses its alt text and
 * both the build and Astro's own schema must refuse it, naming the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import sharp from 'sharp';
import { type TempProject } from '../helpers/temp-project.ts';
import { breakableCopy, editionsSite, PHOTO_ARTICLE as ARTICLE, PHOTOS, type EditionsSite } from '../helpers/editions-site.ts';

// The editions site (tests/helpers/editions-site.ts) lists the synthetic photos in ARTICLE.
let site: EditionsSite;
const page = (path: string) => parse(readFileSync(join(site.root, 'dist', path, 'index.html'), 'utf8'));
/** The width descriptors of a srcset: "a.avif 360w, b.avif 640w" → [360, 640]. */
const widthsOf = (srcset: string) => srcset.split(',').map((candidate) => Number(/ (\d+)w$/.exec(candidate.trim())?.[1]));
const urlsOf = (srcset: string) => srcset.split(',').map((candidate) => candidate.trim().split(' ')[0]!);
const distFile = (url: string) => join(site.root, 'dist', decodeURIComponent(url.split('?')[0]!));

beforeAll(async () => {
  site = await editionsSite();
}, 300_000);

describe('an article with photos', () => {
  it('builds', () => {
    expect(site.runs.public.output).not.toMatch(/构建失败/);
    expect(site.runs.public.status).toBe(0);
  });

  it('renders each photo as a <picture> with AVIF and WebP sources at several widths, a fallback, width and height', async () => {
    const pictures = page('bulletins/2017-02/01').querySelectorAll('figure.photo picture');
    expect(pictures).toHaveLength(2);
    const expected = [
      { widths: [360, 640, 960, 1280], fallback: 'jpeg', width: 1280, height: 800 },
      { widths: [360, 640, 900], fallback: 'png', width: 900, height: 600 },
    ];
    for (const [i, picture] of pictures.entries()) {
      const sources = picture.querySelectorAll('source');
      expect(sources.map((s) => s.getAttribute('type'))).toEqual(['image/avif', 'image/webp']);
      for (const source of sources) {
        const srcset = source.getAttribute('srcset')!;
        expect(widthsOf(srcset)).toEqual(expected[i]!.widths);
        expect(source.getAttribute('sizes')).toBeTruthy();
        // Each candidate is a real file of the format and width it claims.
        const format = source.getAttribute('type')!.replace('image/', '');
        for (const [j, url] of urlsOf(srcset).entries()) {
          const meta = await sharp(distFile(url)).metadata();
          expect(meta.format === 'heif' ? 'avif' : meta.format).toBe(format);
          expect(meta.width).toBe(expected[i]!.widths[j]);
        }
      }
      const img = picture.querySelector('img')!;
      expect(img.getAttribute('alt')).toBe(PHOTOS[i]!.alt);
      expect(Number(img.getAttribute('width'))).toBe(expected[i]!.width);
      expect(Number(img.getAttribute('height'))).toBe(expected[i]!.height);
      expect(widthsOf(img.getAttribute('srcset')!)).toEqual(expected[i]!.widths);
      expect((await sharp(distFile(img.getAttribute('src')!)).metadata()).format).toBe(expected[i]!.fallback);
    }
  });

  it('shows the captions, the first photo under the headline, the others after the text', () => {
    const article = page('bulletins/2017-02/01').querySelector('article')!;
    const order = article.querySelectorAll('figure.photo, .prose').map((el: HTMLElement) => (el.classList.contains('prose') ? 'text' : el.querySelector('figcaption')!.text));
    expect(order).toEqual([PHOTOS[0]!.caption, 'text', PHOTOS[1]!.caption]);
  });

  it('loads the first photo at once and the ones below it lazily', () => {
    const [first, second] = page('bulletins/2017-02/01').querySelectorAll('figure.photo img');
    expect(first!.getAttribute('loading')).toBe('eager');
    expect(first!.getAttribute('fetchpriority')).toBe('high');
    expect(second!.getAttribute('loading')).toBe('lazy');
    // On the issue page the photos sit below the masthead and the 要目: all lazy.
    const onIssue = page('bulletins/2017-02').querySelectorAll('figure.photo img');
    expect(onIssue.map((img) => img.getAttribute('loading'))).toEqual(['lazy', 'lazy']);
  });

  it('gives link previews and structured data the first photo, as an absolute JPEG', async () => {
    const html = page('bulletins/2017-02/01');
    const ogImage = html.querySelector('meta[property="og:image"]')!.getAttribute('content')!;
    expect(ogImage).toMatch(/^https?:\/\/[^/]+\/_astro\/.+\.jpg$/);
    const meta = await sharp(distFile(new URL(ogImage).pathname)).metadata();
    expect([meta.format, meta.width]).toEqual(['jpeg', 1200]);
    expect(html.querySelector('meta[property="og:image:alt"]')!.getAttribute('content')).toBe(PHOTOS[0]!.alt);
    const jsonLd = JSON.parse(html.querySelector('script[type="application/ld+json"]')!.text) as { image: string[] };
    expect(jsonLd.image).toEqual([ogImage]);
  });
});

describe('a photo without alt text', () => {
  // Broken on purpose: in a copy of the site of its own, with the site's dist/.
  let project: TempProject;
  beforeAll(() => {
    project = breakableCopy(site);
    project.edit(ARTICLE, (text) => text.replace(`    alt: ${PHOTOS[1]!.alt}\n`, ''));
  });
  afterAll(() => project?.remove());

  it('fails the build, naming the file and the field, and leaves the last good site in place', async () => {
    const before = readFileSync(join(project.root, 'dist/bulletins/2017-02/01/index.html'), 'utf8');
    const result = await project.build();
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(new RegExp(`${ARTICLE}:\\d+ photos\\[1\\]\\.alt：每张照片都须有替代文字 alt`));
    expect(readFileSync(join(project.root, 'dist/bulletins/2017-02/01/index.html'), 'utf8')).toBe(before);
  });

  it('is refused by Astro’s own schema too, which names the entry', async () => {
    // `astro sync` loads the collections through src/content.config.ts, without the validator.
    const result = await project.npx('astro', 'sync');
    expect(result.code).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain(`${project.root}/${ARTICLE}`);
    expect(output).toContain('每张照片都须有替代文字 alt');
    expect(existsSync(join(project.root, 'dist'))).toBe(true);
  });
});
