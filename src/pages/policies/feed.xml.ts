/**
 * /policies/feed.xml: the policy library's changes, newest first (src/lib/policy/changes.ts) —
 * a document issued, revised, repealed or lapsed — for the staff who follow the library. The
 * channel is the bulletin feed's (src/lib/feeds.ts); only what this edition shows.
 */
import type { APIContext } from 'astro';
import { getSiteContent, type Policy } from '../../data/site.ts';
import { feedNote } from '../../lib/policy/status.ts';
import { policyChanges, type ChangeKind } from '../../lib/policy/changes.ts';
import { formatChineseDate } from '../../lib/chinese-date.ts';
import { quotedTitle } from '../../lib/policy/facts.ts';
import { SITE_OWNER } from '../../lib/site-names.ts';
import { feedResponse, publicationMoment } from '../../lib/feeds.ts';
import { policyFeedUrl, policyUrl } from '../../lib/urls.ts';

const VERBS: Record<ChangeKind, string> = { issued: '印发', revised: '已修订', repealed: '已废止', lapsed: '已失效' };

export async function GET(context: APIContext) {
  const site = context.site ?? context.url;
  const { policies, policyNotice, asOf } = await getSiteContent();
  const byId = new Map(policies.map((p) => [p.id, p]));
  const named = (p: Policy) => `${quotedTitle(p.data.title)}${p.data.docNumber ? `（${p.data.docNumber}）` : ''}`;
  return feedResponse({
    title: `政策文件变动 · ${SITE_OWNER}`,
    description: `${SITE_OWNER}政策文件库的变动：文件的印发、修订、废止和失效，新的在前。`,
    site,
    self: policyFeedUrl,
    items: policyChanges(policies, asOf).map((change) => {
      const policy = byId.get(change.id)!;
      const by = change.by ? byId.get(change.by) : undefined;
      const when = formatChineseDate(change.date);
      // A document not in force says so in every entry about it, unless the entry is that change.
      const notice = policyNotice(policy);
      const standing = notice && notice.validity !== VERBS[change.kind] ? notice : undefined;
      const description =
        change.kind === 'issued'
          ? `${when}，${policy.data.issuer ?? '发文机关不详'}印发${named(policy)}。`
          : change.kind === 'lapsed'
            ? `${named(policy)}有效期至${formatChineseDate(policy.data.expiryDate!)}，自${when}起失效。`
            : by
              ? `自${when}起，${named(policy)}被${named(by)}${change.kind === 'repealed' ? '废止' : '修订'}。`
              : `${named(policy)}于${when}废止。`;
      return {
        title: `${VERBS[change.kind]}：${policy.data.title}${standing ? `（${standing.validity}）` : ''}`,
        // The page that shows the change (the new version for a revision or repeal, the document
        // otherwise), at an anchor of the change's own: @astrojs/rss makes the link each item's
        // guid, and two changes of one document must not share one.
        link: `${policyUrl(by?.id ?? policy.id)}#${VERBS[change.kind]}-${change.date}`,
        pubDate: publicationMoment(change.date),
        description: `${description}${feedNote(standing)}`,
        categories: [VERBS[change.kind], policy.data.category, ...(standing ? [standing.validity] : [])],
      };
    }),
  });
}
