import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPrintFonts, parseSlices, PRINT_FACES, PRINT_FAMILIES, PRINT_FONTS_PATH } from '../../scripts/print/fonts-css.ts';
import { PROJECT_ROOT } from '../helpers/content-copy.ts';

describe('the print fonts the PDF renderer injects', () => {
  const fonts = buildPrintFonts(PROJECT_ROOT);
  const rules = fonts.css.split('\n').filter((line) => line.startsWith('@font-face'));
  const urls = rules.map((rule) => /src:url\('([^']+)'\) format\('woff2'\)/.exec(rule)?.[1]);

  it('declares every face in unicode-range slices of woff2 only', () => {
    for (const face of PRINT_FACES) {
      const own = rules.filter((rule) => rule.includes(`font-family:'${face.family}'`) && rule.includes(`font-weight:${face.weight};`));
      expect(own.length, `${face.family} ${face.weight}`).toBeGreaterThan(90);
      expect(own.filter((rule) => !rule.includes('unicode-range')).length).toBeLessThanOrEqual(1);
    }
    expect(urls.every(Boolean)).toBe(true);
    expect(fonts.css).not.toMatch(/\.woff['")]/);
    expect(PRINT_FAMILIES).toEqual(['Noto Serif SC', 'Noto Sans SC', 'LXGW WenKai']);
  });

  it('names its files under the private path only, each one served from node_modules', () => {
    for (const url of urls) {
      expect(url!.startsWith(PRINT_FONTS_PATH), url).toBe(true);
      const file = fonts.files.get(url!);
      expect(file, url).toBeDefined();
      expect(file!.startsWith(join(PROJECT_ROOT, 'node_modules') + sep)).toBe(true);
      expect(file!.endsWith('.woff2')).toBe(true);
    }
    expect(new Set(urls).size).toBe(fonts.files.size);
    expect([...fonts.files.values()].filter((file) => !existsSync(file))).toEqual([]);
  });

  it('interleaves the faces slice by slice', () => {
    const families = rules.slice(0, 4).map((rule) => /font-family:'([^']+)';font-style:normal;font-weight:(\d+)/.exec(rule)!.slice(1).join(' '));
    expect(families).toEqual(PRINT_FACES.map((face) => `${face.family} ${face.weight}`));
  });

  it('changes its identity (part of the PDF cache key) when a package version changes', () => {
    const copy = mkdtempSync(join(tmpdir(), 'print-fonts-'));
    try {
      for (const face of PRINT_FACES) {
        const dir = join(copy, 'node_modules', face.package);
        mkdirSync(dir, { recursive: true });
        cpSync(join(PROJECT_ROOT, 'node_modules', face.package, face.css), join(dir, face.css));
        cpSync(join(PROJECT_ROOT, 'node_modules', face.package, 'package.json'), join(dir, 'package.json'));
      }
      const same = buildPrintFonts(copy);
      expect(same.identity).toBe(fonts.identity);
      writeFileSync(join(copy, 'node_modules', PRINT_FACES[0]!.package, 'package.json'), JSON.stringify({ version: '99.0.0' }));
      expect(buildPrintFonts(copy).identity).not.toBe(same.identity);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('names the package when one is missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'print-fonts-'));
    try {
      expect(() => buildPrintFonts(empty)).toThrow(/node_modules\/@fontsource\/noto-serif-sc\/400\.css.*npm ci/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('reads slices from a package stylesheet', () => {
    const slices = parseSlices(`/* x-[4]-400-normal */
@font-face { font-family: 'X'; src: url(./files/x-4.woff2) format('woff2'), url(./files/x-4.woff) format('woff'); unicode-range: U+4e00-4e01, U+ff01; }`);
    expect(slices).toEqual([{ key: '[4]', woff2: './files/x-4.woff2', unicodeRange: 'U+4e00-4e01,U+ff01' }]);
  });
});
