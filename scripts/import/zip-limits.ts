/**
 * Opens the zip inside a .docx or an .ofd with its size bounded, so that a small file cannot make
 * the importer inflate gigabytes (a "zip bomb": 950 KB of deflated zeros is 1 GB inflated).
 *
 * Two checks. Before anything is inflated, the central directory (the zip's table of contents
 * at its end) is read and every entry's declared size added up: an archive with too many entries
 * or declaring more than ZIP_LIMITS is refused at once, in Chinese, naming the limit. Declared
 * sizes can lie, so each entry is then inflated as a stream, a slice at a time, counting the
 * bytes that come out, and stopped the moment they pass what it declared: what comes out never
 * passes the declared total, which passed the limits. mammoth (for Word) unzips again with JSZip
 * once this counted inflation has proved the archive within bounds.
 *
 * The entries are read with fflate, an explicit devDependency although docx already brings it:
 * the importer relies on its streaming Inflate (to stop at a limit), which JSZip, under mammoth,
 * does not offer; it has no dependencies of its own.
 */
import { Inflate } from 'fflate';
import { ImportError } from './errors.ts';

const MB = 1024 * 1024;

/**
 * The bounds, generous for real documents: a 200-page OFD holds a few MB of XML, a Word file with
 * photos some tens of MB. XML (what the importer parses: .xml and .rels parts) has the tighter
 * bound; pictures and fonts, which hardly compress, are counted apart.
 */
export const ZIP_LIMITS = {
  /** Entries in the archive (an OFD has about three per page). */
  entries: 10_000,
  /** The XML parts inflated, together. */
  xmlBytes: 64 * MB,
  /** Every part inflated, together (pictures, fonts and XML). */
  totalBytes: 256 * MB,
};

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** The inflated size the central directory declares (not to be trusted). */
  size: number;
  /** Where its local header starts. */
  offset: number;
}

const isXml = (name: string) => /\.(?:xml|rels)$/i.test(name);
const megabytes = (bytes: number) => `${Math.round((bytes / MB) * 10) / 10} MB`;

/** How the refusals name the file: 'OFD 文件' or 'Word 文件'. */
export type ZipLabel = string;

function damaged(label: ZipLabel, why: string): ImportError {
  return new ImportError(`无法读取这个 ${label}：压缩结构已损坏（${why}）`);
}

const u16 = (data: Uint8Array, at: number) => data[at]! | (data[at + 1]! << 8);
const u32 = (data: Uint8Array, at: number) => (data[at]! | (data[at + 1]! << 8) | (data[at + 2]! << 16) | (data[at + 3]! << 24)) >>> 0;
const u64 = (data: Uint8Array, at: number) => u32(data, at) + u32(data, at + 4) * 2 ** 32;

/** A zip starts with a local file header (PK\3\4); an empty one with its end record (PK\5\6). */
export const looksLikeZip = (data: Uint8Array) => data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && (data[2] === 3 || data[2] === 5) && (data[3] === 4 || data[3] === 6);

/**
 * The archive's entries from its central directory, refused when there are too many or they
 * declare more than the limits, before a byte is inflated.
 */
export function zipEntries(data: Uint8Array, label: ZipLabel): ZipEntry[] {
  const entries = zipDirectory(data, label);
  const xml = entries.reduce((sum, entry) => sum + (isXml(entry.name) ? entry.size : 0), 0);
  const total = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (xml > ZIP_LIMITS.xmlBytes) {
    throw new ImportError(`${label}中的 XML 解压后共 ${megabytes(xml)}，超过上限 ${megabytes(ZIP_LIMITS.xmlBytes)}：文件异常（可能是“压缩炸弹”），拒绝读取`);
  }
  if (total > ZIP_LIMITS.totalBytes) {
    throw new ImportError(`${label}解压后共 ${megabytes(total)}，超过上限 ${megabytes(ZIP_LIMITS.totalBytes)}：文件异常（可能是“压缩炸弹”），拒绝读取`);
  }
  return entries;
}

