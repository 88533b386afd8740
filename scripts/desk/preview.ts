/**
 * The body's live preview: rendered by the site's own Markdown processor (astro.config.mjs
 * `markdown.processor`, as src/lib/content/loader.ts renders the articles), so that what the
 * editor sees is what the page will show, with the same safe-link rules.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { COMPONENTS } from './components.ts';

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
 * A component's tags shown as text in the preview (the Markdown processor would drop them as raw
 * HTML, and the components render only in the site's build): the editor sees where each one is.
 */
export function componentTagsAsText(body: string): string {
  const names = COMPONENTS.map((c) => c.name).join('|');
  return body.replace(new RegExp(`(?<!\\\\)<(/?)(${names})(?=[\\s/>])`, 'g'), '\\<$1$2');
}

export async function renderPreview(root: string, body: string): Promise<string> {
  try {
    return (await (await rendererOf(root)).render(componentTagsAsText(body), {})).code;
  } catch (error) {
    return `<p class="error">无法预览：${String((error as Error)?.message ?? error).replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}</p>`;
  }
}
