import { describe, expect, it } from 'vitest';
import { sentencesMentioning } from '../../src/lib/quoted-sentences.ts';

describe('sentencesMentioning', () => {
  const text = '4月25日，为贯彻落实《山西省人民政府关于实施“1331工程”统筹推进“双一流”建设的意见》，省教育厅召开座谈会。孙世新出席会议。\n\n会上讨论了意见。';
  it('quotes the whole sentence that names the title', () => {
    expect(sentencesMentioning(text, '山西省人民政府关于实施“1331工程”统筹推进“双一流”建设的意见')).toEqual([
      '4月25日，为贯彻落实《山西省人民政府关于实施“1331工程”统筹推进“双一流”建设的意见》，省教育厅召开座谈会。',
    ]);
  });
  it('finds nothing when the title is absent', () => {
    expect(sentencesMentioning(text, '奖惩办法')).toEqual([]);
  });
  it('keeps a closing quote with its sentence and finds a sentence without a final stop', () => {
    expect(sentencesMentioning('他说：“要落实方案。”随后散会', '方案')).toEqual(['他说：“要落实方案。”']);
    expect(sentencesMentioning('最后一句提到方案', '方案')).toEqual(['最后一句提到方案']);
  });
});
