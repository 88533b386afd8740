/** Runs Astro's own build into the staging directory. */
import type { Stage } from './stages.ts';

export const astroStage: Stage = {
  name: 'astro',
  async run({ root, edition, stagingDir }) {
    process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
    // astro:env reads SITE_EDITION from the environment while pages render.
    process.env['SITE_EDITION'] = edition;
    const { build } = await import('astro');
    await build({ root, outDir: stagingDir, logLevel: 'warn' });
  },
};
