/**
 * Turns results into DOM. Everything the reader typed and everything the index holds is set as
 * text (textContent, createElement), never parsed as HTML: a query such as
 * <img src=x onerror=…> shows as those characters.
 */
import { findRanges, makeExcerpt, type Range } from '../../lib/search/excerpt.ts';
import { highlightStrings, partialStrings, type QueryTerm } from '../../lib/search/query.ts';
import { resultHref } from '../../lib/search/state.ts';
import { formatChineseDate } from '../../lib/chinese-date.ts';
import { KIND_LABELS } from '../../lib/kinds.ts';
import { isInForce, validitySlug } from '../../lib/policy/validity.ts';
import type { PagefindFragment } from './pagefind.ts';
import type { ResultFilter } from '../../lib/build-data.ts';

/** Appends `text` to `parent` with the given ranges wrapped in <mark>. */
export function appendMarked(parent: HTMLElement, text: string, marks: readonly Range[]): void {
  let at = 0;
  for (const [start, end] of marks) {
    if (start > at) parent.append(text.slice(at, start));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(start, end);
    parent.append(mark);
    at = end;
  }
  if (at < text.length) parent.append(text.slice(at));
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** What a result says of itself, read from its fragment. */
export function describeFragment(fragment: PagefindFragment) {
  const first = (key: ResultFilter) => fragment.filters[key]?.[0];
  return {
    url: fragment.url,
    // A part (a 条) shows under its document's title.
    title: fragment.meta['doc'] ?? fragment.meta['title'] ?? '',
    kind: first('kind') ?? '',
    /** The issue of an article (2017年第2期). */
    issue: first('issue'),
    /** The 时效性 of a policy (现行有效, 已废止…). */
    validity: first('validity'),
    /** A policy's 发文字号 and 发文机关 (src/data/search-records.ts): two versions of one title differ by them. */
    docNumber: fragment.meta['docNumber'],
    issuer: fragment.meta['issuer'],
    /** The part of a document a result leads to: 第十二条 · 第四章 考核与经费. */
    part: fragment.meta['part'],
    date: first('date'),
    // A page that is only a title (a policy whose text the site does not have) has no text to show.
    text: fragment.meta['titleOnly'] ? '' : fragment.content,
  };
}

/**
 * The strings to mark: the query as written for an exact match, its pieces for a partial one
 * (query.ts partialStrings: readable pairs, never the index's marked ones).
 */
function needlesFor(terms: readonly QueryTerm[], exact: boolean): string[] {
  return exact ? highlightStrings(terms) : partialStrings(terms);
}

/** One matching part of a document (a 条 at its anchor): its name as the link, then its excerpt. */
export function renderPart(fragment: PagefindFragment, terms: readonly QueryTerm[], exact: boolean, query: string): HTMLLIElement {
  const result = describeFragment(fragment);
  const needles = needlesFor(terms, exact);
  const item = element('li', exact ? 'result__part' : 'result__part result__part--partial');
  const link = element('a', 'result__part-link', result.part ?? '');
  link.href = resultHref(result.url, query);
  item.append(link);
  const excerpt = makeExcerpt(result.text, findRanges(result.text, needles));
  if (excerpt.text) {
    const text = element('p', 'result__excerpt');
    appendMarked(text, excerpt.text, excerpt.marks);
    item.append(text);
  }
  return item;
}

export function renderResult(fragment: PagefindFragment, terms: readonly QueryTerm[], exact: boolean, query: string): HTMLLIElement {
  const result = describeFragment(fragment);
  // A part's group: the document's title links to the document; the part is listed under it.
  const isPart = result.part !== undefined;
  // A page that holds the query as written shows it whole; one that holds pieces shows the pieces.
  const needles = needlesFor(terms, exact);
  const excerpt = makeExcerpt(isPart ? '' : result.text, findRanges(isPart ? '' : result.text, needles));

  const item = element('li', exact ? 'result' : 'result result--partial');
  const link = element('a', 'result__title');
  link.href = isPart ? resultHref(result.url.replace(/#.*$/, ''), query) : resultHref(result.url, query);
  appendMarked(link, result.title, findRanges(result.title, needles));
  const heading = element('h2', 'result__heading');
  heading.append(link);
  const meta = element('p', 'result__meta');
  meta.append(element('span', `result__kind result__kind--${result.kind === KIND_LABELS.policy ? 'policy' : 'article'}`, result.kind));
  if (result.issue) meta.append(element('span', 'result__context', result.issue));
  // A policy names itself by its 文号 and 发文机关, 不详 where the library does not know them.
  if (result.kind === KIND_LABELS.policy) {
    meta.append(element('span', `result__number${result.docNumber ? '' : ' result__unknown'}`, result.docNumber ?? '发文字号不详'));
    meta.append(element('span', `result__issuer${result.issuer ? '' : ' result__unknown'}`, result.issuer ?? '发文机关不详'));
  }
  // A policy's 时效性 as a mark of its own; one not in force stands out.
  if (result.validity) {
    const slug = validitySlug(result.validity);
    meta.append(element('span', `result__validity${slug ? ` result__validity--${slug}` : ''}${isInForce(result.validity) ? '' : ' result__validity--warn'}`, result.validity));
  }
  const date = element('time', 'result__date', result.date ? formatChineseDate(result.date) : '日期不详');
  if (result.date) date.dateTime = result.date;
  meta.append(date);
  item.append(heading, meta);
  if (excerpt.text) {
    const text = element('p', 'result__excerpt');
    appendMarked(text, excerpt.text, excerpt.marks);
    item.append(text);
  }
  // The document's matching parts, each linking to its anchor.
  const parts = element('ul', 'result__parts');
  parts.setAttribute('aria-label', '文件中的匹配条款');
  if (isPart) parts.append(renderPart(fragment, terms, exact, query));
  item.append(parts);
  return item;
}
