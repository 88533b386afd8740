import { describe, expect, it } from 'vitest';
import { isCalendarDate, isoDate, plainReference } from '../../src/schemas/common.ts';
import { issueSchema } from '../../src/schemas/issue.ts';
import { articleSchema } from '../../src/schemas/article.ts';
import { policySchema } from '../../src/schemas/policy.ts';

const issue = {
  series: ['实施“1331工程” 推进“双一流”建设', '工作要讯'],
  year: 2017,
  number: 2,
  serial: 2,
  date: '2017-05-18',
  publisher: '山西省教育厅1331办公室',
  email: 'sxs1331bgs@163.com',
  telephone: '0351-8723363',
  recipients: { bao: '省政府' },
  copies: 200,
  articles: ['2017-02/01'],
};

const messages = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('dates', () => {
  it('knows real calendar dates', () => {
    expect(isCalendarDate('2017-05-18')).toBe(true);
    expect(isCalendarDate('2016-02-29')).toBe(true);
    expect(isCalendarDate('2017-02-29')).toBe(false);
    expect(isCalendarDate('2017-13-45')).toBe(false);
    expect(isCalendarDate('2017-5-18')).toBe(false);
  });
  it('hands dates on as YYYY-MM-DD, whether YAML gave a Date or a string', () => {
    expect(isoDate().parse(new Date(Date.UTC(2017, 4, 18)))).toBe('2017-05-18');
    expect(isoDate().parse('2017-05-18')).toBe('2017-05-18');
    expect(isoDate().safeParse('2017-13-45').success).toBe(false);
    expect(isoDate().safeParse('5月18日').success).toBe(false);
  });
});

describe('issue schema', () => {
  const schema = issueSchema(plainReference);
  it('accepts a complete issue and turns article ids into references', () => {
    const parsed = schema.parse(issue);
    expect(parsed.articles).toEqual([{ collection: 'articles', id: '2017-02/01' }]);
    expect(parsed.recipients.bao).toBe('省政府');
  });
  it('refuses a date outside the issue year', () => {
    expect(messages(schema.safeParse({ ...issue, date: '2018-01-02' }))).toEqual(['date: 出版日期 2018-01-02 不在 year 所写的 2017 年']);
  });
  it('refuses unknown fields, so a misspelt field is not silently lost', () => {
    expect(messages(schema.safeParse({ ...issue, copise: 200 }))).toEqual([': Unrecognized key: "copise"']);
  });
  it('refuses an issue without articles and a non-positive number', () => {
    const result = messages(schema.safeParse({ ...issue, articles: [], number: 0 }));
    expect(result).toContain('number: 期号应为正整数');
    expect(result).toContain('articles: 每期至少一篇文章');
  });
});

describe('article schema', () => {
  const schema = articleSchema(plainReference);
  const article = { title: '省教育厅组织召开“1331工程”推进座谈会', issue: '2017-02', eventDates: ['2017-04-25'] };
  it('fills the optional lists with empty ones', () => {
    const parsed = schema.parse(article);
    expect(parsed).toMatchObject({ people: [], organizations: [], places: [], topics: [], eventDates: ['2017-04-25'] });
    expect(parsed.issue).toEqual({ collection: 'issues', id: '2017-02' });
  });
  it('refuses a blank headline and an impossible event date', () => {
    expect(messages(schema.safeParse({ ...article, title: '  ' }))).toEqual(['title: 不能为空']);
    expect(messages(schema.safeParse({ ...article, eventDates: ['2017-02-30'] }))[0]).toMatch(/^eventDates.0: 应为真实存在的日期/);
  });
});

describe('policy schema', () => {
  const schema = policySchema(plainReference);
  const policy = { title: '某办法', status: 'draft', category: '管理办法', visibility: 'internal' };
  it('accepts a policy that says only what is known', () => {
    expect(schema.parse(policy)).toMatchObject({ mentionedIn: [], supersedes: [] });
  });
  it('refuses an unknown status, category or visibility', () => {
    expect(messages(schema.safeParse({ ...policy, status: 'active' }))[0]).toMatch(/^status: 状态应为 draft/);
    expect(messages(schema.safeParse({ ...policy, category: '其它' }))[0]).toMatch(/^category: 类别应为/);
    expect(messages(schema.safeParse({ ...policy, visibility: 'secret' }))[0]).toMatch(/^visibility: 可见范围应为/);
  });
  it('asks for the repeal date of a repealed document', () => {
    expect(messages(schema.safeParse({ ...policy, status: 'repealed' }))).toEqual([
      'repealedDate: 状态为 repealed（已废止）的文件须写明废止日期 repealedDate',
    ]);
    expect(schema.safeParse({ ...policy, status: 'repealed', repealedDate: '2020-01-01' }).success).toBe(true);
  });
  it('checks the form of a document number', () => {
    expect(schema.safeParse({ ...policy, docNumber: '晋政发〔2017〕12号' }).success).toBe(true);
    expect(schema.safeParse({ ...policy, docNumber: '晋政发[2017]第12号' }).success).toBe(false);
  });
});
