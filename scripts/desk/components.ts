/**
 * The body editor's buttons: the MDX components an article may use (src/lib/mdx/components.ts,
 * where their names, properties and descriptions live; docs/编辑手册.md). 图片 and 附件, and 表格
 * from a CSV file, ask for the file: it is uploaded (uploads.ts) and the component inserted with
 * it; 表格 written in Markdown and 注 are inserted as the manual writes them. The properties are
 * left to fill in; the content check judges what is filled in.
 */
import { COMPONENTS as SPECS, FILE_EXTENSIONS, type ComponentName, type FileKind } from '../../src/lib/mdx/components.ts';

export interface ComponentButton {
  /** The button's text. */
  label: string;
  /** What the button inserts at the cursor, when it inserts without a file. */
  snippet?: string;
  /** The kind of file it asks for, and the file types the file chooser offers. */
  upload?: { kind: FileKind; accept: string };
  /** What it is for, shown on the button. */
  help: string;
}

const accept = (kind: FileKind) => FILE_EXTENSIONS[kind].map((e) => `.${e}`).join(',');
const of = (name: ComponentName) => SPECS[name].what;

export const COMPONENTS: readonly ComponentButton[] = [
  { label: '图片', upload: { kind: 'photo', accept: accept('photo') }, help: `${of('图片')}：选择照片文件` },
  { label: '附件', upload: { kind: 'attachment', accept: accept('attachment') }, help: `${of('附件')}：选择文件` },
  { label: '表格', snippet: '\n<表格 标题="">\n\n| 项目 | 内容 |\n| --- | --- |\n|  |  |\n\n</表格>\n', help: `${of('表格')}：在标签之间写 Markdown 表格` },
  { label: '表格（CSV 文件）', upload: { kind: 'csv', accept: accept('csv') }, help: `${of('表格')}：选择 CSV 文件` },
  { label: '注', snippet: '\n<注>\n\n编者注的文字。\n\n</注>\n', help: of('注') },
];

/** What a button that asks for a file inserts once it is uploaded as `name` (./01-1.jpg): the component with its file, a title from the file's own name. */
export function uploadedSnippet(kind: FileKind, name: string, original: string): string {
  const title = original.replace(/\.[^.]+$/, '').replace(/["<>{}\\]/g, '');
  if (kind === 'photo') return `\n<图片 文件="${name}" 图注="" 替代文字="" 摄影="" />\n`;
  if (kind === 'attachment') return `\n<附件 文件="${name}" 标题="${title}" />\n`;
  return `\n<表格 标题="${title}" 文件="${name}" />\n`;
}
