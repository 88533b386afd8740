import { describe, expect, it } from 'vitest';
import { carriedDocument, disclosureOf, noteLines, policyDate, validityOn } from '../../../src/lib/policy/facts.ts';
import { buildDate } from '../../../src/data/policies.ts';

const issued = { status: 'in-force' as const, effectiveDate: '2019-04-01', expiryDate: '2024-03-31' };

describe('时效性', () => {
  it('follows the dates of an issued document', () => {
    expect(validityOn(issued, '2019-03-31')).toBe('尚未施行');
    expect(validityOn(issued, '2019-04-01')).toBe('现行有效');
    expect(validityOn(issued, '2024-03-31')).toBe('现行有效');
    expect(validityOn(issued, '2024-04-01')).toBe('已失效');
  });
  it('takes what the office recorded first', () => {
    expect(validityOn({ ...issued, status: 'amended' }, '2020-01-01')).toBe('已修订');
    expect(validityOn({ ...issued, status: 'repealed', repealedDate: '2021-01-01' }, '2020-01-01')).toBe('已废止');
    expect(validityOn({ status: 'draft' }, '2020-01-01')).toBe('起草中');
    expect(validityOn({ status: 'in-force', writtenDate: '2019-03-12' }, '2020-01-01')).toBe('现行有效');
  });
  it('claims nothing without a date that says it has taken effect: 不详', () => {
    // A catalogue entry known only from a bulletin: no text, no 文号, no dates.
    expect(validityOn({ status: 'in-force' }, '2020-01-01')).toBe('不详');
    expect(validityOn({ status: 'in-force', expiryDate: '2030-01-01' }, '2020-01-01')).toBe('不详');
    expect(validityOn({ status: 'in-force', publishedDate: '2019-03-20' }, '2020-01-01')).toBe('现行有效');
    expect(validityOn({ status: 'in-force', effectiveDate: '2019-04-01' }, '2020-01-01')).toBe('现行有效');
    // What is known still speaks: a passed 有效期, a recorded status, a repeal in effect.
    expect(validityOn({ status: 'in-force', expiryDate: '2019-12-31' }, '2020-01-01')).toBe('已失效');
    expect(validityOn({ status: 'draft' }, '2020-01-01')).toBe('起草中');
    expect(validityOn({ status: 'in-force' }, '2020-01-01', [{ act: 'repeals', on: '2019-06-01' }])).toBe('已废止');
  });
  it('a repeal with a date to come takes effect on that day', () => {
    expect(validityOn({ status: 'in-force', writtenDate: '2019-03-12', repealedDate: '2021-01-01' }, '2020-12-31')).toBe('现行有效');
    expect(validityOn({ status: 'in-force', repealedDate: '2021-01-01' }, '2021-01-01')).toBe('已废止');
  });
});

describe('derived facts', () => {
  it('a policy is listed by its 发布日期, else its 成文日期', () => {
    expect(policyDate({ writtenDate: '2019-03-12', publishedDate: '2019-03-20' })).toBe('2019-03-20');
    expect(policyDate({ writtenDate: '2019-03-12' })).toBe('2019-03-12');
    expect(policyDate({})).toBeUndefined();
  });
  it('an 印发 notice carries the attachment of the title it names', () => {
    const attachments = [{ title: '甲办法' }, { title: '乙表' }];
    expect(carriedDocument('某厅关于印发《甲办法》的通知', attachments)).toEqual({ number: 1, title: '甲办法' });
    expect(carriedDocument('某厅关于印发《丙办法》的通知', attachments)).toEqual({ number: 0, title: '丙办法' });
    expect(carriedDocument('某厅关于开展检查的通知', attachments)).toBeUndefined();
  });
  it('the 附注 prints the 公开方式 first, each line in brackets', () => {
    expect(noteLines({ disclosure: '主动公开', notes: ['联系人：张三'] })).toEqual(['（此件主动公开）', '（联系人：张三）']);
    expect(disclosureOf('（此件依申请公开）')).toBe('依申请公开');
    expect(disclosureOf('(此件 不予公开)')).toBe('不予公开');
    expect(disclosureOf('（联系人：张三）')).toBeUndefined();
  });
  it('the build date is China’s today unless SITE_BUILD_DATE fixes it', () => {
    expect(buildDate({ SITE_BUILD_DATE: '2020-01-02' })).toBe('2020-01-02');
    expect(buildDate({}, new Date('2026-11-30T17:00:00Z'))).toBe('2026-12-01');
    expect(() => buildDate({ SITE_BUILD_DATE: '2020/1/2' })).toThrow(/SITE_BUILD_DATE/);
  });
});
