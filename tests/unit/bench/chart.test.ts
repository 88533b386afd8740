import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { growthChart, ticks } from '../../../scripts/bench/chart.ts';

describe('the growth chart', () => {
  it('has round ticks that reach the largest value', () => {
    expect(ticks(289.7)).toEqual([0, 100, 200, 300]);
    expect(ticks(3.89)).toEqual([0, 1, 2, 3, 4]);
    expect(ticks(0)).toEqual([0]);
    for (const max of [0.7, 13, 250, 4100, 14000]) expect(ticks(max).at(-1)!).toBeGreaterThanOrEqual(max);
  });

  it('draws a line per engine and a point per size, in well-formed SVG', () => {
    const sizes = [1750, 3500, 7000, 14000];
    const svg = growthChart(
      [
        { title: '构建时间', unit: '秒', points: sizes.map((n) => ({ articles: n, ours: n / 40, stock: n / 100 })) },
        { title: '首次查询', unit: 'kB', points: sizes.map((n) => ({ articles: n, ours: 200 + n / 100 })) },
      ],
      'test <caption> & more',
    );
    const doc = new XMLParser({ ignoreAttributes: false, isArray: () => true }).parse(svg);
    const panels = doc.svg[0].g;
    // Two panels and the legend.
    expect(panels).toHaveLength(3);
    expect(panels[0].polyline).toHaveLength(2);
    expect(panels[1].polyline).toHaveLength(1);
    expect(panels[0].circle).toHaveLength(sizes.length * 2);
    expect(svg).toContain('test &lt;caption&gt; &amp; more');
  });
});
