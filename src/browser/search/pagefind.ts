/**
 * Loads the Pagefind bundle that the build wrote to /pagefind/, only when a search runs: the
 * search page ships no search code until the reader searches.
 */

export interface PagefindFragment {
  url: string;
  /** The page's readable text, paragraphs on lines of their own (scripts/search-index/fragments.ts). */
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindFragment>;
}

export interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, options?: { filters?: Record<string, string>; sort?: Record<string, string> }) => Promise<{ results: PagefindResult[] } | null>;
  /** Loads the index chunks that the words of `term` fall in, without searching. */
  preload: (term: string) => Promise<void>;
}

import { SEARCH_LANGUAGE } from '../../lib/search/language.ts';
import { orderFile, type SortKey } from '../../lib/search/state.ts';
import { CHUNK_STARTS_FILE } from '../../lib/search/chunk-starts.ts';

const files = new Map<string, Promise<unknown>>();

/** A JSON file the index stage wrote beside Pagefind's, fetched once (again only if that failed). */
function loadJson<T>(name: string): Promise<T> {
  let loading = files.get(name);
  if (!loading) {
    loading = fetch(`/pagefind/${name}`).then((response) => {
      if (!response.ok) throw new Error(`/pagefind/${name}: ${response.status}`);
      return response.json();
    });
    loading.catch(() => files.delete(name));
    files.set(name, loading);
  }
  return loading as Promise<T>;
}

/** The index chunks' first bounds (src/lib/search/chunk-starts.ts), fetched when a query first has a single unit. */
export const loadChunkStarts = () => loadJson<string[]>(CHUNK_STARTS_FILE);

/** The pages in the order of a key (the order file the index stage wrote). */
export const loadOrder = (key: SortKey) => loadJson<string[][]>(orderFile(key));

let loading: Promise<Pagefind> | undefined;

export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    // A path Vite must not resolve at build time: the index is written after the pages.
    const url = '/pagefind/pagefind.js';
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    // One search at a time needs no worker; running on the page saves loading pagefind-worker.js.
    await pagefind.options({ noWorker: true });
    // Pagefind takes the language its queries are split by from <html lang>, read once, while
    // it starts (synchronously, inside init()). The page is zh-CN, but the index is built under
    // SEARCH_LANGUAGE so that queries stay unsegmented: name that language for that moment.
    const html = document.documentElement;
    const pageLanguage = html.lang;
    html.lang = SEARCH_LANGUAGE;
    let started: Promise<void>;
    try {
      started = pagefind.init();
    } finally {
      html.lang = pageLanguage;
    }
    await started;
    return pagefind;
  })();
  return loading;
}
