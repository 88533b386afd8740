/**
 * The two editions, built for real from a copy of the project to which a synthetic internal
 * document (the canary) is added, with strings that occur nowhere else (the editions site,
 * tests/helpers/editions-site.ts, shared with the other tests that read it). The public edition
 * must not hold one byte of it, in any file, compressed or not; the internal edition must hold it
 * everywhere it belongs. Then a copy of it is broken on purpose: a failed build keeps the last
 * good dist/ byte for byte.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type TempProject } from '../helpers/temp-project.ts';
import { findInSite, readSite, snapshot, type ReadableFile } from '../helpers/site-files.ts';
import { chromium } from '@playwright/test';
import { startNginx, type RunningNginx } from '../../scripts/deploy/nginx/serve.ts';
import { chromiumLaunch } from '../../scripts/lib/chromium.ts';
import { watchPage } from '../helpers/console.ts';
import { validateContent } from '../../scripts/content/validate.ts';
import { breakableCopy, buildEdition, DRAFT_ISSUE, editionsSite, OFFICIAL_FIXTURES, outDir as outDirOf, type Canary, type Edition, type EditionsSite } from '../helpers/editions-site.ts';
import { seededRandom } from '../../scripts/lib/random.ts';

const PUBLIC_OPINION = 'policies/1331-gongcheng-yijian/index.html';

/**
 * The two synthetic official documents of the site (合成测试数据, tests/fixtures/official/): a 通知
 * whose 附注 says 此件依申请公开, which must stay out of the public edition, and an 印发 notice
 * that says 此件主动公开, which belongs in both.
 */
const onRequest = {
  id: OFFICIAL_FIXTURES.onRequest,
  needles: ['示例省教育厅办公室关于开展2020年度重点学科建设中期检查工作的通知', '示教办〔2020〕15号', '2019年认定的省级重点学科，共计三个学科'],
};
const published = { id: OFFICIAL_FIXTURES.published, docNumber: '示教科〔2019〕7号' };

let site: EditionsSite;
let canary: Canary;
let runs: EditionsSite['runs'];
let publicFiles: ReadableFile[];
let internalFiles: ReadableFile[];

/** dist/ or dist-internal/ of the site. */
const outDir = (edition: Edition) => outDirOf(site.root, edition);

beforeAll(async () => {
  site = await editionsSite();
  ({ canary, runs } = site);
  publicFiles = readSite(outDir('public'));
  internalFiles = readSite(outDir('internal'));
}, 300_000);

const needles = () => [canary.bodyToken, canary.titleToken, canary.title, canary.id];

