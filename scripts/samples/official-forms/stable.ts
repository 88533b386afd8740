/**
 * The same bytes on every run: PDFs and zip files (.docx) carry the time they were made, and
 * LibreOffice a random file /ID. Rewritten here to a date of the document's own, so that a corpus
 * made again differs only where the generator changed. The zip is read and written with fflate,
 * the zip package the project already has.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

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

/** A .docx (zip) with fixed entry dates and its core properties dated `iso`. */
export function stableZip(zip: Buffer, iso: string): Buffer {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  // fflate writes an entry's DOS time from the Date's local fields: noon of the day wherever this runs.
  const mtime = new Date(year, month - 1, day, 12, 0, 0);
  const entries: Zippable = {};
  for (const [name, data] of Object.entries(unzipSync(zip))) {
    if (name.endsWith('/')) continue;
    const fixed =
      name === 'docProps/core.xml' || name === 'docProps/app.xml'
        ? strToU8(
            strFromU8(data)
              .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${iso}T12:00:00Z`)
              .replace(/<cp:revision>\d+<\/cp:revision>/, '<cp:revision>1</cp:revision>')
              .replace(/<TotalTime>\d+<\/TotalTime>/, '<TotalTime>0</TotalTime>'),
          )
        : data;
    entries[name] = [fixed, { level: 9, mtime }];
  }
  return Buffer.from(zipSync(entries));
}
