/**
 * html-validate over every page of a built site, with its recommended rules: valid, accessible
 * markup without inline style (which the Content-Security-Policy would refuse). One rule is
 * relaxed, not turned off: valid-id asks by default for ids of ASCII-like letters, digits, - and
 * _, while HTML allows any id without spaces, and a 条's item has the anchor its number spells
 * (#三（二）1., src/lib/policy/structure.ts) as a 条 has #第十二条. Ids with a space or empty
 * ones are still refused.
 */
import { relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { listFiles } from '../../scripts/lib/files.ts';
import { PROJECT_ROOT } from './content-copy.ts';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'valid-id': ['error', { relaxed: true }] } });

/** The pages (.html) under `root`, relative to it. */
export const htmlPages = (root: string): string[] => listFiles(root).filter((file) => file.endsWith('.html')).map((file) => relative(root, file));

/** Every message html-validate gives on the pages under `root`, as `file:line:column rule: message`. */
export async function htmlProblems(root: string): Promise<string[]> {
  const problems: string[] = [];
  for (const page of htmlPages(root)) {
    const file = `${root}/${page}`;
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const m of result.messages) problems.push(`${relative(PROJECT_ROOT, file)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  return problems;
}
