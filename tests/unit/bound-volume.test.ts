import { describe, expect, it } from 'vitest';
import { locateHeadlines, planVolume } from '../../src/lib/bound-volume.ts';

describe('paging a bound volume', () => {
  it('starts every issue on an odd folio, with a blank page before it where needed', () => {
    const { parts, lastFolio } = planVolume([11, 4, 5, 1]);
    expect(parts).toEqual([
      { firstFolio: 1, blankBefore: false },
      { firstFolio: 13, blankBefore: true },
      { firstFolio: 17, blankBefore: false },
      { firstFolio: 23, blankBefore: true },
    ]);
    expect(lastFolio).toBe(23);
  });
  it('refuses an issue without pages', () => {
    expect(() => planVolume([3, 0])).toThrow(/0 pages/);
  });
});

describe('finding the page each article starts on', () => {
  const headlines = ['吴俊清在吕梁市调研“1331工程”实施进展情况', '省教育厅组织召开“1331工程”推进座谈会'];
  it('skips the 要目 and follows the text page by page, whatever the line breaks', () => {
    const pages = [
      '工作要讯 本期要目 吴俊清在吕梁市调研“1331 工程”实施进展情况 省教育厅组织召开“1331 工程”推进座谈会 吴俊清在吕梁市调研“1331\n工程”实施进展情况 4月15日……',
      '……正文……',
      '省教育厅组织召开“1331 工程”\n推进座谈会 4月25日……',
    ];
    expect(locateHeadlines(pages, headlines)).toEqual([1, 3]);
  });
  it('gives a headline it cannot find the first page', () => {
    expect(locateHeadlines(['本期要目', '正文'], headlines)).toEqual([1, 1]);
  });
});
