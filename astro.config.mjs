// @ts-check
import { defineConfig, envField, sharpImageService } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import rehypeSafeLinks from './src/lib/rehype-safe-links.ts';
import remarkComponents from './src/lib/mdx/remark-components.ts';
import { securityHeaders } from './scripts/deploy/security-headers.ts';
import securePreview from './scripts/deploy/preview-integration.ts';

// The site's Markdown: remark-cjk-friendly lets **强调** work next to Chinese punctuation
// (“**“1331工程”**是” is not emphasis in plain CommonMark). SmartyPants would turn the bulletin's
// straight quotes and dashes into something the original did not print. No raw HTML reaches a
// page (the content check refuses it, this drops it), and every link address is http(s), mailto,
// tel or the site's own (src/lib/rehype-safe-links.ts).
const markdownOptions = { remarkPlugins: [remarkCjkFriendly], rehypePlugins: [rehypeSafeLinks], remarkRehype: { allowDangerousHtml: false }, smartypants: false };

export default defineConfig({
  // The deployed address; canonical links, the feed and the sitemap use it. Set SITE_URL when deploying.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  // scripts/build.ts builds into a staging directory and swaps it in only when every step succeeded.
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  // External stylesheets: cached across pages, and allowed by a CSP without 'unsafe-inline'.
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // `astro preview` (npm start) sends the security headers nginx sends, from the same file
  // (scripts/deploy/nginx/snippets/headers.conf), CSP included, on every response
  // (scripts/deploy/preview-integration.ts). Not `astro dev`: its client runs inline scripts the
  // CSP refuses.
  server: ({ command }) => (command === 'preview' ? { headers: securityHeaders() } : {}),
  vite: {
    // Nothing inlined into a page, however small (a script, an image as a data: address): the
    // Content-Security-Policy (scripts/deploy/nginx/snippets/headers.conf) allows only files.
    build: {
      assetsInlineLimit: 0,
      rolldownOptions: {
        // @astrojs/mdx marks each compiled body "use astro:head-inject" (for Astro, which reads it
        // before bundling); the bundler warns, once per body, that it may not keep the directive.
        // Nothing an editor can act on: a build with a few hundred such bodies printed a screenful each.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
    // The search highlighter is bundled alone, as Vite bundles a worker, to get its address
    // (src/browser/highlight.ts); the page imports it as an ES module.
    worker: { format: 'es' },
  },
  // Photos through sharp (AVIF and WebP at several widths, src/components/bulletin/ArticlePhoto.astro).
  // AVIF at effort 2 rather than sharp's default 4: far less encoding time for a few more bytes
  // (docs/benchmarks.md, "Photos", `npm run bench:photos`); a first build encodes every photo.
  image: { service: sharpImageService({ avif: { effort: 2 } }) },
  markdown: {
    // Astro 7 renders Markdown with Sätteri by default; remark plugins need the unified processor.
    // The content's .mdx bodies without components are Markdown rendered by this processor
    // (src/lib/content/loader.ts), not MDX modules (docs/decisions/018-mdx-components.md).
    processor: unified(markdownOptions),
  },
  // The sitemap lists the pages this build made, so the public edition's holds only public
  // pages (they come from src/data/site.ts, which applies the edition); the search page has no
  // content of its own. The internal edition is for staff and not to be indexed: no sitemap.
  integrations: [
    securePreview(),
    // Bodies that use a component (src/lib/mdx/components.ts compiledAsMdx) are compiled as MDX,
    // by the same processor with one plugin more, which hands the files the components name to the
    // build (src/lib/mdx/remark-components.ts); the loader renders the rest as Markdown, byte for
    // byte the same pages (src/lib/content/loader.ts).
    mdx({ processor: unified({ ...markdownOptions, remarkPlugins: [...markdownOptions.remarkPlugins, remarkComponents] }) }),
    ...(process.env.SITE_EDITION === 'internal' ? [] : [sitemap({ filter: (page) => !new URL(page).pathname.startsWith('/search/') })]),
  ],
  env: {
    schema: {
      // public: what anyone may see; internal: adds entries marked `visibility: internal`.
      SITE_EDITION: envField.enum({ context: 'server', access: 'public', values: ['public', 'internal'], default: 'public' }),
    },
  },
});
