/**
 * The channel every RSS feed of the site has (the bulletin's articles, /feed.xml; the policy
 * library's changes, /policies/feed.xml): Chinese, its own address as atom:link rel="self", links
 * with the site's trailing slash. Built with @astrojs/rss, Astro's own feed writer (it escapes,
 * dates and makes links absolute as RSS 2.0 requires).
 */
import rss, { type RSSFeedItem } from '@astrojs/rss';
import { absoluteUrl } from './urls.ts';

export interface FeedChannel {
  title: string;
  description: string;
  /** The site's address (Astro's `site`). */
  site: URL | string;
  /** The feed's own path: /feed.xml. */
  self: string;
  items: RSSFeedItem[];
}

/** The feed's response. */
export function feedResponse({ title, description, site, self, items }: FeedChannel): Promise<Response> {
  return rss({
    title,
    description,
    site,
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>zh-cn</language><atom:link href="${absoluteUrl(self, site)}" rel="self" type="application/rss+xml"/>`,
    items,
  });
}

/**
 * A day (2017-05-18) as the moment RSS wants. Noon UTC falls on the same calendar day from UTC−12
 * to UTC+11 (20:00 in China), so every reader's feed shows the date printed on the document.
 */
export const publicationMoment = (date: string) => new Date(`${date}T12:00:00Z`);
