/**
 * The specimen site: a throwaway copy of the project (scripts/lib/project-copy.ts) whose
 * content/policies holds, beside the real entries, the synthetic official documents of
 * tests/fixtures/official/ (合成测试数据), built as the internal edition so that both fixtures
 * appear (one of them is 依申请公开, hence internal), PDFs included. The browser tests of
 * tests/e2e/official/ serve it themselves (`serveStatic`), so that the real content/ never holds
 * a synthetic document and playwright.config.ts needs no server of its own for it.
 *
 * One build per test run, shared by every Playwright worker (tests/helpers/shared-build.ts).
 * SPECIMEN_ROOT=<a copy's root> reuses a copy built before (`node tests/helpers/specimen-site.ts`
 * builds one and prints its root).
 */
import { execFile } from 'node:child_process';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { makeProjectCopy } from '../../scripts/lib/project-copy.ts';
import { contentTypeOf, servedFile } from '../../scripts/lib/files.ts';
import type { TestType } from '@playwright/test';
import { PROJECT_ROOT } from './content-copy.ts';
import { sharedBuild } from './shared-build.ts';
import { parseContentFile } from '../../src/lib/content/frontmatter.ts';
import { plainReference } from '../../src/schemas/common.ts';
import { policySchema, type PolicyData } from '../../src/schemas/policy.ts';
import { structureDocument, type DocumentText } from '../../src/lib/policy/structure.ts';

const run = promisify(execFile);

export const FIXTURE_DIR = join(PROJECT_ROOT, 'tests/fixtures/official');
/** The day the specimen's 时效性 is worked out for (SITE_BUILD_DATE). */
export const SPECIMEN_BUILD_DATE = '2026-12-01';

export interface SpecimenFixture {
  /** The policy's id: the file name without .mdx. */
  id: string;
  /** The fixture's file. */
  file: string;
}

/** The synthetic documents, as they are put into the copy's content/policies/. */
export const specimenFixtures: SpecimenFixture[] = readdirSync(FIXTURE_DIR)
  .filter((name) => name.endsWith('.mdx'))
  .sort()
  .map((name) => ({ id: name.replace(/\.mdx$/, ''), file: join(FIXTURE_DIR, name) }));

/** A synthetic document as the site reads it: its fields through the policy schema, its text's structure. */
export interface SpecimenEntry {
  id: string;
  data: PolicyData;
  text: DocumentText;
}

/** Each of the specimen's documents read as the site reads it, for the browser tests' expectations. */
export const specimenEntries: SpecimenEntry[] = specimenFixtures.map(({ id, file }) => {
  const parsed = parseContentFile(readFileSync(file, 'utf8'), 'frontmatter');
  return { id, data: policySchema(plainReference).parse(parsed.data), text: structureDocument(parsed.body) };
});

export interface SpecimenSite {
  /** The copy's root. */
  root: string;
  /** Its built internal edition. */
  outDir: string;
}

/** Builds a specimen copy now, whatever exists: its root and output. */
export async function buildSpecimen(): Promise<SpecimenSite> {
  const { root, remove } = makeProjectCopy(PROJECT_ROOT, 'yaoxun-specimen-copy-');
  try {
    cpSync(join(PROJECT_ROOT, 'content'), join(root, 'content'), { recursive: true });
    for (const fixture of specimenFixtures) cpSync(fixture.file, join(root, 'content/policies', `${fixture.id}.mdx`));
    const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SITE_BUILD_DATE: SPECIMEN_BUILD_DATE };
    delete env['SITE_EDITION'];
    try {
      await run(join(PROJECT_ROOT, 'node_modules/.bin/node'), ['scripts/build.ts', '--edition', 'internal'], { cwd: root, env, maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string };
      throw new Error(`the specimen build failed:\n${failed.stdout ?? ''}\n${failed.stderr ?? ''}`);
    }
    return { root, outDir: join(root, 'dist-internal') };
  } catch (error) {
    remove();
    throw error;
  }
}

/**
 * The specimen of this test run: built by the first caller, waited for by the others (up to
 * `timeoutMs`; tests/helpers/shared-build.ts). Call it in a beforeAll with a timeout of a few minutes.
 */
export async function specimenSite(timeoutMs = 300_000): Promise<SpecimenSite> {
  const reuse = process.env['SPECIMEN_ROOT'];
  if (reuse) return { root: resolve(reuse), outDir: join(resolve(reuse), 'dist-internal') };
  return sharedBuild('specimen', 'yaoxun-specimen-copy-', buildSpecimen, timeoutMs);
}

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/** A static host over `dir` on a free port: /a/ (and /a) serves /a/index.html, a missing file 404.html. */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const base = resolve(dir);
  const fileFor = (pathname: string) => servedFile(base, pathname);
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const file = fileFor(pathname);
    const status = file ? 200 : 404;
    const body = file ?? fileFor('/404.html');
    res.writeHead(status, { 'content-type': body ? contentTypeOf(body) : 'application/octet-stream' });
    res.end(body ? readFileSync(body) : 'not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the specimen server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** A built site as a spec file sees it once its beforeAll has run: the site and the address it is served at. */
export interface ServedSite<S extends { outDir: string }> {
  readonly site: S;
  readonly url: string;
}

/**
 * For a spec file whose tests read a site built once per run (`build`: the specimen, the MDX
 * site…): its tests run in order in one worker, which gets the site (built by the first worker
 * to ask, within `timeoutMs`) and serves its output for them; the server closes after the file.
 * Read `site` and `url` inside tests and hooks, not at the file's top level.
 */
export function servedSite<S extends { outDir: string }>(test: TestType<object, object>, build: () => Promise<S>, timeoutMs: number): ServedSite<S> {
  let site: S | undefined;
  let server: StaticServer | undefined;
  test.describe.configure({ mode: 'default' });
  test.beforeAll(async () => {
    test.setTimeout(timeoutMs);
    site = await build();
    server = await serveStatic(site.outDir);
  });
  test.afterAll(async () => server?.close());
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the site is read before its beforeAll ran');
    return value;
  };
  return {
    get site() {
      return ready(site);
    },
    get url() {
      return ready(server).url;
    },
  };
}

/** The specimen, served for a spec file of tests/e2e/official/ (servedSite). */
export const servedSpecimen = (test: TestType<object, object>): ServedSite<SpecimenSite> => servedSite(test, () => specimenSite(), 300_000);

if (import.meta.main) {
  const site = await buildSpecimen();
  console.log(site.root);
}
