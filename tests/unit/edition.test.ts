import { describe, expect, it } from 'vitest';
import { isQuotedIn, isVisibleIn, parseEdition } from '../../src/lib/edition.ts';

describe('editions', () => {
  it('defaults to the public edition', () => {
    expect(parseEdition(undefined)).toBe('public');
    expect(parseEdition('')).toBe('public');
    expect(parseEdition('internal')).toBe('internal');
  });
  it('refuses an unknown edition by name', () => {
    expect(() => parseEdition('staff')).toThrow(/"staff"/);
  });
  it('shows internal entries only in the internal edition', () => {
    expect(isVisibleIn('public', 'internal')).toBe(false);
    expect(isVisibleIn('public', 'public')).toBe(true);
    expect(isVisibleIn('public', undefined)).toBe(true);
    expect(isVisibleIn('internal', 'internal')).toBe(true);
  });
});

describe('naming a hidden entry on a public page', () => {
  const title = '山西省实施“1331工程”统筹推进“双一流”建设绩效考评办法';
  it('is allowed where the page’s published text quotes the title', () => {
    expect(isQuotedIn(title, `汇报了《${title}》等文件起草情况。`)).toBe(true);
  });
  it('is refused where the text does not quote it, even in part', () => {
    expect(isQuotedIn(title, '汇报了绩效考评办法等文件起草情况。')).toBe(false);
    expect(isQuotedIn(title, '')).toBe(false);
    expect(isQuotedIn('', '任何文字')).toBe(false);
  });
});
