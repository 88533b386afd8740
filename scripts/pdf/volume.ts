/**
 * Binds a year's issues into one PDF with pdf-lib: the front matter (cover, 目录), then each
 * issue as rendered with the volume's running folios, a blank page before an issue that would
 * otherwise start on a left-hand page. Page labels make a viewer show the printed folios, and
 * bookmarks lead to each issue.
 */
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PageSizes } from 'pdf-lib';
import { applyProperties, type PdfProperties } from './metadata.ts';

export interface BoundPart {
  pdf: Uint8Array;
  blankBefore: boolean;
  /** The bookmark's title. */
  bookmark: string;
}

export async function bindVolume(front: Uint8Array, parts: BoundPart[], properties: PdfProperties): Promise<{ pdf: Uint8Array; pages: number }> {
  const volume = await PDFDocument.create({ updateMetadata: false });
  const append = async (bytes: Uint8Array) => {
    const source = await PDFDocument.load(bytes, { updateMetadata: false });
    const pages = await volume.copyPages(source, source.getPageIndices());
    for (const page of pages) volume.addPage(page);
    return pages.length;
  };
  const frontPages = await append(front);
  const bookmarks: Array<{ title: string; pageIndex: number }> = [];
  for (const part of parts) {
    if (part.blankBefore) volume.addPage(PageSizes.A4);
    bookmarks.push({ title: part.bookmark, pageIndex: volume.getPageCount() });
    await append(part.pdf);
  }
  setPageLabels(volume, frontPages);
  addBookmarks(volume, [{ title: '封面', pageIndex: 0 }, { title: '目录', pageIndex: 1 }, ...bookmarks]);
  applyProperties(volume, properties);
  return { pdf: await volume.save(), pages: volume.getPageCount() };
}

/** Front matter numbered i, ii, …; from the first issue on, the printed folios 1, 2, …. */
function setPageLabels(doc: PDFDocument, frontPages: number): void {
  const { context } = doc;
  const nums = context.obj([0, context.obj({ S: 'r' }), frontPages, context.obj({ S: 'D', St: 1 })]);
  doc.catalog.set(PDFName.of('PageLabels'), context.obj({ Nums: nums }));
}

/** A flat outline, one entry per issue. */
function addBookmarks(doc: PDFDocument, items: Array<{ title: string; pageIndex: number }>): void {
  const { context } = doc;
  const pages = doc.getPages();
  const outlineRef = context.nextRef();
  const refs: PDFRef[] = items.map(() => context.nextRef());
  items.forEach((item, i) => {
    const page = pages[Math.min(item.pageIndex, pages.length - 1)]!;
    const dict: Record<string, unknown> = {
      Title: PDFHexString.fromText(item.title),
      Parent: outlineRef,
      Dest: context.obj([page.ref, PDFName.of('Fit')]),
    };
    if (i > 0) dict['Prev'] = refs[i - 1];
    if (i < items.length - 1) dict['Next'] = refs[i + 1];
    context.assign(refs[i]!, context.obj(dict as never) as unknown as PDFDict);
  });
  const outline = context.obj({ Type: 'Outlines', First: refs[0], Last: refs.at(-1), Count: PDFNumber.of(items.length) } as never) as unknown as PDFDict;
  context.assign(outlineRef, outline);
  doc.catalog.set(PDFName.of('Outlines'), outlineRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
