/**
 * The feed and the sitemap in the internal edition, for staff and not to be indexed: it has the
 * internal documents, no sitemap, and a feed of articles only. (The public edition's sitemap and
 * feed are checked against a crawl of the built site in tests/e2e/discovery.spec.ts.)
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
  const result = await project.build('--edition', 'internal');
  expect(result.code, result.stderr).toBe(0);
}, 300_000);
afterAll(() => project?.remove());

const read = (dir: string, file: string) => readFileSync(join(project.root, dir, file), 'utf8');

describe('the internal edition', () => {
  it('has internal documents to keep out', () => {
    expect(internal.length).toBeGreaterThan(0);
  });

  it('has the internal documents but no sitemap', () => {
    for (const id of internal) expect(existsSync(join(project.root, 'dist-internal/policies', id, 'index.html'))).toBe(true);
    expect(readdirSync(join(project.root, 'dist-internal')).filter((f) => f.startsWith('sitemap'))).toEqual([]);
  });

  it('has a feed of the articles, naming no internal document', () => {
    const feed = read('dist-internal', 'feed.xml');
    expect(xml.parse(feed).rss.channel.item).toHaveLength(content.articles.length);
    for (const id of internal) expect(feed).not.toContain(`/policies/${id}/`);
  });
});
