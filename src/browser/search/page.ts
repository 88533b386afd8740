/**
 * The search page: reads the search from the URL (?q=…&kind=…&sort=…), shows results as the
 * reader types, and keeps the URL in step so that any search is a link.
 */
import { paramsFromState, stateFromParams, type SearchState, FILTER_KEYS, SORTS, type Sort } from '../../lib/search/state.ts';
import { runSearch, type SearchOutcome } from './engine.ts';
import { renderPart, renderResult } from './render.ts';
import { nothingFound, placeResults, resultsSummary } from './results.ts';

const PAGE_SIZE = 20;

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
const more = document.querySelector<HTMLButtonElement>('#search-more')!;

let current: { outcome: SearchOutcome; query: string; shown: number; groups: Map<string, HTMLLIElement> } | undefined;
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
}

function syncUrl(state: SearchState, push: boolean) {
  const query = paramsFromState(state).toString();
  const url = `${location.pathname}${query ? `?${query}` : ''}`;
  if (url === `${location.pathname}${location.search}`) return;
  history[push ? 'pushState' : 'replaceState'](null, '', url);
}

async function showMore() {
  if (!current || more.disabled) return;
  const { outcome, query } = current;
  more.disabled = true;
  const slice = outcome.results.slice(current.shown, current.shown + PAGE_SIZE);
  const run = generation;
  const fragments = await Promise.all(slice.map((result) => result.item.data()));
  more.disabled = false;
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
    // A part of a page already shown (a 条 of a document) goes under it.
    if (placement.kind === 'part') {
      current!.groups.get(placement.page)?.querySelector('.result__parts')?.append(renderPart(fragment, outcome.terms, result.exact, query));
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
  });
  current.shown += slice.length;
  more.hidden = current.shown >= outcome.results.length;
  if (more.hidden) status.textContent = summary(outcome, current.groups.size);
}

/** What the status says of a search (results.ts), counted by page once `pages` are all shown. */
const summary = (outcome: SearchOutcome, pages?: number) => resultsSummary(outcome.results.length, outcome.exactCount, current?.query ?? '', pages);

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
    current = { outcome, query: outcome.query, shown: 0, groups: new Map() };
    const total = outcome.results.length;
    if (total === 0) {
      status.textContent = nothingFound(query);
      more.hidden = true;
      return;
    }
    status.textContent = summary(outcome);
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
