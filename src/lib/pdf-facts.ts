/**
 * The page count and size of a PDF as pages show them. Pages are built before the PDFs exist,
 * so a page writes a placeholder (PdfFacts.astro) and the PDF stage fills it in once the file
 * is rendered (scripts/pdf/fill-facts.ts).
 */

/** What a placeholder shows: the page count, the size, or both with the format (PDF，5页，812 KB). */
export type PdfFactsShow = 'pages' | 'size' | 'summary';

export interface PdfFileFacts {
  pages: number;
  bytes: number;
}

/** 812 KB, 1.2 MB: binary units, as file managers show them. */
export function formatFileSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`not a file size: ${bytes}`);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

export function formatPdfFacts(show: PdfFactsShow, facts: PdfFileFacts): string {
  switch (show) {
    case 'pages':
      return `${facts.pages}页`;
    case 'size':
      return formatFileSize(facts.bytes);
    case 'summary':
      return `（PDF，${facts.pages}页，${formatFileSize(facts.bytes)}）`;
  }
}

/**
 * A placeholder as the site build writes it and as it reads after filling:
 * <span data-pdf="/pdf/bulletins/2017-02.pdf" data-pdf-show="summary">…</span>
 */
export const PDF_FACTS_PLACEHOLDER = /<span data-pdf="([^"]+)" data-pdf-show="(pages|size|summary)">[^<]*<\/span>/g;

/** The HTML with every placeholder filled from `factsOf`; names the PDFs it has no facts for. */
export function fillPdfFacts(html: string, factsOf: (pdf: string) => PdfFileFacts | undefined): { html: string; missing: string[] } {
  const missing: string[] = [];
  const filled = html.replace(PDF_FACTS_PLACEHOLDER, (whole, pdf: string, show: PdfFactsShow) => {
    const facts = factsOf(pdf);
    if (!facts) {
      missing.push(pdf);
      return whole;
    }
    return `<span data-pdf="${pdf}" data-pdf-show="${show}">${formatPdfFacts(show, facts)}</span>`;
  });
  return { html: filled, missing };
}

/** The HTML with every placeholder emptied: what the site build wrote, whether or not it was filled since. */
export function emptyPdfFacts(html: string): string {
  return html.replace(PDF_FACTS_PLACEHOLDER, (_whole, pdf: string, show: string) => `<span data-pdf="${pdf}" data-pdf-show="${show}"></span>`);
}
