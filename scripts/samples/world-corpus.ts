/**
 * The fixed corpus of official documents in the world's forms, for CI (tests/fixtures/world/):
 * every document of WORLD_SEEDS rendered by every producer (site text, site HTML, Word, Chromium
 * PDF, LibreOffice Word and PDF, OFD when scripts/samples/ofd.ts provides it), each file with
 * `<file stem>.expected.json` — what a faithful import gives (scripts/samples/official-forms.ts) —
 * and a README saying what they are. The files are committed: CI reads them without Chromium or
 * LibreOffice.
 *
 *   npm run samples:world                                  # writes tests/fixtures/world
 *   node scripts/samples/world-corpus.ts --out /tmp/world   # elsewhere
 *
 * All of it is 合成测试数据: invented organs (示例省…), names (某某), numbers and dates. The seeds
 * are fixed; the command refuses to write a corpus that misses a form (FORM_AXES).
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { drawOfficialForm, EXTENSIONS, expectedImport, missingForms, type OfficialForm, type Producer } from './official-forms.ts';
import { officialDocx } from './official-forms/docx.ts';
import { convertWithLibreOffice, libreOfficeSetupMessage } from './official-forms/libreoffice.ts';
import { officialOfd, ofdSetupMessage } from './official-forms/ofd.ts';
import { createPdfPrinter, pdfSetupMessage } from './official-forms/pdf.ts';
import { siteHtmlFile } from './official-forms/site-html.ts';
import { siteTextFile } from './official-forms/site-text.ts';
import { stablePdf, stableZip } from './official-forms/stable.ts';

/**
 * Seeds whose documents together show every form of FORM_AXES (chosen by a greedy cover over
 * seeds 1–4000, smallest set first). Change the generator and the command says which form the
 * seeds no longer show: pick seeds again then.
 */
export const WORLD_SEEDS = [210, 3150, 1574, 475, 315, 1954, 447, 127, 16] as const;

/** Files in the output folder this command owns (and replaces). */
const OWNED = /^world-\d{4}\./;

