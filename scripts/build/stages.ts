/** What every build stage gets: where the site is being built, and for which edition. */
import type { Edition } from '../../src/lib/edition.ts';

export interface BuildContext {
  /** The project root. */
  root: string;
  edition: Edition;
  /** Where this build writes; it becomes `outDir` only if every stage succeeds. */
  stagingDir: string;
  /** The published output: dist/ or dist-internal/. */
  outDir: string;
  /** Where stages may keep things between builds (rendered PDFs and their hashes). */
  cacheDir: string;
}

export interface Stage {
  name: string;
  run: (context: BuildContext) => Promise<void | string>;
}
