/**
 * What is worked out about an edition's policies (src/data/policies.ts policyViews): versions,
 * 时效性 on a given day, the version in force, what repeals what — decided here, not by the
 * pages — and nothing shared between two sets of views. The documents are the synthetic ones of
 * tests/fixtures/official/: 示教科〔2019〕7号, and 示教科〔2022〕3号, which revises it (supersedes) and
 * repeals it from its 实施日期 2022-05-01.
 */
import { describe, expect, it } from 'vitest';
import { policyViews } from '../../../src/data/policies.ts';
import { arrangeContent } from '../../../src/data/site-content.ts';
import { contentEntries, officialEntry, ref } from '../../helpers/site-entries.ts';

const v2019 = officialEntry('shijiaoke-2019-7');
const v2022 = officialEntry('shijiaoke-2022-3');
const ids = (list: ReadonlyArray<{ id: string }>) => list.map((p) => p.id);

describe('policyViews', () => {
  it('works out a document’s versions, oldest first, and its 时效性 on the day asked', () => {
    const before = policyViews([v2022, v2019], [], '2022-04-30');
    expect(before.policyView(v2019).versions).toEqual(['shijiaoke-2019-7', 'shijiaoke-2022-3']);
    expect(before.policyView(v2022).previous).toBe('shijiaoke-2019-7');
    // The revision is not yet in effect: the 2019 version is still the text in force.
    expect(before.policyView(v2019).validity).toBe('现行有效');
    expect(before.policyView(v2022).validity).toBe('尚未施行');
    expect(before.currentVersion(v2022)?.id).toBe('shijiaoke-2019-7');
    expect(before.policyNotice(v2019)).toBeUndefined();

    const after = policyViews([v2022, v2019], [], '2022-05-01');
    expect(after.policyView(v2019).validity).toBe('已废止');
    expect(after.policyView(v2019).acts).toEqual([{ by: 'shijiaoke-2022-3', act: 'repeals', on: '2022-05-01' }]);
    expect(after.currentVersion(v2019)?.id).toBe('shijiaoke-2022-3');
    expect(after.policyNotice(v2019)).toMatchObject({ validity: '已废止' });
  });

  it('keeps two sets of views apart: each edition counts only what it shows', () => {
    // Built one after the other, as two editions are: the first must not see the second's documents.
    const alone = policyViews([v2019], [v2022], '2023-01-01');
    const both = policyViews([v2022, v2019], [], '2023-01-01');
    expect(alone.policyView(v2019).validity).toBe('现行有效');
    expect(alone.policyView(v2019).versions).toEqual(['shijiaoke-2019-7']);
    expect(both.policyView(v2019).validity).toBe('已废止');
    // Asked again after the other, the first answers as before.
    expect(policyViews([v2019], [v2022], '2023-01-01').policyView(v2019).validity).toBe('现行有效');
    expect(alone.policyView(v2019).validity).toBe('现行有效');
  });

  it('lists a document’s versions, and what repeals it besides them, naming a hidden one only where its own text quotes it', () => {
    // Another document that repeals the 2019 version, outside its lineage: shown, and hidden.
    const other = officialEntry('shijiaoban-2020-15', 'other', { repeals: [ref('policies', 'shijiaoke-2019-7')], visibility: 'public' });
    const views = policyViews([v2022, v2019, other], [], '2023-01-01');
    expect(ids(views.policyRelations(v2019).versions)).toEqual(['shijiaoke-2019-7', 'shijiaoke-2022-3']);
    // The revision repeals it too, but as its next version it is listed under 历次版本, not here.
    expect(ids(views.policyRelations(v2019).repealedBy)).toEqual(['other']);
    expect(ids(views.policyRelations(other).repeals)).toEqual(['shijiaoke-2019-7']);

    const hidden = policyViews([v2022, v2019], [other], '2023-01-01');
    // The 2019 text does not quote the hidden document's title: it is not named.
    expect(ids(hidden.policyRelations(v2019).repealedBy)).toEqual([]);
    // A text that quotes it names it (as plain text on the page: src/lib/edition.ts isQuotedIn).
    const quoting = officialEntry('shijiaoke-2019-7', 'shijiaoke-2019-7', {}, `${v2019.body}\n\n另见《${other.data.title}》。`);
    expect(ids(policyViews([v2022, quoting], [other], '2023-01-01').policyRelations(quoting).repealedBy)).toEqual(['other']);
  });
});

describe('the site content hands out the views', () => {
  it('of its own edition, as of its own day, without any call made before', () => {
    const content = contentEntries();
    const site = arrangeContent({ ...content, policies: [...content.policies, v2019, v2022] }, 'public', '2023-01-01');
    expect(site.asOf).toBe('2023-01-01');
    expect(site.policyView(v2019).validity).toBe('已废止');
    expect(site.policyView(v2019).asOf).toBe('2023-01-01');
    expect(site.currentVersion(v2019)?.id).toBe('shijiaoke-2022-3');
  });
});
