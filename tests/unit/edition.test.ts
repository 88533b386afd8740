import { describe, expect, it } from 'vitest';
import { isVisibleIn, parseEdition } from '../../src/lib/edition.ts';

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
