/**
 * The golden test: importing the seed text of 第2期 (what text extraction gives from the
 * printed PDF) must give the importer's golden output (tests/fixtures/import-golden/, the files
 * as the importer wrote them, apart from content/, which editors may correct) byte for byte;
 * each difference is named.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../helpers/content-copy.ts';
import { contentDifferences, runImportCli } from '../helpers/import-cli.ts';

const SEED = join(PROJECT_ROOT, 'tests/fixtures/seed-2017-02.txt');
const GOLDEN = join(PROJECT_ROOT, 'tests/fixtures/import-golden');
const seed = readFileSync(SEED, 'utf8');
const scratch: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'yaoxun-import-golden-'));
  scratch.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Imports `text` as a file of its own and returns the differences from the golden 第2期. */
async function importDifferences(text: string): Promise<{ differences: string[]; stdout: string }> {
  const dir = tempDir();
  writeFileSync(join(dir, 'issue.txt'), text);
  const run = await runImportCli([join(dir, 'issue.txt'), '--out', join(dir, 'out')]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return { differences: contentDifferences(join(dir, 'out'), GOLDEN, '2017-02'), stdout: run.stdout };
}

describe('importing the seed text of 第2期', () => {
  it('gives the golden files byte for byte', async () => {
    const { differences, stdout } = await importDifferences(seed);
    expect(differences).toEqual([]);
    expect(stdout).toContain('2017年第2期（总第02期），2017年5月18日出版，7 篇文章');
    // The four paragraphs the printed pages cut are reported for checking.
    expect(stdout).toContain('第1篇：…要抓手，是贯|彻落实中央和…');
    expect(stdout).toContain('未能确定的：无。');
  });

  it('gives the same files from CRLF text with form feeds, page numbers and full-width spaces', async () => {
    const variant = seed
      // A page break with its number between the two pieces of each cut paragraph.
      .replace(/^(.{60,}[^。！？；：”\n])\n\n/gm, (_, piece: string) => `${piece}\n\f— 3 —\n\n`)
      .replace('第 2 期', '第\u30002\u3000期')
      .replace('主 办', '主\u3000办')
      .replace(/\n/g, '\r\n');
    expect(variant).toContain('\f— 3 —');
    expect((await importDifferences(variant)).differences).toEqual([]);
  });
});
