/**
 * The text Pagefind indexes for a page, and the way back to readable text.
 *
 * Pagefind matches whole indexed words by prefix and finds a quoted phrase only where its words
 * sit at consecutive positions. Chinese has no spaces, so stock Pagefind segments it into words
 * and a query that cuts a word (医科 in 山西医科大学) or spans two words finds pieces. Here every
 * run of units becomes its overlapping pairs — 山西 西医 医科 科大 大学 — followed by its last
 * unit alone (学), so that:
 *   - any phrase of two or more units is a run of consecutive pairs: an exact, quoted search;
 *   - any single unit starts some token (the last one has its own), so a one-character query
 *     finds every occurrence by prefix;
 *   - punctuation and paragraph breaks take a position of their own without being indexed,
 *     so no phrase matches across them.
 * Tokens keep the text's units, so the content decodes back into readable text: the build puts
 * that text in each result's fragment in place of the pairs (scripts/search/fragments.ts).
 */
import { analyse, isSeparator, isUnitChar, splitUnits, type Unit } from './units.ts';

/** Stands for a paragraph break in the content. */
export const PARAGRAPH = '¶';
/** Stands for a space inside a separator (content tokens are split on whitespace). */
export const SPACE_MARK = '␣';

/** The tokens of one run: its overlapping pairs, then its last unit; or the unit alone. */
export function runTokens(run: readonly Unit[]): string[] {
  if (run.length === 1) return [run[0]!.text];
  const tokens: string[] = [];
  for (let i = 0; i + 1 < run.length; i++) tokens.push(run[i]!.text + run[i + 1]!.text);
  tokens.push(run.at(-1)!.text);
  return tokens;
}

/** The phrase a run is searched as: its pairs only (its last unit alone would not follow them in the middle of a longer run). */
export function runPhrase(run: readonly Unit[]): string[] {
  return run.length === 1 ? [run[0]!.text] : runTokens(run).slice(0, -1);
}

/** The content to index for a page whose text is `blocks` (its paragraphs, headings, cells…), in reading order. */
export function encodeContent(blocks: readonly string[]): string {
  const tokens: string[] = [];
  for (const block of blocks) {
    const text = block.trim();
    if (!text) continue;
    if (tokens.length) tokens.push(PARAGRAPH);
    for (const piece of analyse(text)) {
      if (isSeparator(piece)) tokens.push(piece.separator.replace(/\s+/gu, SPACE_MARK));
      else tokens.push(...runTokens(piece));
    }
  }
  return tokens.join(' ');
}

/** Readable text from indexed content: paragraphs on lines of their own, spaces inside runs gone. */
export function decodeContent(content: string): string {
  let text = '';
  let inRun = false;
  for (const token of content.split(/\s+/u)) {
    if (!token) continue;
    if (token === PARAGRAPH) {
      text += '\n';
      inRun = false;
    } else if (![...token].some(isUnitChar)) {
      text += token.replaceAll(SPACE_MARK, ' ');
      inRun = false;
    } else {
      const units = splitUnits(token);
      if (units.length >= 2) {
        text += inRun ? units.slice(1).join('') : units.join('');
        inRun = true;
      } else if (inRun) {
        // The last unit of a run, repeated alone: already written.
        inRun = false;
      } else {
        text += token;
      }
    }
  }
  return text;
}
