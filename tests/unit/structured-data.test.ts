import { describe, expect, it } from 'vitest';
import { legislationJsonLd, newsArticleJsonLd, serializeJsonLd } from '../../src/lib/structured-data.ts';

const article = {
  headline: '省教育厅组织召开“1331工程”推进座谈会',
  url: 'https://example.gov.cn/bulletins/2017-02/05/',
  datePublished: '2017-05-18',
  issue: { name: '2017年第2期（总第02期）', issueNumber: 2, url: 'https://example.gov.cn/bulletins/2017-02/', datePublished: '2017-05-18' },
  periodical: '实施“1331工程” 推进“双一流”建设 工作要讯',
  publisher: '山西省教育厅1331办公室',
  people: ['孙世新'],
  organizations: ['长治医学院'],
  places: [],
  topics: [{ name: '双一流', url: 'https://example.gov.cn/topics/双一流/' }],
  images: [],
};

describe('newsArticleJsonLd', () => {
  const data = newsArticleJsonLd(article);
  it('is a NewsArticle in its issue of the periodical, published by the office', () => {
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: article.headline,
      datePublished: '2017-05-18',
      inLanguage: 'zh-CN',
      publisher: { '@type': 'GovernmentOrganization', name: '山西省教育厅1331办公室' },
      isPartOf: { '@type': 'PublicationIssue', issueNumber: '2', isPartOf: { '@type': 'Periodical', name: article.periodical } },
    });
  });
  it('names whom it mentions, and what it is about with the topic’s page', () => {
    expect(data['mentions']).toEqual([
      { '@type': 'Person', name: '孙世新' },
      { '@type': 'Organization', name: '长治医学院' },
    ]);
    expect(data['about']).toEqual([{ '@type': 'Thing', name: '双一流', url: 'https://example.gov.cn/topics/双一流/' }]);
  });
  it('claims no author and leaves out what the article does not have', () => {
    expect(data).not.toHaveProperty('author');
    expect(data).not.toHaveProperty('image');
    expect(newsArticleJsonLd({ ...article, people: [], organizations: [], topics: [] })).not.toHaveProperty('mentions');
  });
});

describe('legislationJsonLd', () => {
  const base = { name: '山西省人民政府关于实施“1331工程”统筹推进“双一流”建设的意见', url: 'https://example.gov.cn/policies/a/', category: '意见' };
  it('holds only the fields the content knows', () => {
    expect(legislationJsonLd({ ...base, status: 'in-force', issuer: '山西省人民政府' })).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Legislation',
      name: base.name,
      url: base.url,
      inLanguage: 'zh-CN',
      legislationType: '意见',
      legislationPassedBy: { '@type': 'GovernmentOrganization', name: '山西省人民政府' },
      legislationLegalForce: 'https://schema.org/InForce',
    });
  });
  it('carries the document number, dates and drafter when known', () => {
    const data = legislationJsonLd({ ...base, status: 'repealed', docNumber: '晋政发〔2017〕12号', writtenDate: '2017-04-01', publishedDate: '2017-04-05', drafter: '山西省教育厅' });
    expect(data).toMatchObject({
      legislationIdentifier: '晋政发〔2017〕12号',
      legislationDate: '2017-04-01',
      datePublished: '2017-04-05',
      legislationResponsible: { '@type': 'GovernmentOrganization', name: '山西省教育厅' },
      legislationLegalForce: 'https://schema.org/NotInForce',
    });
  });
  it('states no legal force for a draft or an amended document', () => {
    expect(legislationJsonLd({ ...base, status: 'draft' })).not.toHaveProperty('legislationLegalForce');
    expect(legislationJsonLd({ ...base, status: 'amended' })).not.toHaveProperty('legislationLegalForce');
  });
});

describe('serializeJsonLd', () => {
  it('cannot end its script early', () => {
    const json = serializeJsonLd({ name: '</script><script>alert(1)</script>' });
    expect(json).not.toContain('</script');
    expect(JSON.parse(json)).toEqual({ name: '</script><script>alert(1)</script>' });
  });
});

describe('legislationJsonLd for versions', () => {
  const base = { name: '某办法', url: 'https://example.org/policies/b/', category: '管理办法', status: 'in-force' as const };
  it('speaks from the 时效性, and links the versions a revision changes and consolidates', () => {
    const data = legislationJsonLd({ ...base, validity: '现行有效', effectiveDate: '2022-05-01', consolidates: ['https://example.org/policies/a/'], changes: ['https://example.org/policies/a/'] });
    expect(data).toMatchObject({
      legislationLegalForce: 'https://schema.org/InForce',
      legislationDateVersion: '2022-05-01',
      legislationChanges: [{ '@type': 'Legislation', url: 'https://example.org/policies/a/' }],
      legislationConsolidates: [{ '@type': 'Legislation', url: 'https://example.org/policies/a/' }],
    });
    for (const validity of ['已修订', '已废止', '已失效', '尚未施行'] as const) {
      expect(legislationJsonLd({ ...base, validity }).legislationLegalForce, validity).toBe('https://schema.org/NotInForce');
    }
    expect(legislationJsonLd({ ...base, validity: '起草中' })).not.toHaveProperty('legislationLegalForce');
  });
});
