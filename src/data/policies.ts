/**
 * What a policy's pages need beyond its fields, worked out once per build from the content:
 * its text's structure (src/lib/policy/structure.ts), its 时效性 as of the build date, the date
 * it is listed by, the document an 印发 notice carries, its versions and what repeals it. The
 * site's content (src/data/site-content.ts) hands them out; pages, the PDF manifest and the search
 * read them there, and none of them parses the body again or decides any of it.
 */
import type { Policy } from './site-content.ts';
import { isQuotedIn } from '../lib/edition.ts';
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

/** What a policy's page shows of the documents around it, as decided here so that the page only renders it. */
export interface PolicyRelations {
  /** Every version of the document this edition shows, oldest first (listed under 历次版本). */
  versions: Policy[];
  /** What it repeals besides its own earlier versions: shown, or hidden but quoted in its text. */
  repeals: Policy[];
  /** What repeals it besides its own later versions: shown, or hidden but quoted in its text. */
  repealedBy: Policy[];
}

/** Everything worked out about the policies of an edition; each answer once, on first asking. */
export interface PolicyViews {
  /** What a policy's pages need (see PolicyView). */
  policyView: (policy: Policy) => PolicyView;
  /** The version of a policy's lineage in force (the newest that is), if this edition shows one. */
  currentVersion: (policy: Policy) => Policy | undefined;
  /**
   * What a reader must be told about a policy wherever they land on it (src/lib/policy/status.ts):
   * undefined for one 现行有效. Names only documents this edition shows.
   */
  policyNotice: (policy: Policy) => StatusNotice | undefined;
  /** Its versions, and what it repeals or is repealed by (see PolicyRelations). */
  policyRelations: (policy: Policy) => PolicyRelations;
}

const refOf = (policy: Policy): DocumentRef => ({ id: policy.id, title: policy.data.title, docNumber: policy.data.docNumber });

/**
 * The views of an edition's policies (`shown`) as of the day `asOf`; `hidden`, the policies it
 * does not show, are named only where a page's own text quotes them (src/lib/edition.ts). A
 * policy's versions and its 时效性 depend on what the others do to it, and only what this
 * edition shows counts, so that the public edition never tells, not even by a 已修订, that a
 * document it does not hold exists. No state outside the returned functions: two editions' views
 * never mix.
 */
export function policyViews(shown: readonly Policy[], hidden: readonly Policy[], asOf: string): PolicyViews {
  const byId = new Map(shown.map((p) => [p.id, p]));
  const visible = new Set(byId.keys());
  const views = new Map<string, PolicyView>();
  const notices = new Map<string, StatusNotice | undefined>();

  const policyView = (policy: Policy): PolicyView => {
    let view = views.get(policy.id);
    if (!view) {
      const text = structureDocument(policy.body ?? '');
      const acts = successorActs(policy.id, shown);
      view = {
        text,
        hasText: hasText(text),
        validity: validityOn(policy.data, asOf, acts),
        asOf,
        date: policyDate(policy.data),
        carried: carriedDocument(policy.data.title, policy.data.attachments),
        versions: versionsOf(policy.id, shown),
        previous: previousVersion(policy.id, shown),
        acts,
      };
      views.set(policy.id, view);
    }
    return view;
  };

  const currentVersion = (policy: Policy) =>
    policyView(policy)
      .versions.flatMap((id) => byId.get(id) ?? [])
      .findLast((version) => policyView(version).validity === '现行有效');

  const policyNotice = (policy: Policy): StatusNotice | undefined => {
    if (notices.has(policy.id)) return notices.get(policy.id);
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
  };

  const all = [...shown, ...hidden];
  const policyRelations = (policy: Policy): PolicyRelations => {
    const view = policyView(policy);
    // Its versions are listed under 历次版本; what it repeals, or what repeals it, besides them.
    const lineage = new Set(view.versions);
    // A hidden policy is named only where this page's own text quotes it.
    const named = (list: Policy[]) => list.filter((p) => visible.has(p.id) || isQuotedIn(p.data.title, policy.body ?? ''));
    return {
      versions: view.versions.flatMap((id) => byId.get(id) ?? []),
      repeals: named(policy.data.repeals.flatMap((ref) => all.filter((p) => p.id === ref.id && !lineage.has(p.id)))),
      repealedBy: named(all.filter((p) => !lineage.has(p.id) && p.data.repeals.some((ref) => ref.id === policy.id))),
    };
  };

  return { policyView, currentVersion, policyNotice, policyRelations };
}
