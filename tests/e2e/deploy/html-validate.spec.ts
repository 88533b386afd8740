/**
 * html-validate over every page of both built editions, with its recommended rules: valid,
 * accessible markup without inline style (which the Content-Security-Policy would refuse).
 * No rule is turned off.
 */
import { test, expect } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { PROJECT_ROOT } from '../../helpers/content-copy.ts';
import { listFiles } from '../../../scripts/lib/files.ts';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

for (const dir of ['dist', 'dist-internal']) {
  test(`every page of ${dir}/ is valid HTML`, async () => {
    const root = join(PROJECT_ROOT, dir);
    expect(existsSync(root), `${dir}/ is built (npm run build, npm run build:internal)`).toBe(true);
    const pages = listFiles(root).filter((file) => file.endsWith('.html'));
    expect(pages.map((file) => relative(root, file))).toContain('index.html');
    const errors: string[] = [];
    for (const file of pages) {
      const report = await validator.validateFile(file);
      for (const result of report.results) {
        for (const m of result.messages) errors.push(`${relative(PROJECT_ROOT, file)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    expect(errors).toEqual([]);
  });
}
