/**
 * Proof by generation for official documents: draws documents in the world's forms
 * (scripts/samples/official-forms.ts: joint documents, titles over several lines, 印发 / 转发 /
 * 批转 notices carrying a document with or without a 附件 label, every 文号, date and 附注 form,
 * a site's page around the text), renders each with every producer asked for — a site's page
 * copied as text and saved as HTML, Word through the `docx` package, PDF through Chromium, Word
 * and PDF through LibreOffice, OFD — imports each file with the command itself and compares what
 * it read with the import the generator expects. A draw is one file: a document in one producer.
 *
 *   npm run import:fuzz -- --kind policy [--draws 2000] [--seed N] [--producers site-text,site-html,docx,pdf,lo-docx,lo-pdf,ofd] [--save DIR]
 *
 * Documents are drawn from seeds seed, seed+1, …, each rendered by every producer in turn, until
 * the draws are made. LibreOffice converts a batch of documents in one call. With --save DIR a
 * failing file is written there with its expected import, to make a fixture of by hand; without
 * it, nothing is written outside the system's temporary folder. Exit status 1 when a draw fails.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { officialRoundTrip } from './official-round-trip.ts';
import { drawOfficialForm, EXTENSIONS, expectedImport, PRODUCERS, type OfficialForm, type Producer } from '../samples/official-forms.ts';
import { officialDocx } from '../samples/official-forms/docx.ts';
import { convertWithLibreOffice, libreOfficeSetupMessage } from '../samples/official-forms/libreoffice.ts';
import { officialOfd, ofdSetupMessage } from '../samples/official-forms/ofd.ts';
import { createPdfPrinter, pdfSetupMessage, type PdfPrinter } from '../samples/official-forms/pdf.ts';
import { siteHtmlFile } from '../samples/official-forms/site-html.ts';
import { siteTextFile } from '../samples/official-forms/site-text.ts';

/** Documents rendered together (one LibreOffice call per format for the batch). */
const BATCH = 25;

export async function fuzzOfficial(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      kind: { type: 'string' },
      draws: { type: 'string', default: '200' },
      seed: { type: 'string' },
      producers: { type: 'string', default: PRODUCERS.join(',') },
      save: { type: 'string' },
    },
  });
  const draws = Number(values.draws);
  const seed = values.seed ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
  const producers = values.producers.split(',').filter(Boolean) as Producer[];
  const unknown = producers.filter((p) => !PRODUCERS.includes(p));
  if (!Number.isInteger(draws) || draws < 1 || !Number.isInteger(seed) || unknown.length) {
    console.error(`参数有误：--draws 应为正整数，--seed 应为整数，--producers 只能取 ${PRODUCERS.join('、')}${unknown.length ? `（不认识：${unknown.join('、')}）` : ''}`);
    return 2;
  }
  // What the producers need, said before anything runs.
  const needs = [
    producers.some((p) => p === 'pdf' || p === 'ofd') ? pdfSetupMessage() : undefined,
    producers.some((p) => p === 'lo-docx' || p === 'lo-pdf') ? libreOfficeSetupMessage() : undefined,
    producers.includes('ofd') ? await ofdSetupMessage() : undefined,
  ].filter(Boolean);
  if (needs.length) {
    console.error(needs.join('\n'));
    return 1;
  }
  const save = values.save ? resolve(process.env['INIT_CWD'] ?? process.cwd(), values.save) : undefined;
  const started = Date.now();
  console.log(`import:fuzz（公文）：${draws} 次，种子 ${seed}（--seed ${seed} 可重现），生成方式 ${producers.join('、')}`);
  const counts = new Map<Producer, { pass: number; fail: number }>(producers.map((p) => [p, { pass: 0, fail: 0 }]));
  let printer: PdfPrinter | undefined;
  let done = 0;
  let flagged = 0;
  try {
    if (producers.some((p) => p === 'pdf' || p === 'ofd')) printer = await createPdfPrinter();
    for (let next = seed; done < draws; next += BATCH) {
      const forms = Array.from({ length: Math.min(BATCH, Math.ceil((draws - done) / producers.length)) }, (_, k) => drawOfficialForm(next + k));
      const office = producers.some((p) => p === 'lo-docx' || p === 'lo-pdf') ? convertWithLibreOffice(forms, (['docx', 'pdf'] as const).filter((f) => producers.includes(`lo-${f}`))) : undefined;
      for (const form of forms) {
        let pdf: Buffer | undefined;
        for (const producer of producers) {
          if (done >= draws) break;
          const file = await render(form, producer, { printer, office, pdf: () => pdf });
          if (producer === 'pdf') pdf = file;
          const name = `${form.name}.${producer}.${EXTENSIONS[producer]}`;
          const expected = expectedImport(form, producer);
          let differences: string[];
          try {
            const result = await officialRoundTrip(file, name, expected);
            differences = result.differences;
            if (result.flagged.length) {
              flagged += result.flagged.length;
              console.log(`待核对：种子 ${form.seed}，${producer}：${result.flagged.length} 处分段文件中无从判断，已接排并列入未能确定（${result.flagged.join('；')}）`);
            }
          } catch (error) {
            differences = [`导入程序出错：${(error as Error).stack ?? error}`];
          }
          const count = counts.get(producer)!;
          done++;
          if (differences.length) {
            count.fail++;
            console.log(`失败：种子 ${form.seed}，${producer}\n  ${differences.slice(0, 4).join('\n  ')}`);
            if (save) {
              mkdirSync(save, { recursive: true });
              writeFileSync(join(save, name), file);
              writeFileSync(join(save, name.replace(/\.[a-z]+$/, '.expected.json')), `${JSON.stringify(expected, null, 2)}\n`);
            }
          } else count.pass++;
          if (done % 100 === 0) console.log(`  ${done}/${draws}，${Math.round((Date.now() - started) / 1000)} 秒`);
        }
      }
    }
  } finally {
    await printer?.close();
  }
  const fail = [...counts.values()].reduce((n, c) => n + c.fail, 0);
  for (const [producer, c] of counts) console.log(`${producer}：通过 ${c.pass}，失败 ${c.fail}`);
  console.log(`共 ${done} 次，失败 ${fail} 次，${flagged} 处分段无从判断（已在未能确定中指给编辑），用时 ${Math.round((Date.now() - started) / 1000)} 秒，种子 ${seed}`);
  return fail ? 1 : 0;
}

/** One producer's file of `form`. */
async function render(form: OfficialForm, producer: Producer, made: { printer: PdfPrinter | undefined; office: Map<string, Partial<Record<'docx' | 'pdf', Buffer>>> | undefined; pdf: () => Buffer | undefined }): Promise<Buffer> {
  switch (producer) {
    case 'site-text':
      return siteTextFile(form);
    case 'site-html':
      return siteHtmlFile(form);
    case 'docx':
      return officialDocx(form);
    case 'pdf':
      return made.printer!.print(form);
    case 'ofd':
      return officialOfd(made.pdf() ?? (await made.printer!.print(form)));
    case 'lo-docx':
      return made.office!.get(form.name)!.docx!;
    case 'lo-pdf':
      return made.office!.get(form.name)!.pdf!;
  }
}
