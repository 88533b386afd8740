/**
 * The RSS feed of articles, newest issue first, each with its issue (RSS <category>) and its
 * opening paragraph (the channel: src/lib/feeds.ts). Through getSiteContent: only what this
 * edition shows.
 */
import type { APIContext } from 'astro';
import { getSiteContent } from '../data/site.ts';
import { formatIssueLabel, seriesName } from '../lib/issue-label.ts';
import { leadOf } from '../lib/lead.ts';
import { SITE_OWNER } from '../lib/site-names.ts';
import { feedResponse, publicationMoment } from '../lib/feeds.ts';
import { articleUrl, feedUrl } from '../lib/urls.ts';

export async function GET(context: APIContext) {
  const site = context.site ?? context.url;
  const { issues, articles, issueOf, articleText } = await getSiteContent();
  const series = issues[0] ? seriesName(issues[0].issue.data.series) : '工作要讯';
  return feedResponse({
    title: `${series} · ${SITE_OWNER}`,
    description: `${SITE_OWNER}编发的《${series}》，按期发布的各篇文章。`,
    site,
    self: feedUrl,
    items: articles.map((article) => {
      const issue = issueOf(article);
      const label = formatIssueLabel(issue.data);
      return {
        title: article.data.title,
        link: articleUrl(article.id),
        pubDate: publicationMoment(issue.data.date),
        description: `【工作要讯 ${label}】${leadOf(articleText(article).paragraphs, 200)}`,
        categories: [label, ...article.data.topics.map((topic) => topic.id)],
      };
    }),
  });
}
