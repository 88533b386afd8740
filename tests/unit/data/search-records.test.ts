/**
 * What is searchable (src/data/search-records.ts): a record per published article, per policy
 * page and per 条 of a policy's text, each with the text, filters and sort keys the search page
 * uses. Expectations come from the content files themselves (their paragraphs, the 条 lines of a
 * synthetic official document), not from the code that splits them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { arrangeContent, type Article, type Issue } from '../../../src/data/site-content.ts';
import { searchFilterChoices, searchRecordsOf } from '../../../src/data/search-records.ts';
import type { SearchRecord } from '../../../src/lib/build-data.ts';
import { contentEntries, entryOf, officialEntry, ref } from '../../helpers/site-entries.ts';
import { PROJECT_ROOT } from '../../helpers/content-copy.ts';

const content = contentEntries();
const ARTICLES = join(PROJECT_ROOT, 'content/articles/2017-02');
const OFFICIAL = join(PROJECT_ROOT, 'tests/fixtures/official/shijiaoke-2019-7.mdx');
/** A body's paragraphs as a reader reads them: blocks between empty lines, without Markdown's escapes. */
const paragraphsOf = (file: string) =>
  readFileSync(file, 'utf8').split(/^---$/m).slice(2).join('---').trim().split(/\n\s*\n/).map((p) => p.trim().replace(/\\(.)/g, '$1'));

/** The committed articles with two photos on the first; an unchecked OCR draft of a later issue with one article. */
const withPhotos = content.articles.map((a) =>
  a.id === '2017-02/01'
    ? ({ ...a, data: { ...a.data, photos: [1, 2].map((n) => ({ src: { path: `./01-${n}.jpg` }, alt: `照片${n}`, caption: `图${n}：会议现场` })) } } as unknown as Article)
    : a,
);
const draftIssue = entryOf<Issue>('issues', join(PROJECT_ROOT, 'content/issues/2017-02.mdx'), '2019-01', { year: 2019, number: 1, date: '2019-01-10', articles: [ref('articles', '2019-01/01')], review: '待核对' });
const draftArticle = entryOf<Article>('articles', join(ARTICLES, '03.mdx'), '2019-01/01', { issue: ref('issues', '2019-01'), title: '草稿中的一篇' });

let records: SearchRecord[];
const byUrl = (url: string) => records.find((r) => r.url === url);
beforeAll(() => {
  const site = arrangeContent(
    { ...content, issues: [...content.issues, draftIssue], articles: [...withPhotos, draftArticle], policies: [...content.policies, officialEntry('shijiaoke-2019-7')] },
    'public',
    // 时效性 as of a fixed day: the document of 2019 is in force until 2024-03-31.
    '2020-06-01',
  );
  records = searchRecordsOf(site);
});

describe('articles', () => {
  const files = content.articles.map((a) => ({ id: a.id, file: join(PROJECT_ROOT, 'content/articles', `${a.id}.mdx`), data: a.data }));

  it('gives each published article one record at its address, with its headline and its paragraphs as its page shows them', () => {
    for (const { id, file, data } of files.filter((f) => f.id !== '2017-02/01')) {
      const record = byUrl(`/bulletins/${id}/`);
      expect(record?.title, id).toBe(data.title);
      expect(record?.blocks, id).toEqual(paragraphsOf(file));
    }
  });

  it('reads the first photo’s caption before the text and the others after it, as the page places them', () => {
    expect(byUrl('/bulletins/2017-02/01/')?.blocks).toEqual(['图1：会议现场', ...paragraphsOf(join(ARTICLES, '01.mdx')), '图2：会议现场']);
  });

  it('files an article under its kind, year, issue, date and topics', () => {
    for (const { id, data } of files) {
      expect(byUrl(`/bulletins/${id}/`)?.filters, id).toEqual({
        kind: ['工作要讯'],
        year: ['2017'],
        issue: ['2017年第2期'],
        date: ['2017-05-18'],
        // A whole page: a search by filters alone lists it (a 条's record has no level).
        level: ['page'],
        ...(data.topics.length ? { topic: data.topics.map((t) => t.id) } : {}),
      });
    }
  });

  it('leaves out the articles of an issue not yet published', () => {
    expect(records.map((r) => r.title)).not.toContain('草稿中的一篇');
    expect(records.filter((r) => r.url.startsWith('/bulletins/')).map((r) => r.url)).toEqual(files.map((f) => `/bulletins/${f.id}/`));
  });
});

