import { describe, expect, it } from 'vitest';
import { fallbackFormat, photoWidths } from '../../src/lib/photos.ts';

describe('photoWidths', () => {
  it('renders a large photo at every step up to the widest', () => {
    expect(photoWidths(4000)).toEqual([360, 640, 960, 1280]);
    expect(photoWidths(1280)).toEqual([360, 640, 960, 1280]);
  });
  it('never enlarges: a smaller photo tops out at its own width', () => {
    expect(photoWidths(900)).toEqual([360, 640, 900]);
    expect(photoWidths(640)).toEqual([360, 640]);
    expect(photoWidths(300)).toEqual([300]);
  });
});

describe('fallbackFormat', () => {
  it('keeps PNG for PNG and gives photographs JPEG', () => {
    expect(fallbackFormat('png')).toBe('png');
    expect(fallbackFormat('jpeg')).toBe('jpg');
    expect(fallbackFormat('webp')).toBe('jpg');
    expect(fallbackFormat('avif')).toBe('jpg');
  });
});
