import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareParts, formatSummary, similarity, unitBody } from '../../../src/lib/policy/compare.ts';
import { structureDocument } from '../../../src/lib/policy/structure.ts';
import { parseContentFile } from '../../../src/lib/content/frontmatter.ts';

const carried = (name: string) => {
  const file = parseContentFile(readFileSync(new URL(`../../fixtures/official/${name}.mdx`, import.meta.url), 'utf8'), 'frontmatter');
  return structureDocument(file.body).attachments[0]!;
};

describe('the comparison of a 办法 and its revision (合成测试数据)', () => {
  const before = carried('shijiaoke-2019-7');
  const after = carried('shijiaoke-2022-3');
  const { rows, summary } = compareParts(before, after);

  it('pairs each old 条 with the new one that says the same, whatever its number', () => {
    // Worked out from the texts: a new 条 pairs with the old one whose body is identical, if any.
    for (const row of rows.filter((r) => r.kind === 'renumbered' || r.kind === 'same')) expect(unitBody(row.old!)).toBe(unitBody(row.new!));
    const byOld = new Map(rows.filter((r) => r.old && r.new).map((r) => [r.old!.number, r.new!.number]));
    expect(byOld.get('第十二条')).toBe('第十三条');
    expect(byOld.get('第五条')).toBe('第五条');
  });

  it('marks as changed exactly the 条 whose text changed, and the added one', () => {
    const changed = rows.filter((r) => r.kind === 'modified').map((r) => [r.old!.number, r.new!.number]);
    expect(changed).toEqual([['第三条', '第三条'], ['第十五条', '第十六条']]);
    expect(rows.filter((r) => r.kind === 'added').map((r) => r.new!.number)).toEqual(['第六条']);
    expect(summary).toEqual({ modified: 2, added: 1, deleted: 0, renumbered: rows.filter((r) => r.renumbered && r.kind === 'renumbered').length });
    expect(summary.renumbered).toBe(9);
    expect(formatSummary(summary)).toBe('修改 2 条，新增 1 条，删除 0 条，顺延编号 9 条');
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
