/**
 * What a policy's pages need beyond its fields, worked out once per build from the content:
 * its text's structure (src/lib/policy/structure.ts), its 时效性 as of the build date, the date
 * it is listed by, the document an 印发 notice carries. Pages, the PDF manifest and the search
 * read these; none of them parses the body again.
 */
import type { Policy } from './site.ts';
import { previousVersion, successorActs, versionsOf } from '../lib/policy/versions.ts';
import { structureDocument, hasText, type DocumentText } from '../lib/policy/structure.ts';
import { carriedDocument, policyDate, validityOn, type Validity } from '../lib/policy/facts.ts';

/**
 * The day 时效性 is worked out for: SITE_BUILD_DATE (YYYY-MM-DD) when set, so that a test or a
 * rebuild of an old site can fix it, else today in China (UTC+8).
 */
export function buildDate(env: Record<string, string | undefined> = process.env, now = new Date()): string {
  const fixed = env['SITE_BUILD_DATE'];
  if (fixed) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(fixed)) throw new Error(`SITE_BUILD_DATE 应写作 YYYY-MM-DD，实际为“${fixed}”`);
    return fixed;
  }
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export interface PolicyView {
  text: DocumentText;
  /** Whether the site holds the document's text (else it is a catalogue entry). */
  hasText: boolean;
  validity: Validity;
  /** The day `validity` holds for. */
  asOf: string;
  /** publishedDate ?? writtenDate */
  date: string | undefined;
  /** The document an 印发 notice carries, when it is one: its attachment number (0 when not attached) and title. */
  carried: { number: number; title: string } | undefined;
  /** Every version of the document, oldest first, this one among them (ids; some may be hidden from this edition). */
  versions: string[];
  /** The version before this one, which its 对照 page compares it with. */
  previous: string | undefined;
  /** What later documents do to this one: revise it (已修订) or repeal it (已废止), from when. */
  acts: Array<{ by: string; act: 'revises' | 'repeals'; on: string | undefined }>;
}

const views = new Map<string, PolicyView>();
let everyPolicy: Policy[] | undefined;

/**
 * Hands over the policies of this edition (src/data/site.ts does, as it loads the content): a
 * policy's versions and its 时效性 depend on what the others do to it. Only what this edition
 * shows counts, so that the public edition never tells, not even by a 已修订, that a document
 * it does not hold exists (src/lib/edition.ts).
 */
export function registerPolicies(all: readonly Policy[]): void {
  everyPolicy = [...all];
  views.clear();
}

/** What a policy's pages need (see PolicyView); only after getSiteContent() has loaded the content. */
export function policyView(policy: Policy): PolicyView {
  if (!everyPolicy) throw new Error('policyView: the content is not loaded yet (call getSiteContent() first)');
  let view = views.get(policy.id);
  if (!view) {
    const text = structureDocument(policy.body ?? '');
    const asOf = buildDate();
    const acts = successorActs(policy.id, everyPolicy);
    view = {
      text,
      hasText: hasText(text),
      validity: validityOn(policy.data, asOf, acts),
      asOf,
      date: policyDate(policy.data),
      carried: carriedDocument(policy.data.title, policy.data.attachments),
      versions: versionsOf(policy.id, everyPolicy),
      previous: previousVersion(policy.id, everyPolicy),
      acts,
    };
    views.set(policy.id, view);
  }
  return view;
}
