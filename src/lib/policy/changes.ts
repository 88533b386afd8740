/**
 * The policy library's changes, for the staff who follow it (the feed at /policies/feed.xml):
 * a document issued (its 成文日期, or 发布日期 when later known), revised or repealed by a later
 * one (from that one's 实施日期), lapsed (the day after its 失效日期, unless it was revised or
 * repealed before). Only what has happened by
 * `today`; newest first. Pure: the caller hands in the documents this edition shows.
 */
import type { PolicyData } from '../../schemas/policy.ts';
import { takesEffect } from './versions.ts';

export type ChangeKind = 'issued' | 'revised' | 'repealed' | 'lapsed';

export interface PolicyChange {
  kind: ChangeKind;
  /** YYYY-MM-DD */
  date: string;
  /** The document the change is about. */
  id: string;
  /** The later document that revised or repealed it. */
  by?: string;
}

export interface ChangeEntry {
  id: string;
  data: Pick<PolicyData, 'status' | 'writtenDate' | 'publishedDate' | 'effectiveDate' | 'expiryDate' | 'repealedDate' | 'supersedes' | 'repeals'>;
}

/** The day after `iso`: a document with 有效期至 2024-03-31 lapses on 2024-04-01. */
const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function policyChanges(entries: readonly ChangeEntry[], today: string): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const ids = new Set(entries.map((e) => e.id));
  for (const { id, data } of entries) {
    if (data.status === 'draft') continue;
    const issued = data.publishedDate ?? data.writtenDate;
    if (issued) changes.push({ kind: 'issued', date: issued, id });
    if (data.expiryDate) changes.push({ kind: 'lapsed', date: dayAfter(data.expiryDate), id });
    if (data.repealedDate && !entries.some((other) => other.data.repeals.some((ref) => ref.id === id))) changes.push({ kind: 'repealed', date: data.repealedDate, id });
    const on = takesEffect(data);
    if (!on) continue;
    for (const ref of data.repeals) if (ids.has(ref.id)) changes.push({ kind: 'repealed', date: on, id: ref.id, by: id });
    for (const ref of data.supersedes) {
      if (ids.has(ref.id) && !data.repeals.some((r) => r.id === ref.id)) changes.push({ kind: 'revised', date: on, id: ref.id, by: id });
    }
  }
  // A document revised or repealed before its term ends does not lapse as well.
  const ended = (id: string, before: string) => changes.some((c) => c.id === id && (c.kind === 'revised' || c.kind === 'repealed') && c.date <= before);
  const order: Record<ChangeKind, number> = { repealed: 0, revised: 1, lapsed: 2, issued: 3 };
  return changes
    .filter((c) => c.kind !== 'lapsed' || !ended(c.id, c.date))
    .filter((c) => c.date <= today).sort((a, b) => b.date.localeCompare(a.date) || order[a.kind] - order[b.kind] || a.id.localeCompare(b.id));
}
