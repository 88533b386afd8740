/**
 * An article's text as its page shows it, worked out once from its body's source: its
 * paragraphs (the search records), the same one a line (what the bulletin published: the
 * sentences a policy page quotes, the titles it counts as quoted, src/lib/edition.ts isQuotedIn)
 * and, cut from its first paragraph, its opening (the page's description and the feed: leadOf,
 * lead.ts). The site works it out once per article and build (src/data/site-content.ts
 * `articleText`) and the content check reads the same (scripts/content/classification.ts): after
 * this, nothing parses the body again.
 *
 * From the source's paragraphs (markdown.ts paragraphTexts), not from the rendered HTML, so that
 * it does not depend on how the page renders the body: the site's Markdown processor today, MDX
 * for a body with components, which hands its text here the same way once its source is read
 * with MDX's syntax.
 */
import { paragraphTexts } from './markdown.ts';

export interface ArticleText {
  /** Each paragraph of the body with text in it, as plain text, in order. */
  paragraphs: string[];
  /** The paragraphs, one a line. */
  text: string;
}

export function articleText(body: string): ArticleText {
  const paragraphs = paragraphTexts(body);
  return { paragraphs, text: paragraphs.join('\n') };
}