describe('policies', () => {
  const id = 'shijiaoke-2019-7';
  const clauses = readFileSync(OFFICIAL, 'utf8')
    .split('\n')
    .map((line) => /^(第[一二三四五六七八九十百]+条)　(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null);

  it('gives a document with text a record of its own, with its 文号 as a filter only there', () => {
    const page = byUrl(`/policies/${id}/`)!;
    expect(page.title).toBe('示例省教育厅关于印发《示例省高等学校重点学科建设管理办法》的通知');
    expect(page.filters).toMatchObject({ kind: ['政策文件'], validity: ['现行有效'], category: ['管理办法'], year: ['2019'], date: ['2019-03-12'], issuer: ['示例省教育厅'], docNumber: ['示教科〔2019〕7号'], level: ['page'] });
    expect(page.meta).toMatchObject({ docNumber: '示教科〔2019〕7号', issuer: '示例省教育厅' });
    // The notice's own words are on the page's record, not a 条's.
    expect(page.blocks.join('')).toContain('现印发给你们，请结合实际认真贯彻执行。');
  });

  it('gives each 条 of the attachment a record at its anchor, titled by its number, holding its words', () => {
    const parts = records.filter((r) => r.url.startsWith(`/policies/${id}/#`));
    expect(clauses.length).toBeGreaterThan(0);
    expect(parts.map((r) => r.url)).toEqual(clauses.map(([, number]) => `/policies/${id}/#附件1-${number}`));
    for (const [[, number, words], record] of clauses.map((c, i) => [c, parts[i]!] as const)) {
      expect(record.title).toBe(number);
      expect(record.blocks.join(''), number).toContain(words);
      expect(record.meta['doc']).toBe(byUrl(`/policies/${id}/`)!.title);
      expect(record.filters['docNumber']).toBeUndefined();
      expect(record.filters['level']).toBeUndefined();
      // Each 条 names its document as the page does: 文号 and 发文机关.
      expect(record.meta).toMatchObject({ docNumber: '示教科〔2019〕7号', issuer: '示例省教育厅' });
    }
  });

  it('gives a catalogue entry (no text) one record that is only its title, and none to what this edition hides', () => {
    const entry = byUrl('/policies/1331-gongcheng-yijian/')!;
    expect(entry.blocks).toEqual([]);
    // Its 发文机关 is known (the bulletin names it), its 文号 not.
    expect(entry.meta).toEqual({ issuer: '山西省人民政府', titleOnly: '1' });
    expect(entry.filters['level']).toEqual(['page']);
    for (const hidden of content.policies.filter((p) => p.data.visibility === 'internal')) {
      expect(records.some((r) => r.url.startsWith(`/policies/${hidden.id}/`)), hidden.id).toBe(false);
    }
  });
});

describe('searchFilterChoices', () => {
  it('offers each value once, years newest first, 时效性 in its own order, names by pinyin', () => {
    const record = (filters: Record<string, string[]>): SearchRecord => ({ url: '/', title: '', blocks: [], filters, sort: {}, meta: {} });
    const choices = searchFilterChoices([
      record({ year: ['2017'], validity: ['已废止'], issuer: ['山西省教育厅'] }),
      record({ year: ['2019'], validity: ['现行有效'], issuer: ['山西省人民政府', '山西省教育厅'], category: ['通知'] }),
      record({ year: ['2018'], writtenYear: ['2016'], issuer: ['财政厅'] }),
    ]);
    expect(choices).toEqual({
      year: ['2019', '2018', '2017'],
      validity: ['现行有效', '已废止'],
      // 财 cái, 山西省教育厅 (jiào) before 山西省人民政府 (rén)
      issuer: ['财政厅', '山西省教育厅', '山西省人民政府'],
      category: ['通知'],
      writtenYear: ['2016'],
    });
  });
});
