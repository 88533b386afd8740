/**
 * The proof for official documents made by other software: a file rendered by one of the
 * producers of scripts/samples/official-forms/ (site text and HTML, Word, Chromium, LibreOffice,
 * OFD) is imported with the command itself (--out a scratch folder: it must be accepted, checked
 * and written), and what it read is compared, field by field and paragraph by paragraph, with the
 * import the generator expects (`expectedImport`, worked out from the model, never from the
 * importer). The fuzzer (fuzz-official.ts) and the tests run it.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from './cli.ts';
import { readSource } from './read-input.ts';
import { joinSeam } from './source-block.ts';
import { compactKey, joinBroken } from './cjk-text.ts';
import { parseOfficial, type OfficialBlock } from './parse-official.ts';
import { buildPolicy, type PolicyEntry } from './build-policy.ts';
import type { ExpectedImport } from '../samples/official-forms.ts';

export const PROJECT_ROOT = join(import.meta.dirname, '../..');

const paragraphs = (blocks: readonly OfficialBlock[] | null) => (blocks ?? []).flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.rows.length || b.header.length ? [`（表格 ${b.rows.length + 1} 行）`] : []));

/**
 * `want` with two paragraphs joined where the import said, in its 未能确定 list, that it joined
 * lines it could not tell from two paragraphs: the file does not hold that paragraph break, and
 * the import sent the editor to the place. Each join made is added to `flagged`.
 */
function joinedWhereSaid(want: readonly string[], said: readonly string[], got: readonly string[], flagged: string[]): string[] {
  const seams = said.flatMap((line) => {
    const seam = joinSeam(line);
    return seam ? [[compactKey(seam[0]), compactKey(seam[1])] as const] : [];
  });
  const out: string[] = [];
  for (const paragraph of want) {
    const before = out.at(-1);
    const seam = before !== undefined && seams.find(([tail, head]) => compactKey(before).endsWith(tail) && compactKey(paragraph).startsWith(head));
    // (Only where the import kept the join: a later step may have set the paragraph off after all.)
    if (seam && got.some((p) => compactKey(p).includes(compactKey(joinBroken(before, paragraph))))) {
      flagged.push(`${seam[0]}|${seam[1]}`);
      out[out.length - 1] = joinBroken(before, paragraph);
    } else out.push(paragraph);
  }
  return out;
}

/**
 * The differences between what was read and what was expected, each named in Chinese; empty when
 * they agree. `said` is the import's 未能确定 list: a paragraph break the file does not hold and
 * the import named at its place is not a difference but is counted in `flagged`.
 */
export function officialDifferences(entry: PolicyEntry, expected: ExpectedImport, said: readonly string[] = [], flagged: string[] = []): string[] {
  const out: string[] = [];
  const same = (name: string, got: unknown, want: unknown) => {
    if (JSON.stringify(got ?? null) !== JSON.stringify(want ?? null)) out.push(`${name}：应为 ${JSON.stringify(want ?? null)}，实为 ${JSON.stringify(got ?? null)}`);
  };
  same('标题', entry.title, expected.title);
  same('发文字号', entry.docNumber, expected.docNumber);
  same('发文机关标志', entry.issuerMark, expected.issuerMark);
  same('发文机关', entry.issuer, expected.issuer);
  same('联合发文机关', entry.coIssuers, expected.coIssuers);
  same('主送机关', entry.recipients, expected.recipients);
  same('成文日期', entry.writtenDate, expected.writtenDate);
  same('公开方式', entry.disclosure, expected.disclosure);
  same('可见范围', entry.visibility, expected.visibility);
  same('附注', entry.notes, expected.notes);
  same('抄送', entry.copyTo, expected.copyTo);
  same('印发机关', entry.printedBy, expected.printedBy);
  same('印发日期', entry.printedDate, expected.printedDate);
  same('发布日期', entry.publishedDate, expected.publishedDate);
  same('索引号', entry.indexNumber, expected.indexNumber);
  same('主题分类', entry.subject, expected.subject);
  const text = (name: string, got: string[], want: string[]) => {
    const at = got.findIndex((p, i) => p !== want[i]);
    if (at >= 0 || got.length !== want.length) {
      const i = at >= 0 ? at : Math.min(got.length, want.length);
      out.push(`${name}第${i + 1}段（共应 ${want.length} 段，实 ${got.length} 段）：应为 ${JSON.stringify(want[i] ?? null)}，实为 ${JSON.stringify(got[i] ?? null)}`);
    }
  };
  text('正文', paragraphs(entry.main), joinedWhereSaid(expected.main, said, paragraphs(entry.main), flagged));
  same('附件', entry.attachments.map((a) => ({ title: a.title, ...(a.unlabelled ? { unlabelled: true } : {}), hasText: a.blocks !== null })), expected.attachments.map((a) => ({ title: a.title, ...(a.unlabelled ? { unlabelled: true } : {}), hasText: a.paragraphs !== null })));
  expected.attachments.forEach((a, i) => {
    const got = entry.attachments[i];
    if (a.paragraphs && got?.blocks) text(`附件${i + 1}`, paragraphs(got.blocks), joinedWhereSaid(a.paragraphs, said, paragraphs(got.blocks), flagged));
  });
  return out;
}

