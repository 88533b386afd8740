import { describe, expect, it } from 'vitest';
import { encodeContent, pageBlocks, readableText, runPhrase, runTokens, STREAM_MARK as M, STREAMS } from '../../../src/lib/search/index-content.ts';
import { runsOf } from '../../../src/lib/search/units.ts';

describe('index content', () => {
  /** The text part of indexed content, before the streams. */
  const text = (content: string) => content.split(` ${STREAMS} `)[0];
  it('indexes a run as overlapping pairs, then its last unit alone', () => {
    expect(text(encodeContent(['山西医科大学']))).toBe('山西 西医 医科 科大 大学 学');
  });
  it('then indexes each run again as its marked pairs at even offsets and at odd offsets, each stream closed', () => {
    expect(encodeContent(['山西医科大学'])).toBe(`山西 西医 医科 科大 大学 学 ${STREAMS} ${M}山西 ${M}医科 ${M}大学 ${STREAMS} ${M}西医 ${M}科大 ${STREAMS}`);
    expect(encodeContent(['吕梁学院、汾阳', '第二段'])).toBe(
      `吕梁 梁学 学院 院 、 汾阳 阳 ¶ 第二 二段 段 ${STREAMS} ${M}吕梁 ${M}学院 ${STREAMS} ${M}梁学 ${STREAMS} ${M}汾阳 ${STREAMS} ${STREAMS} ${M}第二 ${STREAMS} ${M}二段 ${STREAMS}`,
    );
  });
  it('gives punctuation and paragraph breaks positions of their own, so no phrase spans them', () => {
    expect(text(encodeContent(['吕梁学院、汾阳学院', '第二段']))).toBe('吕梁 梁学 学院 院 、 汾阳 阳学 学院 院 ¶ 第二 二段 段');
  });
  it('keeps digits with the Chinese next to them', () => {
    expect(text(encodeContent(['“1331 工程”']))).toBe('“ 13 33 31 1工 工程 程 ”');
  });
  it('indexes a lone character or word as itself, with no streams', () => {
    expect(encodeContent(['吕，A'])).toBe('吕 ， A');
  });
  it('gives a result the text as written, block by block: its own spaces and widths kept, empty blocks left out', () => {
    const blocks = ['吴俊清在吕梁市调研“1331 工程”实施进展情况', '  ', '第一条　邮箱：sxs1331bgs@163.com， 一流大学 一流学科，３４所 '];
    expect(readableText(blocks)).toBe('吴俊清在吕梁市调研“1331 工程”实施进展情况\n第一条　邮箱：sxs1331bgs@163.com， 一流大学 一流学科，３４所');
    // The blocks it shows are those indexed: one paragraph mark between each two.
    expect(readableText(blocks).split('\n')).toHaveLength(text(encodeContent(blocks))!.split(' ¶ ').length);
  });
  it('indexes a page that is only a title by its title', () => {
    expect(pageBlocks({ title: '标题', blocks: [] })).toEqual(['标题']);
    expect(pageBlocks({ title: '标题', blocks: ['正文'] })).toEqual(['正文']);
  });
  it('searches an even run by its marked pairs without overlap, an odd one by its overlapping pairs', () => {
    const [run] = runsOf('吕梁学院');
    expect(runTokens(run!)).toEqual(['吕梁', '梁学', '学院', '院']);
    expect(runPhrase(run!)).toEqual([`${M}吕梁`, `${M}学院`]);
    expect(runPhrase(runsOf('吕梁学')[0]!)).toEqual(['吕梁', '梁学']);
    expect(runPhrase(runsOf('1331工程')[0]!)).toEqual([`${M}13`, `${M}31`, `${M}工程`]);
    expect(runPhrase(runsOf('吕')[0]!)).toEqual(['吕']);
  });
  /** Whether `sought` is at consecutive positions somewhere in `tokens`, as Pagefind's exact search asks. */
  const holds = (tokens: string[], sought: string[]) => tokens.some((_, at) => sought.every((token, i) => tokens[at + i] === token));

  it('makes every phrase of a text, at any offset and of any length, a sequence of consecutive tokens', () => {
    const sample = '为贯彻落实《山西省人民政府关于实施“1331工程”统筹推进“双一流”建设的意见》';
    const tokens = encodeContent([sample]).split(' ');
    for (const run of runsOf(sample)) {
      for (let start = 0; start < run.length; start++) {
        for (let end = start + 2; end <= run.length; end++) {
          const phrase = run.slice(start, end);
          expect(holds(tokens, runPhrase(phrase)), phrase.map((u) => u.text).join('')).toBe(true);
        }
      }
    }
  });
  it('finds no phrase where the text does not hold it', () => {
    // 1331 is 13 31 without overlap: it must not be found in 131, nor across two runs or the two streams.
    for (const [textHeld, query] of [['131', '1331'], ['1331', '1313'], ['吕梁，学院', '吕梁学院'], ['吕梁学院', '梁学吕梁'], ['吕梁学院', '学院梁学'], ['山西医科大学', '医科西医']]) {
      const tokens = encodeContent([textHeld!]).split(' ');
      expect(holds(tokens, runPhrase(runsOf(query!)[0]!)), `${query} in ${textHeld}`).toBe(false);
    }
  });
});
