/**
 * An article's opening as plain text: what link previews, search results and feed readers show
 * under the headline. Taken from the body itself, so that no summary is written twice.
 */

/** Markdown and MDX syntax a paragraph may carry, removed to leave what a reader sees. */
function plainText(paragraph: string): string {
  return paragraph
    .replace(/<[^>]+>/g, '') // JSX / HTML tags
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '') // images
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links keep their text
    .replace(/(\*\*|__|\*|`)/g, '')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-+]\s+|\d+\.\s+)/gm, '')
    .replace(/\s*\n\s*/g, '')
    .trim();
}

const SENTENCE_END = /[。！？][”’」』]?/g;

/**
 * The first paragraph of `body` with text in it, cut to at most `max` characters: at the last
 * sentence end that fits when there is one in the second half, otherwise mid-sentence with ……
 */
export function leadOf(body: string, max = 120): string {
  const paragraph =
    body
      .split(/\n\s*\n/)
      .filter((block) => !/^\s*(?:import|export)\s/.test(block))
      .map(plainText)
      .find(Boolean) ?? '';
  const chars = [...paragraph];
  if (chars.length <= max) return paragraph;
  const head = chars.slice(0, max).join('');
  let cut = -1;
  for (const match of head.matchAll(SENTENCE_END)) cut = match.index + match[0].length;
  if ([...head.slice(0, cut)].length >= max / 2) return head.slice(0, cut);
  return `${chars.slice(0, max - 2).join('')}……`;
}
