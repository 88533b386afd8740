/**
 * What the printed 第2期 says, read straight from the text extracted from its PDF
 * (tests/fixtures/seed-2017-02.txt), undoing only what extraction did: headlines wrapped over
 * lines, paragraphs cut at page breaks, spaces around digits. Tests compare the site to this,
 * not to the content files, so that a slip in the content shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './content-copy.ts';

const text = readFileSync(join(PROJECT_ROOT, 'tests/fixtures/seed-2017-02.txt'), 'utf8');
const blocks = text.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** The 要目 as printed, one headline per item. */
export const seedHeadlines: string[] = blocks
  .find((b) => b.startsWith('- '))!
  .split('\n')
  .map((line) => squeeze(line.replace(/^- /, '')));

export interface SeedArticle {
  headline: string;
  paragraphs: string[];
}

/** The seven articles, each with its paragraphs whole. */
export const seedArticles: SeedArticle[] = (() => {
  const start = blocks.findIndex((b) => b.startsWith('- ')) + 1;
  const end = blocks.findIndex((b) => b.startsWith('主 办'));
  const articles: SeedArticle[] = [];
  let carry = '';
  for (const block of blocks.slice(start, end)) {
    const headline = seedHeadlines.find((h) => h === squeeze(block));
    if (headline) {
      articles.push({ headline, paragraphs: [] });
      continue;
    }
    // A paragraph that does not end a sentence was cut by a page break: the next block continues it.
    const paragraph = carry + block;
    if (/[。！？”]$/.test(paragraph)) {
      articles.at(-1)!.paragraphs.push(paragraph);
      carry = '';
    } else {
      carry = paragraph;
    }
  }
  return articles;
})();

/** The closing block's lines, spaces inside the Chinese removed: 主办：山西省教育厅1331办公室. */
export const seedClosingLines: string[] = blocks
  .slice(blocks.findIndex((b) => b.startsWith('主 办')))
  .map((b) => b.replace(/\n/g, ''))
  .map((b) => b.replace(/(?<=[^\x00-\x7f]) +| +(?=[^\x00-\x7f])/g, ''));
