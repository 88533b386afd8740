/**
 * The body editor's buttons: the MDX components an article may use (src/lib/mdx/components.ts,
 * where their names, properties and descriptions live; docs/编辑手册.md), each inserted as the
 * manual writes it, with its properties to fill in. The content check judges what is filled in.
 */
import { COMPONENT_NAMES, COMPONENTS as SPECS, type ComponentName } from '../../src/lib/mdx/components.ts';

export interface ComponentButton {
  name: string;
  /** What the button inserts at the cursor. */
  snippet: string;
  /** What it is for, shown on the button. */
  help: string;
}

/** What each button inserts: the properties left empty for the editor to fill in (the check names each one left so). */
const SNIPPETS: Record<ComponentName, string> = {
  图片: '\n<图片 文件="./01-1.jpg" 图注="" 替代文字="" 摄影="" />\n',
  附件: '\n<附件 文件="./01-附件1.pdf" 标题="" />\n',
  表格: '\n<表格 标题="">\n\n| 项目 | 内容 |\n| --- | --- |\n|  |  |\n\n</表格>\n',
  注: '\n<注>\n\n编者注的文字。\n\n</注>\n',
};

export const COMPONENTS: readonly ComponentButton[] = COMPONENT_NAMES.map((name) => ({ name, snippet: SNIPPETS[name], help: SPECS[name].what }));
