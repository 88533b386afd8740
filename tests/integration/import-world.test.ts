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
const files = readdirSync(WORLD)
  .filter((name) => /^world-\d+\./.test(name) && !name.endsWith('.json'))
  .sort();

describe('official documents as other software makes them (tests/fixtures/world)', () => {
  it('the corpus holds every producer', () => {
    const producers = new Set(files.map((name) => name.split('.')[1]));
    expect([...producers].sort()).toEqual([...PRODUCERS].sort());
  });

  it.each(files)('%s imports as the generator expects', { timeout: 120_000 }, async (name) => {
    const expected = JSON.parse(readFileSync(join(WORLD, name.replace(/\.[a-z]+$/, '.expected.json')), 'utf8')) as ExpectedImport;
    expect(expected.marker).toBe('合成测试数据');
    const differences = await officialRoundTrip(readFileSync(join(WORLD, name)), name, expected);
    expect(differences, JSON.stringify(expected.forms)).toEqual([]);
  });
});
