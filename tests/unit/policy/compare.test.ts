import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareDocuments, compareParts, comparedDocument, formatSummary, similarity, unitBody, type CompareRow } from '../../../src/lib/policy/compare.ts';
import { allUnits, structureDocument } from '../../../src/lib/policy/structure.ts';
import { parseContentFile } from '../../../src/lib/content/frontmatter.ts';
import { policySchema } from '../../../src/schemas/policy.ts';
import { plainReference } from '../../../src/schemas/common.ts';

const fixture = (name: string) => parseContentFile(readFileSync(new URL(`../../fixtures/official/${name}.mdx`, import.meta.url), 'utf8'), 'frontmatter');
const carried = (name: string) => structureDocument(fixture(name).body).attachments[0]!;
const document = (name: string) => {
  const file = fixture(name);
  return comparedDocument(policySchema(plainReference).parse(file.data), structureDocument(file.body));
};
const marks = (row: CompareRow) => ({
  del: row.oldSegments.filter((s) => s.change === 'del').map((s) => s.text),
  ins: row.newSegments.filter((s) => s.change === 'ins').map((s) => s.text),
});

describe('the comparison of a 办法 and its revision (合成测试数据)', () => {
  const before = carried('shijiaoke-2019-7');
  const after = carried('shijiaoke-2022-3');
  const { rows, summary, unit } = compareParts(before, after);

  it('pairs each old 条 with the new one that says the same, whatever its number', () => {
    // Worked out from the texts: a new 条 pairs with the old one whose body is identical, if any.
    for (const row of rows.filter((r) => r.kind === 'renumbered' || r.kind === 'same')) expect(unitBody(row.old!)).toBe(unitBody(row.new!));
    const byOld = new Map(rows.filter((r) => r.old && r.new).map((r) => [r.old!.number, r.new!.number]));
    expect(byOld.get('第十二条')).toBe('第十三条');
    expect(byOld.get('第五条')).toBe('第五条');
  });

  it('marks as changed exactly the 条 whose text changed, and the added one', () => {
    const changed = rows.filter((r) => r.kind === 'modified').map((r) => [r.old!.number, r.new!.number]);
    // Its 章 are compared too, each with its own: unchanged in this revision.
    expect(rows.filter((r) => r.old?.type === 'chapter').map((r) => [r.kind, r.new?.number])).toEqual(allUnits(after).filter((u) => u.type === 'chapter').map((u) => ['same', u.number]));
    expect(changed).toEqual([['第三条', '第三条'], ['第十五条', '第十六条']]);
    expect(rows.filter((r) => r.kind === 'added').map((r) => r.new!.number)).toEqual(['第六条']);
    expect(summary).toEqual({ modified: 2, added: 1, deleted: 0, renumbered: rows.filter((r) => r.renumbered && r.kind === 'renumbered').length });
    expect(summary.renumbered).toBe(9);
    expect(formatSummary({ summary, unit, otherChanges: [] })).toBe('修改 2 条，新增 1 条，删除 0 条，顺延编号 9 条');
  });

  it('marks only the changed characters', () => {
    const third = rows.find((r) => r.new?.number === '第三条')!;
    expect(third.oldSegments.filter((s) => s.change === 'del').map((s) => s.text)).toEqual(['五']);
    expect(third.newSegments.filter((s) => s.change === 'ins').map((s) => s.text)).toEqual(['四']);
    // The kept text reads the same on both sides.
    const kept = (segments: typeof third.oldSegments) => segments.filter((s) => s.change === 'same').map((s) => s.text).join('');
    expect(kept(third.oldSegments)).toBe(kept(third.newSegments));
  });

  it('a unit too unlike any other is deleted and added, not paired', () => {
    expect(similarity('建设经费不得挪用', '建设经费不得挪用')).toBe(1);
    expect(similarity('甲乙丙丁', '戊己庚辛')).toBe(0);
  });
});

