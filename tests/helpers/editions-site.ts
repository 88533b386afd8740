/**
 * The editions site: one copy of the project (tests/helpers/temp-project.ts) built as both
 * editions, once per Vitest run and shared by the integration tests that only read it
 * (tests/helpers/shared-build.ts): editions.test.ts, discovery-editions.test.ts, photos.test.ts.
 * Its content is the real content plus
 * - the canary: a synthetic internal document whose strings occur nowhere else (drawn afresh
 *   each run), which names a public article and supersedes the public 意见;
 * - two synthetic official documents (合成测试数据, tests/fixtures/official/): a 通知 whose 附注
 *   says 此件依申请公开 (internal only) and an 印发 notice that says 此件主动公开 (both editions);
 * - two synthetic pictures (scripts/samples/synthetic-photo.ts) listed by one article;
 * - an OCR draft: a synthetic issue marked `review: 待核对`, as the importer writes a scan, with
 *   a string of its own, which neither edition may publish.
 * The public edition is built first, then the internal one; dist/ is noted after each, to prove
 * that the second build leaves the first alone. Tests that must break a build do so in a copy of
 * their own (`breakableCopy`), never in the shared one.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import { makeTempProject, type TempProject } from './temp-project.ts';
import { writeSyntheticPhoto } from '../../scripts/samples/synthetic-photo.ts';
import { snapshot } from './site-files.ts';
import { OCR_DRAFT, ocrDraftFiles } from './ocr-draft.ts';
import { sharedBuild, type SharedBuild } from './shared-build.ts';

export type Edition = 'public' | 'internal';

/** Latin letters only: one word to Pagefind's tokenizer, and found by a plain byte search in any encoding. */
const token = () => Array.from({ length: 12 }, () => String.fromCharCode(97 + randomInt(26))).join('');

export interface Canary {
  id: string;
  titleToken: string;
  bodyToken: string;
  title: string;
  url: string;
  /** The OCR draft's string, in its headline and text. */
  draftToken: string;
  /** A classified document's string (secrecy: 绝密, internal), in its title and text. */
  secretToken: string;
  /** The classified document's id. */
  secretId: string;
}

function drawCanary(): Canary {
  const [id, titleToken, bodyToken, draftToken, secretToken] = [`canary-${token()}`, token(), token(), token(), token()];
  return { id, titleToken, bodyToken, title: `合成测试用内部文件${titleToken}办法`, url: `/policies/${id}/`, draftToken, secretToken, secretId: `canary-secret-${token()}` };
}

/** The OCR draft (tests/helpers/ocr-draft.ts), with a string of its own. */
export const DRAFT_ISSUE = OCR_DRAFT;
const draftFiles = (canary: Canary) => ocrDraftFiles(`合成测试草稿${canary.draftToken}标题`, `本段为自动测试生成的合成文字，模拟未经核对的文字识别草稿。识别码 ${canary.draftToken} 只出现在这里。`);

// Synthetic text, not an official document. It names a public article and supersedes the public
// 意见, so that every path by which a page could mention another entry is exercised.
const canaryFile = (canary: Canary) => `---
title: ${canary.title}
status: draft
category: 实施细则
visibility: internal
mentionedIn:
  - 2017-02/05
supersedes:
  - 1331-gongcheng-yijian
---

本段为自动测试生成的合成文字，不是官方文件。识别码 ${canary.bodyToken} 只出现在这里。
`;

// A classified document (合成测试数据): a 密级, a 保密期限 and the mark in its text, which the
// public edition never holds whatever its other fields say (it says 此件主动公开 and names a
// published article); the check refuses it as public, so it is internal.
const secretFile = (canary: Canary) => `---
title: 合成测试用涉密文件${canary.secretToken}通知
status: in-force
category: 通知
visibility: internal
secrecy: 绝密
secrecyPeriod: 30年
docNumber: 合成密〔2017〕${1 + randomInt(999)}号
disclosure: 主动公开
mentionedIn:
  - 2017-02/05
---

绝密★30年

本段为自动测试生成的合成文字，不是官方文件。识别码 ${canary.secretToken} 只出现在这里。
`;

