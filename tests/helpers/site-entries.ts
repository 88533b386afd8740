/**
 * Content files as Astro's collections hand them to the site (src/data/site-content.ts): each
 * file's frontmatter read and checked by the collection's schema (with the validator's stand-ins
 * for references and images), its body, its id. For unit tests of src/data without a build.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseContentFile } from '../../src/lib/content/frontmatter.ts';
import { collectionFiles } from '../../src/lib/content/collections.ts';
import { plainImage, plainReference } from '../../src/schemas/common.ts';
import { issueSchema } from '../../src/schemas/issue.ts';
import { articleSchema } from '../../src/schemas/article.ts';
import { policySchema } from '../../src/schemas/policy.ts';
import { topicSchema } from '../../src/schemas/topic.ts';
import type { Article, Issue, Policy, SiteEntries, Topic } from '../../src/data/site-content.ts';
import { PROJECT_ROOT } from './content-copy.ts';

const SCHEMAS = {
  issues: issueSchema(plainReference),
  articles: articleSchema(plainReference, plainImage),
  policies: policySchema(plainReference),
  topics: topicSchema(),
};
type Name = keyof typeof SCHEMAS;

/**
 * One entry of `collection` from `file`, under `id`: its frontmatter as the schema gives it, then
 * `changes` made to that (as the schema's output spells them: a reference is { collection, id };
 * undefined removes a field), which the content check may refuse (so that the site's own
 * safeguards are tested as if the check had been skipped); and, when given, another body.
 */
export function entryOf<T>(collection: Name, file: string, id: string, changes: Record<string, unknown> = {}, body?: string): T {
  const parsed = parseContentFile(readFileSync(file, 'utf8'), collection === 'topics' ? 'yaml' : 'frontmatter');
  const checked = SCHEMAS[collection].safeParse(parsed.data);
  if (!checked.success) throw new Error(`${file}: ${checked.error.message}`);
  const data: Record<string, unknown> = { ...checked.data, ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete data[key];
  return { id, collection, data, body: body ?? parsed.body.trim(), filePath: relative(PROJECT_ROOT, file) } as T;
}

/** A reference as the schemas give it. */
export const ref = (collection: Name, id: string) => ({ collection, id });

/** The project's content (or another content folder's root) as the site's collections. */
export function contentEntries(root = PROJECT_ROOT): SiteEntries & { issues: Issue[]; articles: Article[]; policies: Policy[]; topics: Topic[] } {
  const of = <T>(collection: Name) =>
    collectionFiles(root, collection)
      .filter((file) => file.belongs)
      .map((file) => {
        const entry = entryOf<T>(collection, file.full, file.stem);
        return collection === 'topics' ? ({ ...entry, id: String((entry as { data: { name: string } }).data.name) } as T) : entry;
      });
  return { issues: of<Issue>('issues'), articles: of<Article>('articles'), policies: of<Policy>('policies'), topics: of<Topic>('topics') };
}

/** A synthetic official document (tests/fixtures/official/<name>.mdx) as a policy entry. */
export const officialEntry = (name: string, id = name, changes: Record<string, unknown> = {}, body?: string) =>
  entryOf<Policy>('policies', join(PROJECT_ROOT, 'tests/fixtures/official', `${name}.mdx`), id, changes, body);
