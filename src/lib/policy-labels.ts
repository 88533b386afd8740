import type { PolicyStatus } from '../schemas/policy.ts';

/** How each status reads on the site. */
export const STATUS_LABELS: Record<PolicyStatus, string> = {
  draft: '起草中',
  'in-force': '现行有效',
  amended: '已修订',
  repealed: '已废止',
};

/** The order statuses are listed in: what applies first. */
export const STATUS_ORDER: readonly PolicyStatus[] = ['in-force', 'amended', 'draft', 'repealed'];

export function statusLabel(status: PolicyStatus): string {
  return STATUS_LABELS[status];
}

/** Shown where a field's value is not known: never guessed. */
export const UNKNOWN = '不详';
