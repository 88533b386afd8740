/**
 * The 编辑台's history on a throwaway git repository (合成测试数据): a save is a commit by its
 * editor, listed newest first; undo reverts one by a new commit; a change edited again since, or
 * one that touched more than content, is refused with nothing changed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitChange, HistoryError, recentChanges, undoChange } from '../../scripts/desk/history.ts';

const root = mkdtempSync(join(tmpdir(), 'yaoxun-desk-history-'));
const topic = 'content/topics/synthetic.yaml';
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });

beforeAll(() => {
  git('init', '-q');
  write(topic, 'name: 合成测试\ndescription: 一\nkeywords:\n  - 甲\n');
  git('add', '.');
  git('commit', '-qm', 'init');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the desk’s history', () => {
  it('records each save as a commit by its editor, and nothing when the files are as committed', () => {
    write(topic, 'name: 合成测试\ndescription: 二\nkeywords:\n  - 甲\n');
    const hash = commitChange(root, [topic], '编辑甲', '编辑台：编辑甲修改了主题 合成测试', ['改动：说明']);
    expect(hash).toMatch(/^[0-9a-f]{40}$/);
    expect(commitChange(root, [topic], '编辑甲', '不应提交')).toBeNull();
    const [latest] = recentChanges(root);
    expect(latest).toMatchObject({ hash, editor: '编辑甲', subject: '编辑台：编辑甲修改了主题 合成测试', body: '改动：说明', files: [topic] });
  });

  it('undoes a change by a new commit, by the editor who undid it', () => {
    const [change] = recentChanges(root);
    const undone = undoChange(root, change!.hash, '编辑乙');
    expect(readFileSync(join(root, topic), 'utf8')).toContain('description: 一');
    expect(undone.files).toEqual([topic]);
    expect(recentChanges(root)[0]).toMatchObject({ editor: '编辑乙', subject: '编辑台：编辑乙撤销了“编辑台：编辑甲修改了主题 合成测试”' });
  });

  it('refuses to undo a change whose lines were edited again since, changing nothing', () => {
    write(topic, 'name: 合成测试\ndescription: 三\nkeywords:\n  - 甲\n');
    const three = commitChange(root, [topic], '编辑甲', '三')!;
    write(topic, 'name: 合成测试\ndescription: 四\nkeywords:\n  - 甲\n');
    commitChange(root, [topic], '编辑甲', '四');
    const head = git('rev-parse', 'HEAD');
    expect(() => undoChange(root, three, '编辑乙')).toThrow(HistoryError);
    expect(() => undoChange(root, three, '编辑乙')).toThrow(/又被改过同一处/);
    expect(git('rev-parse', 'HEAD')).toBe(head);
    expect(git('status', '--porcelain')).toBe('');
    expect(readFileSync(join(root, topic), 'utf8')).toContain('description: 四');
  });

  it('refuses a change that touched more than the content', () => {
    write('src/synthetic.ts', 'export {};\n');
    git('add', '.');
    git('commit', '-qm', 'code');
    expect(() => undoChange(root, git('rev-parse', 'HEAD').trim(), '编辑乙')).toThrow(/内容以外的文件（src\/synthetic.ts）/);
  });
});
