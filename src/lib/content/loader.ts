/**
 * The content loader for the issues, articles and policies: `.mdx` files read the way the
 * content validator reads them. An article whose body uses a component (图片, 附件, 表格, 注:
 * src/lib/mdx/components.ts), or a character the two renderers write differently (`compiledAsMdx`),
 * is compiled by @astrojs/mdx, as Astro's `glob()` loader would hand it over (`deferredRender`:
 * the page's `render(entry)` imports the compiled module); every other body is rendered by
 * Astro's own Markdown processor (the site's `markdown.processor`, with remark-cjk-friendly),
 * which makes the same page byte for byte (tests/integration/mdx-fast-path.test.ts).
 *
 * Why not `glob()` for all: it hands every `.mdx` entry to the MDX integration, which compiles
 * it into a JavaScript module of its own and bundles all of them into the build. At archive
 * scale that was more than half of Astro's time and much of its memory
 * (docs/decisions/001-markdown-bodies.md); only the few bodies with components need it
 * (docs/decisions/018-mdx-components.md). The validator (scripts/content/validate.ts,
 * markdown-only.ts) refuses what MDX would read otherwise than Markdown (a tag that is no
 * component, a `{ }` expression, an import), so that no body reads differently either way.
 *
 * Only the public loader API is used: `parseData` for the collection's schema, the configured
 * `markdown.processor` for the HTML, `store` with each file's digest, so that an unchanged file is
 * neither parsed nor rendered again on the next build. The frontmatter is read by the validator's reader
 * (frontmatter.ts, YAML 1.2 core schema): the build and the check see the same values.
 */
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { CollectionName } from '../../schemas/common.ts';
import { bodyOf, parseContentFile } from './frontmatter.ts';
import { COLLECTIONS, collectionFiles } from './collections.ts';
import { compiledAsMdx } from '../mdx/components.ts';

/**
 * MDX_EVERY_BODY=1 compiles every body that is rendered through @astrojs/mdx, components or not:
 * how the test of the fast path (tests/integration/mdx-fast-path.test.ts) builds the pages it
 * compares with the usual build's. Never set for a site that is published.
 */
const EVERY_BODY_AS_MDX = process.env['MDX_EVERY_BODY'] === '1';

/**
 * The loader of a collection of `.mdx` files (issues, articles, policies), listed as the
 * validator lists them (collections.ts COLLECTIONS: the folder, the pattern, the id). `render`: whether
 * the pages show the body as HTML (`render(entry)`), as for the articles, whose bodies alone may
 * use components; the issues' and
 * policies' bodies are read as text (the policy structure, the feed), so rendering them would be
 * work for nothing.
 */
export function markdownFiles(collection: Exclude<CollectionName, 'topics'>, { render }: { render: boolean }): Loader {
  return {
    name: 'markdown-files',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const folder = resolve(root, COLLECTIONS[collection].dir);
      const sync = () => syncAll(context, root, collection, render);
      await sync();
      // `astro dev`: a change under the folder syncs it again; unchanged files are skipped by digest.
      context.watcher?.on('all', (_event, path) => {
        if (path.startsWith(folder + sep)) void sync().catch((error: unknown) => context.logger.error(String(error)));
      });
    },
  };
}

/**
 * The body as HTML, by the site's Markdown processor (astro.config.mjs `markdown.processor`), as
 * Astro's own Markdown entries are rendered. Not `context.renderMarkdown`: that reads a leading
 * `---` … `---` of the text it is given as frontmatter, and a body may open with a rule.
 */
const renderers = new WeakMap<LoaderContext['config'], ReturnType<MarkdownRendererFactory>>();
type MarkdownRendererFactory = LoaderContext['config']['markdown']['processor']['createRenderer'];
async function renderBody(context: LoaderContext, body: string, full: string) {
  const { config } = context;
  let renderer = renderers.get(config);
  if (!renderer) {
    const { markdown, image } = config;
    // What Astro hands the processor for its own Markdown entries; the config's types are wider than the renderer's.
    const shared = { image, syntaxHighlight: markdown.syntaxHighlight, shikiConfig: markdown.shikiConfig, gfm: markdown.gfm, smartypants: markdown.smartypants };
    renderer = markdown.processor.createRenderer(shared as Parameters<MarkdownRendererFactory>[0]);
    renderers.set(config, renderer);
  }
  const { code, metadata } = await (await renderer).render(body, { fileURL: pathToFileURL(full) });
  return { html: code, metadata: { ...metadata, imagePaths: [...(metadata.localImagePaths ?? []), ...(metadata.remoteImagePaths ?? [])] } };
}

/** Whether a body is compiled by @astrojs/mdx rather than rendered as Markdown. */
const asMdx = (render: boolean, body: string) => render && (EVERY_BODY_AS_MDX || compiledAsMdx(body));

async function syncAll(context: LoaderContext, root: string, collection: CollectionName, render: boolean) {
  const { store } = context;
  const untouched = new Set(store.keys());
  for (const { full, path: filePath, stem: id, belongs } of collectionFiles(root, collection)) {
    if (!belongs) continue;
    untouched.delete(id);
    const contents = await readFile(full, 'utf8');
    // How the body is rendered is part of what is stored: the store keeps an entry whose digest is unchanged.
    const mdx = asMdx(render, bodyOf(contents).trim());
    const digest = context.generateDigest(mdx ? `${contents}\0mdx` : contents);
    const existing = store.get(id);
    // Kept as stored (the store lists a kept entry's images for the build from the entry itself;
    // a compiled body's module is listed again, as glob() does).
    if (existing?.digest === digest && existing.filePath === filePath) {
      if (existing.deferredRender) store.addModuleImport(filePath);
      continue;
    }
    const parsed = parseContentFile(contents, 'frontmatter');
    const problem = parsed.syntaxErrors[0];
    if (problem || !parsed.data) {
      // The validator runs first and names these; this is for `astro dev`, where it does not.
      throw new Error(`${filePath}:${problem?.line ?? 1}：${problem?.message ?? '头信息应为“字段: 值”形式的映射'}`);
    }
    const data = await context.parseData({ id, data: parsed.data, filePath: full });
    const body = parsed.body.trim();
    if (mdx) {
      // Compiled by @astrojs/mdx when a page renders it; its images are the module's own imports.
      store.set({ id, data, body, filePath, digest, deferredRender: true });
      continue;
    }
    const rendered = render ? await renderBody(context, body, full) : undefined;
    const images = rendered?.metadata?.imagePaths;
    store.set({ id, data, body, filePath, digest, ...(rendered ? { rendered } : {}), ...(images?.length ? { assetImports: images } : {}) });
  }
  for (const id of untouched) store.delete(id);
}
