/**
 * Hostile inputs, each made on the fly (tests/helpers/hostile-inputs.ts) and run through the
 * command an editor runs, as a process of its own measured by GNU time: each is refused (or
 * handled) with a message in Chinese that names the file and the limit, the right exit status,
 * nothing written, and a peak resident memory under the budget (MEMORY_BUDGET_BYTES, 1 GB),
 * children such as pdfinfo included. The limits are documented in scripts/lib/limits.ts and the
 * README. A new attack found is a new case here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../helpers/content-copy.ts';
import { makeTempProject } from '../helpers/temp-project.ts';
import { blankPdf, docx, emptyParagraphsDocx, manyLinesText, sparseFile, textPdf, zipBombDocx } from '../helpers/hostile-inputs.ts';
import { MAX_BODY_CHARACTERS, MAX_DOCX_ELEMENTS, MAX_IMPORT_FILE_BYTES, MAX_IMPORT_LINES, MAX_IMPORT_PARAGRAPHS, MAX_IMPORT_TEXT_CHARACTERS, MAX_PDF_PAGES, MEMORY_BUDGET_BYTES } from '../../scripts/lib/limits.ts';

const NODE = join(PROJECT_ROOT, 'node_modules/.bin/node');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yaoxun-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Measured {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory, bytes (GNU time's %M: the largest of the process and its waited-for children). */
  peak: number;
}

/** Runs `node script args…` under /usr/bin/time, in `cwd`. */
let runs = 0;

