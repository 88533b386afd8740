import { describe, expect, it } from 'vitest';
import { titleWords } from '../../src/lib/title-breaks.ts';

const titles = [
  '示例省教育厅关于印发《示例省高等学校重点学科建设管理办法》的通知',
  '示例省教育厅办公室关于开展2020年度重点学科建设中期检查工作的通知',
  '山西省人民政府关于实施“1331工程”统筹推进“双一流”建设的意见',
  '示例省高等学校重点学科建设年度经费预算表',
  // A headline of the bulletin (第2期).
  '吴俊清在省高校工委、教育厅党组“两提一创”专项活动动员会上就推进实施“1331工程”提出要求',
];

describe('where a title may break (GB/T 9704 §7.3.1)', () => {
  it('joined, the pieces are the title', () => {
    for (const title of titles) expect(titleWords(title).join('')).toBe(title);
  });
  it('never inside a word: 高等学校, 2020年度, 教育厅, 1331工程 stay whole', () => {
    const breaks = (title: string) => {
      const at = new Set<number>();
      let n = 0;
      for (const word of titleWords(title).slice(0, -1)) at.add((n += word.length));
      return at;
    };
    const inside = (title: string, word: string) => {
      const start = title.indexOf(word);
      return [...breaks(title)].filter((b) => b > start && b < start + word.length);
    };
    expect(inside(titles[0]!, '高等学校')).toEqual([]);
    expect(inside(titles[0]!, '教育厅')).toEqual([]);
    expect(inside(titles[0]!, '印发')).toEqual([]);
    expect(inside(titles[1]!, '2020年度')).toEqual([]);
    expect(inside(titles[1]!, '办公室')).toEqual([]);
    expect(inside(titles[2]!, '“1331工程”')).toEqual([]);
    expect(inside(titles[2]!, '“双一流”')).toEqual([]);
    // A name after 在, 与, 对… keeps its first character (省高校工委, not 在省 / 高校工委).
    expect(inside(titles[4]!, '省高校工委')).toEqual([]);
    expect(inside(titles[4]!, '“两提一创”')).toEqual([]);
    // A kind of document stays whole, whatever word comes before it.
    expect(inside(titles[0]!, '管理办法')).toEqual([]);
  });
  it('keeps punctuation with its word: 《 with the next, 》 with the one before', () => {
    const words = titleWords(titles[0]!);
    expect(words.some((w) => w.startsWith('《示例'))).toBe(true);
    expect(words.some((w) => w.endsWith('办法》'))).toBe(true);
    expect(words.every((w) => !/^[》，。、”]/.test(w))).toBe(true);
  });
  it('still breaks somewhere in a long title', () => {
    for (const title of titles) expect(titleWords(title).length).toBeGreaterThan(3);
  });
});
