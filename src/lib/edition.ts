import type { Visibility } from '../schemas/policy.ts';

/** Which site is being built: the public one, or the staff one that adds internal entries. */
export type Edition = 'public' | 'internal';

export const EDITIONS: readonly Edition[] = ['public', 'internal'];

export function parseEdition(value: string | undefined): Edition {
  if (value === undefined || value === '' || value === 'public') return 'public';
  if (value === 'internal') return 'internal';
  throw new Error(`SITE_EDITION must be "public" or "internal", not "${value}"`);
}

/** Whether an entry of the given visibility belongs in the edition. Entries without a visibility are public. */
export function isVisibleIn(edition: Edition, visibility: Visibility | undefined): boolean {
  return edition === 'internal' || (visibility ?? 'public') === 'public';
}

/**
 * Whether a page of the public edition may name a hidden entry (as plain text, without a link):
 * only when the page's own published text already quotes the entry's title. Then a
 * `mentionedIn` or `supersedes` on an internal entry never tells the public edition more than
 * was published: neither a title nor that the entry exists.
 */
export function isQuotedIn(title: string, publishedText: string): boolean {
  return title.length > 0 && publishedText.includes(title);
}
