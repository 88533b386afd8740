/**
 * A property, proved exhaustively rather than by a drawn sample: a page break, with its page
 * number at the foot, put at EVERY line boundary of a document's text leaves the import
 * unchanged — for the bulletin (第2期 as plain text, the masthead aside: it opens page 1) and for
 * an official document (the 印发 notice fixture as pdftotext -layout gives it, its own page breaks
 * taken out first). Each page number style the readers know is used in turn.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../scripts/lib/random.ts';
import { blocksFromText } from '../../scripts/import/read-text.ts';
import { parseOfficial } from '../../scripts/import/parse-official.ts';
import { buildPolicy } from '../../scripts/import/build-policy.ts';
import { renderPolicy } from '../../scripts/import/render-policy.ts';
import { importDifferences, PROJECT_ROOT } from '../../scripts/import/round-trip.ts';
import { bulletinText, drawStyle, loadIssue, pageNumberText, type PageNumberStyle, type RenderStyle } from '../../scripts/samples/render-bulletin.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const NUMBER_STYLES: PageNumberStyle[] = ['dash', 'hyphen', 'di', 'bare', 'di-gong', 'dash-tight', 'slash'];

describe('a page break at every line boundary', () => {
  it('leaves the bulletin 第2期 (plain text) unchanged', { timeout: 600_000 }, async () => {
    const issue = loadIssue(PROJECT_ROOT, '2017-02');
    // One fixed style (seed 7: indented paragraphs, no blank lines between them, no running header):
    // where only the indent tells a paragraph's start, a break after a paragraph's last line is the hardest case.
    const base: RenderStyle = { ...drawStyle(seededRandom(7), 'text'), indent: '\u3000\u3000', blankLines: false, runningHeader: null, closingOwnPage: false };
    const render = (breakLines: number[], pageNumber: PageNumberStyle) => bulletinText(issue, { ...base, breakLines, pageNumber }, seededRandom(7));
    const lineCount = render([], 'dash').split('\n').length;
    const scratch = mkdtempSync(join(tmpdir(), 'yaoxun-breaks-'));
    const failures: string[] = [];
    let tried = 0;
    try {
      for (let line = 1; line < lineCount; line++) {
        const text = render([line], NUMBER_STYLES[line % NUMBER_STYLES.length]!);
        if (!text.includes('\f')) continue; // a line of the masthead, before the body: no break there
        tried++;
        const file = join(scratch, `break-${line}.txt`);
        writeFileSync(file, text);
        const differences = await importDifferences(file, 'text');
        if (differences.length) failures.push(`第${line}行之前分页：${differences.slice(0, 2).join('；')}`);
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    expect(tried, 'the text has lines to break at').toBeGreaterThan(lineCount / 2);
    expect(failures).toEqual([]);
  });

  it('leaves an official document (pdftotext -layout) unchanged', () => {
    const id = 'shijiaoke-2019-7';
    const rendered = readFileSync(join(PROJECT_ROOT, 'tests/fixtures/official/rendered', `${id}.txt`), 'utf8');
    const expected = readFileSync(join(PROJECT_ROOT, 'tests/fixtures/official', `${id}.mdx`), 'utf8').replace(/^---\n#[^\n]*\n/, '---\n');
    // The text without its own page breaks: each page's number line and form feed taken out.
    const pages = rendered.split('\f');
    const body = pages
      .map((page) => page.split('\n').filter((line, i, all) => !(i === all.findLastIndex((l) => l.trim()) && /^\s*—\d+—\s*$/.test(line))))
      .flatMap((lines, i, all) => (i < all.length - 1 ? lines.slice(0, -1) : lines))
      .filter((line, i, all) => !(i === all.length - 1 && line === ''));
    const imported = (text: string) => renderPolicy(buildPolicy(parseOfficial(blocksFromText(text, { layout: true }))).entry);
    // The text as it stands imports to the fixture: what every break must leave unchanged.
    expect(imported(`${body.join('\n')}\n`)).toBe(expected);
    const failures: string[] = [];
    for (let line = 1; line < body.length; line++) {
      const number = pageNumberText(NUMBER_STYLES[line % NUMBER_STYLES.length]!, 1, 2);
      const text = `${[...body.slice(0, line), '', `${' '.repeat(24)}${number}`].join('\n')}\n\f${body.slice(line).join('\n')}\n`;
      let got: string;
      try {
        got = imported(text);
      } catch (error) {
        got = `（导入失败：${(error as Error).message}）`;
      }
      if (got !== expected) {
        const [a, e] = [got.split('\n'), expected.split('\n')];
        const at = a.findIndex((l, i) => l !== e[i]);
        failures.push(`第${line}行之前分页：第${at + 1}行应为“${e[at] ?? ''}”，实为“${a[at] ?? ''}”`);
      }
    }
    expect(failures).toEqual([]);
  });
});
