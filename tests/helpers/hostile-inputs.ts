/**
 * Hostile inputs, made on the fly in a folder of the test's own (none is committed: a zip bomb
 * in the repository would be one more thing to trip over). Each is a few kilobytes on disk, or a
 * sparse file, however large it claims or inflates to be; each is synthetic (合成测试数据).
 */
import { closeSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import { constants as zlibConstants, crc32, deflateRawSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A .docx holding `body` as its document.xml (the rest of the package minimal but valid). */
export function docx(file: string, body: string): void {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  const zip = zipSync(
    {
      '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
      '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
      'word/document.xml': strToU8(xml),
    },
    { level: 9 },
  );
  writeFileSync(file, zip);
}

/** A Word file of `count` empty paragraphs: 8.3 million are 50 MB of XML and some hundred KB zipped. */
export function emptyParagraphsDocx(file: string, count: number): void {
  docx(file, '<w:p/>'.repeat(count));
}

/**
 * A Word file whose document.xml inflates to `megabytes` MB of spaces inside one paragraph: a zip
 * bomb, made without holding or compressing what it inflates to. One megabyte of spaces is
 * deflated once, ending in a full flush (which leaves nothing for the next bytes to refer back
 * to), so that the deflated stream of N megabytes is that piece N times, then an empty final
 * block; the CRC is computed a megabyte at a time. The zip around it is written by hand.
 */
export function zipBombDocx(file: string, megabytes: number): void {
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>');
  const tail = Buffer.from('</w:t></w:r></w:p></w:body></w:document>');
  const block = Buffer.alloc(1024 * 1024, 0x20);
  const flushed = (data: Buffer) => deflateRawSync(data, { level: 9, finishFlush: zlibConstants.Z_FULL_FLUSH });
  const pieces = [flushed(head), ...Array<Buffer>(megabytes).fill(flushed(block)), deflateRawSync(tail)];
  let crc = crc32(head);
  for (let i = 0; i < megabytes; i++) crc = crc32(block, crc);
  crc = crc32(tail, crc);
  const body = Buffer.concat(pieces);
  const size = head.length + megabytes * block.length + tail.length;
  const entries = [
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>') },
    { name: '_rels/.rels', data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>') },
  ].map(({ name, data }) => ({ name, deflated: deflateRawSync(data), crc: crc32(data), size: data.length }));
  entries.push({ name: 'word/document.xml', deflated: body, crc, size });
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.deflated.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(8, 10);
    record.writeUInt32LE(entry.crc, 16);
    record.writeUInt32LE(entry.deflated.length, 20);
    record.writeUInt32LE(entry.size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.deflated);
    central.push(record, name);
    offset += local.length + name.length + entry.deflated.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(file, Buffer.concat([...locals, directory, end]));
}

/** A file that says it is `bytes` long without taking the disk: a sparse file of zeros. */
export function sparseFile(file: string, bytes: number): void {
  const fd = openSync(file, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
}

/** A scanned PDF as the importer sees one (pages without a text layer), of pages `width` × `height` pt. */
export async function blankPdf(file: string, pages: number, width = 595, height = 842): Promise<void> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i++) pdf.addPage([width, height]);
  writeFileSync(file, await pdf.save());
}

/** A PDF with a little Latin text on each of `pages` pages (a text layer, so not a scan). */
export async function textPdf(file: string, pages: number): Promise<void> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) pdf.addPage([595, 842]).drawText(`synthetic test page ${i + 1}`, { x: 72, y: 770, size: 12, font });
  writeFileSync(file, await pdf.save());
}

/** Text of `lines` short lines with no blank line between them: what overflowed the text reader's stack at 2.85 MB. */
export function manyLinesText(file: string, bytes: number): void {
  const line = '本行为合成测试数据。\n';
  writeFileSync(file, line.repeat(Math.ceil(bytes / Buffer.byteLength(line))));
}

