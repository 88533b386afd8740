/**
 * The MDX components an editor may put into an article's body, and what each takes: the one
 * place these rules live. The content check (scripts/content/components.ts) checks bodies
 * against them, the loader (src/lib/content/loader.ts) sends a body that uses one through
 * @astrojs/mdx, the remark plugin (remark-components.ts) hands their files to the build, the
 * pages render them (src/components/mdx/), and docs/编辑手册.md describes them for editors.
 *
 * Properties are Chinese, as editors write them, and always plain text in quotes
 * (`图注="…"`): no `{ }` expression, so that a body stays text an editor can read and the check
 * can judge without running anything.
 */
import { PHOTO_EXTENSIONS } from '../../schemas/common.ts';

export const COMPONENT_NAMES = ['图片', '附件', '表格', '注'] as const;
export type ComponentName = (typeof COMPONENT_NAMES)[number];

/** A file a property names: kept beside the article, named `./名称.扩展名`. */
export type FileKind = 'photo' | 'attachment' | 'csv';

export interface PropertySpec {
  /** What the property is, for messages and the manual. */
  what: string;
  required: boolean;
  /** The property names a file beside the article, of this kind. */
  file?: FileKind;
}

export interface ComponentSpec {
  /** What the component is for, for messages. */
  what: string;
  properties: Record<string, PropertySpec>;
  /** Properties of which exactly one must be given (摄影 or 来源). */
  oneOf?: readonly string[];
  /**
   * What goes between its tags: nothing (`<图片 … />`), text (注: paragraphs), or a Markdown
   * table unless a CSV file gives it (表格).
   */
  content: 'none' | 'text' | 'table';
  /** How it is written, for messages. */
  example: string;
}

export const COMPONENTS: Record<ComponentName, ComponentSpec> = {
  图片: {
    what: '照片，带图注和摄影者或来源',
    properties: {
      文件: { what: '照片文件，放在文章旁边', required: true, file: 'photo' },
      图注: { what: '照片下方印出的说明文字', required: true },
      替代文字: { what: '照片的内容（谁、在做什么、在哪里），读给看不见照片的读者', required: true },
      摄影: { what: '摄影者', required: false },
      来源: { what: '照片的来源单位', required: false },
    },
    oneOf: ['摄影', '来源'],
    content: 'none',
    example: '<图片 文件="./01-1.jpg" 图注="……" 替代文字="……" 摄影="……" />',
  },
  附件: {
    what: '供下载的文件',
    properties: {
      文件: { what: '供下载的文件，放在文章旁边', required: true, file: 'attachment' },
      标题: { what: '文件的标题', required: true },
    },
    content: 'none',
    example: '<附件 文件="./01-附件1.pdf" 标题="……" />',
  },
  表格: {
    what: '带标题的表格',
    properties: {
      标题: { what: '表格的标题', required: true },
      文件: { what: 'CSV 表格文件，放在文章旁边；不写时表格写在标签之间', required: false, file: 'csv' },
    },
    content: 'table',
    example: '<表格 标题="……" 文件="./01-表1.csv" />',
  },
  注: {
    what: '编者注，与正式文字分开排',
    properties: {},
    content: 'text',
    example: '<注>\n\n编者注的文字。\n\n</注>',
  },
};

export const isComponentName = (name: string | null | undefined): name is ComponentName => (COMPONENT_NAMES as readonly string[]).includes(name ?? '');

/** The types of file 附件 offers, by extension, as a reader is told (附件 shows it beside the size). */
export const ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
  pdf: 'PDF',
  ofd: 'OFD',
  doc: 'Word',
  docx: 'Word',
  wps: 'WPS 文字',
  xls: 'Excel',
  xlsx: 'Excel',
  et: 'WPS 表格',
  ppt: 'PowerPoint',
  pptx: 'PowerPoint',
  csv: 'CSV',
  txt: '文本',
  zip: 'ZIP 压缩包',
};

/** The extensions each kind of file may have. */
export const FILE_EXTENSIONS: Record<FileKind, readonly string[]> = {
  photo: PHOTO_EXTENSIONS,
  attachment: Object.keys(ATTACHMENT_TYPES),
  csv: ['csv'],
};

const extensionOf = (name: string) => /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * What is wrong with `value` as the name of a `kind` file beside the article, in Chinese; undefined
 * when it is one. A file is named as ./name.ext: in the article's own folder, never above it or
 * on another server.
 */
