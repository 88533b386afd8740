/** Which 目录 entry marks where the reader is (src/browser/contents-current.ts), apart from the DOM. */
import { describe, expect, it } from 'vitest';
import { currentIndex } from '../../../src/browser/contents-current.ts';

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
