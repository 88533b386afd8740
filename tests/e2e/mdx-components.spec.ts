/**
 * An article shows a photo with its caption through the MDX component 图片, in the page and in
 * its PDF, on the MDX site (tests/helpers/mdx-site.ts: a synthetic issue, 合成测试数据, beside the
 * real content, built with its PDFs and served here). Also: the other components where a reader
 * meets them, on a 320 px phone and for axe. Expectations come from the synthetic files.
 */
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import sharp from 'sharp';
import { COMPONENT_ARTICLE, MARKDOWN_TABLE, MARKDOWN_TABLE_ARTICLE, MDX_ISSUE, mdxSite } from '../helpers/mdx-site.ts';
import { pdfText, squeeze } from '../helpers/poppler.ts';
import { servedSite } from '../helpers/specimen-site.ts';

const served = servedSite(test, () => mdxSite(), 600_000);

test('the article shows the photo, loaded, with its caption and credit under it', async ({ page }) => {
  const { photo } = served.site.files;
  await page.goto(`${served.url}${COMPONENT_ARTICLE.url}`);
  const figure = page.locator('article .prose figure.photo');
  await figure.scrollIntoViewIfNeeded();
  const img = figure.getByRole('img', { name: photo!.alt });
  await expect(img).toBeVisible();
  // Loaded, not a broken picture: the browser decoded one of the sizes made from the file.
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  await expect(figure.locator('figcaption')).toHaveText(`${photo!.caption}（来源：${photo!.credit}）`);
  // The caption is under the photo.
  const [imageBox, captionBox] = [await img.boundingBox(), await figure.locator('figcaption').boundingBox()];
  expect(captionBox!.y).toBeGreaterThanOrEqual(imageBox!.y + imageBox!.height - 1);
});

test('the issue\'s PDF carries the photo and its caption', async () => {
  const pdf = join(served.site.outDir, MDX_ISSUE.pdf);
  // pdfimages -list: one row per image drawn on a page; the photo is the issue's only picture.
  const rows = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
  expect(rows).toHaveLength(1);
  const [, , type, width, height] = rows[0]!.trim().split(/\s+/);
  const original = await sharp(join(served.site.root, 'content/articles', MDX_ISSUE.id, served.site.files.photo!.name)).metadata();
  expect(type).toBe('image');
  // One of the sizes made from the file: its proportions kept.
  expect(Math.abs(Number(width) / Number(height) - original.width! / original.height!)).toBeLessThan(0.01);
  const text = squeeze(pdfText(pdf));
  expect(text).toContain(squeeze(served.site.files.photo!.caption));
  expect(text).toContain(squeeze(served.site.files.table!.title));
  expect(text).toContain(squeeze(served.site.files.note!));
});

test.describe('at 320 px', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  test('the article fits the screen (a wide table scrolls in its own region) and passes axe', async ({ page }) => {
    await page.goto(`${served.url}${COMPONENT_ARTICLE.url}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expect(page.getByRole('region', { name: served.site.files.table!.title })).toBeVisible();
    await expect(page.getByRole('link', { name: served.site.files.attachment!.title })).toBeVisible();
    await expect(page.getByRole('complementary', { name: '编者注' })).toContainText(served.site.files.note!);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
  test('the issue page with the same components fits the screen, its photo within the text column', async ({ page }) => {
    await page.goto(`${served.url}${MDX_ISSUE.url}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const img = page.getByRole('img', { name: served.site.files.photo!.alt });
    expect((await img.boundingBox())!.width).toBeLessThanOrEqual(320);
  });
});

test('search finds an article by a cell of its table, from the CSV file as from a Markdown table', async ({ page }) => {
  const { table } = served.site.files;
  for (const [cell, title] of [[table!.rows[2]![0]!, COMPONENT_ARTICLE.title], [MARKDOWN_TABLE.header[1]!, MARKDOWN_TABLE_ARTICLE.title]] as const) {
    await page.goto(`${served.url}/search/?q=${encodeURIComponent(cell)}`);
    await expect(page.locator('#search-results > li.result').getByRole('link', { name: title })).toBeVisible();
  }
});
