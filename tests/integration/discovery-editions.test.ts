/**
 * The feed and the sitemap in the internal edition, for staff and not to be indexed: it has the
 * internal documents, no sitemap, and a feed of articles only. (The public edition's sitemap and
 * feed are checked against a crawl of the built site in tests/e2e/discovery.spec.ts.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { validateContent } from '../../scripts/content/validate.ts';
import { isPublishable } from '../../src/lib/issue-review.ts';
import { editionsSite, type EditionsSite } from '../helpers/editions-site.ts';

const xml = new XMLParser({ isArray: (name) => ['item', 'url', 'sitemap'].includes(name) });

// The internal edition of the editions site (tests/helpers/editions-site.ts): the real content
// and a few synthetic documents and photos, built once for the tests that read it.
let site: EditionsSite;
let content: ReturnType<typeof validateContent>['content'];
let internal: string[];
beforeAll(async () => {
  site = await editionsSite();
  ({ content } = validateContent(site.root));
  internal = content.policies.filter((p) => p.data.visibility === 'internal').map((p) => p.file.id);
}, 300_000);

const read = (dir: string, file: string) => readFileSync(join(site.root, dir, file), 'utf8');

describe('the internal edition', () => {
  it('has internal documents to keep out', () => {
    expect(internal.length).toBeGreaterThan(0);
  });

  it('has the internal documents but no sitemap', () => {
    for (const id of internal) expect(existsSync(join(site.root, 'dist-internal/policies', id, 'index.html'))).toBe(true);
    expect(readdirSync(join(site.root, 'dist-internal')).filter((f) => f.startsWith('sitemap'))).toEqual([]);
  });

  it('has a feed of the published articles (an OCR draft’s not among them), naming no internal document', () => {
    const feed = read('dist-internal', 'feed.xml');
    const drafts = new Set(content.issues.filter((i) => !isPublishable(i.data)).map((i) => i.file.id));
    expect(drafts.size).toBeGreaterThan(0);
    expect(xml.parse(feed).rss.channel.item).toHaveLength(content.articles.filter((a) => !drafts.has(a.data.issue.id)).length);
    for (const id of internal) expect(feed).not.toContain(`/policies/${id}/`);
  });
});
