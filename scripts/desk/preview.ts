/**
 * The body's live preview: rendered by the site's own Markdown processor (astro.config.mjs
 * `markdown.processor`, as src/lib/content/loader.ts renders the articles), so that what the
 * editor sees is what the page will show, with the same safe-link rules.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

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

export async function renderPreview(root: string, body: string): Promise<string> {
  try {
    return (await (await rendererOf(root)).render(body, {})).code;
  } catch (error) {
    return `<p class="error">无法预览：${String((error as Error)?.message ?? error).replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}</p>`;
  }
}
