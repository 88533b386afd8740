import { describe, expect, it } from 'vitest';
import { compareWords, extensionChunkWords } from '../../../src/lib/search/chunk-starts.ts';

describe('extensionChunkWords', () => {
  // First bounds as the merge lists them: cut to what tells a chunk from the one before.
  const starts = ['0', '教', '教学', '教育', '敬', '高'];

  it('names every later chunk whose first bound the prefix begins', () => {
    expect(extensionChunkWords(starts, '教')).toEqual(['教学', '教育']);
  });

  it('names nothing when the prefix’s words are all in its own chunk', () => {
    expect(extensionChunkWords(starts, '敬')).toEqual([]);
    expect(extensionChunkWords(starts, '高')).toEqual([]);
  });

  it('finds the chunks of a prefix that falls between two chunks', () => {
    // 散 sorts before 敬 (U+6563 < U+656C) and after 教育: it has no chunk of its own.
    expect(extensionChunkWords(['教', '散文', '散步', '敬'], '散')).toEqual(['散文', '散步']);
  });

  it('names nothing for an empty prefix or an empty index', () => {
    expect(extensionChunkWords(starts, '')).toEqual([]);
    expect(extensionChunkWords([], '教')).toEqual([]);
  });

  it('orders by code point, as Pagefind does, not by UTF-16 unit', () => {
    // U+FF5E (～) against U+1F600 (😀): UTF-16 would put the emoji (a surrogate, 0xD83D) first.
    expect(compareWords('～', '😀')).toBeLessThan(0);
    expect(compareWords('教', '教育')).toBeLessThan(0);
    expect(compareWords('教育', '教育')).toBe(0);
  });
});
