/**
 * The body's live preview, as the page will show it: the Markdown rendered by the site's own
 * processor (astro.config.mjs `markdown.processor`, as src/lib/content/loader.ts renders the
 * articles), and each component (图片, 附件, 表格, 注) as its page draws it
 * (src/components/mdx/*.astro), from the same facts: the credit (photoCredit), the attachment's
 * type and size (attachmentType, formatFileSize), a CSV file's rows (readCsvTable), the 表格 and
 * 注 inside rendered by the same processor. A component the content check refuses
 * (scripts/content/components.ts, through bodyProblems) is shown as its tag with the check's
 * messages at their lines, not drawn.
 *
 * Why the markup is written here again rather than the .astro components rendered: those need
 * Astro's compiler and Vite (the photo also the image endpoint of a dev server) in the desk's
 * process, for four elements of a few lines each. The classes are the site's, and the desk loads
 * the site's stylesheet of the components (src/styles/body-components.css), so a change of look
 * shows in both; tests/unit/desk/preview.test.ts holds the markup to the components' own.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { parseBody } from '../../src/lib/markdown.ts';
import { attachmentType, COMPONENT_NAMES, formatFileSize, isComponentName, usesComponents } from '../../src/lib/mdx/components.ts';
import { photoCredit } from '../../src/lib/mdx/credit.ts';
import { readCsvTable } from '../../src/lib/mdx/csv-table.ts';
import type { CollectionName } from '../../src/schemas/common.ts';
import type { BodyProblem } from '../content/markdown-only.ts';
import { bodyProblems } from '../content/validate.ts';
import { escapeHtml } from '../lib/escape-html.ts';

type Renderer = { render: (body: string, options: object) => Promise<{ code: string }> };
const renderers = new Map<string, Promise<Renderer>>();

async function rendererOf(root: string): Promise<Renderer> {
  let renderer = renderers.get(root);
  if (!renderer) {
    renderer = (async () => {
      const config = (await import(pathToFileURL(join(root, 'astro.config.mjs')).href)).default as { markdown: { processor: { createRenderer: (o: object) => Promise<Renderer> } } };
      return config.markdown.processor.createRenderer({ syntaxHighlight: false, smartypants: false });
    })();
    renderers.set(root, renderer);
  }
  return renderer;
}

/**
 * A component's tags shown as text (the Markdown processor would drop them as raw HTML): where a
 * component cannot be drawn (the body is no valid MDX, or the tag sits inside a paragraph), the
 * editor still sees where it is.
 */
export function componentTagsAsText(body: string): string {
  return body.replace(new RegExp(`(?<!\\\\)<(/?)(${COMPONENT_NAMES.join('|')})(?=[\\s/>])`, 'g'), '\\<$1$2');
}

/** The files beside the entry as the preview finds and shows them (the uploads not yet saved among them). */
export interface PreviewFiles {
  /** The full path of the file a component names (`./01-1.jpg`), or undefined when there is none. */
  find: (name: string) => string | undefined;
  /** The address the desk serves it at. */
  address: (name: string) => string;
}

const NO_FILES: PreviewFiles = { find: () => undefined, address: () => '' };

type Markdown = (source: string) => Promise<string>;

function attributesOf(node: MdxJsxFlowElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const a of node.attributes) if (a.type === 'mdxJsxAttribute' && typeof a.value === 'string') values[a.name] = a.value.trim();
  return values;
}

/** What is between a component's tags, as written. */
function innerSource(body: string, node: MdxJsxFlowElement): string {
  const first = node.children[0]?.position?.start.offset;
  const last = node.children.at(-1)?.position?.end.offset;
  return first === undefined || last === undefined ? '' : body.slice(first, last);
}

/** A CSV file's table as the build makes it (remark-components.ts: the first row the header, each cell text). */
function csvTableHtml(text: string): string {
  const { header, rows } = readCsvTable(text);
  const row = (cells: string[], tag: 'th' | 'td') => `<tr>${cells.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('')}</tr>`;
  return `<table><thead>${row(header, 'th')}</thead><tbody>${rows.map((r) => row(r, 'td')).join('')}</tbody></table>`;
}

