import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { loadContent } from '../../../src/lib/content/collections.ts';
import { composeFile, entryOfText, releaseDraft } from '../../../scripts/desk/entries.ts';
import { checkData, dataToForm, fieldsOf, FORMS, formToData, SCHEMAS } from '../../../scripts/desk/schema-form.ts';
import { PROJECT_ROOT } from '../../helpers/content-copy.ts';

describe('the form generated from a schema', () => {
  it('finds every field of every collection, in the schema’s order, with the schema’s labels', () => {
    for (const [collection, fields] of Object.entries(FORMS)) {
      const shape = (SCHEMAS[collection as keyof typeof SCHEMAS] as unknown as { shape: Record<string, unknown> }).shape;
      expect(fields.map((f) => f.key)).toEqual(Object.keys(shape));
      // A field the schema labels is shown by its label: none is left as its bare key.
      for (const field of fields) expect(field.label, `${collection}.${field.key}`).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('reads each kind of field from the schema itself', () => {
    const fields = fieldsOf(
      z.object({
        name: z.string().meta({ title: '名称' }),
        count: z.number().int().optional(),
        day: z.union([z.date(), z.string()]).transform(String).optional(),
        kind: z.enum(['a', 'b']).meta({ title: '类', options: { a: '甲' } }),
        flag: z.boolean().optional(),
        lines: z.array(z.string()).default([]),
        inner: z.object({ x: z.string().optional() }).default({}),
        items: z.array(z.object({ t: z.string(), u: z.boolean().optional() })).default([]),
        draft: z.literal('待核对').optional(),
      }),
    );
    expect(fields.map((f) => [f.key, f.label, f.kind, f.required])).toEqual([
      ['name', '名称', 'text', true],
      ['count', 'count', 'number', false],
      ['day', 'day', 'date', false],
      ['kind', '类', 'enum', true],
      ['flag', 'flag', 'boolean', false],
      ['lines', 'lines', 'list', false],
      ['inner', 'inner', 'object', false],
      ['items', 'items', 'objects', false],
      ['draft', 'draft', 'literal', false],
    ]);
    expect(fields[3]!.options).toEqual([{ value: 'a', label: '甲（a）' }, { value: 'b', label: 'b' }]);
    expect(fields[7]!.fields!.map((f) => [f.key, f.kind, f.required])).toEqual([['t', 'text', true], ['u', 'boolean', false]]);
  });

  it('a field added to a schema is a field of the form; one it cannot show is refused by name', () => {
    expect(fieldsOf(z.object({ a: z.string(), b: z.string() })).map((f) => f.key)).toEqual(['a', 'b']);
    expect(() => fieldsOf(z.object({ odd: z.map(z.string(), z.string()) }))).toThrow(/odd/);
  });

  it('turns form values back into the data the file holds, and each entry of the content round-trips', () => {
    for (const file of loadContent(PROJECT_ROOT).files) {
      const fields = FORMS[file.collection];
      const data = file.data!;
      const back = formToData(fields, dataToForm(fields, data));
      // Everything but the review flag (never the form's) and lists the file leaves out.
      const expected = Object.fromEntries(Object.entries(data).filter(([k]) => k !== 'review'));
      expect(back, file.path).toEqual(expected);
    }
  });

  it('writes an entry back byte for byte when nothing changed, and changes only the fields edited', () => {
    for (const file of loadContent(PROJECT_ROOT).files) {
      const text = readFileSync(join(PROJECT_ROOT, file.path), 'utf8');
      const { data, body } = entryOfText(file.collection, text);
      expect(composeFile(file.collection, text, formToData(FORMS[file.collection], dataToForm(FORMS[file.collection], data)), body), file.path).toBe(text);
    }
    const policy = readFileSync(join(PROJECT_ROOT, 'content/policies/1331-gongcheng-yijian.mdx'), 'utf8');
    const { data, body } = entryOfText('policies', policy);
    const edited = composeFile('policies', policy, { ...data, title: `${String(data['title'])}（改）` }, body);
    const lines = (t: string) => t.split('\n');
    const changed = lines(edited).filter((line, i) => line !== lines(policy)[i]);
    expect(changed).toEqual([`title: ${String(data['title'])}（改）`]);
  });

  it('values the schema refuses are named by field, in Chinese, as the editor types', () => {
    const values = { title: '', category: '公告', status: 'in-force', visibility: 'public', writtenDate: '2019-02-30', 'attachments.0.title': '' , 'attachments.1.title': '附件甲' };
    const data = formToData(FORMS.policies, values);
    expect(data['attachments']).toEqual([{ title: '附件甲' }]);
    const messages = checkData('policies', data);
    expect(messages.map((m) => m.name).sort()).toEqual(['category', 'title', 'writtenDate']);
    expect(messages.find((m) => m.name === 'writtenDate')!.message).toContain('2019-02-30');
    expect(checkData('policies', formToData(FORMS.policies, { ...values, title: '标题', category: '通知', writtenDate: '2019-02-28' }))).toEqual([]);
  });

  it('a number that is not one stays text for the schema to refuse; a list is one item a line', () => {
    const data = formToData(FORMS.issues, { year: '二〇一七', series: ' 甲 \n\n乙\n' });
    expect(data['year']).toBe('二〇一七');
    expect(data['series']).toEqual(['甲', '乙']);
    expect(checkData('issues', data).find((m) => m.name === 'year')!.message).toMatch(/年份/);
  });
});

describe('已核对', () => {
  it('takes out the review flag and the draft’s notes above it, and nothing else', () => {
    const draft = '---\n# 文字识别草稿：对照纸本逐段核对全文，改正后删去下面 review 这一行，这一期才会发布。\n# 第1篇第2段（第1页，置信度 61）：某行\nreview: 待核对\nseries:\n  - 工作要讯\nyear: 2017\n---\n\n正文\n';
    expect(releaseDraft(draft)).toBe('---\nseries:\n  - 工作要讯\nyear: 2017\n---\n\n正文\n');
  });
});
