/**
 * The body editor's buttons: the MDX components an article may use (issue 30: 图片, 附件, 表格,
 * 注), each inserted as the manual writes it, with its properties to fill in. The components
 * themselves, and the check of their properties, are the site's (docs/编辑手册.md); until an
 * entry uses one, the page is plain Markdown.
 */
export interface ComponentButton {
  name: string;
  /** What the button inserts at the cursor. */
  snippet: string;
  /** What it is for, shown on the button. */
  help: string;
}

export const COMPONENTS: readonly ComponentButton[] = [
  { name: '图片', snippet: '\n<图片 文件="./01-1.jpg" 图注="" 替代文字="" 摄影="" />\n', help: '照片，带图注和摄影者（或来源）：照片文件放在文章旁边' },
  { name: '附件', snippet: '\n<附件 文件="./01-附件1.pdf" 标题="" />\n', help: '供下载的文件：文件放在文章旁边' },
  { name: '表格', snippet: '\n<表格 标题="">\n\n| 项目 | 内容 |\n| --- | --- |\n|  |  |\n\n</表格>\n', help: '带标题的表格：表格写在标签之间，或用 文件="./01-表1.csv"' },
  { name: '注', snippet: '\n<注>\n\n编者注的文字。\n\n</注>\n', help: '编者注，与正式文字分开排' },
];
