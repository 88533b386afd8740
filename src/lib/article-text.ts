/**
 * An article's text as its page shows it, worked out once from its body's source: its
 * paragraphs (the search records), the same one a line (what the bulletin published: the
 * sentences a policy page quotes, the titles it counts as quoted, src/lib/edition.ts isQuotedIn)
 * and, cut from its first paragraph, its opening (the page's description and the feed: leadOf,
 * lead.ts). The site works it out once per article and build (src/data/site-content.ts
 * `articleText`) and the content check reads the same (scripts/content/classification.ts): after
 * this, nothing parses the body again.
 *
 * From the source's paragraphs (markdown.ts bodyTexts), not from the rendered HTML, so that
 * it does not depend on how the page renders the body: the site's Markdown processor, or MDX for
 * a body with components, whose source is read with MDX's syntax. What the components show (a
 * photo's 图注, a table's title, an editor's note: `components`) is kept apart from the paragraphs,
 * which are what the bulletin published: the search takes both, the opening and the quoted
 * sentences the paragraphs alone.
 */
import { bodyTexts } from './markdown.ts';

export interface ArticleText {
  /** Each paragraph of the body with text in it, as plain text, in order. */
  paragraphs: string[];
  /** The paragraphs, one a line. */
  text: string;
  /** What the body's components and tables show as text (a table a row a line, a CSV file's too), in order (markdown.ts bodyTexts); [] without either. */
  components: string[];
}

/** `besideText`: the text of a file beside the article by its name, for a 表格 from a CSV file (markdown.ts bodyTexts). */
export function articleText(body: string, besideText?: (name: string) => string | undefined): ArticleText {
  const { paragraphs, components } = bodyTexts(body, besideText);
  return { paragraphs, text: paragraphs.join('\n'), components };
}
