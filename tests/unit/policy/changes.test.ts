import { describe, expect, it } from 'vitest';
import { policyChanges } from '../../../src/lib/policy/changes.ts';

const ref = (id: string) => ({ collection: 'policies' as const, id });
const entry = (id: string, data: Partial<Parameters<typeof policyChanges>[0][number]['data']>) => ({
  id,
  data: { status: 'in-force' as const, supersedes: [], repeals: [], ...data },
});

describe('the policy library’s changes', () => {
  const entries = [
    entry('v1', { writtenDate: '2019-03-12', effectiveDate: '2019-04-01', expiryDate: '2024-03-31' }),
    entry('v2', { writtenDate: '2022-03-15', effectiveDate: '2022-05-01', supersedes: [ref('v1')], repeals: [ref('v1')] }),
    entry('notice', { writtenDate: '2020-06-05' }),
    entry('draft', { status: 'draft', supersedes: [ref('notice')] }),
  ];
  it('issued, repealed by a later one, lapsed — newest first, only what has happened', () => {
    expect(policyChanges(entries, '2026-12-01')).toEqual([
      { kind: 'repealed', date: '2022-05-01', id: 'v1', by: 'v2' },
      { kind: 'issued', date: '2022-03-15', id: 'v2' },
      { kind: 'issued', date: '2020-06-05', id: 'notice' },
      { kind: 'issued', date: '2019-03-12', id: 'v1' },
    ]);
    expect(policyChanges(entries, '2022-04-30').map((c) => c.kind)).toEqual(['issued', 'issued', 'issued']);
  });
  it('a document lapses the day after its term, unless revised or repealed before', () => {
    expect(policyChanges([entry('v1', { writtenDate: '2019-03-12', expiryDate: '2024-03-31' })], '2026-12-01')[0]).toEqual({ kind: 'lapsed', date: '2024-04-01', id: 'v1' });
  });
  it('a revision that does not repeal revises', () => {
    const changes = policyChanges([entry('a', { writtenDate: '2019-01-01' }), entry('b', { writtenDate: '2020-01-01', supersedes: [ref('a')] })], '2026-01-01');
    expect(changes[0]).toEqual({ kind: 'revised', date: '2020-01-01', id: 'a', by: 'b' });
  });
});
