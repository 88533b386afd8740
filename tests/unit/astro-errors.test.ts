import { describe, expect, it } from 'vitest';
import { explainAstroError } from '../../scripts/build/astro-errors.ts';

const ROOT = '/srv/site';

describe('explaining a failed Astro build to an editor', () => {
  it('names the file, line and column of each plugin error, without the stack', () => {
    // The shape Vite and Rolldown throw for a broken MDX body (seen in a real build).
    const aggregate = Object.assign(new Error('Build failed with 1 error:\n\n[plugin @mdx-js/rolldown] /srv/site/content/articles/2017-02/03.mdx:24:1\nMDXError: …\n    at handler (file:///x.js:1:1)'), {
      errors: [
        {
          message: 'Expected a closing tag for `<div>` (24:1-24:6) before the end of `paragraph`',
          id: '/srv/site/content/articles/2017-02/03.mdx',
          loc: { file: '/srv/site/content/articles/2017-02/03.mdx', line: 24, column: 1 },
          plugin: '@mdx-js/rolldown',
        },
      ],
    });
    expect(explainAstroError(aggregate, ROOT)).toBe(
      '页面生成失败：\n  content/articles/2017-02/03.mdx:24:1：Expected a closing tag for `<div>` (24:1-24:6) before the end of `paragraph`',
    );
  });

  it('keeps an error without a location readable, with paths relative to the project', () => {
    const error = new Error('/srv/site/src/pages/index.astro: getSiteContent is not a function');
    expect(explainAstroError(error, ROOT)).toBe('页面生成失败：\n  src/pages/index.astro: getSiteContent is not a function');
  });

  it('adds Astro’s hint', () => {
    const error = Object.assign(new Error('Missing parameter: issue'), { hint: 'getStaticPaths() must return params.issue', loc: { file: '/srv/site/src/pages/bulletins/[issue]/index.astro' } });
    expect(explainAstroError(error, ROOT)).toBe('页面生成失败：\n  src/pages/bulletins/[issue]/index.astro：Missing parameter: issue（getStaticPaths() must return params.issue）');
  });
});
