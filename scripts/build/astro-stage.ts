/** Runs Astro's own build into the staging directory. */
import { join } from 'node:path';
import type { Stage } from './stages.ts';
import { BuildError } from './build-error.ts';
import { explainAstroError } from './astro-errors.ts';

export const astroStage: Stage = {
  name: 'astro',
  async run({ root, edition, stagingDir, cacheDir }) {
    process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
    // astro:env reads SITE_EDITION from the environment while pages render.
    process.env['SITE_EDITION'] = edition;
    const { build } = await import('astro');
    // Astro's content store and Vite's cache default to node_modules/; kept per edition under the
    // build's own cache so that the two editions, and a copy of the project that links
    // node_modules (the tests), never build from or write into each other's store.
    try {
      await build({ root, outDir: stagingDir, cacheDir: join(cacheDir, 'astro'), vite: { cacheDir: join(cacheDir, 'vite') }, logLevel: 'warn' });
    } catch (error) {
      throw new BuildError(explainAstroError(error, root), { cause: error });
    }
  },
};