function measured(script: string, args: string[], cwd = PROJECT_ROOT, env: NodeJS.ProcessEnv = {}): Promise<Measured> {
  const timeFile = join(dir, `time-${++runs}`);
  return new Promise((done, fail) => {
    const child = spawn('/usr/bin/time', ['-f', '%M', '-o', timeFile, NODE, script, ...args], { cwd, env: { ...process.env, INIT_CWD: cwd, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', fail);
    child.on('close', (status) => {
      const kilobytes = Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1));
      rmSync(timeFile, { force: true });
      done({ status, stdout, stderr, peak: kilobytes * 1024 });
    });
  });
}

const IMPORT = join(PROJECT_ROOT, 'scripts/import/cli.ts');
const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;

/**
 * Imports `file` into a fresh --out folder and checks the refusal: status 1, nothing on stdout,
 * the file named, the message, nothing written, memory under the budget, no stack trace, and a
 * last word in Chinese (never a library's English). Returns the run.
 */
async function expectRefusal(file: string, message: string | RegExp, extra: string[] = []): Promise<Measured> {
  const out = join(dir, `out-${++runs}`);
  const run = await measured(IMPORT, [file, '--out', out, ...extra]);
  expect(run.status, run.stderr).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain(`导入失败：${file}：`);
  if (typeof message === 'string') expect(run.stderr).toContain(message);
  else expect(run.stderr).toMatch(message);
  expect(run.stderr).toContain('没有写入任何文件');
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(endsInChinese(run.stderr.split('\n').find((line) => line.startsWith('导入失败'))!), run.stderr).toBe(true);
  expect(existsSync(out), 'nothing written').toBe(false);
  expect(run.peak, `peak memory ${mb(run.peak)}`).toBeLessThan(MEMORY_BUDGET_BYTES);
  return run;
}

/** A line ends in Chinese: its last letter-like character is a CJK one (punctuation aside). */
const endsInChinese = (line: string) => /[\u3400-\u9fff][^\p{L}\p{N}]*$/u.test(line);

describe('the importer refuses what exceeds its limits, in Chinese, naming the file, within the memory budget', () => {
  it('a 2.85 MB text of short lines with no blank line (a spread over every line overflowed the stack)', async () => {
    const file = join(dir, 'many-lines.txt');
    manyLinesText(file, 2.85 * 1024 ** 2);
    const run = await expectRefusal(file, new RegExp(`文本有 [\\d,]+ 行，超过导入上限 ${MAX_IMPORT_LINES.toLocaleString('en-US')} 行`));
    expect(run.stderr).not.toContain('RangeError');
  });

  it('a Word file of 8.3 million empty paragraphs (some hundred KB, 4.6 GB for mammoth): counted before it is read', async () => {
    const file = join(dir, 'empty-paragraphs.docx');
    emptyParagraphsDocx(file, 8_300_000);
    await expectRefusal(file, `Word 文件有 8,300,000 个段落，超过导入上限 ${MAX_IMPORT_PARAGRAPHS.toLocaleString('en-US')}`);
  });

  it('a Word file of 200,000 runs in one paragraph, within the zip bounds (2.6 million took mammoth 4.3 GB): its elements counted first', async () => {
    const file = join(dir, 'many-runs.docx');
    docx(file, `<w:p>${'<w:r><w:t>x</w:t></w:r>'.repeat(200_000)}</w:p>`);
    await expectRefusal(file, `Word 文件的正文有 400,003 个 XML 元素（段落、文字串及其格式），超过导入上限 ${MAX_DOCX_ELEMENTS.toLocaleString('en-US')}`);
  });

  it('a Word file that inflates to 1 GB (a zip bomb of about 1 MB; its bounds are zip-limits.ts’s)', async () => {
    const file = join(dir, 'bomb.docx');
    zipBombDocx(file, 1024);
    expect(readFileSync(file).length).toBeLessThan(1.5 * 1024 ** 2);
    await expectRefusal(file, /超过上限/);
  });

  it('a 1 KB scanned PDF of one 5,000-point page: its size is read before it is drawn', async () => {
    const file = join(dir, 'huge-page.pdf');
    await blankPdf(file, 1, 5000, 5000);
    expect(readFileSync(file).length).toBeLessThan(2048);
    const run = await expectRefusal(file, '扫描件第 1 页为 1764 × 1764 毫米，超过文字识别的上限（A3，297 × 420 毫米）');
    expect(run.peak).toBeLessThan(300 * 1024 ** 2);
  });

  it('a PDF of more pages than the limit', async () => {
    const file = join(dir, 'many-pages.pdf');
    await textPdf(file, MAX_PDF_PAGES + 1);
    await expectRefusal(file, `PDF 有 ${(MAX_PDF_PAGES + 1).toLocaleString('en-US')} 页，超过导入上限 ${MAX_PDF_PAGES} 页`);
  });

  it('a file larger than the limit, refused before it is read', async () => {
    const file = join(dir, 'huge.txt');
    sparseFile(file, MAX_IMPORT_FILE_BYTES + 1024 ** 2);
    const run = await expectRefusal(file, `文件有 ${((MAX_IMPORT_FILE_BYTES + 1024 ** 2) / 1024 ** 2).toFixed(1)} MB，超过导入上限 ${(MAX_IMPORT_FILE_BYTES / 1024 ** 2).toFixed(1)} MB`);
    expect(run.peak).toBeLessThan(200 * 1024 ** 2);
  });

  it('a text longer than the limit', async () => {
    const file = join(dir, 'long.txt');
    writeFileSync(file, `${'合成测试数据'.repeat(Math.ceil(MAX_IMPORT_TEXT_CHARACTERS / 6))}\n`);
    await expectRefusal(file, /文本有 [\d,]+ 个字符，超过导入上限 2,000,000/);
  });

  it('a damaged PDF: PDF.js’s English in brackets, the message ends in Chinese', async () => {
    const file = join(dir, 'broken.pdf');
    writeFileSync(file, '%PDF-1.7\nsynthetic: no PDF at all');
    await expectRefusal(file, /无法读取这个 PDF（PDF\.js：.+）：文件可能已损坏或加密/);
  });
});

describe('writes are safe', () => {
  const seed = join(PROJECT_ROOT, 'tests/fixtures/seed-2017-02.txt');

  it('a bad --out is named in Chinese: a file, or a file in the path', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '合成测试数据');
    for (const [out, message] of [[file, '是一个文件，不是文件夹'], [join(file, 'sub'), `路径中的 ${file} 是一个文件`]] as const) {
      const run = await measured(IMPORT, [seed, '--out', out]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(message);
      expect(run.stderr).not.toMatch(/EEXIST|ENOTDIR|^\s+at /m);
    }
  });

  it('two imports of the same issue at once: one writes it, the other is told and writes nothing', async () => {
    const out = join(dir, 'concurrent');
    const [a, b] = await Promise.all([measured(IMPORT, [seed, '--out', out]), measured(IMPORT, [seed, '--out', out])]);
    const runs = [a, b].sort((x, y) => (x.status ?? 0) - (y.status ?? 0));
    expect(runs.map((r) => r.status)).toEqual([0, 1]);
    // Told either while the other holds the entry, or after it wrote it.
    expect(runs[1]!.stderr).toMatch(/另一个导入正在写入2017年第2期|2017年第2期（总第02期）已存在/);
    expect(readdirSync(out).filter((name) => name.startsWith('.')), 'no lock or staging left').toEqual([]);
    expect(readdirSync(join(out, 'articles/2017-02')).length).toBe(7);
  });

  it('keeps a line of --- as text', async () => {
    const file = join(dir, 'dashes.txt');
    writeFileSync(file, readFileSync(seed, 'utf8').replace('雷建国主持签约仪式。\n', '雷建国主持签约仪式。\n\n---\n'));
    const out = join(dir, 'dashes');
    const run = await measured(IMPORT, [file, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(out, 'articles/2017-02/04.mdx'), 'utf8')).toContain('签约仪式。\n\n\\---\n\n王云');
  });
});