/** The synthetic official documents added (tests/fixtures/official/). */
export const OFFICIAL_FIXTURES = { onRequest: 'shijiaoban-2020-15', published: 'shijiaoke-2019-7' } as const;
const OFFICIAL = join(import.meta.dirname, '../fixtures/official');

/** The article that carries the synthetic photos, and the photos. */
export const PHOTO_ARTICLE = 'content/articles/2017-02/01.mdx';
export const PHOTOS = [
  { file: '01-1.jpg', width: 1600, height: 1000, format: 'jpeg' as const, alt: '合成测试图：红黄渐变上的白色圆形与蓝色方块', caption: '测试用合成图片一（测试时生成，并非真实照片）' },
  { file: '01-2.png', width: 900, height: 600, format: 'png' as const, alt: '合成测试图：同一图案的较小版本', caption: '测试用合成图片二（测试时生成，并非真实照片）' },
];
export const photosYaml = (photos: Array<{ file: string; alt?: string; caption: string }>) =>
  `photos:\n${photos.map((p) => `  - src: ./${p.file}\n${p.alt ? `    alt: ${p.alt}\n` : ''}    caption: ${p.caption}\n`).join('')}`;

export interface EditionsSite extends SharedBuild {
  canary: Canary;
  /** Each build's exit code and all its output, as an editor would see it. */
  runs: Record<Edition, { status: number; output: string }>;
  /** dist/ (snapshot entries) after the public build, and after the internal one. */
  distAfterPublicBuild: Array<[string, string]>;
  distAfterInternalBuild: Array<[string, string]>;
}

/** dist/ or dist-internal/ of a copy. */
export const outDir = (root: string, edition: Edition) => join(root, edition === 'public' ? 'dist' : 'dist-internal');

/** `npm run build` / `build:internal` in a copy: exit code, all output. */
export async function buildEdition(project: TempProject, edition: Edition) {
  const run = await project.build('--edition', edition);
  return { status: run.code, output: `${run.stdout}${run.stderr}` };
}

async function build(): Promise<EditionsSite> {
  const project = makeTempProject();
  try {
    const canary = drawCanary();
    project.write(`content/policies/${canary.id}.mdx`, canaryFile(canary));
    project.write(`content/policies/${canary.secretId}.mdx`, secretFile(canary));
    for (const [path, text] of Object.entries(draftFiles(canary))) project.write(path, text);
    for (const id of Object.values(OFFICIAL_FIXTURES)) project.write(`content/policies/${id}.mdx`, readFileSync(join(OFFICIAL, `${id}.mdx`), 'utf8'));
    for (const photo of PHOTOS) await writeSyntheticPhoto(join(project.root, PHOTO_ARTICLE, '..', photo.file), photo);
    project.edit(PHOTO_ARTICLE, (text) => text.replace(/\n---\n/, `\n${photosYaml(PHOTOS)}---\n`));
    const publicRun = await buildEdition(project, 'public');
    const distAfterPublicBuild = [...snapshot(outDir(project.root, 'public'))];
    const internalRun = await buildEdition(project, 'internal');
    const distAfterInternalBuild = [...snapshot(outDir(project.root, 'public'))];
    return { root: project.root, canary, runs: { public: publicRun, internal: internalRun }, distAfterPublicBuild, distAfterInternalBuild };
  } catch (error) {
    project.remove();
    throw error;
  }
}

/** The editions site of this run (built by the first test file to ask). Call it in a beforeAll with a timeout of a few minutes. */
export function editionsSite(): Promise<EditionsSite> {
  return sharedBuild('editions', 'yaoxun-discovery-', build);
}

/** A copy of its own to break: the site's content and its built public edition (dist/). */
export function breakableCopy(site: EditionsSite): TempProject {
  const project = makeTempProject(site.root);
  cpSync(outDir(site.root, 'public'), outDir(project.root, 'public'), { recursive: true });
  return project;
}
