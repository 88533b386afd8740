import { describe, expect, it } from 'vitest';
import { categoryOf, policyId, termEnd, termsOf } from '../../../scripts/import/build-policy.ts';
import { parseOfficial, joinTitle, joinWrappedPrinted, paragraphText, parseAttachmentList, readDate, readDocNumberLine, setOffUnits, splitOrgans, type OfficialBlock } from '../../../scripts/import/parse-official.ts';
import { blocksFromText } from '../../../scripts/import/read-text.ts';

// Synthetic titles, numbers and dates, made for these tests (合成测试数据).
describe('公文 pieces', () => {
  it('joins a title wrapped anywhere, the spaces extraction adds gone', () => {
    expect(joinTitle(['示例省教育厅关于印发', '《示例省高等学校重点学科建设管理办法》', '的通知'])).toBe('示例省教育厅关于印发《示例省高等学校重点学科建设管理办法》的通知');
    expect(joinTitle(['示例省教育厅办公室关于开展 20', '20 年度检查工', '作的通知'])).toBe('示例省教育厅办公室关于开展2020年度检查工作的通知');
    expect(joinTitle(['关于 ISO 9001 认证的通知'])).toBe('关于ISO 9001认证的通知');
  });

  it('reads a 文号 in any brackets, with a 签发人 beside it', () => {
    expect(readDocNumberLine('示教科〔2019〕7号')).toEqual({ docNumber: '示教科〔2019〕7号', signers: [] });
    expect(readDocNumberLine('示教科[2019]7号')).toEqual({ docNumber: '示教科〔2019〕7号', signers: [] });
    expect(readDocNumberLine('示教科［2019］第07号')).toEqual({ docNumber: '示教科〔2019〕7号', signers: [] });
    expect(readDocNumberLine('示教科 〔 2019 〕 7 号')).toEqual({ docNumber: '示教科〔2019〕7号', signers: [] });
    expect(readDocNumberLine('示教报〔2021〕3号      签发人：张三')).toEqual({ docNumber: '示教报〔2021〕3号', signers: ['张三'] });
    expect(readDocNumberLine('示教科〔二〇一九〕7号')).toEqual({ invalid: '示教科〔二〇一九〕7号' });
    expect(readDocNumberLine('各普通本科高等学校：')).toBeUndefined();
  });

  it('reads dates in Arabic and Chinese numerals, and refuses a day that does not exist', () => {
    expect(readDate('2019年3月12日', '成文日期')).toBe('2019-03-12');
    expect(readDate('二〇一九年三月十二日', '成文日期')).toBe('2019-03-12');
    expect(readDate('二〇二〇年十二月三十一日', '成文日期')).toBe('2020-12-31');
    expect(() => readDate('2019年2月30日', '成文日期')).toThrow('成文日期“2019年2月30日”不是真实存在的日期');
  });

  it('adds a term of years less a day', () => {
    expect(termEnd('2019-04-01', 5)).toBe('2024-03-31');
    expect(termEnd('2020-01-01', 1)).toBe('2020-12-31');
    expect(termEnd('2020-02-29', 1)).toBe('2021-02-28');
    expect(termEnd('2019-03-01', 1)).toBe('2020-02-29');
  });

  it('finds the 实施日期 and the 失效日期 in the text', () => {
    const doc = (text: string) => ({ main: [{ type: 'paragraph' as const, text }], attachments: [], writtenDate: '2019-03-12', printedDate: '2019-03-13' });
    expect(termsOf(doc('本办法自2019年4月1日起施行，有效期五年。'))).toEqual({ effectiveDate: '2019-04-01', expiryDate: '2024-03-31' });
    expect(termsOf(doc('本办法自印发之日起施行，有效期为3年。'))).toEqual({ effectiveDate: '2019-03-13', expiryDate: '2022-03-12' });
    const undecided: string[] = [];
    expect(termsOf(doc('本办法自发布之日起施行。'), undecided)).toEqual({ effectiveDate: '2019-03-12' });
    expect(undecided).toHaveLength(1);
    expect(termsOf(doc('本方案有效期至2023年12月31日。'))).toEqual({ expiryDate: '2023-12-31' });
    expect(termsOf(doc('请认真贯彻执行。'))).toEqual({});
  });

  it('reads the 附件说明: numbered items (run together or not), or a single attachment', () => {
    expect(parseAttachmentList('附件：1.示例省高等学校重点学科建设管理办法 2.示例省高等学校重点学科建设年度经费预算表')).toEqual(['示例省高等学校重点学科建设管理办法', '示例省高等学校重点学科建设年度经费预算表']);
    expect(parseAttachmentList('附件：1. 甲单位名单 2. 乙单位 名单')).toEqual(['甲单位名单', '乙单位名单']);
    expect(parseAttachmentList('附件：2020年度检查安排表。')).toEqual(['2020年度检查安排表']);
  });

  it('sets 第N条 and 第N章 off by a full-width space, and leaves no space after 一、 or 1.', () => {
    expect(paragraphText('第十五条 本办法自 2019 年 4 月 1 日起施行')).toBe('第十五条\u3000本办法自2019年4月1日起施行');
    expect(paragraphText('第一章 总则')).toBe('第一章\u3000总则');
    expect(paragraphText('1. 省级财政专项资金的使用进度；')).toBe('1.省级财政专项资金的使用进度；');
    expect(paragraphText('第一条规定的事项')).toBe('第一条规定的事项');
  });

  it('takes the category from the title’s 文种, or from the document an 印发 notice carries', () => {
    expect(categoryOf('示例省教育厅关于印发《示例省高等学校重点学科建设管理办法》的通知')).toBe('管理办法');
    expect(categoryOf('示例省教育厅关于印发《示例省某某工作实施细则（试行）》的通知')).toBe('实施细则');
    expect(categoryOf('示例省教育厅关于印发《示例省某某工作要点》的通知')).toBe('通知');
    expect(categoryOf('示例省教育厅办公室关于开展检查工作的通知')).toBe('通知');
    expect(categoryOf('示例省教育厅关于深化改革的意见')).toBe('意见');
    expect(categoryOf('示例省教育厅会议纪要')).toBe('其他');
  });

  it('makes the id from the 文号 in pinyin, or from the date and the title’s initials', () => {
    expect(policyId({ docNumber: '示教科〔2019〕7号', title: '', writtenDate: '2019-03-12' })).toEqual({ id: 'shijiaoke-2019-7', fromNumber: true });
    expect(policyId({ docNumber: '示教办〔2020〕15号', title: '', writtenDate: undefined })).toEqual({ id: 'shijiaoban-2020-15', fromNumber: true });
    expect(policyId({ docNumber: undefined, title: '示例省教育厅关于开展中期检查的通知', writtenDate: '2020-06-05' })).toEqual({ id: '2020-06-05-kzzqjc', fromNumber: false });
  });
});

