import { describe, expect, it } from 'vitest';
import { buildPrintManifest, hasClosingBlock, type ManifestPolicy } from '../../src/lib/print-manifest.ts';

// Synthetic policies: only the shapes matter here.
const policy = (id: string, fields: Partial<ManifestPolicy>): ManifestPolicy => ({
  id,
  title: `${id}办法`,
  category: '管理办法',
  issuer: '示例省教育厅',
  drafter: undefined,
  docNumber: undefined,
  publishedDate: undefined,
  writtenDate: '2019-03-12',
  hasText: true,
  closingBlock: false,
  ...fields,
});

describe('policies in the print manifest', () => {
  const manifest = buildPrintManifest({
    author: '山西省教育厅1331办公室',
    issues: [],
    policies: [policy('text', { hasText: true, closingBlock: true }), policy('catalogue', { hasText: false }), policy('plain', { hasText: true, closingBlock: false })],
  });

  it('leaves out a catalogue entry (no text): it gets no PDF', () => {
    expect(manifest.documents.map((d) => d.pdf)).toEqual(['/pdf/policies/text.pdf', '/pdf/policies/plain.pdf']);
  });

  it('asks for the 版记 to be placed only where the document prints one', () => {
    expect(manifest.documents.map((d) => d.closingBlock)).toEqual([true, false]);
  });

  it('knows a 版记 by any of 抄送, 印发机关, 印发日期', () => {
    expect(hasClosingBlock({})).toBe(false);
    expect(hasClosingBlock({ copyTo: '省财政厅' })).toBe(true);
    expect(hasClosingBlock({ printedBy: '示例省教育厅办公室' })).toBe(true);
    expect(hasClosingBlock({ printedDate: '2019-03-13' })).toBe(true);
  });
});
