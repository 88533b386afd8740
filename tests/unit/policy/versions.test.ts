import { describe, expect, it } from 'vitest';
import { previousVersion, successorActs, versionsOf } from '../../../src/lib/policy/versions.ts';

const entry = (id: string, writtenDate: string, supersedes: string[] = [], repeals: string[] = [], effectiveDate?: string, status: 'draft' | 'in-force' = 'in-force') => ({
  id,
  data: { status, writtenDate, effectiveDate, publishedDate: undefined, supersedes: supersedes.map((s) => ({ collection: 'policies' as const, id: s })), repeals: repeals.map((s) => ({ collection: 'policies' as const, id: s })) },
});

describe('versions', () => {
  const all = [entry('v3', '2023-01-01', ['v2']), entry('v1', '2019-01-01'), entry('other', '2020-01-01'), entry('v2', '2021-01-01', ['v1'], ['v1'], '2021-05-01')];
  it('a version knows the whole lineage, oldest first, from any member', () => {
    expect(versionsOf('v1', all)).toEqual(['v1', 'v2', 'v3']);
    expect(versionsOf('v3', all)).toEqual(['v1', 'v2', 'v3']);
    expect(versionsOf('other', all)).toEqual(['other']);
    expect(previousVersion('v2', all)).toBe('v1');
    expect(previousVersion('v1', all)).toBeUndefined();
  });
  it('what a later document does to an earlier one, and from when', () => {
    expect(successorActs('v1', all)).toEqual([{ by: 'v2', act: 'repeals', on: '2021-05-01' }]);
    expect(successorActs('v2', all)).toEqual([{ by: 'v3', act: 'revises', on: '2023-01-01' }]);
    expect(successorActs('v3', all)).toEqual([]);
  });
  it('a draft revision does nothing yet', () => {
    expect(successorActs('v1', [entry('v1', '2019-01-01'), entry('draft', '2024-01-01', ['v1'], [], undefined, 'draft')])).toEqual([]);
  });
});
