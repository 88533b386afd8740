/**
 * An official document that cannot be read is refused with a message in Chinese that names the
 * file, exit status 1 and nothing written; a policy that exists is replaced only with --force.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../helpers/content-copy.ts';
import { filesUnder, expectRefused, runImportCli } from '../helpers/import-cli.ts';
import { DEFAULT_VARIANT, loadOfficial, officialDocx } from '../../scripts/samples/render-official.ts';

const fixture = join(PROJECT_ROOT, 'tests/fixtures/official/shijiaoke-2019-7.mdx');
/** The standard print's text as pdftotext -layout gives it (committed beside the fixtures). */
const sample = readFileSync(join(PROJECT_ROOT, 'tests/fixtures/official/rendered/shijiaoke-2019-7.txt'), 'utf8');
const expected = readFileSync(fixture, 'utf8').replace(/^---\n#[^\n]*\n/, '---\n');

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function refused(name: string, contents: string | Buffer, extra: string[] = []): Promise<string> {
  dir = mkdtempSync(join(tmpdir(), 'yaoxun-import-official-bad-'));
  return expectRefused(dir, name, contents, extra);
}

/** A PDF whose one page has no text at all, as a scan without OCR is: built by hand, offsets counted. */
function pdfWithoutText(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>'];
  const stream = '0 0 1 rg 100 100 300 300 re f';
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe('refusing an official document that cannot be read', () => {
  it('a file that is neither a bulletin nor an official document', async () => {
    // Synthetic text: a few sentences, no masthead, no 文号, no 主送, no 版记.
    const message = await refused('note.txt', '会议记录\n\n今天下午讨论了明年的工作安排。\n\n大家发言踊跃。\n');
    expect(message).toContain('既不是《工作要讯》');
    expect(message).toContain('也不是公文');
  });

  it('a 文号 that cannot be read', async () => {
    const message = await refused('number.txt', sample.replace('示教科〔2019〕7号', '示教科〔二〇一九〕7号'));
    expect(message).toContain('无法读出发文字号：“示教科〔二〇一九〕7号”');
  });

  it('a 成文日期 that does not exist', async () => {
    expect(await refused('date.txt', sample.replace('2019年3月12日', '2019年2月30日'))).toContain('成文日期“2019年2月30日”不是真实存在的日期');
  });

  it('a 印发日期 that does not exist', async () => {
    expect(await refused('printed.txt', sample.replace('2019年3月13日印发', '2019年13月1日印发'))).toContain('印发日期“2019年13月1日”不是真实存在的日期');
  });

  it('a corrupt Word file and a corrupt PDF', async () => {
    expect(await refused('broken.docx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64)]), ['--kind', 'policy'])).toContain('无法读取这个 Word 文件');
    expect(await refused('broken.pdf', '%PDF-1.7\nnot a PDF')).toContain('无法读取这个 PDF');
  });

  it('a scanned PDF with no text', async () => {
    // With Tesseract installed the scan is read and found empty; without it, the message says what to install.
    expect(await refused('scan.pdf', pdfWithoutText())).toMatch(/PDF 中没有文字[^]*(文字识别也没有读出文字|须先安装 tesseract)/);
  });

  it('an unknown --kind', async () => {
    dir = mkdtempSync(join(tmpdir(), 'yaoxun-import-official-bad-'));
    writeFileSync(join(dir, 'doc.txt'), sample);
    const run = await runImportCli([join(dir, 'doc.txt'), '--kind', 'memo', '--out', join(dir, 'out')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--kind 应为 bulletin 或 policy');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('a policy that already exists', () => {
  it('is refused without --force, replaced with it; --dry-run writes nothing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'yaoxun-import-official-bad-'));
    const file = join(dir, 'doc.docx');
    writeFileSync(file, await officialDocx(loadOfficial(fixture), DEFAULT_VARIANT));
    const out = join(dir, 'out');
    mkdirSync(join(out, 'policies'), { recursive: true });
    const old = expected.replace('printedBy: 示例省教育厅办公室', 'printedBy: 示例省教育厅');
    writeFileSync(join(out, 'policies/shijiaoke-2019-7.mdx'), old);

    const dry = await runImportCli([file, '--out', out, '--dry-run']);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('没有写入任何文件');
    expect(dry.stdout).toContain('（覆盖，内容有变）');
    expect(dry.stdout).toContain('须加 --force');
    expect(readFileSync(join(out, 'policies/shijiaoke-2019-7.mdx'), 'utf8')).toBe(old);

    const refusedRun = await runImportCli([file, '--out', out]);
    expect(refusedRun.status).toBe(1);
    expect(refusedRun.stderr).toContain('公文 shijiaoke-2019-7已存在');
    expect(refusedRun.stderr).toContain('--force');
    expect(readFileSync(join(out, 'policies/shijiaoke-2019-7.mdx'), 'utf8')).toBe(old);

    const forced = await runImportCli([file, '--out', out, '--force']);
    expect(forced.stderr).toBe('');
    expect(forced.status).toBe(0);
    expect(forced.stdout).toContain('替换了原有的公文 shijiaoke-2019-7');
    expect(readFileSync(join(out, 'policies/shijiaoke-2019-7.mdx'), 'utf8')).toBe(expected);
    expect(filesUnder(out)).toEqual(['policies/shijiaoke-2019-7.mdx']);
  }, 60_000);

  it('--kind bulletin on an official document is refused as a bulletin would be', async () => {
    expect(await refused('doc.txt', sample, ['--kind', 'bulletin'])).toContain('不是《工作要讯》');
  });
});
