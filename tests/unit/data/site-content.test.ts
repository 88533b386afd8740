/**
 * The content as the site shows it (src/data/site-content.ts): which issues and articles are
 * published and in what order, and the edition filter — which policies the public edition may
 * show. The entries are the project's content and the synthetic official documents
 * (tests/fixtures/official/), with the changes each case names.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { arrangeContent, type Article, type Issue } from '../../../src/data/site-content.ts';
import { contentEntries, entryOf, officialEntry, ref } from '../../helpers/site-entries.ts';
import { PROJECT_ROOT } from '../../helpers/content-copy.ts';

const content = contentEntries();
const ISSUE_FILE = join(PROJECT_ROOT, 'content/issues/2017-02.mdx');
const ARTICLE_FILE = (n: string) => join(PROJECT_ROOT, 'content/articles/2017-02', `${n}.mdx`);

/** A later issue whose 要目 lists its two articles in the order opposite to their files'. */
const laterIssue = entryOf<Issue>('issues', ISSUE_FILE, '2018-01', { year: 2018, number: 1, serial: 3, date: '2018-01-10', articles: [ref('articles', '2018-01/02'), ref('articles', '2018-01/01')] });
const laterArticles = ['01', '02'].map((n) => entryOf<Article>('articles', ARTICLE_FILE(n), `2018-01/${n}`, { issue: ref('issues', '2018-01') }));
/** An OCR draft not yet checked against the paper, with an article. */
const draftIssue = entryOf<Issue>('issues', ISSUE_FILE, '2019-01', { year: 2019, number: 1, serial: 4, date: '2019-01-10', articles: [ref('articles', '2019-01/01')], review: '待核对' });
const draftArticle = entryOf<Article>('articles', ARTICLE_FILE('03'), '2019-01/01', { issue: ref('issues', '2019-01') });

describe('issues and articles', () => {
  const site = arrangeContent(
    { ...content, issues: [...content.issues, draftIssue, laterIssue], articles: [...laterArticles, ...content.articles, draftArticle] },
    'public',
    '2026-01-01',
  );

  it('publishes the issues newest first, without an OCR draft waiting to be checked, nor its articles', () => {
    expect(site.issues.map(({ issue }) => issue.id)).toEqual(['2018-01', '2017-02']);
    expect(site.articles.map((a) => a.id)).not.toContain('2019-01/01');
  });

  it('lists each issue’s articles in its 要目 order, and all of them newest issue first', () => {
    expect(site.issues[0]!.articles.map((a) => a.id)).toEqual(['2018-01/02', '2018-01/01']);
    const committed = content.issues.find((i) => i.id === '2017-02')!.data.articles.map((r) => r.id);
    expect(site.articles.map((a) => a.id)).toEqual(['2018-01/02', '2018-01/01', ...committed]);
  });

  it('finds an article’s issue, and names the file of an article whose issue does not exist', () => {
    expect(site.issueOf(laterArticles[0]!).id).toBe('2018-01');
    const stray = entryOf<Article>('articles', ARTICLE_FILE('01'), '2020-01/01', { issue: ref('issues', '2020-01') });
    expect(() => site.issueOf(stray)).toThrow('content/articles/2017-02/01.mdx: issue “2020-01” does not exist');
  });

  it('works out each article’s text once, from its body: the paragraphs as a reader reads them', () => {
    const article = content.articles.find((a) => a.id === '2017-02/03')!;
    const text = site.articleText(article);
    // The body's blocks between empty lines: the seed's articles hold no markup.
    expect(text.paragraphs).toEqual(article.body!.split(/\n\s*\n/).map((p) => p.trim()));
    expect(text.text).toBe(text.paragraphs.join('\n'));
    expect(site.articleText(article)).toBe(text);
  });

  it('orders the topics by their names as a Chinese index does (pinyin)', () => {
    expect(site.topics.map((t) => t.id)).toEqual(['1331工程', '两提一创', '双一流', '脱贫攻坚', '巡视整改', '战略合作', '职业教育']);
  });
});

describe('the edition filter', () => {
  const policies = [
    ...content.policies,
    // Public, 主动公开: in the public edition.
    officialEntry('shijiaoke-2019-7'),
    // Public in name, but classified: never public.
    officialEntry('shijiaoke-2019-7', 'classified', { secrecy: '秘密', title: '甲' }),
    // Public in name, with its text and no word of being disclosed: not public.
    officialEntry('shijiaoke-2019-7', 'undisclosed', { disclosure: undefined, title: '乙' }),
    // Disclosed only on request.
    officialEntry('shijiaoke-2019-7', 'on-request', { disclosure: '依申请公开', title: '丙' }),
    // Marked internal.
    officialEntry('shijiaoban-2020-15', 'shijiaoban-2020-15', { visibility: 'internal' }),
  ];
  const internalOfContent = content.policies.filter((p) => p.data.visibility === 'internal').map((p) => p.id);

  it('shows in the public edition only what may be public, newest first: a document disclosed as public, a catalogue entry a published article names', () => {
    const site = arrangeContent({ ...content, policies }, 'public', '2026-01-01');
    // 1331-gongcheng-yijian: a public catalogue entry (no text) that 2017-02/05 names, with no date.
    expect(site.policies.map((p) => p.id)).toEqual(['shijiaoke-2019-7', '1331-gongcheng-yijian']);
    expect(site.hiddenPolicies.map((p) => p.id).sort()).toEqual([...internalOfContent, 'classified', 'undisclosed', 'on-request', 'shijiaoban-2020-15'].sort());
  });

  it('shows everything in the internal edition, newest known date first, then by title', () => {
    const site = arrangeContent({ ...content, policies }, 'internal', '2026-01-01');
    expect(site.hiddenPolicies).toEqual([]);
    // 2020 first; then the four of 2019-03-12 by title in pinyin: 丙 bǐng, 甲 jiǎ, 示例… shì, 乙 yǐ.
    expect(site.policies.map((p) => p.id).slice(0, 5)).toEqual(['shijiaoban-2020-15', 'on-request', 'classified', 'shijiaoke-2019-7', 'undisclosed']);
    expect(site.policies.map((p) => p.id).sort()).toEqual(policies.map((p) => p.id).sort());
  });
});
