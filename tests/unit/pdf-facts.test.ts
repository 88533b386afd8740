import { describe, expect, it } from 'vitest';
import { emptyPdfFacts, fillPdfFacts, formatFileSize, formatPdfFacts } from '../../src/lib/pdf-facts.ts';

describe('PDF sizes and page counts as pages show them', () => {
  it('writes sizes in binary units', () => {
    expect(formatFileSize(900)).toBe('900 B');
    expect(formatFileSize(335_872)).toBe('328 KB');
    expect(formatFileSize(1_258_291)).toBe('1.2 MB');
    expect(formatFileSize(25 * 1024 * 1024)).toBe('25 MB');
    expect(() => formatFileSize(-1)).toThrow();
  });
  it('writes the page count, the size, or both', () => {
    const facts = { pages: 11, bytes: 335_872 };
    expect(formatPdfFacts('pages', facts)).toBe('11页');
    expect(formatPdfFacts('size', facts)).toBe('328 KB');
    expect(formatPdfFacts('summary', facts)).toBe('（PDF，11页，328 KB）');
  });
});

describe('placeholders filled after the PDFs are rendered', () => {
  const html = '<p><a href="/pdf/a.pdf">A</a><span data-pdf="/pdf/a.pdf" data-pdf-show="summary"></span></p><td><span data-pdf="/pdf/a.pdf" data-pdf-show="pages"></span></td>';
  it('fills each placeholder with what it asks for', () => {
    const { html: filled, missing } = fillPdfFacts(html, () => ({ pages: 3, bytes: 2048 }));
    expect(missing).toEqual([]);
    expect(filled).toContain('data-pdf-show="summary">（PDF，3页，2 KB）</span>');
    expect(filled).toContain('data-pdf-show="pages">3页</span>');
  });
  it('refills a page filled before (the stage can run again on a built site)', () => {
    const once = fillPdfFacts(html, () => ({ pages: 3, bytes: 2048 })).html;
    const twice = fillPdfFacts(once, () => ({ pages: 4, bytes: 4096 })).html;
    expect(twice).toContain('（PDF，4页，4 KB）');
    expect(twice).not.toContain('3页');
    expect(emptyPdfFacts(twice)).toBe(html);
  });
  it('names the PDFs it has no facts for', () => {
    expect(fillPdfFacts(html, () => undefined).missing).toEqual(['/pdf/a.pdf', '/pdf/a.pdf']);
  });
});
