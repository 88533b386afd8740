/** Every URL the site makes, in one place so that pages, feeds, the search index and the PDFs agree. */

export const issueUrl = (issueId: string) => `/bulletins/${issueId}/`;

/** Article ids are <issue id>/<position>, so the article sits under its issue: /bulletins/2017-02/01/. */
export const articleUrl = (articleId: string) => `/bulletins/${articleId}/`;

export const policyUrl = (policyId: string) => `/policies/${policyId}/`;

/**
 * A name as one path segment, readable: Chinese stays as it is (HTML allows it in links, and
 * browsers show it so), only what would end or split the segment is escaped (/ ? # % and spaces).
 * Absolute addresses made with absoluteUrl are fully percent-encoded.
 */
export const pathSegment = (name: string) => name.replace(/[%/?#\\\s"<>^`{|}]/g, (c) => encodeURIComponent(c));

export const topicUrl = (name: string) => entityUrl('topics', name);

/** The kinds of name an article's frontmatter lists, each gathered on pages of its own. */
export type EntityKind = 'people' | 'organizations' | 'places' | 'topics';

/** Each kind's folder; the frontmatter field and the folder share a name. */
export const entityIndexUrl = (kind: EntityKind) => `/${kind}/`;

/** A name's page: /people/吴俊清/. Topics' ids are their names, so topicUrl is the same rule. */
export const entityUrl = (kind: EntityKind, name: string) => `/${kind}/${pathSegment(name)}/`;

export const personUrl = (name: string) => entityUrl('people', name);

export const organizationUrl = (name: string) => entityUrl('organizations', name);

export const placeUrl = (name: string) => entityUrl('places', name);

export const timelineUrl = '/timeline/';

/** A month on the timeline: /timeline/#m2017-04. */
export const timelineMonthUrl = (yearMonth: string) => `${timelineUrl}#m${yearMonth}`;

/** The RSS feed of articles. */
export const feedUrl = '/feed.xml';
/** The feed of the policy library's changes. */
export const policyFeedUrl = '/policies/feed.xml';

/** A site path as an absolute URL on the deployed site, percent-encoded (canonical links, og:url, the feed, the sitemap). */
export const absoluteUrl = (path: string, site: URL | string) => new URL(path, site).href;

/**
 * The same address as an IRI, Chinese left readable (/people/吴俊清/): for JSON-LD, where
 * percent-encoding would triple each name's bytes on every article page.
 */
export const absoluteIri = (path: string, site: URL | string) =>
  // Only runs of escaped bytes ≥ 0x80 (UTF-8 for non-ASCII) are decoded; %2F, %25 and the like stay.
  absoluteUrl(path, site).replace(/(?:%[89A-F][0-9A-F])+/gi, (bytes) => {
    try {
      return decodeURIComponent(bytes);
    } catch {
      return bytes;
    }
  });

/** The printable PDFs, rendered at build time by scripts/pdf (one per issue, per policy, per year). */
export const issuePdfUrl = (issueId: string) => `/pdf/bulletins/${issueId}.pdf`;

/** The comparison (对照) of a version with the one before it. */
export const policyCompareUrl = (policyId: string) => `/policies/${policyId}/对照/`;

/** The stylesheet of a document not in force: its mark on every printed page and at the 条 a link opens (src/lib/policy/status.ts). */
export const policyStatusCssUrl = (policyId: string) => `/policies/${policyId}/status.css`;
export const policyPdfUrl = (policyId: string) => `/pdf/policies/${policyId}.pdf`;

/** The yearly bound volume (合订本). */
export const volumePdfUrl = (year: number) => `/pdf/volumes/${year}.pdf`;

