import { describe, expect, it } from 'vitest';
import { analyse, readingView, runsOf, runText } from '../../../src/lib/search/units.ts';

const shape = (text: string) => analyse(text).map((piece) => (Array.isArray(piece) ? piece.map((u) => u.text).join('|') : `[${piece.separator}]`));

describe('units and runs', () => {
  it('makes each Chinese character a unit and a run of a phrase', () => {
    expect(shape('吕梁学院')).toEqual(['吕|梁|学|院']);
  });
  it('makes each digit a unit and keeps letters together as a word, joined to the Chinese next to them', () => {
    expect(shape('1331工程')).toEqual(['1|3|3|1|工|程']);
    expect(shape('全省34所本科高校')).toEqual(['全|省|3|4|所|本|科|高|校']);
    expect(shape('sxs1331bgs')).toEqual(['sxs|1|3|3|1|bgs']);
  });
  it('reads typesetting spaces between Chinese and digits as nothing', () => {
    expect(runsOf('“1331 工程”').map(runText)).toEqual(['1331工程']);
    expect(runsOf('2017 年 5 月 18 日').map(runText)).toEqual(['2017年5月18日']);
  });
  it('ends a run at punctuation, and at a space between two Chinese phrases, two numbers or two words', () => {
    expect(shape('省教育厅、吕梁市')).toEqual(['省|教|育|厅', '[、]', '吕|梁|市']);
    expect(shape('一流大学 一流学科')).toEqual(['一|流|大|学', '[ ]', '一|流|学|科']);
    expect(shape('Pagefind API')).toEqual(['Pagefind', '[ ]', 'API']);
    expect(shape('2017 05')).toEqual(['2|0|1|7', '[ ]', '0|5']);
  });
  it('keeps punctuation as written, full-width included', () => {
    expect(shape('甲，乙（丙）')).toEqual(['甲', '[，]', '乙', '[（]', '丙', '[）]']);
  });
  it('normalises full-width letters and digits', () => {
    expect(runsOf('３４所').map(runText)).toEqual(['34所']);
  });
});

describe('the one rule for typesetting spaces', () => {
  it('joins Chinese and digits or words, and nothing else', async () => {
    const { isTypesettingSpace, removeTypesettingSpaces } = await import('../../../src/lib/search/units.ts');
    expect(removeTypesettingSpaces('实施“1331 工程” 第 2 期 sxs 邮箱 一流大学 一流学科 2017 05')).toBe('实施“1331工程” 第2期sxs邮箱 一流大学 一流学科2017 05');
    expect(isTypesettingSpace('程', '1')).toBe(true);
    expect(isTypesettingSpace('程', '一')).toBe(false);
    expect(isTypesettingSpace('”', '1')).toBe(false);
  });
});

describe('readingView', () => {
  it('reads a text as the index does, and says where each character came from', () => {
    const text = '实施“１３３１ 工程”，见 SXS 邮箱：一流大学 一流学科';
    const { view, from, to } = readingView(text);
    // NFKC throughout (the query is read so too: ，is , and ３ is 3), Latin letters without case, typesetting spaces left out.
    expect(view).toBe('实施“1331工程”,见sxs邮箱:一流大学 一流学科');
    for (let i = 0; i < view.length; i++) expect(text.slice(from[i], to[i]).normalize('NFKC').toLowerCase(), `${i}`).toBe(view[i]);
    const at = view.indexOf('1331工程');
    expect(text.slice(from[at], to[at + 5])).toBe('１３３１ 工程');
    // The space between two Chinese words is the text's own: kept.
    const words = view.indexOf('大学 一流');
    expect(text.slice(from[words], to[words + 4])).toBe('大学 一流');
  });
  it('skips a run of spaces, ideographic ones too, only between Chinese and a number or word', () => {
    expect(readingView('第　2　期 共 3 页').view).toBe('第2期 共3页');
    expect(readingView('2017 05').view).toBe('2017 05');
  });
  it('maps a character whose normal form is longer to the whole of it', () => {
    const { view, from, to } = readingView('甲㈠乙');
    expect(view).toBe('甲(一)乙');
    expect([from.slice(1, 4), to.slice(1, 4)]).toEqual([[1, 1, 1], [2, 2, 2]]);
  });
});
