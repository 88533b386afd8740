/**
 * Writing an imported entry (scripts/import/write-content.ts): checked by the site's validator
 * against the project first, then moved in whole, replacing the entry's old files; all or none.
 * The files are the committed 第2期's, so what the validator says of them is known: nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existingFiles, issueTarget, policyTarget, validateImport, writeContentFiles } from '../../../scripts/import/write-content.ts';
import type { ContentFile } from '../../../scripts/import/render-content.ts';
import { PROJECT_ROOT } from '../../helpers/content-copy.ts';

const ISSUE = '2017-02';
/** The committed issue as an import would write it: its entry and its articles. */
const committed = (): ContentFile[] => [
  ...readdirSync(join(PROJECT_ROOT, 'content/articles', ISSUE))
    .sort()
    .map((name) => ({ path: `articles/${ISSUE}/${name}`, text: readFileSync(join(PROJECT_ROOT, 'content/articles', ISSUE, name), 'utf8') })),
  { path: `issues/${ISSUE}.mdx`, text: readFileSync(join(PROJECT_ROOT, 'content/issues', `${ISSUE}.mdx`), 'utf8') },
];

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'yaoxun-write-content-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

const put = (path: string, text: string) => {
  mkdirSync(join(out, path, '..'), { recursive: true });
  writeFileSync(join(out, path), text);
};
const listed = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort() : []);

describe('writeContentFiles', () => {
  it('writes an issue and its articles, and returns their paths', () => {
    const files = committed();
    const written = writeContentFiles(issueTarget(PROJECT_ROOT, out, ISSUE), files);
    expect(written).toEqual(files.map((f) => join(out, f.path)));
    for (const file of files) expect(readFileSync(join(out, file.path), 'utf8')).toBe(file.text);
    // No staging folder left.
    expect(readdirSync(out).sort()).toEqual(['articles', 'issues']);
  });

  it('replaces the entry whole: an article the new import does not have is gone, other entries stay', () => {
    put(`articles/${ISSUE}/08.mdx`, 'an article of the old import');
    put('articles/2017-01/01.mdx', 'another issue');
    put(`issues/${ISSUE}.mdx`, 'the old entry');
    writeContentFiles(issueTarget(PROJECT_ROOT, out, ISSUE), committed());
    expect(listed(join(out, 'articles', ISSUE))).toEqual(committed().filter((f) => f.path.startsWith('articles/')).map((f) => f.path.split('/').at(-1)));
    expect(readFileSync(join(out, 'articles/2017-01/01.mdx'), 'utf8')).toBe('another issue');
    expect(readFileSync(join(out, `issues/${ISSUE}.mdx`), 'utf8')).toBe(committed().at(-1)!.text);
  });

  it('refuses a file that is not the entry’s, writing nothing', () => {
    expect(() => writeContentFiles(policyTarget(PROJECT_ROOT, out, 'a'), [{ path: 'policies/b.mdx', text: '' }])).toThrow('policies/b.mdx is not a file of policies/a.mdx');
    expect(listed(out)).toEqual([]);
  });

  it('puts the old files back when a step fails half-way', () => {
    put(`articles/${ISSUE}/01.mdx`, 'the old article');
    // issues/ is a file: the entry cannot be moved in after the articles were.
    put('issues', 'not a folder');
    expect(() => writeContentFiles(issueTarget(PROJECT_ROOT, out, ISSUE), committed())).toThrow('写入失败（已撤回，未改动任何文件）');
    expect(listed(out)).toEqual(['articles', `articles/${ISSUE}`, `articles/${ISSUE}/01.mdx`, 'issues']);
    expect(readFileSync(join(out, `articles/${ISSUE}/01.mdx`), 'utf8')).toBe('the old article');
  });
});

describe('existingFiles', () => {
  it('lists the entry’s files already there, the entry file first', () => {
    const target = issueTarget(PROJECT_ROOT, out, ISSUE);
    expect(existingFiles(target)).toEqual([]);
    put(`articles/${ISSUE}/01.mdx`, '');
    put(`issues/${ISSUE}.mdx`, '');
    expect(existingFiles(target)).toEqual([`issues/${ISSUE}.mdx`, `articles/${ISSUE}`]);
  });
});

describe('validateImport', () => {
  it('finds nothing wrong with the committed issue written elsewhere (--out)', () => {
    expect(validateImport(issueTarget(PROJECT_ROOT, out, ISSUE), committed())).toEqual([]);
  });

  it('names a problem of the new files at the path they are written to', () => {
    const files = committed().map((f) => (f.path.startsWith('issues/') ? { ...f, text: f.text.replace('date: 2017-05-18', 'date: 2017-13-45') } : f));
    const problems = validateImport(issueTarget(PROJECT_ROOT, out, ISSUE), files, (path) => `<${path}>`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`<${join(out, 'issues', `${ISSUE}.mdx`)}>`);
    expect(problems[0]).toContain('2017-13-45');
  });
});
