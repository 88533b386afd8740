import { describe, expect, it } from 'vitest';
import { formatIssueLabel, formatIssueNumber, formatSerial, seriesName } from '../../src/lib/issue-label.ts';

describe('issue labels', () => {
  it('writes 第N期 without padding', () => {
    expect(formatIssueNumber(2)).toBe('第2期');
    expect(formatIssueNumber(12)).toBe('第12期');
  });
  it('writes 总第N期 with two digits, as the bulletin prints it', () => {
    expect(formatSerial(2)).toBe('总第02期');
    expect(formatSerial(35)).toBe('总第35期');
    expect(formatSerial(120)).toBe('总第120期');
  });
  it('names an issue by year and number', () => {
    expect(formatIssueLabel({ year: 2017, number: 2 })).toBe('2017年第2期');
  });
  it('joins the masthead lines into the series name', () => {
    expect(seriesName(['实施“1331工程” 推进“双一流”建设', '工作要讯'])).toBe('实施“1331工程” 推进“双一流”建设 工作要讯');
  });
});
