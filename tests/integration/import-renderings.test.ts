/**
 * Every rendering of an issue imports whole. The two renderings made elsewhere that the importer
 * once refused, then drawn renderings of the committed 第2期 (scripts/samples/render-bulletin.ts
 * drawStyle: 50 as text, 20 as Word, 10 as PDF, drawn from the fixed run seeds in DRAWS, each
 * draw's seed in its test's name), then every regression fixture (tests/fixtures/import-regressions/):
 * each must give the committed content files byte for byte. Nothing is written into the project:
 * fresh draws are `npm run import:fuzz -- --draws 2000`'s (with --save it keeps the failures as
 * fixtures, to be looked at and committed by hand).
 */
import { seededRandom } from '../../scripts/lib/random.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { importDifferences, PROJECT_ROOT, REGRESSIONS, runDraw } from '../../scripts/import/round-trip.ts';
import { formatOf, plan } from '../../scripts/samples/bulletin-draws.ts';
import { runImportCli } from '../helpers/import-cli.ts';
import { bulletinDocx, bulletinPdf, bulletinText, drawStyle, loadIssue, type RenderedIssue, type RenderFormat, type RenderStyle } from '../../scripts/samples/render-bulletin.ts';

/** Each format's draws: how many, and the run seed their seeds are drawn from (plan). */
const DRAWS: Record<RenderFormat, { count: number; runSeed: number }> = {
  text: { count: 50, runSeed: 1 },
  docx: { count: 20, runSeed: 2 },
  pdf: { count: 10, runSeed: 3 },
  ofd: { count: 4, runSeed: 4 },
};

let issue: RenderedIssue;
let browser: Browser;
let dir: string;
beforeAll(async () => {
  issue = loadIssue(PROJECT_ROOT, '2017-02');
  const { chromium } = await import('@playwright/test');
  const { chromiumLaunch } = await import('../../scripts/lib/chromium.ts');
  browser = await chromium.launch(chromiumLaunch);
  dir = mkdtempSync(join(tmpdir(), 'yaoxun-import-renderings-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A plain style: the office's usual layout, with what a test changes. */
const style = (format: RenderFormat, changes: Partial<RenderStyle>): RenderStyle => ({ ...drawStyle(seededRandom(1), format), forcedBreaks: [], closingOwnPage: false, runningHeader: null, ...changes });

async function differences(name: string, data: Buffer | string, format: RenderFormat): Promise<string[]> {
  const path = join(dir, name);
  writeFileSync(path, data);
  return importDifferences(path, format);
}

describe('renderings made elsewhere', () => {
  it('a Word file whose 要目 items are typed "- 标题" paragraphs, with no list numbering and no 本期要目 heading', async () => {
    const docx = await bulletinDocx(issue, style('docx', { tocMarker: '-', tocHeading: null, closingTable: false }));
    expect(await differences('typed-toc.docx', docx, 'docx')).toEqual([]);
  });

  it('a PDF whose 版记 a page break cuts after 邮箱, the page number between', async () => {
    const pdf = await bulletinPdf(issue, style('pdf', { tocMarker: '◆', tocHeading: '本期要目', pageNumber: 'dash', breakAt: ['c2'] }), browser);
    expect(await differences('cut-closing.pdf', pdf, 'pdf')).toEqual([]);
  });

  it('a 要目 with neither marks nor heading, in a PDF, in text and in Word', async () => {
    const bare = { tocMarker: 'none' as const, tocHeading: null };
    expect(await differences('bare.pdf', await bulletinPdf(issue, style('pdf', bare), browser), 'pdf')).toEqual([]);
    const r = seededRandom(7);
    expect(await differences('bare.txt', bulletinText(issue, style('text', bare), r), 'text')).toEqual([]);
    expect(await differences('bare.docx', await bulletinDocx(issue, style('docx', bare)), 'docx')).toEqual([]);
  });

  it('an issue that prints no 版记 is written without it, and the command says so', async () => {
    // As 第3期, so that 第2期 (content/) is the earlier issue its 邮箱, 电话 and 总期号 come from.
    const text = bulletinText({ ...issue, number: 3 }, style('text', { pageBreaks: [], labelSpace: '' }), seededRandom(3));
    const withoutClosing = text.slice(0, text.search(/\n主 ?办[：:]/)) + '\n';
    const path = join(dir, 'no-closing.txt');
    writeFileSync(path, withoutClosing);
    const out = join(dir, 'out-no-closing');
    const run = await runImportCli([path, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('版记：未找到');
    expect(run.stdout).toContain('邮箱（取自 2017-02）');
    expect(run.stdout).toContain('总期号（按 2017-02 推算为 3）');
    const entry = readFileSync(join(out, 'issues/2017-03.mdx'), 'utf8');
    expect(entry).not.toContain('recipients');
    expect(entry).toContain('serial: 3');
    expect(readFileSync(join(out, 'articles/2017-03/07.mdx'), 'utf8').split('---').at(-1)).toBe(
      readFileSync(join(PROJECT_ROOT, 'content/articles/2017-02/07.mdx'), 'utf8').split('---').at(-1),
    );
  });
});

describe('drawn renderings of 第2期', () => {
  for (const format of ['text', 'docx', 'pdf', 'ofd'] as const) {
    const { count, runSeed } = DRAWS[format];
    it.each(plan(count, runSeed, [format]).map((draw) => draw.seed))(`${format}, draw seed %i`, async (seed) => {
      const result = await runDraw(issue, format, seed, browser);
      expect(result.differences, `${format} 种子 ${seed}：${JSON.stringify(result.style)}`).toEqual([]);
    }, 60_000);
  }
});

describe('regression fixtures (tests/fixtures/import-regressions/)', () => {
  const fixtures = readdirSync(REGRESSIONS).filter((name) => /\.(txt|docx|pdf|ofd)$/.test(name));
  it('there are fixtures to replay', () => {
    expect(fixtures).not.toEqual([]);
  });
  it.each(fixtures)('%s imports to the committed files', async (name) => {
    expect(await importDifferences(join(REGRESSIONS, name), formatOf(name))).toEqual([]);
  });
});