describe('the canary: an internal document added to the content', () => {
  it('builds into both editions', () => {
    expect(runs.public.status, runs.public.output).toBe(0);
    expect(runs.internal.status, runs.internal.output).toBe(0);
  });

  it('leaves no trace in any file of the public edition, compressed or not', () => {
    // The reader went through every kind of file the edition has: pages, feed and sitemap, the
    // search index, PDFs, and the compressed copies.
    const kinds = new Set(publicFiles.map((f) => (f.via === 'raw' ? f.path.replace(/^.*\./, '.') : f.via)));
    expect([...kinds]).toEqual(expect.arrayContaining(['.html', '.xml', '.json', '.pf_fragment', '.pf_index', '.pdf', 'brotli', 'gunzip', 'page text', 'search text', 'pdftotext']));
    const hits = findInSite(publicFiles, needles());
    for (const needle of needles()) expect(hits.get(needle), `“${needle}” in the public edition`).toEqual([]);
  });

  it('is in the internal edition, where the same reader finds it raw, gunzipped, unbrotlied, in the search index and in its PDF', () => {
    const hits = findInSite(internalFiles, needles());
    const page = `${canary.url.slice(1)}index.html`;
    expect(hits.get(canary.bodyToken)).toEqual(expect.arrayContaining([`${page} (raw)`, `${page}.gz (gunzip)`, `${page}.br (brotli)`]));
    // The lists break titles between words (<wbr>): the title is whole in the pages' text.
    expect(hits.get(canary.title)).toEqual(expect.arrayContaining(['policies/index.html (page text)', 'policies/status/draft/index.html (page text)']));
    // In its own search index: Pagefind's gzip files, and the text the search page decodes from them.
    const inIndex = (needle: string, via: string) => hits.get(needle)!.filter((hit) => hit.startsWith('pagefind/') && hit.endsWith(`(${via})`));
    expect(inIndex(canary.bodyToken, 'gunzip').length).toBeGreaterThan(0);
    expect(inIndex(canary.bodyToken, 'search text').length).toBeGreaterThan(0);
    expect(inIndex(canary.title, 'search text').length).toBeGreaterThan(0);
    // And in its PDF, whose text only pdftotext reads.
    expect(hits.get(canary.bodyToken)).toContain(`pdf/policies/${canary.id}.pdf (pdftotext)`);
  });

  it('a classified document (绝密★30年) leaves no trace in the public edition, whatever else it says, and is in the internal one', () => {
    const secret = [canary.secretToken, canary.secretId];
    const publicHits = findInSite(publicFiles, secret);
    for (const needle of secret) expect(publicHits.get(needle), `“${needle}” in the public edition`).toEqual([]);
    expect(findInSite(internalFiles, [canary.secretToken]).get(canary.secretToken)).toContain(`policies/${canary.secretId}/index.html (raw)`);
  });

  it('an official document not marked 此件主动公开 leaves no trace in the public edition either, and one that is is there', () => {
    const publicHits = findInSite(publicFiles, [...onRequest.needles, published.docNumber]);
    for (const needle of onRequest.needles) expect(publicHits.get(needle), `“${needle}” in the public edition`).toEqual([]);
    expect(publicHits.get(published.docNumber)).toContain(`policies/${published.id}/index.html (raw)`);
    const internalHits = findInSite(internalFiles, onRequest.needles);
    for (const needle of onRequest.needles) expect(internalHits.get(needle)).toContain(`policies/${onRequest.id}/index.html (raw)`);
  });

  it('is linked where it is mentioned in the internal edition, and not even named in the public one', () => {
    const read = (edition: Edition, path: string) => readFileSync(join(outDir(edition), path), 'utf8');
    // The article it names, and the document it supersedes: a link in the internal edition …
    expect(read('internal', 'bulletins/2017-02/05/index.html')).toContain(`<a href="${canary.url}">《${canary.title}》</a>`);
    expect(read('internal', PUBLIC_OPINION)).toMatch(new RegExp(`历次版本.*<a href="${canary.url}">`));
    // … and in the public edition the same pages, whose published text does not quote its title, say nothing of it.
    expect(read('public', 'bulletins/2017-02/05/index.html')).toContain('<a href="/policies/1331-gongcheng-yijian/">');
    expect(read('public', PUBLIC_OPINION)).not.toContain('历次版本');
  });

  it('an OCR draft not yet checked (review: 待核对) is in neither edition, and the build names it', () => {
    for (const [edition, files] of [['public', publicFiles], ['internal', internalFiles]] as const) {
      expect(findInSite(files, [canary.draftToken]).get(canary.draftToken), edition).toEqual([]);
      expect(existsSync(join(outDir(edition), 'bulletins', DRAFT_ISSUE.id)), edition).toBe(false);
      expect(runs[edition].output).toContain(`${DRAFT_ISSUE.file}：文字识别草稿（review: 待核对），不会发布`);
    }
    // It is valid content all the same: the validator read it.
    expect(validateContent(site.root).content.issues.map((i) => i.file.id)).toContain(DRAFT_ISSUE.id);
  });

  it('counts in the internal lists only', () => {
    const list = (edition: Edition) => readFileSync(join(outDir(edition), 'policies/index.html'), 'utf8');
    // The drafts of the copy's content, the canary among them: none is public.
    const policies = validateContent(site.root).content.policies;
    const drafts = (edition: Edition) => policies.filter((p) => p.data.status === 'draft' && (edition === 'internal' || p.data.visibility === 'public')).length;
    expect(drafts('public')).toBe(0);
    // A filter value with no document is not offered (it would lead to an empty page): the public list has no 起草中 at all.
    expect(list('public')).not.toContain('起草中（');
    expect(list('public')).not.toContain('实施细则');
    expect(list('internal')).toContain(`起草中（${drafts('internal')}）`);
    expect(list('internal')).toContain(`实施细则（${policies.filter((p) => p.data.category === '实施细则').length}）`);
  });

  describe('served by nginx', () => {
    let nginx: RunningNginx;
    beforeAll(async () => {
      nginx = await startNginx({ roots: { public: outDir('public'), internal: outDir('internal') } });
    });
    afterAll(() => nginx?.stop());

    it('is not found on the public site, and is there behind the password on the internal one', async () => {
      const missing = await fetch(`${nginx.urls.public}${canary.url}`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('页面不存在');
      const { username, password } = nginx.credentials;
      const authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
      expect((await fetch(`${nginx.urls.internal}${canary.url}`)).status).toBe(401);
      const found = await fetch(`${nginx.urls.internal}${canary.url}`, { headers: { authorization } });
      expect(found.status).toBe(200);
      expect(await found.text()).toContain(canary.bodyToken);
    });

    it('is found by the internal edition’s search in the browser, under the CSP, and not by the public one', async () => {
      const browser = await chromium.launch(chromiumLaunch);
      try {
        const context = await browser.newContext({ httpCredentials: nginx.credentials, locale: 'zh-CN' });
        const page = await context.newPage();
        const problems = watchPage(page);
        const status = page.locator('#search-status');
        for (const query of [canary.bodyToken, `内部文件${canary.titleToken}`]) {
          await page.goto(`${nginx.urls.internal}/search/?q=${encodeURIComponent(query)}`);
          // The status comes first, the results a moment later.
          await page.locator('#search-results .result__title').first().waitFor();
          const links = await page.locator('#search-results .result__title').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
          expect(links, query).toEqual([canary.url]);
        }
        await page.locator('#search-results .result__title').click();
        await page.waitForURL((url) => url.pathname === canary.url);
        await page.locator('main h1', { hasText: canary.title }).waitFor();
        for (const query of [canary.bodyToken, `内部文件${canary.titleToken}`]) {
          await page.goto(`${nginx.urls.public}/search/?q=${encodeURIComponent(query)}`);
          await status.filter({ hasText: '没有找到' }).waitFor();
          expect(await page.locator('#search-results li').count(), query).toBe(0);
        }
        // The public index works: the same page finds what it does hold.
        await page.goto(`${nginx.urls.public}/search/?q=${encodeURIComponent('吕梁学院')}`);
        await status.filter({ hasText: '找到' }).waitFor();
        expect(problems).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  });
});

describe('a build of the other edition, or a failed build', () => {
  it('building the internal edition does not touch dist/', () => {
    expect(site.distAfterPublicBuild.map(([path]) => path)).toEqual(expect.arrayContaining(['index.html', 'pagefind/pagefind-entry.json']));
    expect(site.distAfterInternalBuild).toEqual(site.distAfterPublicBuild);
  });

  // Broken on purpose: in a copy of the site of its own, with the site's dist/.
  let project: TempProject;
  let distBefore: Map<string, string>;
  beforeAll(() => {
    project = breakableCopy(site);
    distBefore = snapshot(outDirOf(project.root, 'public'));
  });
  afterAll(() => project?.remove());
  const stagingLeft = () => (existsSync(join(project.root, '.build')) ? readdirSync(join(project.root, '.build')).filter((name) => name.startsWith('staging-')) : []);
  const build = (edition: Edition) => buildEdition(project, edition);
  const distNow = () => snapshot(outDirOf(project.root, 'public'));

  it('a content error the validator catches stops the build by name and keeps dist/ byte for byte', async () => {
    const article = 'content/articles/2017-02/01.mdx';
    const original = readFileSync(join(project.root, article), 'utf8');
    project.edit(article, (text) => text.replace(/^title: .*\n/m, ''));
    const run = await build('public');
    project.write(article, original);
    expect(run.status).toBe(1);
    expect(run.output).toContain(`${article}:2 title：缺少必填字段`);
    expect(run.output).toContain('构建失败，已发布的输出保持不变');
    expect(distNow()).toEqual(distBefore);
    expect(stagingLeft()).toEqual([]);
  });

  it('a tag in a body, which the site would not render as MDX, stops the build by line and keeps dist/ byte for byte', async () => {
    const article = 'content/articles/2017-02/03.mdx';
    const original = readFileSync(join(project.root, article), 'utf8');
    const edited = `${original.trimEnd()}\n\n<div>没有闭合的标签\n`;
    project.write(article, edited);
    const run = await build('public');
    project.write(article, original);
    expect(run.status).toBe(1);
    expect(run.output).toContain(`${article}:${edited.trimEnd().split('\n').length}：正文不是有效的 MDX：Expected a closing tag for \`<div>\``);
    expect(run.output).toContain('构建失败，已发布的输出保持不变');
    expect(distNow()).toEqual(distBefore);
    expect(stagingLeft()).toEqual([]);
  });

  /**
   * What the content check refuses as public, each with a canary of its own: the build stops at
   * the check, naming the file, line and field, and no byte of the canary reaches dist/.
   */
  describe('classification: refused before anything is built', () => {
    // Canaries from a fixed seed: the same every run, each unlike any text of the site.
    const random = seededRandom(20261208);
    const drawn = () => Array.from({ length: 12 }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
    const refusedBuild = async (files: Record<string, string>, expected: string[], canaries: string[]) => {
      for (const [path, text] of Object.entries(files)) project.write(path, text);
      const run = await build('public');
      for (const path of Object.keys(files)) rmSync(join(project.root, path));
      expect(run.status, run.output).toBe(1);
      for (const line of expected) expect(run.output).toContain(line);
      expect(run.output).toContain('构建失败，已发布的输出保持不变');
      expect(distNow()).toEqual(distBefore);
      const hits = findInSite(readSite(outDirOf(project.root, 'public')), canaries);
      for (const needle of canaries) expect(hits.get(needle), `“${needle}” in the public edition`).toEqual([]);
      expect(stagingLeft()).toEqual([]);
    };
    const synthetic = (fields: string, body: string) => `---\ntitle: 合成测试数据通知\nstatus: in-force\ncategory: 通知\n${fields}---\n\n${body}`;

    it('a document with a 密级 marked public, 此件主动公开 and all', async () => {
      const token = drawn();
      const file = `content/policies/canary-${token}.mdx`;
      await refusedBuild({ [file]: synthetic('visibility: public\nsecrecy: 绝密\nsecrecyPeriod: 30年\ndisclosure: 主动公开\n', `本段为合成测试数据。识别码 ${token}。\n`) }, [`${file}:6 secrecy：标有密级“绝密”的文件不能放在公开版`], [token]);
    });

    it('a public entry without text or 公开方式 that no published article prints', async () => {
      const token = drawn();
      const file = `content/policies/canary-${token}.mdx`;
      const fields = `visibility: public\ndocNumber: 合成${token}〔2017〕1号\nrecipients: 合成测试单位${token}\n`;
      await refusedBuild({ [file]: synthetic(fields, '') }, [`${file}:5 visibility：放在公开版的文件须写明公开方式`], [token]);
      // Naming an article does not help when the article does not print what the entry shows.
      await refusedBuild(
        { [file]: synthetic(`${fields}mentionedIn:\n  - 2017-02/05\n`, '') },
        [`${file}:2 title：没有写明公开方式的目录条目只能写工作要讯文章印出的内容`, `${file}:6 docNumber：`, `${file}:7 recipients：`],
        [token],
      );
    });

    it('two documents with one 文号, named together', async () => {
      const token = drawn();
      const [a, b] = [`content/policies/canary-${token}-a.mdx`, `content/policies/canary-${token}-b.mdx`];
      const fields = `visibility: public\ndisclosure: 主动公开\ndocNumber: 合成${token}〔2017〕1号\n`;
      await refusedBuild({ [a]: synthetic(fields, `合成测试数据甲。\n`), [b]: synthetic(fields, `合成测试数据乙 ${token}。\n`) }, [`${b}:7 docNumber：发文字号“合成${token}〔2017〕1号”已属于 ${a}`], [token]);
    });
  });

  it('a failure only Astro meets (a photo file that is no image) stops the build by name and keeps dist/ byte for byte', async () => {
    const article = 'content/articles/2017-02/03.mdx';
    const photo = 'content/articles/2017-02/broken.jpg';
    const original = readFileSync(join(project.root, article), 'utf8');
    // Valid frontmatter and a photo file that exists, so the validator passes; the image reader does not.
    project.write(photo, '合成测试数据：不是图片');
    project.edit(article, (text) => text.replace(/\n---\n/, '\nphotos:\n  - src: ./broken.jpg\n    alt: 合成测试数据\n    caption: 合成测试数据\n---\n'));
    const run = await build('public');
    project.write(article, original);
    rmSync(join(project.root, photo));
    expect(run.status).toBe(1);
    expect(run.output).toContain('[build] validate');
    expect(run.output).toContain(photo);
    expect(run.output).not.toMatch(/^\s+at /m);
    expect(run.output).toContain('构建失败，已发布的输出保持不变');
    expect(distNow()).toEqual(distBefore);
    expect(stagingLeft()).toEqual([]);
    expect(existsSync(join(outDirOf(project.root, 'public'), 'index.html'))).toBe(true);
  });
});
