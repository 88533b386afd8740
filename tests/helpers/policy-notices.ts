/**
 * What the site must tell a reader of each synthetic document (tests/fixtures/official/,
 * 合成测试数据), worked out from the fixtures with the site's own libraries, as the build does
 * (src/data/policies.ts policyNotice): its 时效性 on the specimen's build date, and the notice
 * (src/lib/policy/status.ts) with the documents that replaced it. Tests read their
 * expectations from here rather than writing them in.
 */
import type { PolicyData } from '../../src/schemas/policy.ts';
import { validityOn, type Validity } from '../../src/lib/policy/facts.ts';
import { successorActs, versionsOf } from '../../src/lib/policy/versions.ts';
import { statusNotice, type DocumentRef, type StatusNotice } from '../../src/lib/policy/status.ts';

export interface NoticeEntry {
  id: string;
  data: PolicyData;
}

export function noticesOf(entries: readonly NoticeEntry[], asOf: string): Map<string, { validity: Validity; notice: StatusNotice | undefined }> {
  const refs = (ids: unknown) => (Array.isArray(ids) ? ids.map((r) => ({ collection: 'policies' as const, id: typeof r === 'string' ? r : (r as { id: string }).id })) : []);
  const all = entries.map((e) => ({ id: e.id, data: { ...e.data, supersedes: refs(e.data.supersedes), repeals: refs(e.data.repeals) } }));
  const byId = new Map(all.map((e) => [e.id, e]));
  const validity = (id: string) => validityOn(byId.get(id)!.data, asOf, successorActs(id, all));
  const ref = (id: string): DocumentRef => ({ id, title: byId.get(id)!.data.title, docNumber: byId.get(id)!.data.docNumber });
  return new Map(
    all.map((e) => {
      const current = versionsOf(e.id, all).filter((v) => byId.has(v)).findLast((v) => validity(v) === '现行有效');
      const notice = statusNotice({
        validity: validity(e.id),
        effectiveDate: e.data.effectiveDate,
        expiryDate: e.data.expiryDate,
        repealedDate: e.data.repealedDate,
        asOf,
        acts: successorActs(e.id, all).map((a) => ({ act: a.act, on: a.on, by: ref(a.by) })),
        current: current ? ref(current) : undefined,
        id: e.id,
      });
      return [e.id, { validity: validity(e.id), notice }];
    }),
  );
}