/**
 * Imports `bytes` (a file named `name`) as `npm run import -- FILE --out DIR` would, in this
 * process, then reads it again to compare with `expected`: the differences, or the command's
 * refusal. Nothing is left behind.
 */
export async function officialRoundTrip(bytes: Buffer, name: string, expected: ExpectedImport): Promise<{ differences: string[]; flagged: string[] }> {
  const scratch = mkdtempSync(join(tmpdir(), 'yaoxun-official-'));
  try {
    const path = join(scratch, name);
    writeFileSync(path, bytes);
    const errors: string[] = [];
    const out = join(scratch, 'out');
    const printed: string[] = [];
    const status = await runImport([path, '--out', out, '--kind', 'policy'], { cwd: scratch, projectRoot: PROJECT_ROOT, out: (line) => printed.push(line), err: (line) => errors.push(line) });
    if (status !== 0) return { differences: errors.length ? errors : [`退出码 ${status}`], flagged: [] };
    const written = readdirSync(join(out, 'policies'));
    if (written.length !== 1) return { differences: [`应写入 1 个文件，实为 ${written.length} 个`], flagged: [] };
    const { blocks } = await readSource(path);
    const flagged: string[] = [];
    return { differences: officialDifferences(buildPolicy(parseOfficial(blocks)).entry, expected, printed, flagged), flagged };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * `node scripts/import/official-round-trip.ts DIR [PART]`: every file a fuzz run saved in DIR
 * (--save DIR) or a corpus folder holds, with its `.expected.json`, imported and compared again —
 * how a failure found by the fuzzer is studied and, once mended, checked. Exit status 1 when any differs.
 */
if (import.meta.main) {
  const { readFileSync, readdirSync: list } = await import('node:fs');
  const [dir, part] = process.argv.slice(2);
  if (!dir) {
    console.error('用法：node scripts/import/official-round-trip.ts 目录 [文件名的一部分]');
    process.exit(2);
  }
  let failed = 0;
  const names = list(dir).filter((name) => !name.endsWith('.json') && /\.(txt|html|docx|pdf|ofd)$/.test(name) && (!part || name.includes(part))).sort();
  for (const name of names) {
    const expected = JSON.parse(readFileSync(join(dir, name.replace(/\.[a-z]+$/, '.expected.json')), 'utf8')) as ExpectedImport;
    const { differences, flagged } = await officialRoundTrip(readFileSync(join(dir, name)), name, expected);
    if (differences.length) failed++;
    console.log(differences.length ? `✗ ${name}\n  ${differences.join('\n  ')}` : `✓ ${name}${flagged.length ? `（${flagged.length} 处分段无从判断，已列入未能确定：${flagged.join('；')}）` : ''}`);
  }
  console.log(`${names.length} 个文件，${failed} 个与预期不符`);
  process.exitCode = failed ? 1 : 0;
}
