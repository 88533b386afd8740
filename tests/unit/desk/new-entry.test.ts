/**
 * A new entry from a blank form (scripts/desk/new-entry.ts): its file named as the import names
 * it, the schemas' messages as the editor types, an issue made with its first article and an
 * article added to its issue's 要目; nothing written (the plan is what 保存 writes). On a
 * throwaway copy of the content; every value typed is 合成测试数据.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planNewEntry } from '../../../scripts/desk/new-entry.ts';
import { entryOfText } from '../../../scripts/desk/entries.ts';
import { checkData } from '../../../scripts/desk/schema-form.ts';
import { policyId } from '../../../scripts/import/build-policy.ts';

const PROJECT = join(import.meta.dirname, '../../..');
let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'desk-new-'));
  cpSync(join(PROJECT, 'content'), join(root, 'content'), { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ISSUE_VALUES = { series: '合成测试数据\n工作要讯', year: '2017', number: '5', serial: '5', date: '2017-08-01', publisher: '合成测试单位', email: 'test@example.cn', telephone: '0351-0000000' };

describe('a new entry', () => {
  it('an issue: named by its year and number, made with its first article, each listing the other', () => {
    const plan = planNewEntry(root, { collection: 'issues', entries: [{ values: ISSUE_VALUES }, { values: { title: '合成测试文章' }, body: '合成测试数据：正文。' }] });
    expect(plan.paths).toEqual(['content/issues/2017-05.mdx', 'content/articles/2017-05/01.mdx']);
    expect(plan.messages).toEqual([]);
    const [issue, article] = plan.files.map((f) => entryOfText(f.path.includes('issues') ? 'issues' : 'articles', f.text));
    expect(issue!.data['articles']).toEqual(['2017-05/01']);
    expect(article!.data['issue']).toBe('2017-05');
    expect(article!.body.trim()).toBe('合成测试数据：正文。');
    expect(checkData('issues', issue!.data)).toEqual([]);
  });

  it('an issue: no file until year and number are filled in; the schema’s messages under their fields; one that exists refused', () => {
    const blank = planNewEntry(root, { collection: 'issues', entries: [{ values: {} }, { values: {} }] });
    expect(blank.paths).toEqual([null, null]);
    expect(blank.files).toEqual([]);
    expect(blank.messages.map((m) => `${m.entry}:${m.name}`)).toEqual(expect.arrayContaining(['0:year', '0:number', '1:title']));
    expect(blank.messages.some((m) => m.name === 'articles' || m.name === 'issue')).toBe(false);
    const taken = planNewEntry(root, { collection: 'issues', entries: [{ values: { ...ISSUE_VALUES, number: '2' } }, { values: { title: '合成' } }] });
    expect(taken.messages).toContainEqual({ entry: 0, name: 'number', message: expect.stringContaining('2017年第2期已经有了（content/issues/2017-02.mdx）') });
  });

  it('an article of an issue: the next number in its folder, added to the end of the issue’s 要目, the rest of the issue untouched', () => {
    const before = readFileSync(join(root, 'content/issues/2017-02.mdx'), 'utf8');
    const listed = entryOfText('issues', before).data['articles'] as string[];
    const plan = planNewEntry(root, { collection: 'articles', entries: [{ values: { title: '合成测试文章', issue: '2017-02' }, body: '合成。' }] });
    const next = `2017-02/${String(listed.length + 1).padStart(2, '0')}`;
    expect(plan.paths).toEqual([`content/articles/${next}.mdx`]);
    const issue = plan.files.find((f) => f.path === 'content/issues/2017-02.mdx')!;
    expect(entryOfText('issues', issue.text).data['articles']).toEqual([...listed, next]);
    expect(issue.text.replace(`  - ${next}\n`, '')).toBe(before);
    expect(planNewEntry(root, { collection: 'articles', entries: [{ values: { title: '合成', issue: '2099-01' } }] }).messages).toContainEqual({ entry: 0, name: 'issue', message: expect.stringContaining('没有这一期：2099-01') });
  });

  it('a policy named as the import names it, by its 文号; a topic by its name in pinyin', () => {
    const values = { title: '合成测试：关于某事项的通知', category: '通知', status: 'in-force', visibility: 'internal', docNumber: '晋教科〔2031〕99号' };
    const plan = planNewEntry(root, { collection: 'policies', entries: [{ values }] });
    expect(plan.paths).toEqual([`content/policies/${policyId(values).id}.mdx`]);
    expect(plan.paths[0]).toBe('content/policies/jinjiaoke-2031-99.mdx');
    const topic = planNewEntry(root, { collection: 'topics', entries: [{ values: { name: '合成主题', description: '合成测试数据。', keywords: '合成' } }] });
    expect(topic.paths).toEqual(['content/topics/hechengzhuti.yaml']);
    expect(topic.messages).toEqual([]);
  });
});
