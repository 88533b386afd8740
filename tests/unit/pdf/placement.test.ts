/**
 * Where the 版记 goes (scripts/pdf/placement.ts measureClosingBlock), measured in Chromium on pages
 * of boxes whose heights are known: the space it puts before the 版记 must bring the 版记's bottom
 * to the foot of its page's text block, worked out here from the boxes' heights.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunch } from '../../../scripts/lib/chromium.ts';
import { measureClosingBlock, type Placement, type PlacementInput, type PlacementResult } from '../../../scripts/pdf/placement.ts';

/** A text block of 600 × 800 px laid out at the paper's own scale. */
const INPUT: PlacementInput = { blockWidthPx: 600, blockHeightPx: 800, layoutScale: 1, aimPt: 0.05, tolerancePt: 0.15, maxShrink: 2 };
/** The 版记: one 20 px line over a 1 px rule, placed by the space before it, as print.css does. */
const CLOSING = '<div class="closing-block"><p>主办：山西省教育厅1331办公室</p></div>';
const CLOSING_PX = 21;
const PX_TO_PT = 0.75;

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunch);
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

async function measure(body: string, evenLastPage = false): Promise<PlacementResult> {
  await page.setContent(
    `<!doctype html><html lang="zh-CN"><head><style>
      html, body { margin: 0; padding: 0; }
      p { margin: 0; font: 16px/20px sans-serif; }
      .closing-block { margin-top: var(--closing-block-offset, 0pt); border-bottom: 1px solid #000; }
      :root[data-closing-page='new'] .closing-block { break-before: page; }
    </style></head><body>${body}</body></html>`,
  );
  return page.evaluate(measureClosingBlock, { ...INPUT, evenLastPage });
}

const placed = (result: PlacementResult): Placement => {
  if ('error' in result) throw new Error(`not placed: ${JSON.stringify(result)}`);
  return result;
};

/** The offset that leaves `abovePx` of the page's content and the 版记 filling a column `heightPx` tall, in CSS points. */
const offsetFor = (heightPx: number, abovePx: number) => (heightPx - abovePx - CLOSING_PX) * PX_TO_PT;

describe('measureClosingBlock', () => {
  it('puts the 版记 at the foot of a one-page text, a hair above it', async () => {
    const result = placed(await measure(`<div style="height: 300px"></div>${CLOSING}`));
    expect(result.pages).toBe(1);
    expect(result.scale).toBe(1);
    // Aimed aimPt above the foot, accepted within tolerancePt: the offset falls in between.
    expect(result.offsetPt).toBeGreaterThanOrEqual(offsetFor(800, 300) - INPUT.tolerancePt - 0.01);
    expect(result.offsetPt).toBeLessThanOrEqual(offsetFor(800, 300) + 0.01);
    expect(result.gapPt).toBeGreaterThanOrEqual(0);
    expect(result.gapPt).toBeLessThanOrEqual(INPUT.tolerancePt);
    // The rule lies below the last line's baseline, within the 版记's own height.
    expect(result.ruleBelowBaselinePt).toBeGreaterThan(0);
    expect(result.ruleBelowBaselinePt).toBeLessThan(CLOSING_PX * PX_TO_PT);
  });

  it('counts the pages a forced page break starts, and places the 版记 on the last', async () => {
    const result = placed(await measure(`<div style="height: 300px"></div><div style="break-before: page; height: 100px"></div>${CLOSING}`));
    expect(result.pages).toBe(2);
    expect(result.offsetPt).toBeCloseTo(offsetFor(800, 100), 0);
  });

  it('follows text that runs over onto the next page', async () => {
    const result = placed(await measure(`<div style="height: 1000px"></div>${CLOSING}`));
    expect(result.pages).toBe(2);
    expect(result.offsetPt).toBeCloseTo(offsetFor(800, 1000 - 800), 0);
  });

  it('lays out a page wider than the text block on a larger page, as the print shrinks it', async () => {
    // 900 px of unbreakable width: the print lays the page out 1.5 times as large and scales it down.
    const result = placed(await measure(`<div style="width: 900px; height: 300px"></div>${CLOSING}`));
    expect(result.scale).toBeCloseTo(1.5, 5);
    expect(result.pages).toBe(1);
    expect(result.offsetPt).toBeCloseTo(offsetFor(800 * 1.5, 300), 0);
  });

  it('gives a 公文 an even last page for its 版记: a page of its own after an odd one, at its foot', async () => {
    const result = placed(await measure(`<div style="height: 300px"></div>${CLOSING}`, true));
    expect(result.pages).toBe(2);
    expect(result.newPage).toBe(true);
    // Nothing above it on its page: the whole text block but its own height.
    expect(result.offsetPt).toBeCloseTo(offsetFor(800, 0), 0);
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-closing-page'))).toBe(false);
  });

  it('leaves a 版记 that falls on an even page where it is', async () => {
    const result = placed(await measure(`<div style="height: 1000px"></div>${CLOSING}`, true));
    expect(result.pages).toBe(2);
    expect(result.newPage).toBeUndefined();
    expect(result.offsetPt).toBeCloseTo(offsetFor(800, 1000 - 800), 0);
  });

  it('leaves the page as it found it', async () => {
    await measure(`<div style="height: 300px"></div>${CLOSING}`);
    expect(await page.evaluate(() => [document.head.querySelectorAll('style').length, document.documentElement.getAttribute('style') ?? ''])).toEqual([1, '']);
  });

  it('says when there is no 版记, and when the 版记 cannot stay on one page (with its rule, for the fallback)', async () => {
    expect(await measure('<div style="height: 300px"></div>')).toEqual({ error: 'no-closing-block' });
    const splits = await measure(`<div style="height: 300px"></div><div class="closing-block"><div style="height: 900px"></div></div>`);
    expect(splits).toMatchObject({ error: 'closing-block-splits' });
    expect('ruleBelowBaselinePt' in splits && splits.ruleBelowBaselinePt).toBeGreaterThan(0);
  });
});
