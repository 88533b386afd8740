import { describe, expect, it } from 'vitest';
import { TARGETS, verdictMark, verdicts, type ScaleFigures } from '../../../scripts/bench/targets.ts';

const base: ScaleFigures = {
  buildSeconds: TARGETS.buildSeconds,
  peakMemoryBytes: TARGETS.peakMemoryBytes,
  coldQueryBytes: 200_000,
  stockColdQueryBytes: 200_000,
  warmQueryBytes: 100_000,
  stockWarmQueryBytes: 120_000,
  recall: 1,
  rPrecision: 1,
  articlePageBytes: TARGETS.articlePageBytes,
  pdfSecondsPerIssue: 1.7,
  pdfIncrementalSeconds: 6,
};
const byId = (f: ScaleFigures) => Object.fromEntries(verdicts(f).map((v) => [v.id, v]));

describe('the benchmark’s targets', () => {
  it('are met at their limits, and a figure not measured is said to be so, not passed', () => {
    const v = byId(base);
    for (const id of ['build', 'memory', 'coldQuery', 'warmQuery', 'recall', 'rPrecision', 'articlePage', 'pdfPerIssue', 'pdfIncremental']) expect(v[id]!.met, id).toBe(true);
    expect(v['pdfArchive']!.met).toBeUndefined();
    expect(verdictMark(v['pdfArchive']!)).toBe('未测');
  });

  it('say by how much a missed one is over', () => {
    const v = byId({ ...base, buildSeconds: TARGETS.buildSeconds * 1.5, coldQueryBytes: 230_000, rPrecision: 0.99 });
    expect(v['build']).toMatchObject({ met: false, over: 1.5 });
    expect(verdictMark(v['build']!)).toBe('✗（超出 50%）');
    expect(v['coldQuery']).toMatchObject({ met: false, over: 1.15 });
    expect(v['rPrecision']!.met).toBe(false);
  });
});
