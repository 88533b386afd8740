/** Every page of both built editions is valid HTML (tests/helpers/html-validator.ts). */
import { test, expect } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../helpers/content-copy.ts';
import { htmlPages, htmlProblems } from '../../helpers/html-validator.ts';

for (const dir of ['dist', 'dist-internal']) {
  test(`every page of ${dir}/ is valid HTML`, async () => {
    const root = join(PROJECT_ROOT, dir);
    expect(existsSync(root), `${dir}/ is built (npm run build, npm run build:internal)`).toBe(true);
    expect(htmlPages(root)).toContain('index.html');
    expect(await htmlProblems(root)).toEqual([]);
  });
}
