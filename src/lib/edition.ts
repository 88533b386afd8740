import { PUBLIC_DISCLOSURES, type Disclosure, type Visibility } from '../schemas/policy.ts';

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

/** What decides whether a policy may be public (a policy entry's data has these fields). */
export interface PolicyClassification {
  visibility: Visibility;
  secrecy?: string | undefined;
  secrecyPeriod?: string | undefined;
  disclosure?: Disclosure | undefined;
  mentionedIn: readonly unknown[];
}

/**
 * Whether a policy belongs in the public edition: marked public, with no 密级, and either
 * disclosed as public (主动公开 or 公开发布) or a catalogue entry without text or 公开方式 that
 * names the bulletin article it comes from. The content check refuses every other public entry
 * with its reason (scripts/content/classification.ts); the site applies this too, so that such an
 * entry never reaches a public page even if the check were skipped.
 */
export function isPublicPolicy(policy: PolicyClassification, hasBody: boolean): boolean {
  if (policy.visibility !== 'public' || policy.secrecy || policy.secrecyPeriod) return false;
  if (policy.disclosure) return PUBLIC_DISCLOSURES.includes(policy.disclosure);
  return !hasBody && policy.mentionedIn.length > 0;
}
