import { describe, expect, it } from 'vitest';
import { decodeContent, encodeContent, runPhrase, runTokens } from '../../../src/lib/search/index-content.ts';
import { runsOf } from '../../../src/lib/search/units.ts';

describe('index content', () => {
  it('indexes a run as overlapping pairs, then its last unit alone', () => {
    expect(encodeContent(['山西医科大学'])).toBe('山西 西医 医科 科大 大学 学');
  });
  it('gives punctuation and paragraph breaks positions of their own, so no phrase spans them', () => {
    expect(encodeContent(['吕梁学院、汾阳学院', '第二段'])).toBe('吕梁 梁学 学院 院 、 汾阳 阳学 学院 院 ¶ 第二 二段 段');
  });
  it('keeps digits with the Chinese next to them', () => {
    expect(encodeContent(['“1331 工程”'])).toBe('“ 13 33 31 1工 工程 程 ”');
  });
  it('indexes a lone character or word as itself', () => {
    expect(encodeContent(['吕，A'])).toBe('吕 ， A');
  });
  it('decodes content back to readable text, paragraph by paragraph', () => {
    const blocks = ['吴俊清在吕梁市调研“1331工程”实施进展情况', '4月15日、16日，在兴县、方山的农村学校。', '邮箱：sxs1331bgs@163.com， 一流大学 一流学科'];
    expect(decodeContent(encodeContent(blocks))).toBe(blocks.join('\n'));
  });
  it('drops only the spaces a run ignores: between Chinese and Latin letters or digits', () => {
    expect(decodeContent(encodeContent(['“1331 工程” 见 163.com 网站']))).toBe('“1331工程” 见163.com网站');
  });
  it('searches a phrase by its pairs only', () => {
    const [run] = runsOf('吕梁学院');
    expect(runTokens(run!)).toEqual(['吕梁', '梁学', '学院', '院']);
    expect(runPhrase(run!)).toEqual(['吕梁', '梁学', '学院']);
    expect(runPhrase(runsOf('吕')[0]!)).toEqual(['吕']);
  });
  it('makes every phrase of a text a sequence of consecutive tokens', () => {
    const text = '为贯彻落实《山西省人民政府关于实施“1331工程”统筹推进“双一流”建设的意见》';
    const tokens = encodeContent([text]).split(' ');
    for (const phrase of ['贯彻', '人民政府关于', '1331工程', '统筹推进', '的意见', '省人']) {
      const sought = runPhrase(runsOf(phrase)[0]!);
      const at = tokens.indexOf(sought[0]!);
      expect(at, phrase).toBeGreaterThanOrEqual(0);
      expect(tokens.slice(at, at + sought.length), phrase).toEqual(sought);
    }
  });
});