describe('the comparison of two whole documents: everything that changed, not only the 条 (合成测试数据)', () => {
  const comparison = compareDocuments(document('shijiaoke-2019-7'), document('shijiaoke-2022-3'));
  const section = (heading: string) => comparison.sections.find((s) => s.heading === heading)!;

  it('compares the notice that carries the 办法, paragraph by paragraph, the rewritten one marked', () => {
    const notice = section('通知正文');
    expect(notice.rows.map((r) => [r.kind, r.oldName, r.newName])).toEqual([
      ['modified', '第1段', '第1段'],
      ['same', '第2段', '第2段'],
    ]);
    const { del, ins } = marks(notice.rows[0]!);
    // The marks are the difference: what was kept plus what was deleted is the old paragraph, and with the insertions the new.
    expect(del.join('')).toContain('研究制定');
    expect(ins.join('')).toContain('修订');
    const opening = (name: string) => fixture(name).body.trim().split('\n')[0];
    expect(notice.rows[0]!.oldSegments.map((s) => s.text).join('')).toBe(opening('shijiaoke-2019-7'));
    expect(notice.rows[0]!.newSegments.map((s) => s.text).join('')).toBe(opening('shijiaoke-2022-3'));
  });

  it('sets the 办法 itself under its title, the other attachment under its number, and shows no unchanged printed part', () => {
    expect(comparison.sections.map((s) => s.heading)).toEqual(['通知正文', '《示例省高等学校重点学科建设管理办法》', '附件2　示例省高等学校重点学科建设年度经费预算表']);
    expect(comparison.sections.find((s) => s.principal)!.rows.filter((r) => r.provision).length).toBe(16);
    expect(formatSummary(comparison)).toBe('修改 2 条，新增 1 条，删除 0 条，顺延编号 9 条；通知正文也有改动');
    // A table's rows are named as rows, not paragraphs.
    const table = structureDocument(fixture('shijiaoke-2022-3').body).attachments[1]!.content.find((b) => b.type === 'table')!;
    expect(comparison.sections.at(-1)!.rows.map((r) => r.newName)).toEqual(['表头', ...(table.type === 'table' ? table.rows : []).map((_, i) => `表第${i + 1}行`)]);
  });

  it('compares a 章 heading, the printed parts that changed, and an attachment added', () => {
    const version = (title: string, recipients: string, chapter: string, attachments: string[]) =>
      comparedDocument(
        { title, recipients, attachments: attachments.map((t) => ({ title: t })), issuer: '示例省教育厅', coIssuers: [], notes: [], disclosure: '主动公开', issuerMark: undefined, copyTo: undefined, printedBy: undefined },
        structureDocument(`第一章　${chapter}\n\n第一条　为加强示例管理，制定本办法。\n\n第二条　本办法自印发之日起施行。\n\n${attachments.map((t, i) => `## 附件${i + 1}\n\n${t}的正文。`).join('\n\n')}`),
      );
    const result = compareDocuments(
      version('示例省示例管理办法', '各高等学校', '总则', []),
      version('示例省示例管理办法（修订）', '各高等学校，厅直属有关单位', '一般规定', ['示例表']),
    );
    const fields = result.sections.find((s) => s.heading === '公文要素')!;
    expect(fields.rows.map((r) => [r.kind, r.newName])).toEqual([
      ['modified', '标题'],
      ['modified', '主送机关'],
      ['added', '附件说明'],
    ]);
    expect(marks(fields.rows[0]!).ins).toEqual(['（修订）']);
    expect(marks(fields.rows[1]!).ins).toEqual(['，厅直属有关单位']);
    const text = result.sections.find((s) => s.principal)!;
    const chapter = text.rows.find((r) => r.new?.type === 'chapter')!;
    expect([chapter.kind, chapter.oldName, chapter.newName]).toEqual(['modified', '第一章', '第一章']);
    expect(marks(chapter)).toEqual({ del: ['总则'], ins: ['一般规定'] });
    expect(result.sections.at(-1)!.heading).toBe('附件1　示例表');
    expect(result.sections.at(-1)!.rows.map((r) => r.kind)).toEqual(['added']);
    expect(formatSummary(result)).toBe('修改 0 条，新增 0 条，删除 0 条，顺延编号 0 条；标题、主送机关、附件说明、附件1、第一章标题也有改动');
  });
});
