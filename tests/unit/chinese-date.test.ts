import { describe, expect, it } from 'vitest';
import { formatChineseDate, formatChineseDates, formatChineseMonth } from '../../src/lib/chinese-date.ts';

describe('formatChineseDate', () => {
  it('writes a date without zero padding, as official documents do', () => {
    expect(formatChineseDate('2017-05-18')).toBe('2017年5月18日');
    expect(formatChineseDate('2017-03-02')).toBe('2017年3月2日');
    expect(formatChineseDate('2017-12-31')).toBe('2017年12月31日');
  });
  it('refuses what is not an ISO date', () => {
    expect(() => formatChineseDate('2017/05/18')).toThrow(/not an ISO date/);
  });
  it('names a month', () => {
    expect(formatChineseMonth('2017-04-17')).toBe('2017年4月');
  });
});

describe('formatChineseDates', () => {
  it('names the month once for days in the same month', () => {
    expect(formatChineseDates(['2017-04-15', '2017-04-16'])).toBe('2017年4月15日、16日');
  });
  it('names a month once per run of days, and the year once', () => {
    expect(formatChineseDates(['2017-04-17', '2017-04-26', '2017-05-03'])).toBe('2017年4月17日、26日、5月3日');
  });
  it('names the year again when it changes, and sorts the days', () => {
    expect(formatChineseDates(['2018-01-02', '2017-12-30'])).toBe('2017年12月30日、2018年1月2日');
  });
  it('gives an empty string for no dates', () => {
    expect(formatChineseDates([])).toBe('');
  });
});
