/**
 * `astro preview` (and so `npm start`) with the security headers nginx sends, on every response.
 *
 * Astro's own static preview sends `server.headers` only with the files it finds: its 404 page
 * and its other errors go out without them. For the preview command only, this integration
 * hands Astro a preview entrypoint of its own (preview-server.ts): Vite's preview server over the
 * built site, as Astro's is, with the headers of scripts/deploy/nginx/snippets/headers.conf
 * (security-headers.ts) set first on every response, and the site's 404.html for an unknown
 * address. `astro build` and `astro dev` are untouched.
 */
import type { AstroIntegration } from 'astro';

export default function securePreview(): AstroIntegration {
  let command: string | undefined;
  return {
    name: 'yaoxun-secure-preview',
    hooks: {
      'astro:config:setup': (options) => {
        command = options.command;
      },
      'astro:config:done': ({ setAdapter }) => {
        if (command !== 'preview') return;
        setAdapter({
          name: 'yaoxun-secure-preview',
          previewEntrypoint: new URL('./preview-server.ts', import.meta.url).pathname,
          entrypointResolution: 'auto',
          adapterFeatures: { buildOutput: 'static' },
          supportedAstroFeatures: { staticOutput: 'stable', hybridOutput: 'unsupported', serverOutput: 'unsupported', sharpImageService: 'stable', envGetSecret: 'stable' },
        });
      },
    },
  };
}
