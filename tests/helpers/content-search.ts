/**
 * What a search should find, worked out from the content files (read by the stand-alone
 * validator) rather than typed into a test: the entries whose text holds a phrase. Independent
 * of the index on purpose: a plain substring test over the text each page shows (its title, an
 * article's paragraphs and photo captions, a policy's 文号 and text), spaces a typesetter put
 * between Chinese and digits taken out as the search does (src/lib/search/units.ts).
 */
import { validateContent } from '../../scripts/content/validate.ts';
import { parseMarkdown, plainText } from '../../src/lib/markdown.ts';
import { articleText } from '../../src/lib/article-text.ts';
import { KIND_LABELS, type EntryKind } from '../../src/lib/kinds.ts';
import { removeTypesettingSpaces } from '../../src/lib/search/units.ts';
import { PROJECT_ROOT } from './content-copy.ts';

export interface SearchableEntry {
  kind: EntryKind;
  id: string;
  title: string;
  topics: string[];
  visibility: 'public' | 'internal';
  text: string;
}

/** The articles and policies of the content under `root`, with the text their pages show. */
export function searchableEntries(root = PROJECT_ROOT): SearchableEntry[] {
  const { content } = validateContent(root);
  const articles = content.articles.map((a): SearchableEntry => ({
    kind: 'article',
    id: a.file.id,
    title: a.data.title,
    topics: a.data.topics.map((t: { id: string }) => t.id),
    visibility: 'public',
    text: [a.data.title, ...a.data.photos.map((p: { caption: string }) => p.caption), ...articleText(a.file.body).paragraphs].join('\n'),
  }));
  const policies = content.policies.map((p): SearchableEntry => ({
    kind: 'policy',
    id: p.file.id,
    title: p.data.title,
    topics: [],
    visibility: p.data.visibility,
    text: [p.data.title, p.data.docNumber ?? '', plainText(parseMarkdown(p.file.body))].join('\n'),
  }));
  return [...articles, ...policies];
}

/**
 * The entries of the public edition that hold `query` (each of its space-separated terms, as the
 * search requires), optionally of one kind (its label, as the search page's 类别 filter gives it)
 * or under one topic.
 */
export function entriesHolding(query: string, filter: { kind?: string; topic?: string } = {}, entries = searchableEntries()): SearchableEntry[] {
  const terms = removeTypesettingSpaces(query).split(/\s+/).filter(Boolean);
  return entries.filter((entry) => {
    const text = removeTypesettingSpaces(entry.text);
    return (
      entry.visibility === 'public' &&
      (filter.kind === undefined || KIND_LABELS[entry.kind] === filter.kind) &&
      (filter.topic === undefined || entry.topics.includes(filter.topic)) &&
      terms.every((term) => text.includes(term))
    );
  });
}
