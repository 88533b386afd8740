import { describe, expect, it } from 'vitest';
import { buildPrintManifest, type ManifestIssue } from '../../src/lib/print-manifest.ts';

// Synthetic issues and a synthetic policy: only the shapes matter here.
const issue = (year: number, number: number, serial: number, date: string): ManifestIssue => ({
  id: `${year}-${String(number).padStart(2, '0')}`,
  series: ['实施“1331工程” 推进“双一流”建设', '工作要讯'],
  year,
  number,
  serial,
  date,
  publisher: '山西省教育厅1331办公室',
  headlines: [`标题${serial}`],
});

describe('the print manifest', () => {
  const manifest = buildPrintManifest({
    author: '山西省教育厅1331办公室',
    issues: [issue(2018, 1, 3, '2018-01-10'), issue(2017, 2, 2, '2017-05-18'), issue(2017, 1, 1, '2017-03-01')],
    policies: [
      { id: 'p', title: '某办法', category: '管理办法', issuer: undefined, drafter: '山西省教育厅1331办公室', docNumber: undefined, publishedDate: undefined, writtenDate: '2017-04-01', hasText: true, closingBlock: false },
    ],
  });

  it('lists issues oldest first with their metadata, then the policies', () => {
    expect(manifest.documents.map((d) => d.pdf)).toEqual(['/pdf/bulletins/2017-01.pdf', '/pdf/bulletins/2017-02.pdf', '/pdf/bulletins/2018-01.pdf', '/pdf/policies/p.pdf']);
    const second = manifest.documents[1]!;
    expect(second).toMatchObject({
      kind: 'issue',
      page: '/bulletins/2017-02/',
      title: '实施“1331工程” 推进“双一流”建设 工作要讯 2017年第2期',
      date: '2017-05-18',
      closingBlock: true,
    });
    expect(second.subject).toBe('《实施“1331工程” 推进“双一流”建设 工作要讯》2017年第2期（总第02期），2017年5月18日出版');
  });

  it('dates a policy by its publication date, else the date it was written', () => {
    const policy = manifest.documents.at(-1)!;
    expect(policy).toMatchObject({ kind: 'policy', page: '/policies/p/', date: '2017-04-01', closingBlock: false });
    expect(policy.subject).toBe('管理办法，山西省教育厅1331办公室，2017年4月1日');
  });

  it('binds one volume per year, its issues in order', () => {
    expect(manifest.volumes.map((v) => [v.year, v.pdf, v.issues.map((i) => i.number)])).toEqual([
      [2017, '/pdf/volumes/2017.pdf', ['第1期', '第2期']],
      [2018, '/pdf/volumes/2018.pdf', ['第1期']],
    ]);
    expect(manifest.volumes[0]!.issues[1]).toEqual({ pdf: '/pdf/bulletins/2017-02.pdf', number: '第2期', serial: '总第02期', date: '2017年5月18日', headlines: ['标题2'] });
  });
});