export function fileNameProblem(value: string, kind: FileKind): string | undefined {
  if (!/^\.\/[^/\\]+$/.test(value)) return `应为放在文章旁边的文件，写作 ./文件名，如 ${kind === 'photo' ? './01-1.jpg' : kind === 'csv' ? './01-表1.csv' : './01-附件1.pdf'}`;
  if (!FILE_EXTENSIONS[kind].includes(extensionOf(value))) return `应为 ${FILE_EXTENSIONS[kind].join('、')} 格式的文件`;
  return undefined;
}

/**
 * The name a file beside an article gets, as the benchmark's archive and the 编辑台's uploads name
 * them: the article's file name, then the photo's number (01-1.jpg), 附件 and its number
 * (01-附件1.pdf), 表 and its number (01-表1.csv).
 */
export function besideFileName(article: string, kind: FileKind, n: number, extension: string): string {
  const mark = kind === 'photo' ? '' : kind === 'attachment' ? '附件' : '表';
  return `${article}-${mark}${n}.${extension.toLowerCase()}`;
}

/** The type a reader is told for an attachment: PDF, Word… */
export const attachmentType = (name: string): string => ATTACHMENT_TYPES[extensionOf(name)] ?? extensionOf(name).toUpperCase();

/**
 * A file's size as a reader is told, as file managers show it: 1 KB = 1024 bytes, whole
 * kilobytes, megabytes and up with one decimal below 10 (356 KB, 1.2 MB, 12 MB). Never “0 KB”: a
 * small file is 1 KB.
 */
export function formatFileSize(bytes: number): string {
  const units = ['KB', 'MB', 'GB'];
  let value = Math.max(bytes / 1024, 1);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = value < 10 && unit > 0 ? value.toFixed(1).replace(/\.0$/, '') : String(Math.round(value));
  return `${shown} ${units[unit]}`;
}

/** Whether a body uses a component, as a tag `<图片`, `<注>`… that is not escaped (`\<注>` is text). */
const COMPONENT_TAG = new RegExp(`(?<!\\\\)<(?:${COMPONENT_NAMES.join('|')})(?=[\\s/>])`);
export const usesComponents = (body: string): boolean => COMPONENT_TAG.test(body);

/**
 * What the two renderers write differently, found by its marks in the source:
 * - characters: the Markdown processor's HTML writer (hast-util-to-html) writes `&#x26;` and
 *   `&#x3C;` and leaves `"`, `'` and `>` bare in text; Astro's JSX renderer writes `&amp;`,
 *   `&lt;`, `&quot;`, `&#39;` and `&gt;`;
 * - a table (the writer puts each row on a line of its own and aligns by `align=`; JSX runs the
 *   rows together and aligns by `style=`), a hard line break and a rule (`<br>`, `<hr>` against
 *   `<br/>`, `<hr/>`), a footnote (`data-footnote-ref=""` against a bare attribute), a task list's
 *   checkbox.
 * Same text on the screen, other bytes. A mark may find more than there is (a heading's `---`
 * underline), never less: such a body is only compiled where it need not be.
 */
const WRITTEN_OTHERWISE = [
  /[&<>"']/,
  // A table's delimiter row: pipes and dashes (and colons) alone on a line.
  /^(?=[^\n]*-)(?=[^\n]*\|)[ \t|:-]+$/m,
  // A rule: three or more of one of - * _ alone on a line.
  /^ {0,3}([-*_])[ \t]*(?:\1[ \t]*){2,}$/m,
  // A hard line break: two spaces or a backslash at a line's end.
  /(?: {2,}|\\)\r?\n/,
  // A footnote, and a task list item.
  /\[\^/,
  /^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[[ xX]\]/m,
];

/**
 * Whether a body is compiled by @astrojs/mdx: it uses a component, or holds something the two
 * renderers write differently (WRITTEN_OTHERWISE). Any other body is rendered by the Markdown
 * processor, which makes the same page byte for byte (tests/integration/mdx-fast-path.test.ts,
 * docs/decisions/018-mdx-components.md). None of the bulletin's bodies holds any of these.
 */
export const compiledAsMdx = (body: string): boolean => usesComponents(body) || WRITTEN_OTHERWISE.some((mark) => mark.test(body));
