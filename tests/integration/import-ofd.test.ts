/**
 * OFD files imported as an editor would (npm run import -- FILE.ofd): the golden official
 * documents and the seed issue 第2期, printed to PDF by Chromium (scripts/samples/render-*.ts)
 * and made into OFD by scripts/samples/ofd.ts (poppler's words, not the PDF.js the importer
 * reads PDFs with) in each of its shapes — a TextObject per line with DeltaX, per character,
 * scaled by a CTM; page numbers on templates or not — must import to what the PDF imports to:
 * the fixture, and the committed content files, byte for byte. Fixed inputs: the standard print
 * and one variant drawn from a fixed seed. (A scan saved as OFD, pictures only: tests/integration/import-scan.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../../scripts/lib/random.ts';
import { ofdFromPdf, type OfdOptions } from '../../scripts/samples/ofd.ts';
import { bulletinPdf, loadIssue } from '../../scripts/samples/render-bulletin.ts';
import { DEFAULT_VARIANT, drawVariant, loadOfficial, officialPdf, type Variant } from '../../scripts/samples/render-official.ts';
import { PROJECT_ROOT } from '../helpers/content-copy.ts';
import { contentDifferences, expectRefused, filesUnder, runImportCli } from '../helpers/import-cli.ts';

const fixturePath = (id: string) => join(PROJECT_ROOT, 'tests/fixtures/official', `${id}.mdx`);
/** What the importer must write: the fixture without its 合成测试数据 comment line. */
const expected = (id: string) => readFileSync(fixturePath(id), 'utf8').replace(/^---\n#[^\n]*\n/, '---\n');

/** The shapes real producers write (see scripts/samples/ofd.ts), each with a name for the file. */
const SHAPES: Array<[string, OfdOptions]> = [
  ['line', { shape: 'line' }],
  ['char-template', { shape: 'char', footTemplate: true }],
  ['ctm-template', { shape: 'ctm', footTemplate: true }],
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yaoxun-import-ofd-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Imports `file` with --out and returns the one policy it wrote. */
async function importPolicy(file: string, id: string): Promise<{ text: string; stdout: string }> {
  const out = `${file}-out`;
  const run = await runImportCli([file, '--out', out]);
  expect(run.stderr, file).toBe('');
  expect(run.status).toBe(0);
  expect(filesUnder(out)).toEqual([`policies/${id}.mdx`]);
  return { text: readFileSync(join(out, 'policies', `${id}.mdx`), 'utf8'), stdout: run.stdout };
}

describe('official documents from OFD', () => {
  const cases: Array<{ id: string; variant: Variant; tag: string; shapes: typeof SHAPES }> = [
    { id: 'shijiaoke-2019-7', variant: DEFAULT_VARIANT, tag: 'standard', shapes: SHAPES },
    { id: 'shijiaoban-2020-15', variant: DEFAULT_VARIANT, tag: 'standard', shapes: [SHAPES[1]!] },
    // A drawn variant from a fixed seed: title wrapped elsewhere, 文号 brackets, dates, page breaks.
    { id: 'shijiaoke-2019-7', variant: drawVariant(seededRandom(20261207)), tag: 'seed20261207', shapes: [SHAPES[0]!] },
  ];
  for (const { id, variant, tag, shapes } of cases) {
    it(`${id} (${tag}): each OFD shape imports to what the PDF imports to, the fixture`, async () => {
      const pdf = await officialPdf(loadOfficial(fixturePath(id)), variant);
      const pdfFile = join(dir, `${id}-${tag}.pdf`);
      writeFileSync(pdfFile, pdf);
      const fromPdf = (await importPolicy(pdfFile, id)).text;
      expect(fromPdf).toBe(expected(id));
      for (const [name, options] of shapes) {
        const file = join(dir, `${id}-${tag}-${name}.ofd`);
        writeFileSync(file, await ofdFromPdf(pdf, options));
        const { text, stdout } = await importPolicy(file, id);
        expect(stdout).toContain('（OFD）');
        expect(text, `${id} ${tag} as OFD (${name})`).toBe(fromPdf);
      }
    }, 120_000);
  }
});

describe('a bulletin from OFD', () => {
  it('the seed issue 第2期 printed, made OFD in two shapes, imports to the committed files', async () => {
    const pdf = await bulletinPdf(loadIssue(PROJECT_ROOT, '2017-02'));
    for (const [name, options] of [SHAPES[0]!, SHAPES[1]!]) {
      const file = join(dir, `2017-02-${name}.ofd`);
      writeFileSync(file, await ofdFromPdf(pdf, options));
      const out = join(dir, `out-2017-02-${name}`);
      const run = await runImportCli([file, '--out', out]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('（OFD）');
      expect(contentDifferences(out, join(PROJECT_ROOT, 'content'), '2017-02'), name).toEqual([]);
    }
  }, 120_000);
});

describe('telling and refusing OFD files on the command line', () => {
  it('a zip with OFD.xml is read as OFD whatever its name', async () => {
    const pdf = readFileSync(join(PROJECT_ROOT, 'tests/fixtures/official/rendered/shijiaoke-2019-7.pdf'));
    const file = join(dir, 'shijiaoke-2019-7.zip');
    writeFileSync(file, await ofdFromPdf(pdf, { shape: 'char' }));
    const { text, stdout } = await importPolicy(file, 'shijiaoke-2019-7');
    expect(stdout).toContain('（OFD）');
    expect(text).toBe(expected('shijiaoke-2019-7'));
  });

  it('a file named .ofd that is not a zip', async () => {
    const bad = mkdtempSync(join(dir, 'bad-'));
    expect(await expectRefused(bad, 'broken.ofd', '这不是 OFD')).toContain('不是 OFD 文件：OFD 文件是 zip 压缩包');
  });

  it('a 1 GB .docx bomb is refused at once, naming the limit', async () => {
    // The central directory's claim is all the first check reads: an entry declaring a gigabyte
    // (tests/unit/import/read-ofd.test.ts inflates real ones, honest and lying).
    const bad = mkdtempSync(join(dir, 'bomb-'));
    const name = Buffer.from('word/document.xml');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(2 ** 30, 24);
    central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12);
    end.writeUInt32LE(local.length + name.length, 16);
    const started = Date.now();
    const message = await expectRefused(bad, 'bomb.docx', Buffer.concat([local, name, central, name, end]));
    expect(message).toContain('Word 文件中的 XML 解压后共 1024 MB，超过上限 64 MB');
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
