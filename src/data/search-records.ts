/**
 * The search records of this edition (src/lib/build-data.ts), from the content: one per article
 * (its headline as the title; its photos' captions and its paragraphs, as its page shows them),
 * one per policy page, and one per 条 or numbered heading of a policy's text, at its anchor, so
 * that a query found inside a long document leads to the part that holds it.
 */
import type { SearchRecord } from '../lib/build-data.ts';
import { formatIssueLabel } from '../lib/issue-label.ts';
import { paragraphTexts } from '../lib/markdown.ts';
import { KIND_LABELS } from '../lib/kinds.ts';
import { statusLabel } from '../lib/policy-labels.ts';
import { allUnits, blockText, unitText, type TextPart, type Unit } from '../lib/policy/structure.ts';
import { articleUrl, policyUrl } from '../lib/urls.ts';
import { policyView } from './policies.ts';
import { getSiteContent, type Policy } from './site.ts';

const year = (date: string | undefined) => (date ? [date.slice(0, 4)] : []);

/** The parts of a text that become records of their own: each 条, and each heading that holds no lower heading. */
function searchableUnits(part: TextPart): Unit[] {
  return allUnits(part).filter((unit) => unit.type === 'clause' || (unit.type === 'heading' && !unit.children.length));
}

function policyRecords(policy: Policy): SearchRecord[] {
  const view = policyView(policy);
  const url = policyUrl(policy.id);
  const filters: Record<string, string[]> = {
    kind: [KIND_LABELS.policy],
    status: [statusLabel(policy.data.status)],
    validity: [view.validity],
    ...(view.date ? { year: year(view.date), date: [view.date] } : {}),
  };
  const sort = { date: view.date ?? '0000-00-00' };
  const title = policy.data.title;
  const parts: Array<{ part: TextPart; label?: string; title?: string }> = [
    { part: view.text.main },
    ...view.text.attachments.map((a) => ({ part: a, label: a.label, title: policy.data.attachments[a.number - 1]?.title })),
  ];
  const parted = parts.map(({ part, label, title: attachmentTitle }) => ({ part, label, attachmentTitle, units: searchableUnits(part) }));
  // The page's own record: what no part holds (a notice's opening, an attachment's title and any text outside its 条).
  const own: string[] = [
    ...(policy.data.docNumber ? [policy.data.docNumber] : []),
    ...parted.flatMap(({ part, label, attachmentTitle, units }) => {
      const inUnits = new Set(units.flatMap((u) => [u, ...allUnits({ units: u.children })]));
      const outside = allUnits(part).filter((u) => !inUnits.has(u)).flatMap(unitText);
      return [...(label ? [`${label} ${attachmentTitle ?? ''}`.trim()] : []), ...part.content.flatMap(blockText), ...outside];
    }),
  ];
  const page: SearchRecord = { url, title, blocks: own, filters, sort, meta: own.length ? {} : { titleOnly: '1' } };
  const records = parted.flatMap(({ label, attachmentTitle, units }) =>
    units.map((unit) => ({
      url: `${url}#${unit.anchor}`,
      title,
      blocks: [...unitText(unit), ...allUnits({ units: unit.children }).flatMap(unitText)],
      filters,
      sort,
      meta: { part: [unit.label, ...[...unit.context].reverse(), ...(label ? [`${label} ${attachmentTitle ?? ''}`.trim()] : [])].join(' · ') },
    })),
  );
  return [page, ...records];
}

export async function searchRecords(): Promise<SearchRecord[]> {
  const { issues, policies } = await getSiteContent();
  const articles = issues.flatMap(({ issue, articles }) =>
    articles.map(
      (article): SearchRecord => ({
        url: articleUrl(article.id),
        title: article.data.title,
        blocks: [...article.data.photos.slice(0, 1).map((p) => p.caption), ...paragraphTexts(article.body ?? ''), ...article.data.photos.slice(1).map((p) => p.caption)],
        filters: {
          kind: [KIND_LABELS.article],
          year: [String(issue.data.year)],
          issue: [formatIssueLabel(issue.data)],
          date: [issue.data.date],
          ...(article.data.topics.length ? { topic: article.data.topics.map((ref) => ref.id) } : {}),
        },
        sort: { date: issue.data.date },
        meta: {},
      }),
    ),
  );
  return [...articles, ...policies.flatMap(policyRecords)];
}
