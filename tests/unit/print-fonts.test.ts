import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPrintFontsCss, parseSlices, PRINT_FACES, PRINT_FONTS_CSS } from '../../scripts/print/fonts-css.ts';
import { PROJECT_ROOT } from '../helpers/content-copy.ts';

describe('the print fonts stylesheet', () => {
  const committed = readFileSync(join(PROJECT_ROOT, PRINT_FONTS_CSS), 'utf8');

  it('is what the installed font packages give (run node scripts/print/fonts-css.ts after updating them)', () => {
    expect(committed).toBe(buildPrintFontsCss(PROJECT_ROOT));
  });

  it('declares every face in unicode-range slices of woff2 only, never inlined', () => {
    for (const face of PRINT_FACES) {
      const rules = committed.split('\n').filter((line) => line.includes(`font-family:'${face.family}'`) && line.includes(`font-weight:${face.weight};`));
      expect(rules.length, `${face.family} ${face.weight}`).toBeGreaterThan(90);
      expect(rules.filter((rule) => !rule.includes('unicode-range')).length).toBeLessThanOrEqual(1);
    }
    expect(committed).not.toMatch(/\.woff'/);
    expect(committed.match(/url\('[^']+\.woff2\?no-inline'\)/g)?.length).toBe(committed.match(/@font-face/g)?.length);
  });

  it('reads slices from a package stylesheet', () => {
    const slices = parseSlices(`/* x-[4]-400-normal */
@font-face { font-family: 'X'; src: url(./files/x-4.woff2) format('woff2'), url(./files/x-4.woff) format('woff'); unicode-range: U+4e00-4e01, U+ff01; }`);
    expect(slices).toEqual([{ key: '[4]', woff2: './files/x-4.woff2', unicodeRange: 'U+4e00-4e01,U+ff01' }]);
  });
});
