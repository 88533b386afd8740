/**
 * Reads every content file the site is built from, outside Astro, so that the content can be
 * validated (and imported into) without a build. The site's loader for the Markdown collections
 * (loader.ts) lists their files here too, so that both take in the same files under the same ids.
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseContentFile, type ParsedFile } from './frontmatter.ts';
import { listFiles } from './list-files.ts';
import { PHOTO_EXTENSIONS, type CollectionName } from '../../schemas/common.ts';
import { FILE_EXTENSIONS } from '../mdx/components.ts';

export interface ContentFile extends ParsedFile {
  collection: CollectionName;
  /** The entry's id, as Astro gives it. */
  id: string;
  /** The path relative to the project root, for messages: content/articles/2017-02/01.mdx. */
  path: string;
  /** The path relative to the collection's folder, without the extension. */
  stem: string;
}

/** Where each collection's files are, and which files belong to it. */
export const COLLECTIONS: Record<CollectionName, { dir: string; pattern: RegExp; kind: 'frontmatter' | 'yaml' }> = {
  issues: { dir: 'content/issues', pattern: /^[^/]+\.mdx$/, kind: 'frontmatter' },
  articles: { dir: 'content/articles', pattern: /^[^/]+\/[^/]+\.mdx$/, kind: 'frontmatter' },
  policies: { dir: 'content/policies', pattern: /^[^/]+\.mdx$/, kind: 'frontmatter' },
  topics: { dir: 'content/topics', pattern: /^[^/]+\.yaml$/, kind: 'yaml' },
};


const PHOTO = new RegExp(`\\.(?:${PHOTO_EXTENSIONS.join('|')})$`, 'i');
/** Files an article's 附件 or 表格 may name (src/lib/mdx/components.ts). */
const ATTACHED = new RegExp(`\\.(?:${[...FILE_EXTENSIONS.attachment, ...FILE_EXTENSIONS.csv].join('|')})$`, 'i');

/** A file under a collection's folder. */
export interface CollectionFile {
  /** The absolute path. */
  full: string;
  /** Relative to the project root, for messages: content/articles/2017-02/01.mdx. */
  path: string;
  /** Relative to the collection's folder: 2017-02/01.mdx. */
  inCollection: string;
  /** Relative to the collection's folder, without the extension: the entry's id (2017-02/01). */
  stem: string;
  /** Whether the collection's pattern takes it in. */
  belongs: boolean;
}

/** Every file under a collection's folder, in name order, with the paths the site and the messages use. */
export function collectionFiles(root: string, collection: CollectionName): CollectionFile[] {
  const spec = COLLECTIONS[collection];
  const base = join(root, spec.dir);
  return listFiles(base).map((full) => {
    const inCollection = relative(base, full).split(sep).join('/');
    const path = relative(root, full).split(sep).join('/');
    return { full, path, inCollection, stem: inCollection.replace(/\.(mdx|yaml)$/, ''), belongs: spec.pattern.test(inCollection) };
  });
}

/**
 * Every content file under `root`. Files that match no collection's pattern are returned
 * separately, so that a stray content/articles/01.mdx is reported instead of silently ignored;
 * so are the photos kept beside the articles, which articles list under `photos` or show with
 * 图片, and the files their 附件 and 表格 name (`attached`).
 */
export function loadContent(root: string): { files: ContentFile[]; strays: string[]; photos: string[]; attached: string[] } {
  const files: ContentFile[] = [];
  const strays: string[] = [];
  const photos: string[] = [];
  const attached: string[] = [];
  for (const collection of Object.keys(COLLECTIONS) as CollectionName[]) {
    for (const { full, path, inCollection, stem, belongs } of collectionFiles(root, collection)) {
      if (!belongs) {
        if (collection === 'articles' && PHOTO.test(inCollection)) photos.push(path);
        else if (collection === 'articles' && ATTACHED.test(inCollection) && inCollection.includes('/')) attached.push(path);
        else if (!/(^|\/)\./.test(inCollection)) strays.push(path);
        continue;
      }
      const parsed = parseContentFile(readFileSync(full, 'utf8'), COLLECTIONS[collection].kind);
      const id = collection === 'topics' ? String(parsed.data?.['name'] ?? stem) : stem;
      files.push({ ...parsed, collection, id, path, stem });
    }
  }
  return { files, strays, photos, attached };
}