describe('the content check refuses before the build what the build cannot take', () => {
  it('a policy body of 3 MB, named by file and line, within the budget', async () => {
    const root = join(dir, 'site');
    mkdirSync(join(root, 'content/policies'), { recursive: true });
    const body = '第一条　本条为合成测试数据。\n\n'.repeat(Math.ceil((3 * 1024 ** 2) / 3 / 16));
    writeFileSync(join(root, 'content/policies/hecheng-big.mdx'), `---\ntitle: 合成测试数据办法\ncategory: 办法\nstatus: in-force\nvisibility: public\ndisclosure: 主动公开\n---\n\n${body}`);
    const run = await measured(join(PROJECT_ROOT, 'scripts/content/validate.ts'), [root]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('content/policies/hecheng-big.mdx:8：正文有 ');
    expect(run.stderr).toContain(` 个字符，超过上限 ${MAX_BODY_CHARACTERS.toLocaleString('en-US')}：请把文件拆分`);
    expect(run.peak).toBeLessThan(MEMORY_BUDGET_BYTES);
  });
});

describe('the build', () => {
  it('refuses a 3 MB body at the check, removes what a killed build left, and warns without SITE_URL', async () => {
    const project = makeTempProject();
    try {
      // A staging folder of a build whose process is gone (a process that has ended), and one of this test's, running.
      const gone = spawnSync('true').pid!;
      project.write(`.build/staging-public-${gone}/index.html`, '合成测试数据');
      project.write(`.build/staging-internal-${process.pid}/index.html`, '合成测试数据');
      const body = '第一条　本条为合成测试数据。\n\n'.repeat(Math.ceil((3 * 1024 ** 2) / 3 / 16));
      project.write('content/policies/hecheng-big.mdx', `---\ntitle: 合成测试数据办法\ncategory: 办法\nstatus: in-force\nvisibility: public\ndisclosure: 主动公开\n---\n\n${body}`);
      const run = await measured(join(project.root, 'scripts/build.ts'), [], project.root, { SITE_URL: '' });
      const output = run.stdout + run.stderr;
      expect(run.status, output).toBe(1);
      expect(output).toContain('content/policies/hecheng-big.mdx:8：正文有 ');
      expect(output).toContain('构建失败，已发布的输出保持不变');
      expect(output).not.toMatch(/PagefindFormatError|^\s+at /m);
      expect(output).toContain('警告：没有设置 SITE_URL');
      expect(output).toContain(`删除了中断的构建留下的 .build/staging-public-${gone}`);
      expect(existsSync(join(project.root, `.build/staging-public-${gone}`))).toBe(false);
      expect(existsSync(join(project.root, `.build/staging-internal-${process.pid}`))).toBe(true);
      expect(existsSync(join(project.root, 'dist'))).toBe(false);
      expect(run.peak).toBeLessThan(MEMORY_BUDGET_BYTES);
      // A build for deploying needs the address.
      const deploy = await measured(join(project.root, 'scripts/build.ts'), ['--deploy'], project.root, { SITE_URL: '' });
      expect(deploy.status).toBe(1);
      expect(deploy.stdout + deploy.stderr).toContain('没有设置 SITE_URL：部署用的构建（--deploy）须写明网站地址');
    } finally {
      project.remove();
    }
  });
});
