/**
 * The feed and the sitemap in each edition: the public one lists no internal document (they
 * are not even built), the internal one, for staff and not to be indexed, has no sitemap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { validateContent } from '../../scripts/content/validate.ts';
import { PROJECT_ROOT } from '../helpers/content-copy.ts';
import { makeTempProject, type TempProject } from '../helpers/temp-project.ts';

const { content } = validateContent(PROJECT_ROOT);
const internal = content.policies.filter((p) => p.data.visibility === 'internal').map((p) => p.file.id);
const xml = new XMLParser({ isArray: (name) => ['item', 'url', 'sitemap'].includes(name) });

let project: TempProject;
beforeAll(async () => {
  project = makeTempProject();
  for (const edition of ['public', 'internal']) {
    const result = await project.build('--edition', edition);
    expect(result.code, result.stderr).toBe(0);
  }
}, 300_000);
afterAll(() => project?.remove());

const read = (dir: string, file: string) => readFileSync(join(project.root, dir, file), 'utf8');

describe('editions', () => {
  it('has internal documents to keep out', () => {
    expect(internal.length).toBeGreaterThan(0);
  });

  it('public: the sitemap and the feed name no internal document', () => {
    const index = xml.parse(read('dist', 'sitemap-index.xml'));
    const urls = (index.sitemapindex.sitemap as Array<{ loc: string }>).flatMap(({ loc }) =>
      (xml.parse(read('dist', new URL(loc).pathname)).urlset.url as Array<{ loc: string }>).map((u) => new URL(u.loc).pathname),
    );
    expect(urls).toContain('/policies/');
    for (const id of internal) {
      expect(urls).not.toContain(`/policies/${id}/`);
      expect(existsSync(join(project.root, 'dist/policies', id))).toBe(false);
    }
    const feed = read('dist', 'feed.xml');
    expect(xml.parse(feed).rss.channel.item).toHaveLength(content.articles.length);
    for (const id of internal) expect(feed).not.toContain(`/policies/${id}/`);
  });

  it('internal: the staff edition has its documents but no sitemap', () => {
    for (const id of internal) expect(existsSync(join(project.root, 'dist-internal/policies', id, 'index.html'))).toBe(true);
    expect(readdirSync(join(project.root, 'dist-internal')).filter((f) => f.startsWith('sitemap'))).toEqual([]);
    expect(xml.parse(read('dist-internal', 'feed.xml')).rss.channel.item).toHaveLength(content.articles.length);
  });
});
