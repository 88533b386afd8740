import { describe, expect, it } from 'vitest';
import { entryYear, KIND_LABELS } from '../../src/lib/kinds.ts';

describe('entry facts', () => {
  it('names the two kinds as the site shows them', () => {
    expect(KIND_LABELS).toEqual({ article: '工作要讯', policy: '政策文件' });
  });
  it('gives an entry’s year from its date', () => {
    expect(entryYear('2017-05-18')).toBe('2017');
  });
});
