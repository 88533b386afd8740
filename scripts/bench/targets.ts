/**
 * What the archive benchmark is held to (docs/benchmarks.md; the targets of the scale issue),
 * each as a check of the measured figures: whether it is met, and by how much it is missed.
 * The benchmark prints every figure beside its target and stock Pagefind's, and the JSON line
 * carries the verdicts.
 */

/** The figures of one archive size that the targets read. Bytes and seconds as measured. */
export interface ScaleFigures {
  buildSeconds: number;
  peakMemoryBytes: number;
  coldQueryBytes: number;
  stockColdQueryBytes: number;
  warmQueryBytes: number;
  stockWarmQueryBytes: number;
  recall?: number | undefined;
  rPrecision?: number | undefined;
  articlePageBytes: number;
  /** Seconds per issue printed, from an empty cache. */
  pdfSecondsPerIssue?: number | undefined;
  /** The whole archive's PDFs from an empty cache, measured (not extrapolated). */
  pdfArchiveSeconds?: number | undefined;
  pdfIncrementalSeconds?: number | undefined;
}

export interface Verdict {
  id: string;
  /** What is held, in Chinese, for the table. */
  label: string;
  /** The target as written: ≤ 180 s. */
  target: string;
  /** The measured figure, formatted. */
  value: string;
  /** True when met; undefined when the run did not measure it. */
  met: boolean | undefined;
  /** For a missed target: the figure over its limit, as a ratio (1.25 = 25 % over). */
  over?: number;
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const GB = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;

/** An upper limit: met when value ≤ limit; `over` is value / limit when not. */
function atMost(id: string, label: string, value: number | undefined, limit: number, format: (n: number) => string, target = `≤ ${format(limit)}`): Verdict {
  if (value === undefined) return { id, label, target, value: '未测', met: undefined };
  const met = value <= limit;
  return { id, label, target, value: format(value), met, ...(met ? {} : { over: Number((value / limit).toFixed(3)) }) };
}

export const TARGETS = {
  buildSeconds: 180,
  peakMemoryBytes: 2 * 1024 ** 3,
  coldQueryRatio: 1,
  articlePageBytes: 20 * 1024,
  pdfSecondsPerIssue: 2,
  pdfArchiveSeconds: 30 * 60,
  pdfIncrementalSeconds: 30,
} as const;

/** Every target's verdict for one size's figures. */
export function verdicts(f: ScaleFigures): Verdict[] {
  const seconds = (n: number) => `${n.toFixed(1)} s`;
  const minutes = (n: number) => `${(n / 60).toFixed(1)} min`;
  const ratio = (n: number) => `${n.toFixed(2)} ×`;
  const quality = (n: number) => n.toFixed(3);
  const atLeast = (id: string, label: string, value: number | undefined, floor: number): Verdict =>
    value === undefined ? { id, label, target: `= ${quality(floor)}`, value: '未测', met: undefined } : { id, label, target: `= ${quality(floor)}`, value: quality(value), met: value >= floor };
  return [
    atMost('build', '构建（站点与索引，不含 PDF）', f.buildSeconds, TARGETS.buildSeconds, seconds),
    atMost('memory', '峰值内存（各进程之和）', f.peakMemoryBytes, TARGETS.peakMemoryBytes, GB),
    atMost('coldQuery', '首次查询传输（与原版之比）', f.coldQueryBytes / f.stockColdQueryBytes, TARGETS.coldQueryRatio, ratio, `≤ 1.00 ×（原版 ${kB(f.stockColdQueryBytes)}）`),
    atMost('warmQuery', '再次查询传输（与原版之比）', f.warmQueryBytes / f.stockWarmQueryBytes, 1, ratio, `≤ 1.00 ×（原版 ${kB(f.stockWarmQueryBytes)}）`),
    atLeast('recall', '召回率', f.recall, 1),
    atLeast('rPrecision', 'R-precision', f.rPrecision, 1),
    atMost('articlePage', '文章页 HTML + CSS + JS', f.articlePageBytes, TARGETS.articlePageBytes, kB),
    atMost('pdfPerIssue', 'PDF 每期（空缓存）', f.pdfSecondsPerIssue, TARGETS.pdfSecondsPerIssue, seconds),
    atMost('pdfArchive', '整个档案的 PDF（空缓存，实测）', f.pdfArchiveSeconds, TARGETS.pdfArchiveSeconds, minutes),
    atMost('pdfIncremental', '改一篇文章后的 PDF', f.pdfIncrementalSeconds, TARGETS.pdfIncrementalSeconds, seconds, '几秒（≤ 30 s）'),
  ];
}

/** A verdict as the table shows it: ✓, ✗ (N % over), or 未测. */
export function verdictMark(v: Verdict): string {
  if (v.met === undefined) return '未测';
  return v.met ? '✓' : `✗（超出 ${Math.round(((v.over ?? 1) - 1) * 100)}%）`;
}
