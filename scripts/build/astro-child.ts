/**
 * Astro's build, in a process of its own (started by astro-stage.ts): Astro and its bundler
 * hold gigabytes for a large archive and do not give them back, and the search stage's
 * Pagefind processes need memory of their own. Run apart, the two never add up (the stages'
 * peaks: docs/benchmarks.md). What fails is printed as the lines an
 * editor can act on (astro-errors.ts), then the process exits 1.
 *
 *   node scripts/build/astro-child.ts <root> <outDir> <cacheDir> <edition>
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { explainAstroError } from './astro-errors.ts';

/**
 * Astro keeps each entry's parsed data in its content store and reuses it while the file is
 * unchanged, even when the schema that parsed it has changed (it watches content.config.ts, not
 * the schema modules that file imports from src/schemas/): a new field with a default would
 * be missing from every cached entry. So the store is dropped whenever the schemas change.
 */
function dropStaleContentStore(root: string, astroCache: string): void {
  const hash = createHash('sha256');
  const schemaDir = join(root, 'src/schemas');
  for (const name of readdirSync(schemaDir).sort()) hash.update(name).update(readFileSync(join(schemaDir, name)));
  hash.update(readFileSync(join(root, 'src/content.config.ts')));
  const digest = hash.digest('hex');
  const stamp = join(astroCache, 'schemas.sha256');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return;
  rmSync(astroCache, { recursive: true, force: true });
  mkdirSync(astroCache, { recursive: true });
  writeFileSync(stamp, digest);
}

const [root, outDir, cacheDir, edition] = process.argv.slice(2);
if (!root || !outDir || !cacheDir || !edition) {
  console.error('usage: node scripts/build/astro-child.ts <root> <outDir> <cacheDir> <edition>');
  process.exit(2);
}
process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
// astro:env reads SITE_EDITION from the environment while pages render.
process.env['SITE_EDITION'] = edition;
dropStaleContentStore(root, join(cacheDir, 'astro'));
const { build } = await import('astro');
try {
  // Astro's content store and Vite's cache default to node_modules/; kept per edition under the
  // build's own cache so that the two editions, and a copy of the project that links
  // node_modules (the tests), never build from or write into each other's store.
  await build({ root, outDir, cacheDir: join(cacheDir, 'astro'), vite: { cacheDir: join(cacheDir, 'vite') }, logLevel: 'warn' });
} catch (error) {
  console.error(explainAstroError(error, root));
  process.exitCode = 1;
}
