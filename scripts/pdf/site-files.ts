/**
 * The built site as the renderer's browser sees it: every request to SITE_ORIGIN is answered
 * from the build directory on disk, and nothing else is fetched. No port, no server process.
 * The print fonts, which are not part of the site, are answered from node_modules under their
 * private path (scripts/print/fonts-css.ts).
 */
import { readFile } from 'node:fs/promises';
import type { BrowserContext } from '@playwright/test';
import { PRINT_FONTS_PATH } from '../print/fonts-css.ts';
import { contentTypeOf, fileForPath } from '../lib/files.ts';

/** A made-up origin (.invalid never resolves): the pages' absolute paths (/_astro/…) work under it. */
export const SITE_ORIGIN = 'http://print.invalid';

/** Extra documents served beside the site (a bound volume's cover and 目录), by path. */
export type ExtraPages = Map<string, string>;

/** Files served beside the site from elsewhere on disk (the print fonts), by path. */
export type ExtraFiles = ReadonlyMap<string, string>;

export async function serveSite(context: BrowserContext, siteDir: string, extra: ExtraPages, extraFiles: ExtraFiles = new Map()): Promise<void> {
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== SITE_ORIGIN) return route.abort('blockedbyclient');
    const page = extra.get(url.pathname);
    if (page !== undefined) return route.fulfill({ status: 200, contentType: contentTypeOf('index.html'), body: page });
    // Only the files named there: the private path is no window onto node_modules.
    const file = url.pathname.startsWith(PRINT_FONTS_PATH) ? extraFiles.get(url.pathname) : fileForPath(siteDir, url.pathname);
    if (!file) return route.fulfill({ status: 404, body: '' });
    try {
      const body = await readFile(file);
      return route.fulfill({ status: 200, contentType: contentTypeOf(file), body });
    } catch {
      return route.fulfill({ status: 404, body: '' });
    }
  });
}
