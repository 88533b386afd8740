/**
 * What the site works out from a policy entry's fields, once, for every page, the search, the
 * feed and the PDFs: the date it is listed by, its 时效性 as of a given day, the document an
 * 印发 notice carries, and the lines of its 附注 and 版记 as printed.
 */
import { DISCLOSURES, type Disclosure, type PolicyAttachment, type PolicyData, type PolicyStatus } from '../../schemas/policy.ts';
import type { Validity } from './validity.ts';

export { VALIDITIES, VALIDITY_SLUGS, type Validity } from './validity.ts';

/** The date a policy is listed and sorted by: when it was published, else when it was written. */
export function policyDate(policy: Pick<PolicyData, 'publishedDate' | 'writtenDate'>): string | undefined {
  return policy.publishedDate ?? policy.writtenDate;
}

/** What a later document does to this one (src/lib/policy/versions.ts successorActs), and from when. */
export interface SuccessorAct {
  act: 'revises' | 'repeals';
  on: string | undefined;
}

/**
 * A policy's 时效性 on `today` (YYYY-MM-DD): 起草中 for a draft; 已废止 and 已修订 as recorded;
 * 已废止 once a later document that repeals it has taken effect (or its 废止日期 has come),
 * 已修订 once a revision of it has; 已失效 once its 失效日期 has passed; 尚未施行 before its
 * 实施日期; 不详 when no date says it has taken effect (no 实施日期, 成文日期 or 发布日期: an
 * entry known only from a bulletin's mention), since nothing then backs a 现行有效; otherwise
 * 现行有效.
 */
export function validityOn(
  policy: Pick<PolicyData, 'status' | 'effectiveDate' | 'expiryDate' | 'repealedDate'> & Partial<Pick<PolicyData, 'writtenDate' | 'publishedDate'>>,
  today: string,
  acts: readonly SuccessorAct[] = [],
): Validity {
  const byStatus: Record<PolicyStatus, Validity | undefined> = { draft: '起草中', repealed: '已废止', amended: '已修订', 'in-force': undefined };
  const recorded = byStatus[policy.status];
  if (recorded) return recorded;
  const inEffect = acts.filter((a) => a.on === undefined || a.on <= today);
  if (inEffect.some((a) => a.act === 'repeals') || (policy.repealedDate && policy.repealedDate <= today)) return '已废止';
  if (inEffect.some((a) => a.act === 'revises')) return '已修订';
  if (policy.expiryDate && policy.expiryDate < today) return '已失效';
  if (policy.effectiveDate && policy.effectiveDate > today) return '尚未施行';
  if (!policy.effectiveDate && !policy.writtenDate && !policy.publishedDate) return '不详';
  return '现行有效';
}

/** The document an 印发 / 转发 notice carries: 关于印发《…办法》的通知 → the attachment of that title. */
export function carriedDocument(title: string, attachments: readonly PolicyAttachment[]): { number: number; title: string } | undefined {
  const m = /关于(?:印发|转发|发布|颁布)《(.+?)》的通知$/.exec(title);
  if (!m) return undefined;
  const index = attachments.findIndex((a) => a.title === m[1]);
  return { number: index === -1 ? 0 : index + 1, title: m[1]! };
}

/** The 附注 as printed: （此件主动公开） first, then the other notes, each in brackets. */
export function noteLines(policy: Pick<PolicyData, 'disclosure' | 'notes'>): string[] {
  return [...(policy.disclosure ? [`此件${policy.disclosure}`] : []), ...policy.notes].map((note) => `（${note}）`);
}

/** The 公开方式 a 附注 line states: （此件主动公开） → 主动公开, （此件公开发布） → 公开发布. */
export function disclosureOf(note: string): Disclosure | undefined {
  const m = new RegExp(`^[（(]?\\s*此\\s*件\\s*(${DISCLOSURES.join('|')})\\s*[)）。.]?\\s*[)）]?$`).exec(note.trim());
  return m ? (m[1] as Disclosure) : undefined;
}

/** The issuers that sign, in order: the 发文机关 and any co-issuers. */
export function signatories(policy: Pick<PolicyData, 'issuer' | 'coIssuers'>): string[] {
  return [...(policy.issuer ? [policy.issuer] : []), ...policy.coIssuers];
}

/** A title in book-title marks, its own 《》 turned into 〈〉 as Chinese nests them: 《关于印发〈…办法〉的通知》. */
export function quotedTitle(title: string): string {
  return `《${title.replace(/《/g, '〈').replace(/》/g, '〉')}》`;
}
