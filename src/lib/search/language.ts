/**
 * The language code the search index is built and queried under. Not zh: Pagefind segments zh
 * records into words at index time and splits zh queries into words in the browser, which
 * would cut the character pairs of index-content.ts apart again. `und` (undetermined) has
 * neither segmentation nor stemming.
 */
export const SEARCH_LANGUAGE = 'und';
