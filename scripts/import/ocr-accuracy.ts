/**
 * Measures the OCR draft of a scanned 第2期: makes the scan (tests/helpers/scan.ts: the committed
 * issue rendered to PDF, its pages as 300-dpi images in a PDF with no text layer), imports it as
 * an editor would (npm run import -- scan.pdf --out DIR), and prints the character accuracy of
 * the draft's articles against the committed text (1 − edit distance / length, whitespace
 * ignored), of the 版记 and masthead fields, how long recognition took, and the lines the
 * importer listed for checking.
 *
 *   node scripts/import/ocr-accuracy.ts
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from './cli.ts';
import { ocrUnavailable } from './read-scan.ts';
import { loadIssue } from '../../tests/helpers/render-bulletin.ts';
import { draftAccuracy, scannedIssue } from '../../tests/helpers/scan.ts';
import { parseContentFile } from '../content/frontmatter.ts';

const root = join(import.meta.dirname, '../..');
const unavailable = ocrUnavailable();
if (unavailable) {
  console.error(unavailable);
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'yaoxun-ocr-accuracy-'));
try {
  writeFileSync(join(dir, 'scan.pdf'), await scannedIssue(loadIssue(root, '2017-02')));
  const out: string[] = [];
  const err: string[] = [];
  const started = Date.now();
  const status = await runImport([join(dir, 'scan.pdf'), '--out', join(dir, 'draft')], { cwd: dir, projectRoot: root, out: (l) => out.push(l), err: (l) => err.push(l) });
  const seconds = (Date.now() - started) / 1000;
  if (status !== 0) {
    console.error(err.join('\n'));
    process.exit(1);
  }
  const { accuracy, characters, errors } = draftAccuracy(join(dir, 'draft'), join(root, 'content'), '2017-02');
  const fields = (path: string) => parseContentFile(readFileSync(path, 'utf8'), 'frontmatter').data as Record<string, unknown>;
  const draft = fields(join(dir, 'draft/issues/2017-02.mdx'));
  const committed = fields(join(root, 'content/issues/2017-02.mdx'));
  const differing = Object.keys(committed).filter((k) => JSON.stringify(draft[k]) !== JSON.stringify(committed[k]));
  const flagged = out.slice(out.findIndex((l) => l.startsWith('识别置信度低于')) + 1).filter((l) => /^ {2}第|^ {2}报头/.test(l));
  console.log(`文字识别草稿：正文字符准确率 ${(accuracy * 100).toFixed(2)}%（${characters} 字，编辑距离 ${errors}），导入用时 ${seconds.toFixed(1)} 秒`);
  console.log(`期的字段与原件不同的：${differing.length ? differing.join('、') : '无'}（另加 review: 待核对）`);
  console.log(`列出待核对的 ${flagged.length} 行：`);
  for (const line of flagged) console.log(line);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
