/**
 * What readers see: a paragraph the importer writes shows its own text, not the escapes that keep
 * MDX and Markdown from reading it as code, tags or markup — on the page (the MDX compiler, as
 * Astro's @astrojs/mdx uses it) and in the description, feed and search excerpt (src/lib/markdown.ts).
 */
import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import { escapeMdx } from '../../../scripts/import/render-content.ts';
import { paragraphTexts } from '../../../src/lib/markdown.ts';

const PARAGRAPHS = [
  '会议强调{要点}与<附件>并列，路径C:\\docs\\a，*星号*、_下划线_、`代码`、[方括号]都照印。',
  '1. 第一点写在段首。',
  '- 短横线开头的一段。',
  '# 井号开头，> 大于号，+ 加号 2) 与 3\\. 都是正文。',
];

/** The text of the page MDX makes of `body`: its paragraphs' text, as the reader sees it. */
async function pageText(body: string): Promise<string[]> {
  const code = String(await compile(body, { outputFormat: 'function-body' }));
  // The compiled page holds each paragraph's text as string literals of the p element's children.
  const texts: string[] = [];
  for (const m of code.matchAll(/_jsx\(_components\.p, \{\s*children: ("(?:[^"\\]|\\.)*")\s*\}\)/g)) texts.push(JSON.parse(m[1]!) as string);
  return texts;
}

describe('an imported paragraph shows its own text', () => {
  const body = PARAGRAPHS.map(escapeMdx).join('\n\n');
  it('in the description, feed and search excerpt (markdown.ts)', () => {
    expect(paragraphTexts(body)).toEqual(PARAGRAPHS);
  });
  it('on the page (MDX)', async () => {
    expect(await pageText(body)).toEqual(PARAGRAPHS);
  });
});
