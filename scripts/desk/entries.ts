/**
 * The content as the 编辑台 edits it: the entries of each collection, one file each, read with
 * the validator's own reader (src/lib/content/), and a file written back from a form's data with
 * the `yaml` library's document model, so that what the form did not touch (the order of the
 * fields, an OCR draft's comments) stays as it was.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { COLLECTIONS, loadContent } from '../../src/lib/content/collections.ts';
import { parseContentFile } from '../../src/lib/content/frontmatter.ts';
import type { CollectionName } from '../../src/schemas/common.ts';
import { FORMS } from './schema-form.ts';

export const COLLECTION_NAMES: Record<CollectionName, string> = { issues: '工作要讯（期）', articles: '文章', policies: '政策文件', topics: '主题' };

export interface EntrySummary {
  collection: CollectionName;
  /** Relative to the project root: content/policies/x.mdx. */
  path: string;
  id: string;
  title: string;
  /** An OCR draft not yet checked (review: 待核对). */
  draft: boolean;
}

/** Every entry, by collection, in file order. */
export function listEntries(root: string): EntrySummary[] {
  return loadContent(root).files.map((file) => {
    const data = file.data ?? {};
    return { collection: file.collection, path: file.path, id: file.id, title: entryTitle(file.collection, data, file.id), draft: typeof data['review'] === 'string' };
  });
}

/** An entry's name in lists, messages and titles: its title, a topic's name, an issue's 第N期, or else `fallback`. */
export function entryTitle(collection: CollectionName, data: Record<string, unknown>, fallback: string): string {
  if (typeof data['title'] === 'string') return data['title'];
  if (typeof data['name'] === 'string') return data['name'];
  if (collection === 'issues') return `${String(data['year'])}年第${String(data['number'])}期`;
  return fallback;
}

/** The collection a content path belongs to, or null for any other path (refused: the desk edits content files only). */
export function collectionOf(path: string): CollectionName | null {
  for (const [name, spec] of Object.entries(COLLECTIONS) as Array<[CollectionName, (typeof COLLECTIONS)[CollectionName]]>) {
    if (path.startsWith(`${spec.dir}/`) && spec.pattern.test(path.slice(spec.dir.length + 1)) && !path.includes('..')) return name;
  }
  return null;
}

export interface EntryFile {
  collection: CollectionName;
  path: string;
  /** The file's text, or null when it does not exist. */
  text: string | null;
  data: Record<string, unknown>;
  body: string;
}

export function readEntry(root: string, path: string): EntryFile {
  const collection = collectionOf(path);
  if (!collection) throw new Error(`不是内容文件：${path}（只能编辑 content/ 中各集合的文件）`);
  const full = join(root, path);
  const text = existsSync(full) ? readFileSync(full, 'utf8') : null;
  return { collection, path, text, ...entryOfText(collection, text ?? '') };
}

/** A file's text read as its frontmatter data and body. */
export function entryOfText(collection: CollectionName, text: string): { data: Record<string, unknown>; body: string } {
  const parsed = parseContentFile(text, COLLECTIONS[collection].kind);
  return { data: parsed.data ?? {}, body: parsed.body };
}

const FRONTMATTER = /^(\uFEFF?---\r?\n)([\s\S]*?\r?\n?)(---(?:\r?\n|$))/;

const isEmpty = (value: unknown) => value === undefined || (Array.isArray(value) && !value.length) || (typeof value === 'object' && value !== null && !Array.isArray(value) && !Object.keys(value).length);

/**
 * The file's new text: `original` with the schema's fields set to `data` (a field the form left
 * empty is removed, unless the file wrote it empty itself), and the body replaced. The review
 * flag is never the form's: it stays as the file has it (released only by `releaseDraft`).
 */
export function composeFile(collection: CollectionName, original: string | null, data: Readonly<Record<string, unknown>>, body: string): string {
  const kind = COLLECTIONS[collection].kind;
  const match = kind === 'frontmatter' && original ? FRONTMATTER.exec(original) : null;
  const yamlText = kind === 'yaml' ? (original ?? '') : (match?.[2] ?? '');
  const doc = parseDocument(yamlText, { version: '1.2', schema: 'core' });
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  for (const field of FORMS[collection]) {
    if (field.kind === 'literal') continue;
    const value = data[field.key];
    const had = doc.has(field.key);
    if (isEmpty(value)) {
      if (had && !isEmpty(doc.toJS()?.[field.key])) doc.delete(field.key);
      continue;
    }
    if (JSON.stringify(doc.toJS()?.[field.key]) === JSON.stringify(value)) continue;
    doc.set(field.key, value);
  }
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  if (kind === 'yaml') return yaml;
  return `${match?.[1] ?? '---\n'}${yaml}${match?.[3] ?? '---\n'}${body}`;
}

/** The file with an OCR draft's review flag taken out, and the draft's notes above it (the 已核对 action). */
export function releaseDraft(text: string): string {
  const match = FRONTMATTER.exec(text);
  if (!match) return text;
  const doc = parseDocument(match[2]!, { version: '1.2', schema: 'core' });
  doc.delete('review');
  doc.commentBefore = null;
  return `${match[1]}${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}${match[3]}${text.slice(match[0].length)}`;
}

/** The fields whose values differ between two versions of an entry, by their labels; 正文 when the body does. */
export function changedFields(collection: CollectionName, before: { data: Record<string, unknown>; body: string }, after: { data: Record<string, unknown>; body: string }): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null) || (isEmpty(a) && isEmpty(b));
  const changed = FORMS[collection].filter((f) => !same(before.data[f.key], after.data[f.key])).map((f) => f.label.replace(/（.*$/, ''));
  if (before.body.trim() !== after.body.trim()) changed.push('正文');
  return changed;
}