/** The central directory's entries, as they are declared; refused when there are too many. */
export function zipDirectory(data: Uint8Array, label: ZipLabel): ZipEntry[] {
  // The end-of-central-directory record: 22 bytes and a comment of up to 65,535 at the very end.
  let end = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (u32(data, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw damaged(label, '找不到压缩包的目录，文件可能不完整');
  let count = u16(data, end + 10);
  let directorySize = u32(data, end + 12);
  let directoryOffset = u32(data, end + 16);
  // Zip64: the record's fields are full of ones and the real ones stand in a record before it.
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || u32(data, locator) !== 0x07064b50) throw damaged(label, 'Zip64 目录缺失');
    const record = u64(data, locator + 8);
    if (record + 56 > data.length || u32(data, record) !== 0x06064b50) throw damaged(label, 'Zip64 目录缺失');
    count = u64(data, record + 32);
    directorySize = u64(data, record + 40);
    directoryOffset = u64(data, record + 48);
  }
  if (count > ZIP_LIMITS.entries) {
    throw new ImportError(`${label}含有 ${count} 个压缩项，超过上限 ${ZIP_LIMITS.entries} 个：文件异常，拒绝读取`);
  }
  if (directoryOffset + directorySize > data.length) throw damaged(label, '目录超出文件末尾');

  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || u32(data, at) !== 0x02014b50) throw damaged(label, '目录条目不完整');
    const flags = u16(data, at + 8);
    const method = u16(data, at + 10);
    let compressedSize = u32(data, at + 20);
    let size = u32(data, at + 24);
    const nameLength = u16(data, at + 28);
    const extraLength = u16(data, at + 30);
    const commentLength = u16(data, at + 32);
    let offset = u32(data, at + 42);
    const name = new TextDecoder().decode(data.subarray(at + 46, at + 46 + nameLength));
    // Zip64 sizes and offset, each present only where its 32-bit field is full of ones.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = u16(data, x);
      const length = u16(data, x + 2);
      if (id === 0x0001) {
        let field = x + 4;
        if (size === 0xffffffff) (size = u64(data, field)), (field += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(data, field)), (field += 8);
        if (offset === 0xffffffff) offset = u64(data, field);
      }
      x += 4 + length;
    }
    if (flags & 1) throw new ImportError(`${label}已加密（${name}），无法读取：请导出未加密的文件再导入`);
    entries.push({ name, method, compressedSize, size, offset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Compressed bytes handed to the inflater at a time: at most about 4 MB can come out of one. */
const SLICE = 4 * 1024;

/**
 * Inflates one entry, stopping as soon as more comes out than it declared: with the declared
 * sizes already checked against the limits (zipEntries), nothing inflates past them. With `keep`
 * false the bytes are counted and dropped (to check a Word file before mammoth reads it).
 */
export function inflateEntry(data: Uint8Array, entry: ZipEntry, label: ZipLabel, keep = true): Uint8Array {
  const at = entry.offset;
  if (at + 30 > data.length || u32(data, at) !== 0x04034b50) throw damaged(label, `${entry.name} 的位置不对`);
  const start = at + 30 + u16(data, at + 26) + u16(data, at + 28);
  const end = start + entry.compressedSize;
  if (end > data.length) throw damaged(label, `${entry.name} 超出文件末尾`);
  const compressed = data.subarray(start, end);
  const lying = () =>
    new ImportError(`${label}中的 ${entry.name} 解压后超过它声明的大小（${entry.size} 字节）：文件异常（可能是“压缩炸弹”），拒绝读取`);
  if (entry.method === 0) {
    if (compressed.length > entry.size) throw lying();
    return keep ? compressed : new Uint8Array(0);
  }
  if (entry.method !== 8) throw new ImportError(`${label}中的 ${entry.name} 使用了不支持的压缩方式（${entry.method}），无法读取`);
  const chunks: Uint8Array[] = [];
  let length = 0;
  const inflater = new Inflate((chunk) => {
    length += chunk.length;
    if (length > entry.size) throw lying();
    if (keep) chunks.push(chunk);
  });
  try {
    for (let offset = 0; offset < compressed.length; offset += SLICE) {
      inflater.push(compressed.subarray(offset, offset + SLICE), offset + SLICE >= compressed.length);
    }
    if (!compressed.length) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw damaged(label, `${entry.name} 无法解压：${(error as Error).message}`);
  }
  if (!keep) return new Uint8Array(0);
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * Checks a whole archive within the limits without keeping what it inflates: the declared sizes,
 * then every entry inflated and counted. For a Word file, before mammoth unzips it again.
 */
export function checkZip(data: Uint8Array, label: ZipLabel): void {
  for (const entry of zipEntries(data, label)) inflateEntry(data, entry, label, false);
}
