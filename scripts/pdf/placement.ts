/**
 * Where the 版记 falls, measured in the browser before printing, so that each page is printed
 * once: the page, laid out in print media, is cut into columns the size of the A4 text block
 * (CSS multi-column, which Chromium fragments with the same engine as pages: the same
 * widows/orphans, break-inside: avoid, break-after: avoid), each forced page break made a column
 * break; the 版记's column is its page, its distance from the column's foot the space to put
 * before it. The space is then set, re-measured and corrected there (cheap: a layout, not a
 * print) until the 版记's last rule sits on the foot of the text block.
 *
 * The columns are the text block as the print lays it out: Chromium rounds the page to whole
 * pixels and scales it to the paper, so that its text block is about 590 × 851 px, not
 * 589.6 × 850.4 (measured once per browser, render.ts: `measurePrintBlock`); a line more or less fits as it
 * does. It also shrinks a page whose content is wider than the text block (a line that overflows
 * it by a few pixels is enough): it lays the page out on a page as much larger as the content is
 * wider and scales the print down. The measurement does the same.
 *
 * `measureClosingBlock` runs in the page (page.evaluate): it is self-contained.
 */

export interface PlacementInput {
  /**
   * The text block as Chromium's print lays it out, CSS px: not quite 156 × 225 mm, for the
   * print rounds the page to whole pixels and scales it to the paper (render.ts: `measurePrintBlock`).
   */
  blockWidthPx: number;
  blockHeightPx: number;
  /** Layout px per px of paper: blockHeightPx over 225 mm. */
  layoutScale: number;
  /** Aim this far above the foot (points of the print), and accept up to `tolerancePt` off. */
  aimPt: number;
  tolerancePt: number;
  /** Chromium's largest shrink of a page too wide for its paper. */
  maxShrink: number;
  /**
   * Put the 版记 at the foot of an even page: a 公文's 版记 is on its last page, the back of a
   * sheet (GB/T 9704 §7.4, 封四), so a document whose text ends on an odd page gets one more page
   * for it. Not for a bulletin, whose 版记 shares the page with the end of its last article.
   */
  evenLastPage?: boolean;
}

export interface Placement {
  /** The space to put before the 版记, in CSS points (set as --closing-block-offset). */
  offsetPt: number;
  /** The pages the print will have: the 版记's page is the last. */
  pages: number;
  /** The 版记 goes on a page of its own (evenLastPage): set data-closing-page="new" on the root before printing. */
  newPage?: boolean;
  /** How far the 版记's bottom rule lies below its last line's baseline, in points of the print. */
  ruleBelowBaselinePt: number;
  /** Layout size over paper size (the print's own scale, times any shrink to fit the width). */
  scale: number;
  /** The 版记's distance from the foot when placed, in points of the print. */
  gapPt: number;
  /** Layouts tried. */
  steps: number;
}

/**
 * A placement, or why there is none. Past a page without a 版记, the measure of its rule below
 * its last baseline comes with the reason: the fallback (render.ts `correctClosingBlock`) needs it.
 */
export type PlacementResult =
  | Placement
  | { error: 'no-closing-block' }
  | { error: 'closing-block-splits' | 'not-placed'; detail?: string; ruleBelowBaselinePt: number };

