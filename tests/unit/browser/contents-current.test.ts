/** Which 目录 entry marks where the reader is (src/browser/contents-current.ts), apart from the DOM. */
import { describe, expect, it } from 'vitest';
import { currentIndex, readingLine } from '../../../src/browser/contents-current.ts';

describe('currentIndex', () => {
  it('is the last unit started at or above the reading line, the innermost when units nest', () => {
    // 第一章 (0), its 第一条 (1) and 第二条 (2), 第二章 (3): the reader is in 第二条.
    expect(currentIndex([-900, -700, 120, 800], 300)).toBe(2);
    // A unit whose start is exactly on the line has begun.
    expect(currentIndex([-900, -700, 300, 800], 300)).toBe(2);
  });

  it('is none above the first unit, and skips a unit not on the page', () => {
    expect(currentIndex([400, 900], 300)).toBe(-1);
    expect(currentIndex([-400, undefined, 900], 300)).toBe(0);
  });
});

describe('readingLine', () => {
  it('is a third down the screen, and its foot at the end of the page, where the last units are read where they stand', () => {
    expect(readingLine(900, false)).toBeGreaterThan(250);
    expect(readingLine(900, false)).toBeLessThan(350);
    expect(readingLine(900, true)).toBe(900);
    // At the end, the last unit on the screen is the current one.
    expect(currentIndex([-500, 200, 600], readingLine(900, true))).toBe(2);
    expect(currentIndex([-500, 200, 600], readingLine(900, false))).toBe(1);
  });
});
