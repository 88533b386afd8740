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
import { statusNotice, type DocumentRef, type StatusNotice } from '../lib/policy/status.ts';

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
const notices = new Map<string, StatusNotice | undefined>();
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
  notices.clear();
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

const refOf = (policy: Policy): DocumentRef => ({ id: policy.id, title: policy.data.title, docNumber: policy.data.docNumber });

/** The version of a policy's lineage in force today (the newest that is), if this edition shows one. */
export function currentVersion(policy: Policy): Policy | undefined {
  if (!everyPolicy) throw new Error('currentVersion: the content is not loaded yet (call getSiteContent() first)');
  const byId = new Map(everyPolicy.map((p) => [p.id, p]));
  return policyView(policy)
    .versions.flatMap((id) => byId.get(id) ?? [])
    .findLast((version) => policyView(version).validity === '现行有效');
}

/**
 * What a reader must be told about a policy wherever they land on it (src/lib/policy/status.ts):
 * undefined for one 现行有效. Names only documents this edition shows.
 */
export function policyNotice(policy: Policy): StatusNotice | undefined {
  if (!everyPolicy) throw new Error('policyNotice: the content is not loaded yet (call getSiteContent() first)');
  if (notices.has(policy.id)) return notices.get(policy.id);
  const byId = new Map(everyPolicy.map((p) => [p.id, p]));
  const view = policyView(policy);
  const current = currentVersion(policy);
  const notice = statusNotice({
    validity: view.validity,
    effectiveDate: policy.data.effectiveDate,
    expiryDate: policy.data.expiryDate,
    repealedDate: policy.data.repealedDate,
    asOf: view.asOf,
    acts: view.acts.map((act) => {
      const by = byId.get(act.by);
      return { act: act.act, on: act.on, by: by && refOf(by) };
    }),
    current: current && refOf(current),
    id: policy.id,
  });
  notices.set(policy.id, notice);
  return notice;
}
