/**
 * How article photos are rendered: the widths in srcset, the `sizes` hint and the fallback
 * format for browsers without AVIF and WebP.
 */

/**
 * A photo sits in the text column (at most about 40rem, 640 CSS px); phones need 360–420 px,
 * and 2× screens twice that.
 */
export const PHOTO_WIDTHS = [360, 640, 960, 1280] as const;

const WIDEST = PHOTO_WIDTHS[PHOTO_WIDTHS.length - 1]!;

/** The widths to render a photo `originalWidth` pixels wide at: never wider than the original, since enlarging adds bytes and no detail. */
export function photoWidths(originalWidth: number): number[] {
  const largest = Math.min(originalWidth, WIDEST);
  return [...PHOTO_WIDTHS.filter((w) => w < largest), largest];
}

/** The `sizes` attribute for a photo in the article column: the column's width, or the screen's less the margins on a phone. */
export const PHOTO_SIZES = '(min-width: 48rem) 40rem, calc(100vw - 4rem)';

/**
 * The format of the plain <img> inside <picture>, for browsers that take neither AVIF nor
 * WebP: PNG keeps a PNG's transparency and sharp edges; everything else is a photograph,
 * which JPEG holds far smaller (Astro's own default fallback is PNG).
 */
export function fallbackFormat(originalFormat: string): 'png' | 'jpg' {
  return originalFormat.toLowerCase() === 'png' ? 'png' : 'jpg';
}

/** The width of the picture link previews (og:image) get: enough for a large card. */
export const SHARE_IMAGE_WIDTH = 1200;
