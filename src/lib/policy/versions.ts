/**
 * A document's versions: the entries joined by `supersedes` (a revision names the version it
 * replaces), oldest first, and what a later document does to an earlier one once it takes
 * effect — revises it (已修订) or repeals it (已废止, its own words: …同时废止). Pure: the
 * caller hands in every policy of the content, whatever the edition, because whether a
 * document is still in force does not depend on who may read its successor.
 */
import type { PolicyData } from '../../schemas/policy.ts';
import { policyDate } from './facts.ts';

export interface VersionEntry {
  id: string;
  data: Pick<PolicyData, 'status' | 'supersedes' | 'repeals' | 'writtenDate' | 'effectiveDate' | 'publishedDate'>;
}

/** The day a document starts to act on others: its 实施日期, else its 发布日期 or 成文日期. */
export const takesEffect = (data: VersionEntry['data']) => data.effectiveDate ?? policyDate(data);

/**
 * What later documents do to `id`, each with the day it happens (undefined when no date is
 * known). A draft does nothing yet: a revision still being written leaves the version in force.
 */
export function successorActs(id: string, all: readonly VersionEntry[]): Array<{ by: string; act: 'revises' | 'repeals'; on: string | undefined }> {
  return all.flatMap((other) => {
    if (other.data.status === 'draft') return [];
    const repeals = other.data.repeals.some((ref) => ref.id === id);
    const revises = other.data.supersedes.some((ref) => ref.id === id);
    return repeals || revises ? [{ by: other.id, act: repeals ? ('repeals' as const) : ('revises' as const), on: takesEffect(other.data) }] : [];
  });
}

/** Every version of the document `id` belongs to, oldest first (by 成文日期, then by the chain). */
export function versionsOf(id: string, all: readonly VersionEntry[]): string[] {
  const byId = new Map(all.map((entry) => [entry.id, entry]));
  const lineage = new Set<string>([id]);
  // Both ways along `supersedes`, until nothing new joins.
  let grew = true;
  while (grew) {
    grew = false;
    for (const entry of all) {
      const earlier = entry.data.supersedes.map((ref) => ref.id);
      const linked = lineage.has(entry.id) ? earlier.filter((e) => byId.has(e)) : earlier.some((e) => lineage.has(e)) ? [entry.id] : [];
      for (const other of linked) if (!lineage.has(other)) (lineage.add(other), (grew = true));
    }
  }
  const depth = (vid: string, seen = new Set<string>()): number => {
    if (seen.has(vid)) return 0;
    seen.add(vid);
    const earlier = byId.get(vid)?.data.supersedes.map((ref) => ref.id).filter((e) => lineage.has(e)) ?? [];
    return earlier.length ? 1 + Math.max(...earlier.map((e) => depth(e, seen))) : 0;
  };
  return [...lineage].sort((a, b) => depth(a) - depth(b) || (byId.get(a)?.data.writtenDate ?? '').localeCompare(byId.get(b)?.data.writtenDate ?? ''));
}

/** The version just before `id` in its lineage, which its comparison page (对照) sets beside it. */
export function previousVersion(id: string, all: readonly VersionEntry[]): string | undefined {
  const versions = versionsOf(id, all);
  const at = versions.indexOf(id);
  return at > 0 ? versions[at - 1] : undefined;
}