describe('公文 pieces a file runs together', () => {
  it('cuts organs run together where their region begins again after an organ', () => {
    expect(splitOrgans('示例省财政厅示例省人力资源和社会保障厅', '示例省教育厅')).toEqual(['示例省财政厅', '示例省人力资源和社会保障厅']);
    expect(splitOrgans('示例省教育厅', '中共示例省委教育工作委员会')).toEqual(['示例省教育厅']);
    expect(splitOrgans('中共示例省委教育工作委员会示例省教育厅', '示例省财政厅')).toEqual(['中共示例省委教育工作委员会', '示例省教育厅']);
    expect(splitOrgans('示例市财政局', '某某学会')).toEqual(['示例市财政局']);
  });

  it('sets off 第N条 run into its text when its neighbours in the sequence are set off, and nothing else', () => {
    const blocks = (...texts: string[]): OfficialBlock[] => texts.map((text) => ({ type: 'paragraph', text }));
    const part = blocks('第二条\u3000本办法适用于本省。', '第三条项目实施期一般为3年。', '第四条\u3000申报条件如下：', '第一条规定的事项由主管部门办理。');
    setOffUnits(part);
    expect(part.map((b) => (b.type === 'paragraph' ? b.text : ''))).toEqual(['第二条\u3000本办法适用于本省。', '第三条\u3000项目实施期一般为3年。', '第四条\u3000申报条件如下：', '第一条规定的事项由主管部门办理。']);
  });

  it('puts the 版记’s 印发 line back together when both its cells wrapped', () => {
    const lines = (...texts: string[]) => texts.map((text) => ({ text }));
    expect(joinWrappedPrinted(lines('中共示例省委教育工作委员会办公二〇一一年十一月二十八日印', '室 发'))).toEqual(lines('中共示例省委教育工作委员会办公室　二〇一一年十一月二十八日印发'));
    expect(joinWrappedPrinted(lines('示例省教育厅办公二〇一一年十一月二十八日', '室 印发'))).toEqual(lines('示例省教育厅办公室　二〇一一年十一月二十八日印发'));
    const whole = lines('示例省教育厅办公室 2011年11月28日印发', '发');
    expect(joinWrappedPrinted(whole)).toEqual(whole);
    const dateAlone = lines('2011年11月28日', '发');
    expect(joinWrappedPrinted(dateAlone)).toEqual(dateAlone);
  });
});

