/**
 * What readers see: a paragraph the importer writes shows its own text, not the escapes that keep
 * MDX and Markdown from reading it as code, tags or markup — on the page (the site's own Markdown
 * processor from astro.config.mjs, as src/lib/content/loader.ts renders every body) and in the
 * description, feed and search excerpt (src/lib/markdown.ts) — and the content check accepts it
 * (nothing in it that MDX would read otherwise).
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import config from '../../../astro.config.mjs';
import { escapeMdx } from '../../../scripts/import/render-content.ts';
import { markdownOnlyProblems } from '../../../scripts/content/markdown-only.ts';
import { paragraphTexts } from '../../../src/lib/markdown.ts';

const PARAGRAPHS = [
  '会议强调{要点}与<附件>并列，路径C:\\docs\\a，*星号*、_下划线_、`代码`、[方括号]都照印。',
  '1. 第一点写在段首。',
  '- 短横线开头的一段。',
  '# 井号开头，> 大于号，+ 加号 2) 与 3\\. 都是正文。',
  '<https://example.org/> 之后是 import 字样。',
  '详见 https://jyt.shanxi.gov.cn/a_b/c*d。网址http://www.sxedu.gov.cn/，另见www.example.org/x_y（官网），邮箱 sx1331@163.com。',
  'import 与 export 开头的一段。',
];

/** The page the site makes of `body`, parsed. */
async function page(body: string) {
  const renderer = await config.markdown!.processor!.createRenderer({});
  return parse((await renderer.render(body)).code);
}

/** The text of each paragraph of that page. */
async function pageText(body: string): Promise<string[]> {
  return (await page(body)).querySelectorAll('p').map((p) => p.textContent);
}

describe('an imported paragraph shows its own text', () => {
  const body = PARAGRAPHS.map(escapeMdx).join('\n\n');
  it('in the description, feed and search excerpt (markdown.ts)', () => {
    expect(paragraphTexts(body)).toEqual(PARAGRAPHS);
  });
  it('on the page', async () => {
    expect(await pageText(body)).toEqual(PARAGRAPHS);
  });
  it('with a web address a link to itself, not running on into the text', async () => {
    const links = (await page(body)).querySelectorAll('a').map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['https://example.org/', 'https://example.org/'],
      ['https://jyt.shanxi.gov.cn/a_b/c*d', 'https://jyt.shanxi.gov.cn/a_b/c*d'],
      ['http://www.sxedu.gov.cn/', 'http://www.sxedu.gov.cn/'],
      ['www.example.org/x_y', 'http://www.example.org/x_y'],
      ['sx1331@163.com', 'mailto:sx1331@163.com'],
    ]);
  });
  it('and passes the content check', () => {
    expect(markdownOnlyProblems(body)).toEqual([]);
  });
});
