/**
 * schema.org metadata (JSON-LD) for search engines: NewsArticle for bulletin articles,
 * Legislation for policy documents. Only what the content knows goes in: a field the content
 * leaves out is left out here too, never filled with a guess.
 */
import type { IsoDate } from '../schemas/common.ts';
import type { Validity } from './policy/facts.ts';
import type { PolicyStatus } from '../schemas/policy.ts';

type JsonLd = Record<string, unknown>;

export interface NamedLink {
  name: string;
  /** Absolute URL of the name's page on this site. */
  url: string;
}

export interface NewsArticleInput {
  headline: string;
  /** Absolute URL of the article page. */
  url: string;
  /** The issue's publication date. */
  datePublished: IsoDate;
  issue: { name: string; issueNumber: number; url: string; datePublished: IsoDate };
  /** The series name: 实施“1331工程” 推进“双一流”建设 工作要讯. */
  periodical: string;
  /** 主办 as the issue prints it. */
  publisher: string;
  /**
   * Whom and what it names, by name only: an article may name a dozen people, and an address
   * for each would weigh on a page kept small; the page's own links lead to the names' pages.
   */
  people: string[];
  organizations: string[];
  places: string[];
  /** What it is about, with each topic's page. */
  topics: NamedLink[];
  /** Absolute URLs of the article's photos. */
  images: string[];
}

const named = (type: string) => (name: string) => ({ '@type': type, name });

export function newsArticleJsonLd(input: NewsArticleInput): JsonLd {
  const mentions = [
    ...input.people.map(named('Person')),
    ...input.organizations.map(named('Organization')),
    ...input.places.map(named('Place')),
  ];
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: input.headline,
    url: input.url,
    inLanguage: 'zh-CN',
    datePublished: input.datePublished,
    publisher: { '@type': 'GovernmentOrganization', name: input.publisher },
    isPartOf: {
      '@type': 'PublicationIssue',
      name: input.issue.name,
      issueNumber: String(input.issue.issueNumber),
      datePublished: input.issue.datePublished,
      url: input.issue.url,
      isPartOf: { '@type': 'Periodical', name: input.periodical },
    },
    ...(input.topics.length ? { about: input.topics.map((topic) => ({ '@type': 'Thing', name: topic.name, url: topic.url })) } : {}),
    ...(mentions.length ? { mentions } : {}),
    ...(input.images.length ? { image: input.images } : {}),
  };
}

export interface LegislationInput {
  name: string;
  /** Absolute URL of the policy page. */
  url: string;
  /** 类别: 意见, 管理办法… */
  category: string;
  status: PolicyStatus;
  issuer?: string | undefined;
  drafter?: string | undefined;
  docNumber?: string | undefined;
  writtenDate?: IsoDate | undefined;
  publishedDate?: IsoDate | undefined;
  /** 实施日期: the version's date (legislationDateVersion). */
  effectiveDate?: IsoDate | undefined;
  /** 时效性 as of the build (src/lib/policy/facts.ts); the status alone when not given. */
  validity?: Validity | undefined;
  /** Absolute URLs of the earlier versions this one revises (legislationConsolidates: it is their revised text). */
  consolidates?: string[] | undefined;
  /** Absolute URLs of the documents it changes: the versions it revises and those it repeals (legislationChanges). */
  changes?: string[] | undefined;
}

/**
 * Legal force as schema.org names it, where the status says it: a document in force is
 * InForce, a repealed one NotInForce. A draft has not been adopted and an amended one's force
 * depends on the amendment, so neither states one.
 */
const LEGAL_FORCE: Partial<Record<PolicyStatus, string>> = {
  'in-force': 'https://schema.org/InForce',
  repealed: 'https://schema.org/NotInForce',
};

/**
 * The same from the 时效性: 现行有效 is InForce; not yet in force, lapsed, repealed, or replaced by
 * a revision is NotInForce (schema.org: “not in force”, whether repealed or not yet commenced).
 */
const FORCE_BY_VALIDITY: Partial<Record<Validity, string>> = {
  现行有效: 'https://schema.org/InForce',
  尚未施行: 'https://schema.org/NotInForce',
  已失效: 'https://schema.org/NotInForce',
  已废止: 'https://schema.org/NotInForce',
  已修订: 'https://schema.org/NotInForce',
};

export function legislationJsonLd(input: LegislationInput): JsonLd {
  const force = input.validity ? FORCE_BY_VALIDITY[input.validity] : LEGAL_FORCE[input.status];
  const links = (urls: string[] | undefined) => (urls?.length ? urls.map((url) => ({ '@type': 'Legislation', url })) : undefined);
  const changes = links(input.changes);
  const consolidates = links(input.consolidates);
  return {
    '@context': 'https://schema.org',
    '@type': 'Legislation',
    name: input.name,
    url: input.url,
    inLanguage: 'zh-CN',
    legislationType: input.category,
    ...(input.docNumber ? { legislationIdentifier: input.docNumber } : {}),
    ...(input.writtenDate ? { legislationDate: input.writtenDate } : {}),
    ...(input.publishedDate ? { datePublished: input.publishedDate } : {}),
    ...(input.issuer ? { legislationPassedBy: { '@type': 'GovernmentOrganization', name: input.issuer } } : {}),
    // schema.org: “typically the ministry who is/was in charge of elaborating the legislation”, i.e. 起草单位.
    ...(input.drafter ? { legislationResponsible: { '@type': 'GovernmentOrganization', name: input.drafter } } : {}),
    ...(force ? { legislationLegalForce: force } : {}),
    ...(input.effectiveDate ? { legislationDateVersion: input.effectiveDate } : {}),
    ...(changes ? { legislationChanges: changes } : {}),
    ...(consolidates ? { legislationConsolidates: consolidates } : {}),
  };
}

/**
 * JSON for a <script type="application/ld+json">: `<` is escaped so that no string in the
 * content (a title with “</script>” in it) can end the script early.
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