const README = (files: string[], withOfd: boolean, bytes: number) => `# World-form official documents (合成测试数据)

Every file here is **合成测试数据** (synthetic test data): invented organs (示例省…), people (某某),
telephone numbers (0000-…), 文号 and dates. Each document also says so in its first paragraph
(本文件为合成测试数据…). Nothing here is a real document's text.

Made by \`npm run samples:world\` (\`node scripts/samples/world-corpus.ts --out tests/fixtures/world\`)
from fixed seeds (WORLD_SEEDS in scripts/samples/world-corpus.ts) with the generator
scripts/samples/official-forms.ts and its producers in scripts/samples/official-forms/. The forms
are the ones catalogued in docs/import-forms.md. Do not edit these files by hand: change the
generator and run the command again (it needs Chromium and LibreOffice; CI does not, the files are
committed).

Each document \`world-NNNN\` is rendered by every producer:

| file | producer | made by |
| --- | --- | --- |
| \`world-NNNN.site-text.txt\` | text copied from a government site's page (metadata block, chrome, half-width punctuation, GB18030 or UTF-8) | the generator |
| \`world-NNNN.site-html.html\` | the site's page saved as HTML | the generator |
| \`world-NNNN.docx.docx\` | a Word file as offices make them (no heading styles) | the \`docx\` npm package |
| \`world-NNNN.pdf.pdf\` | a PDF after GB/T 9704, or the site's page printed by the browser | Chromium |
| \`world-NNNN.lo-docx.docx\` | a LibreOffice document (.fodt) saved as Word | LibreOffice |
| \`world-NNNN.lo-pdf.pdf\` | the same exported as PDF | LibreOffice |
${withOfd ? '| `world-NNNN.ofd.ofd` | the Chromium PDF as OFD | scripts/samples/ofd.ts |\n' : ''}
Beside each file, \`<stem>.expected.json\` is what a faithful import gives, worked out from the
generator's model and never from the importer: title (one line, no spaces between Chinese words),
docNumber (with 〔〕), issuerMark (when printed), issuer and coIssuers, recipients, writtenDate
(ISO), disclosure (the 附注's wording) and visibility (public for 主动公开 and 公开发布), notes, the
正文's paragraphs (\`main\`), the attachments (a carried document without a 附件 label has
\`unlabelled: true\`; a site's download link has \`paragraphs: null\`), the 版记 when printed, and the
metadata a site shows (publishedDate, indexNumber, subject). \`forms\` names the forms the file
shows; \`lossy\` what the producer changed that an import must undo (half-width punctuation, NBSP,
GB18030, Chinese-numeral dates, 文号 brackets).
${withOfd ? '' : '\nNo OFD files yet: scripts/samples/ofd.ts (`ofdFromPdf`) was not there when the corpus was made.\n'}
${files.length} files, ${(bytes / 1024).toFixed(0)} kB.
`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'tests/fixtures/world' } } });
  const out = resolve(values.out!);
  const forms = WORLD_SEEDS.map((seed) => drawOfficialForm(seed));
  const missing = missingForms(forms);
  if (missing.length) {
    console.error(`固定种子未覆盖以下形式，请重新选择 WORLD_SEEDS：${missing.join('、')}`);
    process.exit(1);
  }
  // Software first: one sentence for what is missing, before anything is written.
  for (const message of [pdfSetupMessage(), libreOfficeSetupMessage()]) {
    if (message) {
      console.error(message);
      process.exit(1);
    }
  }
  const ofdMessage = await ofdSetupMessage();
  if (ofdMessage) console.warn(`${ofdMessage}（本次跳过 OFD）`);

  mkdirSync(out, { recursive: true });
  for (const name of readdirSync(out)) if (OWNED.test(name)) rmSync(join(out, name));
  const written: string[] = [];
  const write = (form: OfficialForm, producer: Producer, bytes: Buffer) => {
    const stem = `${form.name}.${producer}`;
    writeFileSync(join(out, `${stem}.${EXTENSIONS[producer]}`), bytes);
    writeFileSync(join(out, `${stem}.expected.json`), `${JSON.stringify(expectedImport(form, producer), null, 2)}\n`);
    written.push(`${stem}.${EXTENSIONS[producer]}`, `${stem}.expected.json`);
  };

  const printer = await createPdfPrinter();
  try {
    for (const form of forms) {
      const date = form.doc.writtenDate;
      write(form, 'site-text', siteTextFile(form));
      write(form, 'site-html', siteHtmlFile(form));
      write(form, 'docx', stableZip(await officialDocx(form), date));
      const pdf = stablePdf(await printer.print(form), date);
      write(form, 'pdf', pdf);
      if (!ofdMessage) write(form, 'ofd', await officialOfd(pdf));
      console.log(`${form.name}: text, html, docx, pdf${ofdMessage ? '' : ', ofd'}`);
    }
  } finally {
    await printer.close();
  }
  console.log(`LibreOffice: ${forms.length} 份文件转换为 docx 和 pdf……`);
  const converted = convertWithLibreOffice(forms, ['docx', 'pdf']);
  for (const form of forms) {
    const files = converted.get(form.name)!;
    write(form, 'lo-docx', stableZip(files.docx!, form.doc.writtenDate));
    write(form, 'lo-pdf', stablePdf(files.pdf!, form.doc.writtenDate));
  }
  const bytes = written.reduce((sum, name) => sum + statSync(join(out, name)).size, 0);
  writeFileSync(join(out, 'README.md'), README(written, !ofdMessage, bytes));
  console.log(`${written.length} 个文件，共 ${(bytes / 1024).toFixed(0)} kB，写入 ${out}`);
  if (bytes > 3 * 1024 * 1024) console.warn('语料超过 3 MB：请减少 WORLD_SEEDS 或缩短文档。');
}

// Run as a command, not when a test imports WORLD_SEEDS.
if (process.argv[1] && import.meta.filename === resolve(process.argv[1])) await main();
