/**
 * Files uploaded from the body editor (a 图片's photo, an 附件, a 表格's CSV), held until the entry
 * is saved: nothing is written beside the article before 保存, and then the entry and the files
 * its body names go into one commit (server.ts). Each edit form has an upload session of its own
 * (a random token the page carries), so that two editors' uploads never mix.
 *
 * An upload is judged by the content check's own rule for a file a component names
 * (scripts/content/components.ts fileProblem: the name and type, what the bytes hold, the size, a
 * CSV that is a table), and a photo also by sharp, which the build hands it to: a picture sharp
 * cannot read, or one of more pixels than it accepts, would fail the build.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import sharp from 'sharp';
import { besideFileName, FILE_EXTENSIONS, type FileKind } from '../../src/lib/mdx/components.ts';
import { fileProblem } from '../content/components.ts';
import { ImportError } from '../import/errors.ts';

export const UPLOAD_KINDS: readonly FileKind[] = ['photo', 'attachment', 'csv'];
const KIND_NAMES: Record<FileKind, string> = { photo: '照片', attachment: '附件', csv: 'CSV 表格' };

/** An upload session's token, as the edit page makes it. */
const TOKEN = /^[\w-]{16,64}$/;

/** sharp's default limitInputPixels (0x3FFF × 0x3FFF), which the build's image pipeline keeps. */
const SHARP_PIXEL_LIMIT = 0x3fff * 0x3fff;

const extensionOf = (name: string) => /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

export interface Upload {
  /** The name it is given beside the article: ./01-1.jpg. */
  name: string;
  /** Its name as the editor's computer had it. */
  original: string;
}

export class Uploads {
  readonly #dir = mkdtempSync(join(tmpdir(), 'yaoxun-desk-uploads-'));

  #folder(token: string, entryPath: string): string {
    if (!TOKEN.test(token)) throw new ImportError('上传的会话无效：请重新打开编辑页面');
    return join(this.#dir, token, entryPath.replace(/[/\\]/g, '__'));
  }

  /** The files held for an entry in a session: name (without ./) → where they are. */
  files(token: string | undefined, entryPath: string): Map<string, string> {
    if (!token) return new Map();
    const folder = this.#folder(token, entryPath);
    return new Map(existsSync(folder) ? readdirSync(folder).map((name) => [name, join(folder, name)]) : []);
  }

  /**
   * Holds `bytes` (the file `original` from the editor's computer) as the next `kind` file of the
   * article at `entryPath` (relative to `root`), or throws an ImportError naming the file and
   * what is wrong.
   */
  async add(root: string, token: string, entryPath: string, kind: FileKind, original: string, bytes: Buffer): Promise<Upload> {
    const say = (problem: string) => new ImportError(`“${original}”${problem}`);
    const extension = extensionOf(original);
    if (!FILE_EXTENSIONS[kind].includes(extension)) throw say(`不能作为${KIND_NAMES[kind]}：应为 ${FILE_EXTENSIONS[kind].join('、')} 格式的文件`);
    const held = this.files(token, entryPath);
    const folder = dirname(join(root, entryPath));
    const article = basename(entryPath).replace(/\.mdx$/, '');
    // The next number no file beside the article has, whatever its extension (01-1.jpg and 01-1.png would be two photos 1).
    const stems = new Set([...held.keys(), ...(existsSync(folder) ? readdirSync(folder) : [])].map((other) => other.replace(/\.[^.]+$/, '')));
    let n = 1;
    while (stems.has(besideFileName(article, kind, n, extension).replace(/\.[^.]+$/, ''))) n += 1;
    const name = besideFileName(article, kind, n, extension);
    // The content check's rule, on the bytes as they would lie beside the article.
    const problem = fileProblem(`./${name}`, kind, () => ({ text: () => bytes.toString('utf8'), bytes: () => bytes, size: bytes.length }));
    if (problem) throw say(problem.replace(`./${name}`, original));
    if (kind === 'photo') {
      let width = 0;
      let height = 0;
      try {
        const metadata = await sharp(bytes).metadata();
        width = metadata.width ?? 0;
        height = metadata.height ?? 0;
        if (!width || !height) throw new Error('没有尺寸');
      } catch (error) {
        throw say(`不是能用的照片：图像处理库 sharp 无法读取它（${String((error as Error)?.message ?? error).split('\n')[0]}）`);
      }
      // sharp's own limit when the build decodes it (limitInputPixels): a small file can declare a picture no memory holds.
      if (width * height > SHARP_PIXEL_LIMIT) throw say(`有 ${width} × ${height} 像素，超过图像处理库能处理的上限（约 2.68 亿像素）：请缩小后再上传`);
    }
    const target = this.#folder(token, entryPath);
    mkdirSync(target, { recursive: true });
    writeFileSync(join(target, name), bytes);
    return { name: `./${name}`, original };
  }

  /** Forgets a session's files for an entry (once saved). */
  clear(token: string | undefined, entryPath: string): void {
    if (token) rmSync(this.#folder(token, entryPath), { recursive: true, force: true });
  }

  dispose(): void {
    rmSync(this.#dir, { recursive: true, force: true });
  }
}
