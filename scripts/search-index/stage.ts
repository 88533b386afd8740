/** The build stage that indexes the staged pages for search. */
import type { Stage } from '../build/stages.ts';
import { join } from 'node:path';
import { buildSearchIndex, describeSeconds } from './build-index.ts';

export const searchStage: Stage = {
  name: 'search',
  async run({ stagingDir, cacheDir }) {
    const report = await buildSearchIndex(stagingDir, { cacheDir: join(cacheDir, 'recompress') });
    if (report.pages === 0) throw new Error('搜索索引为空：没有页面标注 data-pagefind-body');
    return `${report.pages} 个页面，${(report.bytes / 1024).toFixed(0)} kB（${describeSeconds(report)}）；${report.recompressed}`;
  },
};