describe('a text in traditional characters (a mirror site converted it)', () => {
  // 合成测试数据: invented organs and numbers, in the form of a mirror's page (docs/import-forms.md S36).
  const simplified = [
    '示例市人民政府关于印发《示例市示例专项资金管理暂行办法》的通知',
    '示府发〔2026〕7号',
    '各区（市）县政府，市政府各部门：',
    '《示例市示例专项资金管理暂行办法》已经市政府同意，现印发给你们，请认真贯彻执行。本文件为合成测试数据，文中机关、人名、文号和日期均为虚构。',
    '示例市人民政府',
    '2026年2月10日',
    '示例市示例专项资金管理暂行办法',
    '第一条　为加强市级示例专项资金管理，建立科学、规范、高效的专项资金管理体制和运行机制，提高资金使用效益，根据有关法律、法规，结合实际，制定本办法。',
    '第二条　本办法所称专项资金，是指由市级财政性资金安排，用于支持经济社会发展、实现特定政策目标的资金。',
  ].join('\n\n');
  const pairs: Array<[string, string]> = [['关', '關'], ['于', '於'], ['发', '發'], ['号', '號'], ['们', '們'], ['为', '為'], ['会', '會'], ['规', '規'], ['范', '範'], ['资', '資'], ['项', '項'], ['办', '辦'], ['区', '區'], ['县', '縣'], ['实', '實'], ['务', '務'], ['机', '機'], ['经', '經'], ['长', '長'], ['体', '體'], ['产', '產'], ['业', '業'], ['总', '總'], ['进', '進'], ['应', '應'], ['据', '據']];
  const traditional = pairs.reduce((text, [s, t]) => text.replaceAll(s, t), simplified);

  it('is refused, saying it is in traditional characters and where to get the text', () => {
    expect(() => parseOfficial(blocksFromText(traditional))).toThrow(/文件是繁体字（.+）.*请从发文机关的网站或纸本取简体文本再导入/);
  });

  it('the same text in simplified characters is read, a surname 於 in it or not', () => {
    const parsed = parseOfficial(blocksFromText(simplified.replace('本文件为合成测试数据', '联系人：於某某。本文件为合成测试数据')));
    expect(parsed.docNumber).toBe('示府发〔2026〕7号');
    expect(parsed.title).toBe('示例市人民政府关于印发《示例市示例专项资金管理暂行办法》的通知');
  });
});