/** One component as its page draws it (src/components/mdx/): the check has passed it. */
async function componentHtml(node: MdxJsxFlowElement, body: string, files: PreviewFiles, markdown: Markdown): Promise<string> {
  const a = attributesOf(node);
  const file = a['文件'];
  switch (node.name) {
    case '图片': {
      const credit = photoCredit({ photographer: a['摄影'], source: a['来源'] });
      return `<figure class="photo"><img src="${escapeHtml(files.address(file!))}" alt="${escapeHtml(a['替代文字'] ?? '')}" loading="lazy"><figcaption>${escapeHtml(a['图注'] ?? '')}${credit ? `<span class="photo__credit">（${escapeHtml(credit)}）</span>` : ''}</figcaption></figure>`;
    }
    case '附件': {
      const size = statSync(files.find(file!)!).size;
      return `<p class="attachment"><span class="attachment__label">附件：</span><a href="${escapeHtml(files.address(file!))}" download="${escapeHtml(file!.slice(2))}">${escapeHtml(a['标题'] ?? '')}</a><span class="attachment__facts">（${escapeHtml(attachmentType(file!))}，${formatFileSize(size)}）</span></p>`;
    }
    case '表格': {
      const title = escapeHtml(a['标题'] ?? '');
      const table = file ? csvTableHtml(readFileSync(files.find(file)!, 'utf8')) : await markdown(innerSource(body, node));
      return `<figure class="data-table"><figcaption class="data-table__title">${title}</figcaption><div class="data-table__scroll" role="region" aria-label="${title}" tabindex="0">${table}</div></figure>`;
    }
    default:
      return `<aside class="editor-note" aria-label="编者注"><p class="editor-note__label">编者注</p>${await markdown(innerSource(body, node))}</aside>`;
  }
}

/**
 * The body as HTML for the preview. `problems`: the content check's (bodyProblems) for this body,
 * by its lines; a component with any on its lines is shown as its tag with them.
 */
export async function renderPreview(root: string, body: string, files: PreviewFiles = NO_FILES, problems: readonly BodyProblem[] = []): Promise<string> {
  const renderer = await rendererOf(root);
  const markdown: Markdown = async (source) => (await renderer.render(componentTagsAsText(source), {})).code;
  try {
    if (!usesComponents(body)) return await markdown(body);
    let tree;
    try {
      tree = parseBody(body);
    } catch {
      // Not valid MDX (an unclosed tag): the check says where; the tags are shown as text meanwhile.
      return await markdown(body);
    }
    // Each component drawn where it stands: the Markdown around it rendered with a mark in its place.
    const mark = `DESKPREVIEW${randomUUID().replaceAll('-', '')}`;
    const drawn: string[] = [];
    let source = '';
    let at = 0;
    for (const node of tree.children) {
      if (node.type !== 'mdxJsxFlowElement' || !isComponentName(node.name) || !node.position) continue;
      const { start, end } = node.position;
      const own = problems.filter((p) => p.line >= start.line && p.line <= end.line);
      const tag = body.slice(start.offset, end.offset);
      const shownAsTag = (messages: string[]) => `<div class="preview-invalid">${messages.map((m) => `<p class="preview-problem">${escapeHtml(m)}</p>`).join('')}<pre class="preview-tag">${escapeHtml(tag)}</pre></div>`;
      let html: string;
      try {
        html = own.length ? shownAsTag(own.map((p) => `第 ${p.line} 行：${p.message}`)) : await componentHtml(node, body, files, markdown);
      } catch (error) {
        html = shownAsTag([`第 ${start.line} 行：无法预览（${String((error as Error)?.message ?? error)}）`]);
      }
      drawn.push(html);
      source += `${body.slice(at, start.offset)}${mark}X${drawn.length - 1}X`;
      at = end.offset!;
    }
    source += body.slice(at);
    return (await markdown(source)).replace(new RegExp(`<p>${mark}X(\\d+)X</p>`, 'g'), (_, i: string) => drawn[Number(i)]!);
  } catch (error) {
    return `<p class="error">无法预览：${escapeHtml(String((error as Error)?.message ?? error))}</p>`;
  }
}

/**
 * The files beside the article at `entryPath` (relative to `root`) as the preview finds them: one
 * uploaded and not yet saved (`staged`, by name) before one on disk; shown at /desk/file.
 */
export function besideFiles(root: string, entryPath: string, staged: ReadonlyMap<string, string> = new Map(), token?: string): PreviewFiles {
  const folder = dirname(join(root, entryPath));
  return {
    find: (name) => {
      if (!/^\.\/[^/\\]+$/.test(name)) return undefined;
      const own = staged.get(name.slice(2)) ?? join(folder, name.slice(2));
      return existsSync(own) && statSync(own).isFile() ? own : undefined;
    },
    address: (name) => `/desk/file?path=${encodeURIComponent(entryPath)}&name=${encodeURIComponent(name.replace(/^\.\//, ''))}${token ? `&uploads=${encodeURIComponent(token)}` : ''}`,
  };
}

/** An entry's body previewed: checked by the content check's own rule (with the uploads not yet saved), then drawn. */
export function previewEntryBody(root: string, entryPath: string, collection: CollectionName, body: string, staged: ReadonlyMap<string, string> = new Map(), token?: string): Promise<string> {
  return renderPreview(root, body, besideFiles(root, entryPath, staged, token), bodyProblems(root, entryPath, collection, body, new Set(), staged));
}
