import { describe, expect, it } from 'vitest';
import { chunksFor, currentWords, twoStreamWords } from '../../../scripts/bench/query-chunks.ts';
import type { MetaIndex } from '../../../scripts/search/pagefind-format.ts';

describe('query-chunks', () => {
  it('lists the words a query looks up today and in a two-stream index', () => {
    expect(currentWords('1331工程')).toEqual(['13', '33', '31', '1工', '工程']);
    expect(twoStreamWords('1331工程')).toEqual(['13', '31', '工程']);
    // An odd run stays as it is; a single unit too; terms and runs each on their own.
    expect(twoStreamWords('重点实验室')).toEqual(currentWords('重点实验室'));
    expect(twoStreamWords('吕 绩效考评，两提一创')).toEqual(['吕', '绩效', '考评', '两提', '一创']);
  });

  it('finds each word’s chunk as Pagefind does, cut bounds included, and a single unit’s further chunks', () => {
    const meta = { version: '1.6.0', pages: [], filters: [], sorts: [], rest: [], chunks: [['0', '教', 'a'], ['教学', '教学', 'b'], ['教育', '教育', 'c'], ['敬', '脱', 'd'], ['自', '高', 'e']] } as MetaIndex;
    const single = (word: string) => [...word].length === 1;
    expect([...chunksFor(meta, ['教育'], single)]).toEqual(['c']);
    // 脱贫 sorts past the cut bound 脱: found with the bounds cut to its length.
    expect([...chunksFor(meta, ['脱贫'], single)]).toEqual(['d']);
    expect([...chunksFor(meta, ['教'], single)].sort()).toEqual(['a', 'b', 'c']);
  });
});
