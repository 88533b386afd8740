/**
 * An article's opening as plain text: what link previews, search results and feed readers show
 * under the headline. Cut from the paragraphs the article's text already holds (article-text.ts),
 * so that no summary is written twice and none shows markup or escapes the page does not.
 */

const SENTENCE_END = /[。！？][”’」』]?/g;

/**
 * The first of `paragraphs`, cut to at most `max` characters: at the last sentence end that fits
 * when there is one in the second half, otherwise mid-sentence with ……
 */
export function leadOf(paragraphs: readonly string[], max = 120): string {
  const paragraph = paragraphs[0] ?? '';
  const chars = [...paragraph];
  if (chars.length <= max) return paragraph;
  const head = chars.slice(0, max).join('');
  let cut = -1;
  for (const match of head.matchAll(SENTENCE_END)) cut = match.index + match[0].length;
  if ([...head.slice(0, cut)].length >= max / 2) return head.slice(0, cut);
  return `${chars.slice(0, max - 2).join('')}……`;
}
