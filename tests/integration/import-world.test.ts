/**
 * Official documents made by other software, in the forms real offices and government sites
 * produce (docs/import-forms.md): the fixed corpus tests/fixtures/world/ — every document of its
 * fixed seeds as a site's page copied as text (UTF-8, GB18030) and saved as HTML, a Word file from
 * the `docx` package, a PDF from Chromium, a Word file and a PDF from LibreOffice, an OFD — each
 * imported with the command (--out a scratch folder) and compared, field by field and paragraph by
 * paragraph, with the import the generator expects (`<file>.expected.json`, worked out from its
 * model, never from the importer). `npm run import:fuzz -- --kind policy` draws new documents.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { officialRoundTrip } from '../../scripts/import/official-round-trip.ts';
import { PRODUCERS, type ExpectedImport } from '../../scripts/samples/official-forms.ts';
import { PROJECT_ROOT } from '../helpers/content-copy.ts';

const WORLD = join(PROJECT_ROOT, 'tests/fixtures/world');
/** Fuzz failures kept by hand once mended (their README says what each was). */
const REGRESSIONS = join(PROJECT_ROOT, 'tests/fixtures/import-regressions/official');

/** Imports a file of `dir` with the command and compares it with its `.expected.json`. */
async function importsAsExpected(dir: string, name: string): Promise<void> {
  const expected = JSON.parse(readFileSync(join(dir, name.replace(/\.[a-z]+$/, '.expected.json')), 'utf8')) as ExpectedImport;
  expect(expected.marker).toBe('合成测试数据');
  const { differences, flagged } = await officialRoundTrip(readFileSync(join(dir, name)), name, expected);
  expect(differences, JSON.stringify(expected.forms)).toEqual([]);
  // A tagged PDF says where every paragraph ends: nothing is left for the editor to decide.
  if (expected.forms.printTagged) expect(flagged).toEqual([]);
}

const documentsIn = (dir: string) =>
  readdirSync(dir)
    .filter((name) => /^world-\d+\./.test(name) && !name.endsWith('.json'))
    .sort();
const files = documentsIn(WORLD);

describe('official documents as other software makes them (tests/fixtures/world)', () => {
  it('the corpus holds every producer', () => {
    const producers = new Set(files.map((name) => name.split('.')[1]));
    expect([...producers].sort()).toEqual([...PRODUCERS].sort());
  });

  it.each(files)('%s imports as the generator expects', { timeout: 120_000 }, (name) => importsAsExpected(WORLD, name));
});

describe('official documents the fuzzer once found the importer failing (tests/fixtures/import-regressions/official)', () => {
  it.each(documentsIn(REGRESSIONS))('%s imports as the generator expects', { timeout: 120_000 }, (name) => importsAsExpected(REGRESSIONS, name));
});
