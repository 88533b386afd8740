/**
 * The search page: reads the search from the URL (?q=…&kind=…&sort=…), shows results as the
 * reader types, and keeps the URL in step so that any search is a link.
 */
import { paramsFromState, stateFromParams, type SearchState, FILTER_KEYS, SORTS, type Sort } from '../../lib/search/state.ts';
import { runSearch, type SearchOutcome } from './engine.ts';
import { renderPart, renderResult } from './render.ts';
import { nothingFound, placeResults, resultsSummary, type Tally } from './results.ts';
import { KIND_LABELS } from '../../lib/kinds.ts';
import { pageUrl } from '../../lib/search/group.ts';

const PAGE_SIZE = 20;

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
const more = document.querySelector<HTMLButtonElement>('#search-more')!;

let current:
  | {
      outcome: SearchOutcome;
      query: string;
      shown: number;
      groups: Map<string, HTMLLIElement>;
      /** What the status counts: articles, documents, their 条, the results that hold the query as written. */
      tally: Omit<Tally, 'total' | 'complete'>;
      /** Whether results are being loaded. */
      loading: boolean;
    }
  | undefined;
// Each search gets a number; a slower earlier search must not overwrite a later one's results.
let generation = 0;

function readForm(): SearchState {
  const data = new FormData(form);
  const filters: SearchState['filters'] = {};
  for (const key of FILTER_KEYS) {
    const value = String(data.get(key) ?? '');
    if (value) filters[key] = value;
  }
  const sort = String(data.get('sort') ?? 'relevance');
  return { q: String(data.get('q') ?? ''), filters, sort: (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : 'relevance' };
}

function writeForm(state: SearchState) {
  input.value = state.q;
  for (const key of FILTER_KEYS) {
    const select = form.elements.namedItem(key);
    if (select instanceof HTMLSelectElement) select.value = state.filters[key] ?? '';
  }
  const sort = form.elements.namedItem('sort');
  if (sort instanceof HTMLSelectElement) sort.value = state.sort;
  // A search with filters or an order shows them, folded or not (on a phone they start folded).
  const options = document.querySelector<HTMLDetailsElement>('#search-options');
  if (options && (Object.keys(state.filters).length > 0 || state.sort !== 'relevance')) options.open = true;
}

function syncUrl(state: SearchState, push: boolean) {
  const query = paramsFromState(state).toString();
  const url = `${location.pathname}${query ? `?${query}` : ''}`;
  if (url === `${location.pathname}${location.search}`) return;
  history[push ? 'pushState' : 'replaceState'](null, '', url);
}

async function showMore() {
  // One load at a time per search; a new search has a `current` of its own.
  if (!current || current.loading) return;
  const { outcome, query } = current;
  current.loading = true;
  more.disabled = true;
  const run = generation;
  const results = current.groups.size;
  // Slices until the page shows PAGE_SIZE more results (a slice of one document's 条 alone adds none).
  while (current.shown < outcome.results.length && current.groups.size - results < PAGE_SIZE) {
    const slice = outcome.results.slice(current.shown, current.shown + PAGE_SIZE);
    const fragments = await Promise.all(slice.map((result) => result.item.data()));
    if (run !== generation) return;
    const placements = placeResults(
      slice.map((result, i) => ({ url: fragments[i]!.url, exact: result.exact })),
      new Set(current.groups.keys()),
      current.shown,
      outcome.exactCount,
    );
    slice.forEach((result, i) => {
      const fragment = fragments[i]!;
      const placement = placements[i]!;
      const tally = current!.tally;
      // A part of a page already shown (a 条 of a document) goes under it.
      if (placement.kind === 'part') {
        current!.groups.get(placement.page)?.querySelector('.result__parts')?.append(renderPart(fragment, outcome.terms, result.exact, query));
        tally.parts += 1;
        return;
      }
      // Where the exact matches end and the partial ones begin, say so.
      if (placement.divider) {
        const divider = document.createElement('li');
        divider.className = 'result-divider';
        divider.textContent = '以下结果只包含查询词的部分字词';
        list.append(divider);
      }
      const item = renderResult(fragment, outcome.terms, result.exact, query);
      current!.groups.set(placement.page, item);
      list.append(item);
      if (fragment.filters['kind']?.[0] === KIND_LABELS.policy) tally.documents += 1;
      else tally.articles += 1;
      if (result.exact) tally.exactResults += 1;
      // A result that leads to a 条 is that 条 of its document: counted as one.
      if (pageUrl(fragment.url) !== fragment.url) tally.parts += 1;
    });
    current.shown += slice.length;
  }
  current.loading = false;
  more.disabled = false;
  more.hidden = current.shown >= outcome.results.length;
  status.textContent = summary();
}

/** What the status says of the search shown (results.ts): documents and their 条 counted apart. */
function summary(): string {
  if (!current) return '';
  const { outcome, tally, shown, query } = current;
  return resultsSummary({ ...tally, total: outcome.results.length, complete: shown >= outcome.results.length }, query);
}

async function search(state: SearchState) {
  const run = ++generation;
  const query = state.q.trim();
  if (!query && Object.keys(state.filters).length === 0) {
    list.replaceChildren();
    more.hidden = true;
    status.textContent = '请输入要搜索的字词，如 吕梁学院、两提一创、1331工程。';
    current = undefined;
    return;
  }
  status.textContent = '正在搜索…';
  try {
    const outcome = await runSearch(state);
    if (run !== generation) return;
    list.replaceChildren();
    current = { outcome, query: outcome.query, shown: 0, groups: new Map(), tally: { articles: 0, documents: 0, parts: 0, exactResults: 0 }, loading: false };
    const total = outcome.results.length;
    if (total === 0) {
      status.textContent = nothingFound(query);
      more.hidden = true;
      return;
    }
    await showMore();
  } catch (error) {
    if (run !== generation) return;
    console.error(error);
    status.textContent = '搜索暂时不可用，请稍后再试。';
  }
}

let typingTimer: ReturnType<typeof setTimeout> | undefined;

input.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    const state = readForm();
    syncUrl(state, false);
    void search(state);
  }, 250);
});
form.addEventListener('change', (event) => {
  if (event.target === input) return;
  const state = readForm();
  syncUrl(state, true);
  void search(state);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typingTimer);
  const state = readForm();
  syncUrl(state, true);
  void search(state);
});
more.addEventListener('click', () => void showMore());
window.addEventListener('popstate', () => {
  const state = stateFromParams(new URLSearchParams(location.search));
  writeForm(state);
  void search(state);
});

const initial = stateFromParams(new URLSearchParams(location.search));
writeForm(initial);
void search(initial);
