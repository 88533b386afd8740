/** What the renderer reads back from a PDF it made: its pages' text and where the last line sits. */
import { getDocumentProxy } from 'unpdf';

interface TextItem {
  str: string;
  transform: number[];
}

export interface PdfReading {
  pages: number;
  /** Each page's text, in the order the PDF draws it. */
  pageTexts: string[];
  /** Per page, the lowest text baseline above `floorPt` (points from the page's bottom edge). */
  lowestBaseline: (page: number, floorPt: number) => number | undefined;
}

/** `text: false` reads the page count only (no text, no baselines): what a copy of a page read before needs. */
export async function readPdf(pdf: Uint8Array, read = { text: true }): Promise<PdfReading> {
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const document = await getDocumentProxy(new Uint8Array(pdf));
  try {
    const items: TextItem[][] = [];
    for (let n = 1; read.text && n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      items.push(content.items.filter((item) => 'str' in item) as TextItem[]);
    }
    return {
      pages: document.numPages,
      pageTexts: items.map((page) => page.map((item) => item.str).join('')),
      lowestBaseline(page, floorPt) {
        const ys = (items[page - 1] ?? []).filter((item) => item.str.trim() && item.transform[5]! > floorPt).map((item) => item.transform[5]!);
        return ys.length ? Math.min(...ys) : undefined;
      },
    };
  } finally {
    await document.loadingTask.destroy();
  }
}
