/**
 * The RSS feed of articles, newest issue first, each with its issue (RSS <category>) and its
 * opening paragraph. Built with @astrojs/rss, Astro's own feed writer (it escapes, dates and
 * makes links absolute as RSS 2.0 requires). Through getSiteContent: only what this edition shows.
 */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getSiteContent } from '../data/site.ts';
import { formatIssueLabel, seriesName } from '../lib/issue-label.ts';
import { leadOf } from '../lib/lead.ts';
import { SITE_OWNER } from '../lib/site.ts';
import { absoluteUrl, articleUrl, feedUrl } from '../lib/urls.ts';

/**
 * An issue's date as the moment RSS wants. Noon UTC falls on the same calendar day from UTC−12
 * to UTC+11 (20:00 in China), so every reader's feed shows the date printed on the issue.
 */
const publicationMoment = (date: string) => new Date(`${date}T12:00:00Z`);

export async function GET(context: APIContext) {
  const site = context.site ?? context.url;
  const { issues, articles, issueOf } = await getSiteContent();
  const series = issues[0] ? seriesName(issues[0].issue.data.series) : '工作要讯';
  return rss({
    title: `${series} · ${SITE_OWNER}`,
    description: `${SITE_OWNER}编发的《${series}》，按期发布的各篇文章。`,
    site,
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>zh-cn</language><atom:link href="${absoluteUrl(feedUrl, site)}" rel="self" type="application/rss+xml"/>`,
    items: articles.map((article) => {
      const issue = issueOf(article);
      const label = formatIssueLabel(issue.data);
      return {
        title: article.data.title,
        link: articleUrl(article.id),
        pubDate: publicationMoment(issue.data.date),
        description: `【工作要讯 ${label}】${leadOf(article.body ?? '', 200)}`,
        categories: [label, ...article.data.topics.map((topic) => topic.id)],
      };
    }),
  });
}
