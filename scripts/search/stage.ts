/** The build stage that indexes the staged pages for search. */
import type { Stage } from '../build/stages.ts';
import { join } from 'node:path';
import { buildSearchIndex } from './build-index.ts';

export const searchStage: Stage = {
  name: 'search',
  async run({ stagingDir, cacheDir }) {
    const { pages, parts, bytes, recompressed, seconds } = await buildSearchIndex(stagingDir, { cacheDir: join(cacheDir, 'recompress') });
    if (pages === 0) throw new Error('搜索索引为空：没有页面标注 data-pagefind-body');
    return `${pages} 个页面，${(bytes / 1024).toFixed(0)} kB（Pagefind ${seconds.pagefind.toFixed(1)} s，分 ${parts} 批；片段 ${seconds.fragments.toFixed(1)} s；合并与排序 ${seconds.merge.toFixed(1)} s）；${recompressed}`;
  },
};
