/**
 * The comparison proved on many generated revisions of the synthetic 办法 (合成测试数据): each
 * draw inserts, deletes and edits clauses at random places, numbers the result afresh as a
 * revision does, and the comparison must find exactly what the draw did. The draws come from a
 * few fixed seeds (SEEDS, each in its test's name); COMPARE_SEED=<n> (and COMPARE_DRAWS) draws from
 * another seed instead, to explore or to repeat a failure found that way.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareParts } from '../../../src/lib/policy/compare.ts';
import { structureDocument, allUnits } from '../../../src/lib/policy/structure.ts';
import { formatChineseNumber, parseNumber } from '../../../src/lib/chinese-numbers.ts';
import { seededRandom } from '../../../scripts/lib/random.ts';
import { parseContentFile } from '../../../src/lib/content/frontmatter.ts';

const DRAWS = Number(process.env['COMPARE_DRAWS'] ?? 34);
const SEEDS = process.env['COMPARE_SEED'] ? [Number(process.env['COMPARE_SEED'])] : [1, 2, 3];

const file = parseContentFile(readFileSync(new URL('../../fixtures/official/shijiaoke-2019-7.mdx', import.meta.url), 'utf8'), 'frontmatter');
const original = allUnits(structureDocument(file.body).attachments[0]!)
  .filter((u) => u.type === 'clause')
  .map((u) => [u.lead, ...u.content.map((b) => (b.type === 'item' ? `${b.number}${b.text}` : b.type === 'paragraph' ? b.text : ''))].join('\n\n'));

/** New provisions, unlike any of the 办法's (合成测试数据). */
const NEW = [
  '学校应当建立重点学科建设年度报告制度，每年十二月底前报送年度建设报告。',
  '鼓励跨学科组建联合团队，联合申报的，由牵头学校负责组织实施。',
  '重点学科建设中形成的仪器设备纳入学校资产统一管理，实行开放共享。',
  '对建设成效突出的学科，在下一周期遴选中予以优先支持。',
  '省教育厅可以委托第三方评估机构参与中期考核和期满验收。',
];

const body = (clauses: string[]) => clauses.map((text, i) => `第${formatChineseNumber(i + 1)}条　${text}`).join('\n\n');
/** Changes one to three characters of a provision: what a revision of one clause looks like. */
function edit(text: string, random: () => number): string {
  const chars = [...text];
  const count = 1 + Math.floor(random() * 3);
  for (let k = 0; k < count; k++) {
    const at = Math.floor(random() * chars.length);
    if (/[\p{Script=Han}]/u.test(chars[at]!)) chars[at] = '甲乙丙丁戊'[Math.floor(random() * 5)]!;
  }
  return chars.join('');
}

describe(`the comparison on ${DRAWS} generated revisions per seed`, () => {
  it.each(SEEDS)('seed %i: finds exactly the clauses each draw modified, added and deleted, and the renumbering', (seed) => {
    const random = seededRandom(seed);
    for (let draw = 0; draw < DRAWS; draw++) {
      // Each old clause: kept, edited or deleted; new ones inserted between them.
      const revised: Array<{ text: string; from?: number; edited?: boolean }> = [];
      const deleted = new Set<number>();
      const fresh = [...NEW].sort(() => random() - 0.5).slice(0, Math.floor(random() * 3));
      original.forEach((text, i) => {
        if (fresh.length && random() < 0.15) revised.push({ text: fresh.pop()! });
        const roll = random();
        if (roll < 0.1) deleted.add(i + 1);
        else if (roll < 0.25) {
          const changed = edit(text, random);
          revised.push({ text: changed, from: i + 1, edited: changed !== text });
        } else revised.push({ text, from: i + 1 });
      });
      for (const text of fresh) revised.push({ text });
      const old = structureDocument(body(original)).main;
      const now = structureDocument(body(revised.map((c) => c.text))).main;
      const { rows, summary } = compareParts(old, now);
      const label = `draw ${draw} of seed ${seed}`;
      const expected = {
        modified: revised.filter((c) => c.edited).map((c) => c.from),
        added: revised.flatMap((c, i) => (c.from === undefined ? [i + 1] : [])),
        deleted: [...deleted],
        renumbered: revised.filter((c, i) => c.from !== undefined && !c.edited && c.from !== i + 1).length,
      };
      const n = (number: string | undefined) => parseNumber(number!.slice(1, -1));
      expect(rows.filter((r) => r.kind === 'modified').map((r) => n(r.old!.number)), label).toEqual(expected.modified);
      expect(rows.filter((r) => r.kind === 'added').map((r) => n(r.new!.number)), label).toEqual(expected.added);
      expect(rows.filter((r) => r.kind === 'deleted').map((r) => n(r.old!.number)), label).toEqual(expected.deleted);
      expect(summary.renumbered, label).toBe(expected.renumbered);
      // Every kept clause is paired with the clause it became.
      for (const [i, c] of revised.entries()) {
        if (c.from === undefined) continue;
        const row = rows.find((r) => r.new && n(r.new.number) === i + 1)!;
        expect(n(row.old?.number), label).toBe(c.from);
      }
    }
  });
});
