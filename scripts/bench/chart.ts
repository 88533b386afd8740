/**
 * The growth chart of the benchmark (docs/benchmarks.md): how build time, peak memory, index
 * size and a first query's bytes grow with the archive, this site beside stock Pagefind, as
 * one SVG of four small panels that share the horizontal axis (articles). Plain SVG written
 * here, as the chart is four polylines with their axes: a charting library would bring a
 * browser or a canvas to draw what a few lines of markup say.
 */
import { escapeHtml } from '../lib/escape-html.ts';

export interface GrowthPoint {
  articles: number;
  /** This site's value, and stock Pagefind's (undefined where stock has none). */
  ours: number;
  stock?: number | undefined;
}

export interface GrowthPanel {
  title: string;
  unit: string;
  points: GrowthPoint[];
  /** What stock's line is (its index build, its payload): the legend says it. */
  stockLabel?: string;
}

const WIDTH = 360;
const HEIGHT = 220;
const PAD = { left: 56, right: 16, top: 34, bottom: 40 };
const COLORS = { ours: '#b5121b', stock: '#4a6fa5' };

/** Round figures for an axis: 0 and up to five steps of 1, 2 or 5 × 10ⁿ reaching `max`. */
export function ticks(max: number): number[] {
  if (!(max > 0)) return [0];
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

const format = (n: number) => (Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : String(Number(n.toPrecision(3))));

function panel(p: GrowthPanel, x0: number, y0: number): string {
  const xs = p.points.map((pt) => pt.articles);
  const values = p.points.flatMap((pt) => [pt.ours, ...(pt.stock === undefined ? [] : [pt.stock])]);
  const yTicks = ticks(Math.max(...values));
  const xTicks = xs;
  const yMax = yTicks.at(-1)!;
  const xMax = Math.max(...xs);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const X = (v: number) => x0 + PAD.left + (v / xMax) * plotW;
  const Y = (v: number) => y0 + PAD.top + plotH - (v / yMax) * plotH;
  const line = (key: 'ours' | 'stock') => {
    const pts = p.points.filter((pt) => pt[key] !== undefined);
    if (!pts.length) return '';
    const coords = pts.map((pt) => `${X(pt.articles).toFixed(1)},${Y(pt[key]!).toFixed(1)}`);
    return `<polyline fill="none" stroke="${COLORS[key]}" stroke-width="2" points="${coords.join(' ')}"/>` +
      pts.map((pt) => `<circle cx="${X(pt.articles).toFixed(1)}" cy="${Y(pt[key]!).toFixed(1)}" r="3" fill="${COLORS[key]}"><title>${escapeHtml(`${key === 'ours' ? '本站' : p.stockLabel ?? '原版 Pagefind'} ${pt.articles} 篇：${format(pt[key]!)} ${p.unit}`)}</title></circle>`).join('');
  };
  return [
    `<g>`,
    `<text x="${x0 + PAD.left}" y="${y0 + 18}" font-size="13" font-weight="bold">${escapeHtml(p.title)}（${escapeHtml(p.unit)}）</text>`,
    ...yTicks.map((t) => `<line x1="${x0 + PAD.left}" x2="${x0 + WIDTH - PAD.right}" y1="${Y(t).toFixed(1)}" y2="${Y(t).toFixed(1)}" stroke="#ddd"/><text x="${x0 + PAD.left - 6}" y="${(Y(t) + 4).toFixed(1)}" font-size="10" text-anchor="end">${format(t)}</text>`),
    ...xTicks.map((t) => `<text x="${X(t).toFixed(1)}" y="${y0 + HEIGHT - PAD.bottom + 14}" font-size="10" text-anchor="middle">${format(t)}</text>`),
    `<text x="${x0 + PAD.left + plotW / 2}" y="${y0 + HEIGHT - 8}" font-size="10" text-anchor="middle">文章数</text>`,
    line('stock'),
    line('ours'),
    `</g>`,
  ].join('');
}

/** The chart: panels two by two, a legend, and a caption naming the machine and the date. */
export function growthChart(panels: readonly GrowthPanel[], caption: string): string {
  const columns = 2;
  const rows = Math.ceil(panels.length / columns);
  const width = WIDTH * columns;
  const height = HEIGHT * rows + 56;
  const legend = `<g font-size="12"><rect x="${PAD.left}" y="${height - 44}" width="14" height="4" fill="${COLORS.ours}"/><text x="${PAD.left + 20}" y="${height - 38}">本站</text>` +
    `<rect x="${PAD.left + 70}" y="${height - 44}" width="14" height="4" fill="${COLORS.stock}"/><text x="${PAD.left + 90}" y="${height - 38}">原版 Pagefind（耗时为其建索引的时间，内存为其建索引进程的峰值）</text>` +
    `<text x="${PAD.left}" y="${height - 16}" fill="#555">${escapeHtml(caption)}</text></g>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Noto Sans CJK SC, sans-serif" role="img" aria-label="基准测试：成本随档案规模的增长">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    ...panels.map((p, i) => panel(p, (i % columns) * WIDTH, Math.floor(i / columns) * HEIGHT)),
    legend,
    `</svg>`,
  ].join('\n') + '\n';
}
