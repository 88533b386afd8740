import { describe, expect, it } from 'vitest';
import { DOC_NUMBER_FORMAT, normalizeDocNumber, parseDocNumber } from '../../../src/lib/policy/doc-number.ts';

describe('发文字号', () => {
  it('reads every spelling staff type or older texts print, and writes 〔〕', () => {
    for (const spelling of ['晋教科〔2019〕7号', '晋教科[2019]7号', '晋教科［2019］7号', '晋教科【2019】7号', '晋教科(2019)7号', '晋教科（2019）第07号', '晋教科2019年7号', '晋教科 2019 7', ' 晋教科〔 2019 〕7 号 ']) {
      expect(normalizeDocNumber(spelling), spelling).toBe('晋教科〔2019〕7号');
    }
  });
  it('keeps the three parts apart', () => {
    expect(parseDocNumber('晋政发〔2017〕12号')).toEqual({ agency: '晋政发', year: 2017, serial: 12 });
  });
  it('is not fooled by text that is no 文号', () => {
    for (const text of ['各普通本科高等学校：', '2019年3月12日', '晋教科〔2019〕0号', '晋教科〔19〕7号', '']) expect(normalizeDocNumber(text), text).toBeUndefined();
  });
  it('the schema accepts only the canonical form', () => {
    expect(DOC_NUMBER_FORMAT.test('晋教科〔2019〕7号')).toBe(true);
    for (const text of ['晋教科[2019]7号', '晋教科〔2019〕07号', '晋教科〔2019〕第7号', '〔2019〕7号']) expect(DOC_NUMBER_FORMAT.test(text), text).toBe(false);
  });
});
