/**
 * Measures the OCR draft of a scanned 第2期: makes the scan (scripts/samples/scan.ts: the committed
 * issue rendered to PDF, its pages as 300-dpi images in a PDF with no text layer), imports it as
 * an editor would (npm run import -- scan.pdf --out DIR), and prints the character accuracy of
 * the draft's articles against the committed text (1 − edit distance / length, whitespace
 * ignored), of the 版记 and masthead fields, how long recognition took, and the lines the
 * importer listed for checking.
 *
 * --styles clean,askew,jpeg,200dpi measures scans made in those ways too (scripts/samples/scan.ts
 * SCAN_STYLES: a page 0.6° askew, JPEG at quality 40, 200 dpi), one line of figures each.
 *
 *   node scripts/import/ocr-accuracy.ts [--styles clean,askew,jpeg,200dpi]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runImport } from './cli.ts';
import { ocrUnavailable } from './read-scan.ts';
import { loadIssue } from '../samples/render-bulletin.ts';
import { draftAccuracy, paragraphCount, SCAN_STYLES, scannedIssue } from '../samples/scan.ts';
import { parseContentFile } from '../../src/lib/content/frontmatter.ts';

const root = join(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { styles: { type: 'string', default: 'clean' } } });
const styles = values.styles!.split(',').map((name) => name.trim());
const unknown = styles.filter((name) => !SCAN_STYLES[name]);
if (unknown.length) {
  console.error(`--styles：没有“${unknown.join('、')}”这种扫描方式；可选 ${Object.keys(SCAN_STYLES).join('、')}`);
  process.exit(2);
}
const unavailable = ocrUnavailable();
if (unavailable) {
  console.error(unavailable);
  process.exit(1);
}
const issue = loadIssue(root, '2017-02');
const fields = (path: string) => parseContentFile(readFileSync(path, 'utf8'), 'frontmatter').data as Record<string, unknown>;
const committed = fields(join(root, 'content/issues/2017-02.mdx'));
for (const name of styles) {
  const dir = mkdtempSync(join(tmpdir(), 'yaoxun-ocr-accuracy-'));
  try {
    const style = SCAN_STYLES[name]!;
    writeFileSync(join(dir, 'scan.pdf'), await scannedIssue(issue, style));
    const out: string[] = [];
    const err: string[] = [];
    const started = Date.now();
    const status = await runImport([join(dir, 'scan.pdf'), '--out', join(dir, 'draft')], { cwd: dir, projectRoot: root, out: (l) => out.push(l), err: (l) => err.push(l) });
    const seconds = (Date.now() - started) / 1000;
    const described = `扫描方式 ${name}（${style.dpi} dpi${style.skew ? `，倾斜 ${style.skew}°` : ''}${style.jpeg ? `，JPEG 质量 ${style.jpeg}` : ''}）`;
    if (status !== 0) {
      console.log(`${described}：导入失败 —— ${err.join(' ')}`);
      process.exitCode = 1;
      continue;
    }
    const { accuracy, characters, errors } = draftAccuracy(join(dir, 'draft'), join(root, 'content'), '2017-02');
    const draft = fields(join(dir, 'draft/issues/2017-02.mdx'));
    const differing = Object.keys(committed).filter((k) => JSON.stringify(draft[k]) !== JSON.stringify(committed[k]));
    const printed = issue.articles.map((a) => a.paragraphs.length);
    const drafted = issue.articles.map((_, i) => paragraphCount(join(dir, 'draft/articles/2017-02', `${String(i + 1).padStart(2, '0')}.mdx`)));
    const flagged = out.slice(out.findIndex((l) => l.startsWith('识别置信度低于')) + 1).filter((l) => /^ {2}第|^ {2}报头/.test(l));
    console.log(`${described}：正文字符准确率 ${(accuracy * 100).toFixed(2)}%（${characters} 字，编辑距离 ${errors}）；各篇段数 ${drafted.join('/')}（原件 ${printed.join('/')}）；导入用时 ${seconds.toFixed(1)} 秒`);
    console.log(`  期的字段与原件不同的：${differing.length ? differing.join('、') : '无'}（另加 review: 待核对）`);
    console.log(`  列出待核对的 ${flagged.length} 行：`);
    for (const line of flagged) console.log(`  ${line}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
