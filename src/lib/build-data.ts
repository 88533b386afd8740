/**
 * The build-data seam: what the site build knows of each entry, written from the content for
 * the build's later stages (the search index, the PDFs) so that none of them reads it back out
 * of the built HTML. The site writes the files under BUILD_DATA_DIR (src/pages/build-data/);
 * scripts/build.ts moves them out of the published site into .build/data/<edition>/ once every
 * stage has read them, where the stand-alone commands (search:eval, the index alone) find them.
 */

/** Where the site writes the build data, inside the built (staged) site. */
export const BUILD_DATA_DIR = 'build-data';
/** What the PDF stage renders (src/lib/print-manifest.ts): the pages, their titles and dates, the bound volumes. */
export const PRINT_MANIFEST_FILE = `${BUILD_DATA_DIR}/print-manifest.json`;
/** One search record per line (JSON Lines), so that the index stage reads them one at a time. */
export const SEARCH_RECORDS_FILE = `${BUILD_DATA_DIR}/search-records.jsonl`;

/** What one search result is made of: a page, or a part of one (a 条 of a policy, at its anchor). */
export interface SearchRecord {
  /** The page, with the part's anchor when it is a part: /policies/x/#附件1-第十条. */
  url: string;
  /** The page's title; a part's own name (第十条), its document's title being `meta.doc`. */
  title: string;
  /** The text to index, block by block (paragraphs, captions, cells), in reading order, without the title. */
  blocks: string[];
  /** Filters: kind (工作要讯 / 政策文件), year, issue, date, validity, topic… */
  filters: Record<string, string[]>;
  /** The dates results can be put in order by (src/lib/search/state.ts SORT_KEYS): `date` 发布日期, `written` 成文日期. */
  sort: Record<string, string>;
  /**
   * What a result shows besides its title and text: `part` names a part (第十二条 · 第四章 考核与经费)
   * and `doc` is its document's title; `docNumber` and `issuer` a policy's 文号 and 发文机关;
   * `titleOnly` is set on a page that has no text beyond its title (a catalogue entry).
   */
  meta: Partial<Record<SearchMetaField, string>>;
}

/**
 * Every metadata field a record may carry (besides `title`, which the index writer adds). The
 * index writer gives each record all of them, empty where it has none: Pagefind lists in each
 * index the field names its pages have, and the parts of an index (an archive of articles and
 * policies is indexed in parts, some of articles alone) merge only when they list the same.
 */
export const SEARCH_META_FIELDS = ['doc', 'docNumber', 'issuer', 'part', 'titleOnly'] as const;
export type SearchMetaField = (typeof SEARCH_META_FIELDS)[number];

/**
 * The filters a result shows of itself (src/browser/search/render.ts): its kind, its issue (an
 * article) or 时效性 (a policy), its date. The others only narrow a search, which Pagefind does
 * from its filter index, so a result's fragment keeps only these (scripts/search-index/fragments.ts).
 */
export const RESULT_FILTERS = ['kind', 'issue', 'validity', 'date'] as const;
export type ResultFilter = (typeof RESULT_FILTERS)[number];
