/**
 * The search records of this edition (src/lib/build-data.ts), from the content: one per article
 * (its headline as the title; its photos' captions, its paragraphs and what its components show, as its page shows them),
 * one per policy page, and one per 条 or numbered heading of a policy's text, at its anchor, so
 * that a query found inside a long document leads to the part that holds it. Pure: the content
 * is handed in (src/data/site.ts getSearchRecords works them out once per build).
 */
import type { SearchRecord } from '../lib/build-data.ts';
import { formatIssueLabel } from '../lib/issue-label.ts';
import { entryYear, KIND_LABELS } from '../lib/kinds.ts';
import { allUnits, blockText, unitText, type TextPart, type Unit } from '../lib/policy/structure.ts';
import { articleUrl, policyUrl } from '../lib/urls.ts';
import { WHOLE_PAGE } from '../lib/search/state.ts';
import type { PolicyView } from './policies.ts';
import { signatories, VALIDITIES, type Validity } from '../lib/policy/facts.ts';
import type { Policy, SiteContent } from './site-content.ts';

/** The parts of a text that become records of their own, each with its own text (not its children's): every 条 and every numbered heading. */
function searchableUnits(part: TextPart): Unit[] {
  return allUnits(part).filter((unit) => unit.type === 'clause' || unit.type === 'heading');
}

function policyRecords(policy: Policy, view: PolicyView): SearchRecord[] {
  const url = policyUrl(policy.id);
  const filters: Record<string, string[]> = {
    kind: [KIND_LABELS.policy],
    validity: [view.validity],
    category: [policy.data.category],
    ...(view.date ? { year: [entryYear(view.date)], date: [view.date] } : {}),
    ...(policy.data.writtenDate ? { writtenYear: [entryYear(policy.data.writtenDate)] } : {}),
    ...(signatories(policy.data).length ? { issuer: signatories(policy.data) } : {}),
  };
  const sort = { date: view.date ?? '0000-00-00', written: policy.data.writtenDate ?? '0000-00-00' };
  const title = policy.data.title;
  const parts: Array<{ part: TextPart; label?: string | undefined; title?: string | undefined }> = [
    { part: view.text.main },
    ...view.text.attachments.map((a) => ({ part: a, label: a.label, title: policy.data.attachments[a.number - 1]?.title })),
  ];
  const parted = parts.map(({ part, label, title: attachmentTitle }) => ({ part, label, attachmentTitle, units: searchableUnits(part) }));
  // The page's own record: what no part holds (a notice's opening, an attachment's title and any text outside its 条).
  const own: string[] = [
    ...(policy.data.docNumber ? [policy.data.docNumber] : []),
    ...parted.flatMap(({ part, label, attachmentTitle, units }) => {
      // 章 and 节: their titles, and any text of theirs before their first 条.
      const inUnits = new Set(units);
      const outside = allUnits(part).filter((u) => !inUnits.has(u)).flatMap(unitText);
      return [...(label ? [`${label} ${attachmentTitle ?? ''}`.trim()] : []), ...part.content.flatMap(blockText), ...outside];
    }),
  ];
  // Only the page bears its 文号: a search for it puts the document first (src/browser/search/engine.ts).
  const pageFilters = policy.data.docNumber ? { ...filters, docNumber: [policy.data.docNumber] } : filters;
  // What a result names its document by, on the page and on each of its parts: 文号 and 发文机关 (两个版本同名时靠它们分辨).
  const names: Record<string, string> = {
    ...(policy.data.docNumber ? { docNumber: policy.data.docNumber } : {}),
    ...(signatories(policy.data).length ? { issuer: signatories(policy.data).join('、') } : {}),
  };
  const page: SearchRecord = { url, title, blocks: own, filters: { ...pageFilters, level: [WHOLE_PAGE] }, sort, meta: { ...names, ...(own.length ? {} : { titleOnly: '1' }) } };
  const records = parted.flatMap(({ label, attachmentTitle, units }) =>
    units.map((unit) => ({
      url: `${url}#${unit.anchor}`,
      // A part is found by its own words, not its document's title (which would make every 条
      // of a document match a query for that title): its title is its name; the document's
      // title travels as `doc`, for the result to show.
      title: unit.label,
      blocks: unitText(unit),
      filters,
      sort,
      meta: { ...names, doc: title, part: [unit.label, ...[...unit.context].reverse(), ...(label ? [`${label} ${attachmentTitle ?? ''}`.trim()] : [])].join(' · ') },
    })),
  );
  return [page, ...records];
}

/** The order a filter's values are offered in: newest year first; 时效性 in its own order; names by pinyin. */
const ORDER: Partial<Record<string, (a: string, b: string) => number>> = {
  year: (a, b) => b.localeCompare(a),
  writtenYear: (a, b) => b.localeCompare(a),
  validity: (a, b) => VALIDITIES.indexOf(a as Validity) - VALIDITIES.indexOf(b as Validity),
};

/** Every value each filter takes in the records, in the order the search page offers them. */
export function searchFilterChoices(records: readonly SearchRecord[]): Record<'year' | 'validity' | 'issuer' | 'category' | 'writtenYear', string[]> {
  const values = (key: string) => [...new Set(records.flatMap((r) => r.filters[key] ?? []))].sort(ORDER[key] ?? ((a, b) => a.localeCompare(b, 'zh-CN')));
  return { year: values('year'), validity: values('validity'), issuer: values('issuer'), category: values('category'), writtenYear: values('writtenYear') };
}

/** The records of the content: its articles', then its policies' (and their parts'). */
export function searchRecordsOf({ issues, policies, policyView, articleText }: Pick<SiteContent, 'issues' | 'policies' | 'policyView' | 'articleText'>): SearchRecord[] {
  const articles = issues.flatMap(({ issue, articles }) =>
    articles.map(
      (article): SearchRecord => ({
        url: articleUrl(article.id),
        title: article.data.title,
        blocks: [...article.data.photos.slice(0, 1).map((p) => p.caption), ...articleText(article).paragraphs, ...articleText(article).components, ...article.data.photos.slice(1).map((p) => p.caption)],
        filters: {
          kind: [KIND_LABELS.article],
          year: [entryYear(issue.data.date)],
          issue: [formatIssueLabel(issue.data)],
          date: [issue.data.date],
          level: [WHOLE_PAGE],
          ...(article.data.topics.length ? { topic: article.data.topics.map((ref) => ref.id) } : {}),
        },
        sort: { date: issue.data.date, written: issue.data.date },
        meta: {},
      }),
    ),
  );
  return [...articles, ...policies.flatMap((policy) => policyRecords(policy, policyView(policy)))];
}
