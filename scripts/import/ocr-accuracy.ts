/**
 * Measures OCR on a scan of 第2期: renders the committed issue to PDF, its pages to 300-dpi
 * images (pdftoppm -r 300), puts them back into a PDF of images only (pdf-lib), recognises it
 * (read-scan.ts) and prints the character accuracy of the recognised text against the printed
 * text (1 − edit distance / length, whitespace ignored) and the lines of low confidence.
 *
 *   node scripts/import/ocr-accuracy.ts
 */
import { seededRandom } from '../lib/random.ts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { LOW_CONFIDENCE, ocrPdf } from './read-scan.ts';
import { bulletinPdf, closingLines, drawStyle, loadIssue } from '../../tests/helpers/render-bulletin.ts';

const root = join(import.meta.dirname, '../..');
const issue = loadIssue(root, '2017-02');
const dir = mkdtempSync(join(tmpdir(), 'yaoxun-ocr-accuracy-'));
try {
  writeFileSync(join(dir, 'print.pdf'), await bulletinPdf(issue));
  execFileSync('pdftoppm', ['-r', '300', '-gray', '-png', join(dir, 'print.pdf'), join(dir, 'page')]);
  const scan = await PDFDocument.create();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.png')).sort()) {
    const image = await scan.embedPng(readFileSync(join(dir, name)));
    scan.addPage([595.28, 841.89]).drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  const started = Date.now();
  const lines = ocrPdf(await scan.save());
  const squeeze = (s: string) => s.replace(/\s/g, '').replace(/— ?\d+ ?—/g, '');
  const style = { ...drawStyle(seededRandom(1), 'pdf'), labelSpace: '', colon: '：' as const, halfBrackets: false };
  const printed = squeeze([...issue.series, `第${issue.number}期`, issue.publisher, '2017年5月18日', '本期要目', ...issue.articles.map((a) => `◆${a.title}`), ...issue.articles.flatMap((a) => [a.title, ...a.paragraphs]), ...closingLines(issue, style)].join(''));
  const got = squeeze(lines.filter((l) => !/^[—-]\s*\d+\s*[—-]$/.test(l.text.trim())).map((l) => l.text).join(''));
  let prev = Array.from({ length: printed.length + 1 }, (_, i) => i);
  for (let i = 1; i <= got.length; i++) {
    const row = [i];
    for (let j = 1; j <= printed.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (got[i - 1] === printed[j - 1] ? 0 : 1));
    prev = row;
  }
  const errors = prev[printed.length]!;
  const low = lines.filter((l) => l.confidence < LOW_CONFIDENCE);
  console.log(`字符准确率 ${((1 - errors / printed.length) * 100).toFixed(2)}%（${printed.length} 字，编辑距离 ${errors}），识别 ${lines.length} 行，用时 ${Math.round((Date.now() - started) / 1000)} 秒`);
  console.log(`置信度低于 ${LOW_CONFIDENCE} 的 ${low.length} 行：`);
  for (const l of low) console.log(`  第${l.page + 1}页（${l.confidence}）：${l.text}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
