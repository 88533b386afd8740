/**
 * The same bytes on every run: PDFs and zip files (.docx) carry the time they were made, and
 * LibreOffice a random file /ID. Rewritten here to a date of the document's own, so that a corpus
 * made again differs only where the generator changed. The zip is read and written with
 * node:zlib (no zip package: the project has none of its own).
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** 2023-03-15 → 20230315120000: the stamp the files get instead of the clock's. */
const stampOf = (iso: string) => `${iso.replace(/-/g, '')}120000`;

/**
 * A PDF with its /CreationDate, /ModDate, /ID and /DocChecksum replaced by fixed values of the same
 * length (the cross-reference offsets stay right).
 */
export function stablePdf(pdf: Buffer, iso: string): Buffer {
  const text = pdf.toString('latin1');
  const stamp = stampOf(iso);
  const fixed = text
    .replace(/\/(CreationDate|ModDate)\s*\(D:(\d{14})/g, (whole, _key: string, digits: string) => whole.slice(0, whole.length - digits.length) + stamp)
    .replace(/\/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]/g, (whole, a: string, b: string) => whole.replace(a, '0'.repeat(a.length)).replace(b, '0'.repeat(b.length)))
    // LibreOffice's checksum of the document includes its date: a fixed one too.
    .replace(/\/DocChecksum\s*\/([0-9A-Fa-f]+)/g, (whole, sum: string) => whole.replace(sum, '0'.repeat(sum.length)));
  return Buffer.from(fixed, 'latin1');
}

interface ZipEntry {
  name: string;
  data: Buffer;
}

/** The entries of a zip, from its central directory (stored or deflated, no zip64). */
function readZip(zip: Buffer): ZipEntry[] {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('不是 zip 文件');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataStart, dataStart + size);
    if (!name.endsWith('/')) entries.push({ name, data: method === 0 ? Buffer.from(raw) : inflateRawSync(raw) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** A zip of `entries`, deflated, every entry dated `date` (DOS time). */
function writeZip(entries: readonly ZipEntry[], date: Date): Buffer {
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const body = deflateRawSync(entry.data, { level: 9 });
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A .docx (zip) with fixed entry dates and its core properties dated `iso`. */
export function stableZip(zip: Buffer, iso: string): Buffer {
  const entries = readZip(zip).map((entry) => {
    if (entry.name !== 'docProps/core.xml' && entry.name !== 'docProps/app.xml') return entry;
    const xml = entry.data
      .toString('utf8')
      .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${iso}T12:00:00Z`)
      .replace(/<cp:revision>\d+<\/cp:revision>/, '<cp:revision>1</cp:revision>')
      .replace(/<TotalTime>\d+<\/TotalTime>/, '<TotalTime>0</TotalTime>');
    return { name: entry.name, data: Buffer.from(xml, 'utf8') };
  });
  return writeZip(entries, new Date(`${iso}T12:00:00Z`));
}