export function measureClosingBlock(input: PlacementInput): PlacementResult {
  const FORCED = ['page', 'left', 'right', 'recto', 'verso'];
  const block = document.querySelector('.closing-block');
  if (!block) return { error: 'no-closing-block' };
  const root = document.documentElement;
  const PX_TO_PT = 0.75;

  // 1. The layout width Chromium's print will use: the text block, or the content's width if wider.
  const widthStyle = document.createElement('style');
  widthStyle.textContent = `html{width:${input.blockWidthPx}px!important;min-width:0!important;max-width:none!important}`;
  document.head.append(widthStyle);
  let contentRight = input.blockWidthPx;
  const origin = root.getBoundingClientRect().left;
  const visit = (element: Element, clip: number) => {
    const style = getComputedStyle(element);
    if (style.display === 'none') return;
    const rect = element.getBoundingClientRect();
    if (rect.width || rect.height) contentRight = Math.max(contentRight, Math.min(clip, rect.right - origin));
    const clips = style.overflowX !== 'visible';
    const inner = clips ? Math.min(clip, rect.right - origin) : clip;
    for (const child of element.children) visit(child, inner);
  };
  visit(document.body, Infinity);
  // Text that overflows its box (an unbreakable run) shows only in the document's scroll width.
  if (root.scrollWidth > Math.ceil(contentRight) + 1) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) contentRight = Math.max(contentRight, rect.right - origin);
    }
  }
  const shrink = Math.min(input.maxShrink, Math.max(1, contentRight / input.blockWidthPx));
  const scale = shrink * input.layoutScale;

  // ruleBelowBaseline, as the print's points.
  let last: Element = block;
  while (last.lastElementChild) last = last.lastElementChild;
  const probe = document.createElement('span');
  probe.style.cssText = 'display:inline-block;width:0;height:0;';
  last.append(probe);
  // An empty inline-block's bottom is its line's baseline.
  const ruleBelowBaselinePt = ((block.getBoundingClientRect().bottom - probe.getBoundingClientRect().bottom) * PX_TO_PT) / scale;
  probe.remove();

  // 2. Pages as columns.
  const width = input.blockWidthPx * shrink;
  const height = input.blockHeightPx * shrink;
  const gap = width;
  const restore: Array<() => void> = [() => widthStyle.remove()];
  for (const element of document.querySelectorAll<HTMLElement>('*')) {
    const style = getComputedStyle(element);
    for (const property of ['breakBefore', 'breakAfter'] as const) {
      if (!FORCED.includes(style[property])) continue;
      const before = element.style[property];
      element.style[property] = 'column';
      restore.push(() => (element.style[property] = before));
    }
  }
  const columns = document.createElement('style');
  columns.textContent =
    `html{width:${width}px!important;height:${height}px!important;min-height:0!important;max-height:none!important;` +
    `columns:${width}px auto!important;column-gap:${gap}px!important;column-fill:auto!important;overflow:visible!important}`;
  widthStyle.remove();
  document.head.append(columns);
  restore.push(() => columns.remove());
  const offsetBefore = root.style.getPropertyValue('--closing-block-offset');
  const setOffset = (pt: number) => root.style.setProperty('--closing-block-offset', `${pt.toFixed(2)}pt`);

  try {
    const measure = () => {
      const rects = [...block.getClientRects()].filter((r) => r.width > 0 || r.height > 0);
      const box = root.getBoundingClientRect();
      const first = rects[0];
      if (!first) return undefined;
      const column = Math.floor((first.left - box.left + 1) / (width + gap));
      const splits = rects.some((r) => Math.floor((r.left - box.left + 1) / (width + gap)) !== column);
      // Distance from the column's foot, in the print's points.
      const gapPt = ((height - (first.bottom - box.top)) * PX_TO_PT) / scale;
      return { column, splits, gapPt: splits ? Number.NaN : gapPt };
    };
    setOffset(0);
    const start = measure();
    if (!start) return { error: 'not-placed', detail: 'the 版记 has no box', ruleBelowBaselinePt };
    if (start.splits) return { error: 'closing-block-splits', ruleBelowBaselinePt };
    let good = { offset: 0, gapPt: start.gapPt };
    let tooFar = Infinity;
    /** Points the 版记 moves per point of space (CSS points of the offset, print points of the move). */
    let rate = 1 / scale;
    let steps = 1;
    // Its page: the one it falls on, or the next when that is odd (columns count from 0: page 1 is column 0).
    const target = input.evenLastPage && start.column % 2 === 0 ? start.column + 1 : start.column;
    if (target !== start.column) {
      // A page of its own: a page break before it (a column break here), and the space before it
      // as its top margin, which a forced break keeps (print.css [data-closing-page='new']). A
      // space run over the page break instead would print otherwise than these columns lay it out.
      const breakBefore = (block as HTMLElement).style.breakBefore;
      root.setAttribute('data-closing-page', 'new');
      (block as HTMLElement).style.breakBefore = 'column';
      restore.push(() => {
        root.removeAttribute('data-closing-page');
        (block as HTMLElement).style.breakBefore = breakBefore;
      });
      const next = measure();
      steps += 1;
      if (!next || next.splits || next.column !== target || next.gapPt < 0) {
        return { error: 'not-placed', detail: `the 版记 did not move onto page ${target + 1}`, ruleBelowBaselinePt };
      }
      good = { offset: 0, gapPt: next.gapPt };
    }
    const placed = (gapPt: number) => gapPt >= 0 && gapPt <= input.tolerancePt;
    while (!placed(good.gapPt) && steps < 16) {
      let offset = Math.max(0, good.offset + (good.gapPt - input.aimPt) / rate);
      if (offset >= tooFar) offset = (good.offset + tooFar) / 2;
      if (Math.abs(offset - good.offset) < 0.005) break;
      setOffset(offset);
      const next = measure();
      steps += 1;
      if (!next || next.splits || next.column !== target || next.gapPt < 0) {
        tooFar = offset;
        continue;
      }
      const moved = good.gapPt - next.gapPt;
      if (moved > 0) rate = moved / (offset - good.offset);
      good = { offset, gapPt: next.gapPt };
    }
    if (!placed(good.gapPt)) return { error: 'not-placed', detail: `${good.gapPt.toFixed(2)} pt from the foot after ${steps} layouts`, ruleBelowBaselinePt };
    return { offsetPt: Number(good.offset.toFixed(2)), pages: target + 1, ...(target !== start.column ? { newPage: true } : {}), ruleBelowBaselinePt, scale, gapPt: good.gapPt, steps };
  } finally {
    for (const undo of restore.reverse()) undo();
    if (offsetBefore) root.style.setProperty('--closing-block-offset', offsetBefore);
    else root.style.removeProperty('--closing-block-offset');
  }
}
