/**
 * Document properties for the PDFs: Chromium writes only the page's <title>. pdf-lib (the
 * well-kept pure-JS PDF library) sets the rest without touching the pages, so the fonts, the
 * text layer and the tags Chromium wrote stay as they are.
 */
import { PDFDocument } from 'pdf-lib';

export interface PdfProperties {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** The document's own date (ISO), used as its creation date; left as rendered when unknown. */
  date: string | undefined;
}

export const PDF_CREATOR = '工作要讯网站（Chromium 排印，pdf-lib 写入文档属性）';

export function applyProperties(doc: PDFDocument, properties: PdfProperties): void {
  doc.setTitle(properties.title, { showInWindowTitleBar: true });
  doc.setAuthor(properties.author);
  doc.setSubject(properties.subject);
  doc.setKeywords(properties.keywords);
  doc.setCreator(PDF_CREATOR);
  doc.setLanguage('zh-CN');
  if (properties.date) {
    // Noon in China (UTC+8): the day stays the same in any viewer's time zone display.
    const date = new Date(`${properties.date}T12:00:00+08:00`);
    doc.setCreationDate(date);
    doc.setModificationDate(date);
  }
}

export async function withProperties(pdf: Uint8Array, properties: PdfProperties): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  applyProperties(doc, properties);
  return doc.save();
}
