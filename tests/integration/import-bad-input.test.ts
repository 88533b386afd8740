/**
 * Bad input is refused with a message that names the file and what is wrong, a non-zero exit
 * status, and nothing written; an issue that exists is replaced only with --force.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyContent, PROJECT_ROOT, type ContentCopy } from '../helpers/content-copy.ts';
import { contentDifferences, filesUnder, expectRefused, runImportCli, runImportProcess } from '../helpers/import-cli.ts';

const seed = readFileSync(join(PROJECT_ROOT, 'tests/fixtures/seed-2017-02.txt'), 'utf8');
let dir: string;
let copy: ContentCopy | undefined;
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  copy?.remove();
  copy = undefined;
});

/** Imports a file holding `contents` (or the path given) into a fresh folder; returns the run and what got written. */
async function refused(name: string, contents?: string | Buffer) {
  dir = mkdtempSync(join(tmpdir(), 'yaoxun-import-bad-'));
  return expectRefused(dir, name, contents);
}

describe('refusing bad input', () => {
  it('a file that does not exist', async () => {
    expect(await refused('no-such-issue.txt')).toContain('文件不存在');
  });

  it('the command itself (npm run import) exits 1, says why on stderr, and writes nothing', () => {
    dir = mkdtempSync(join(tmpdir(), 'yaoxun-import-bad-'));
    const file = join(dir, 'no-such-issue.txt');
    const run = runImportProcess([file, '--out', join(dir, 'out')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`导入失败：${file}：文件不存在`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('a file that cannot be read as text, PDF or Word', async () => {
    // GBK text (工作要讯) is read — and is neither a bulletin nor a document; bytes that are no text in either encoding are refused.
    expect(await refused('gbk.txt', Buffer.from([0xb9, 0xa4, 0xd7, 0xf7, 0xd2, 0xaa, 0xd1, 0xb6]))).toContain('既不是《工作要讯》');
    expect(await refused('binary.txt', Buffer.from([0xff, 0xff, 0x80, 0xfe, 0xff, 0x81]))).toContain('不是 UTF-8 或 GBK（GB18030）编码的文本');
    expect(await refused('broken.pdf', '%PDF-1.7\nthis is no PDF at all')).toContain('无法读取这个 PDF');
    expect(await refused('renamed.pdf', seed)).toContain('扩展名是 .pdf，内容却不是 PDF');
    expect(await refused('broken.docx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64)]))).toContain('无法读取这个 Word 文件');
    expect(await refused('empty.txt', '')).toContain('文件是空的');
  });

  it('a folder instead of a file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'yaoxun-import-bad-'));
    mkdirSync(join(dir, 'folder.txt'));
    const run = await runImportCli([join(dir, 'folder.txt'), '--out', join(dir, 'out')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('不是文件');
  });

  it('a document that is not a bulletin: no masthead', async () => {
    // Synthetic text: an ordinary notice, not a bulletin.
    expect(await refused('notice.txt', '关于召开座谈会的通知\n\n各单位：定于3月2日召开座谈会。\n')).toContain('未找到报头');
  });

  it('a document that is not a bulletin: no 要目', async () => {
    const withoutToc = seed.replace(/^- .*\n/gm, '');
    expect(await refused('no-toc.txt', withoutToc)).toContain('未找到本期要目');
  });

  it('a 要目 item without a matching article', async () => {
    const missing = seed.replace('省教育厅组织召开“1331工程”推进座谈会\n', '');
    expect(await refused('missing-article.txt', missing)).toContain('要目第5条“省教育厅组织召开“1331工程”推进座谈会”在正文中没有对应的文章');
  });

  it('an issue number that cannot be read', async () => {
    expect(await refused('number.txt', seed.replace('第 2 期', '第 ? 期'))).toContain('无法读出期号：报头写的是“第 ? 期”');
  });

  it('content that the site’s validator rejects (a serial another issue already has)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'yaoxun-import-bad-'));
    const out = join(dir, 'out');
    mkdirSync(join(out, 'issues'), { recursive: true });
    const other = readFileSync(join(PROJECT_ROOT, 'content/issues/2017-02.mdx'), 'utf8').replace('number: 2', 'number: 3');
    writeFileSync(join(out, 'issues/2017-03.mdx'), other);
    writeFileSync(join(dir, 'seed.txt'), seed);
    const run = await runImportCli([join(dir, 'seed.txt'), '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('生成的内容没有通过内容检查');
    const [one, two] = [join(out, 'issues/2017-02.mdx'), join(out, 'issues/2017-03.mdx')];
    expect([`${one}:7 serial：总第2期与 ${two} 重复`, `${two}:7 serial：总第2期与 ${one} 重复`].some((line) => run.stderr.includes(line))).toBe(true);
    expect(filesUnder(out)).toEqual(['issues/2017-03.mdx']);
  });
});

describe('an issue that already exists', () => {
  it('is refused without --force and left as it was', async () => {
    copy = copyContent();
    dir = mkdtempSync(join(tmpdir(), 'yaoxun-import-bad-'));
    const content = join(copy.root, 'content');
    const before = filesUnder(content).map((f) => readFileSync(join(content, f), 'utf8'));
    writeFileSync(join(dir, 'seed.txt'), seed);
    const run = await runImportCli([join(dir, 'seed.txt'), '--out', content]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('2017年第2期（总第02期）已存在');
    expect(run.stderr).toContain('--force');
    expect(filesUnder(content).map((f) => readFileSync(join(content, f), 'utf8'))).toEqual(before);
  });

  it('is replaced, all files at once, with --force', async () => {
    copy = copyContent();
    dir = mkdtempSync(join(tmpdir(), 'yaoxun-import-bad-'));
    const content = join(copy.root, 'content');
    // An article the new import does not have must go with the old issue.
    writeFileSync(join(content, 'articles/2017-02/08.mdx'), readFileSync(join(content, 'articles/2017-02/07.mdx')));
    copy.edit('content/articles/2017-02/01.mdx', (t) => t.replace('张培良宣读了', '张培良宣读'));
    writeFileSync(join(dir, 'seed.txt'), seed);
    const run = await runImportCli([join(dir, 'seed.txt'), '--out', content, '--force']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('替换了原有的2017年第2期');
    expect(contentDifferences(content, join(PROJECT_ROOT, 'content'), '2017-02')).toEqual([]);
    expect(filesUnder(content).filter((f) => f.startsWith('.import-'))).toEqual([]);
  });

  it('--dry-run prints the files and writes nothing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'yaoxun-import-bad-'));
    writeFileSync(join(dir, 'seed.txt'), seed);
    const out = join(dir, 'out');
    const run = await runImportCli([join(dir, 'seed.txt'), '--out', out, '--dry-run']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('没有写入任何文件');
    expect(run.stdout).toContain(`──── ${join(out, 'articles/2017-02/03.mdx')}（新建）`);
    expect(run.stdout).toContain('  - 方山');
    expect(existsSync(out)).toBe(false);
  });
});
