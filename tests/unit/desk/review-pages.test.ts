import { describe, expect, it } from 'vitest';
import { ocrMarks } from '../../../scripts/desk/review.ts';
import { diffPages } from '../../../scripts/desk/site-files.ts';
import { LOW_CONFIDENCE } from '../../../scripts/import/read-input.ts';

describe('a scan’s low-confidence lines on its pages', () => {
  // An A4 page at 300 dpi is 2480 × 3508 px; its picture on the review screen is drawn at 60 dpi.
  const line = (page: number, confidence: number, text = '合成测试') => ({ text, confidence, page, left: 248, right: 1240, top: 1754, pageHeight: 3508 });
  const pages = [{ width: 496, height: 702 }, { width: 496, height: 702 }];

  it('boxes only the lines under the threshold, on their own page, as fractions of the page', () => {
    const marks = ocrMarks([line(0, LOW_CONFIDENCE - 1), line(0, LOW_CONFIDENCE), line(1, 12), line(1, 5, '  ')], pages);
    expect(marks[0]).toHaveLength(1);
    expect(marks[1]).toHaveLength(1);
    const [box] = marks[0]!;
    expect(box!.left).toBeCloseTo(0.1, 2);
    expect(box!.width).toBeCloseTo(0.4, 2);
    expect(box!.top).toBeCloseTo(0.5, 3);
    expect(box!.confidence).toBe(LOW_CONFIDENCE - 1);
  });
});

describe('what a publish changed', () => {
  it('names the pages added, changed and removed', () => {
    const before = new Map([['/', 'a'], ['/policies/x/', 'b'], ['/policies/y/', 'c']]);
    const after = new Map([['/', 'a'], ['/policies/x/', 'B'], ['/policies/z/', 'd'], ['/policies/z.pdf', 'e']]);
    expect(diffPages(before, after)).toEqual({ added: ['/policies/z.pdf', '/policies/z/'], changed: ['/policies/x/'], removed: ['/policies/y/'] });
  });
});
