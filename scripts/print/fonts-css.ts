/**
 * The open CJK fonts the PDFs embed: their @font-face rules, built in memory from the fonts'
 * npm packages, and the woff2 files those rules name.
 *
 * No page of the site links these rules. A stylesheet linked with media="print" is still
 * downloaded by every screen visit (with its @imports), and the rules for four sliced CJK
 * families weigh many times an article page (docs/decisions/009-print-fonts.md). So the PDF renderer
 * (scripts/pdf/render.ts) adds them to each page itself before printing, and serves the font
 * files under PRINT_FONTS_PATH straight from node_modules (scripts/pdf/site-files.ts): no font
 * file goes into dist/, the PDFs carry the glyphs they use. Printing from a browser uses the
 * reader's own fonts (the stacks in src/styles/print.css).
 *
 *   node scripts/print/fonts-css.ts   # prints what the renderer would inject: faces, rules, files, size
 *
 * Why build the rules instead of using the packages' CSS as it is:
 * - it lists a .woff fallback for every slice; Chromium takes woff2;
 * - its url()s are relative to the package; the renderer needs one private path it can serve;
 * - each family repeats the same ~100 unicode ranges (Google Fonts' slicing); interleaving the
 *   rules slice by slice keeps the text short to parse and easy to compare between builds.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** One face of a family as its package ships it: a CSS file of sliced @font-face rules. */
interface FaceSource {
  /** The npm package (under node_modules). */
  package: string;
  /** The package's CSS file for this face, relative to the package. */
  css: string;
  /** The family name the print styles use. */
  family: string;
  weight: number;
}

/**
 * 宋 (and the stand-in for 仿宋 and 小标宋, which have no open version): Noto Serif SC 400 / 700.
 * 黑: Noto Sans SC 500, about the colour of the 黑体 GB/T 9704 asks for.
 * 楷: LXGW WenKai. @fontsource/lxgw-wenkai ships only a Latin subset, so the CJK slices come
 * from lxgw-wenkai-webfont (same OFL-1.1 font, same slicing).
 */
export const PRINT_FACES: readonly FaceSource[] = [
  { package: '@fontsource/noto-serif-sc', css: '400.css', family: 'Noto Serif SC', weight: 400 },
  { package: '@fontsource/noto-serif-sc', css: '700.css', family: 'Noto Serif SC', weight: 700 },
  { package: '@fontsource/noto-sans-sc', css: '500.css', family: 'Noto Sans SC', weight: 500 },
  { package: 'lxgw-wenkai-webfont', css: 'lxgwwenkai-regular.css', family: 'LXGW WenKai', weight: 400 },
];

/** The families, for asking the browser to load them. */
export const PRINT_FAMILIES: readonly string[] = [...new Set(PRINT_FACES.map((face) => face.family))];

/**
 * Where the renderer's pages find the font files. Not a path of the site: only the renderer's
 * request interception answers it (the double underscore keeps it clear of any page's path).
 */
export const PRINT_FONTS_PATH = '/__print-fonts/';

export interface Slice {
  /** The slice's key in Google Fonts' slicing ("[4]", "latin", …): equal keys cover equal ranges. */
  key: string;
  woff2: string;
  unicodeRange: string | undefined;
}

/** The slices of a package's CSS: each rule's woff2 file and unicode-range. */
export function parseSlices(css: string): Slice[] {
  const slices: Slice[] = [];
  for (const rule of css.matchAll(/(?:\/\*([^*]*)\*\/\s*)?@font-face\s*\{([^}]*)\}/g)) {
    const body = rule[2]!;
    const woff2 = /url\(\s*['"]?([^'")]+\.woff2)['"]?\s*\)/.exec(body)?.[1];
    if (!woff2) throw new Error(`@font-face without a woff2 source: ${body.trim().slice(0, 120)}`);
    const comment = rule[1]?.trim() ?? '';
    const key = /\[\d+\]/.exec(comment)?.[0] ?? comment.split(/\s+/).find((word) => /^[a-z-]+$/.test(word) && !['normal'].includes(word)) ?? woff2;
    const unicodeRange = /unicode-range:\s*([^;]+?)\s*(?:;|$)/.exec(body)?.[1]?.replace(/\s+/g, '');
    slices.push({ key, woff2, unicodeRange });
  }
  return slices;
}

export interface PrintFonts {
  /** The @font-face rules, their url()s under PRINT_FONTS_PATH. */
  css: string;
  /** Each URL path the rules name → the woff2 file on disk that answers it. */
  files: ReadonlyMap<string, string>;
  /** What the rendered fonts depend on (the rules, the packages' versions): part of the PDF cache key. */
  identity: string;
}

/**
 * Builds the rules from the packages installed under `root`/node_modules. Throws naming the
 * package when one is missing or has no usable rule.
 */
export function buildPrintFonts(root: string): PrintFonts {
  const modules = join(root, 'node_modules');
  const files = new Map<string, string>();
  const versions: string[] = [];
  const faces = PRINT_FACES.map((face) => {
    const packageDir = join(modules, face.package);
    const cssPath = join(packageDir, face.css);
    let text: string;
    try {
      text = readFileSync(cssPath, 'utf8');
      const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
      versions.push(`${face.package}@${version}`);
    } catch (error) {
      throw new Error(`打印字体：无法读取 ${relative(root, cssPath)}（${(error as Error).message.split('\n')[0]}）。请运行 npm ci。`);
    }
    const slices = parseSlices(text);
    if (slices.length === 0) throw new Error(`打印字体：${relative(root, cssPath)} 中没有 @font-face 规则`);
    return { face, cssDir: dirname(cssPath), slices };
  });
  const keys: string[] = [];
  for (const { slices } of faces) for (const { key } of slices) if (!keys.includes(key)) keys.push(key);
  const lines = ['/* Noto Serif SC, Noto Sans SC (OFL-1.1, Google / Adobe); LXGW WenKai (OFL-1.1, lxgw). */'];
  for (const key of keys) {
    for (const { face, cssDir, slices } of faces) {
      const slice = slices.find((s) => s.key === key);
      if (!slice) continue;
      const file = resolve(cssDir, slice.woff2);
      const inModules = relative(modules, file);
      if (inModules.startsWith('..')) throw new Error(`打印字体：${face.package} 的字体文件不在 node_modules 中（${slice.woff2}）`);
      const url = PRINT_FONTS_PATH + inModules.split(sep).join('/');
      files.set(url, file);
      const range = slice.unicodeRange ? `;unicode-range:${slice.unicodeRange}` : '';
      lines.push(
        `@font-face{font-family:'${face.family}';font-style:normal;font-weight:${face.weight};font-display:block;src:url('${url}') format('woff2')${range}}`,
      );
    }
  }
  const css = `${lines.join('\n')}\n`;
  return { css, files, identity: `${versions.join(' ')}\n${css}` };
}

function main() {
  const fonts = buildPrintFonts(resolve(import.meta.dirname, '../..'));
  for (const face of PRINT_FACES) {
    const rules = fonts.css.split('\n').filter((line) => line.includes(`font-family:'${face.family}'`) && line.includes(`font-weight:${face.weight};`));
    console.log(`${face.family} ${face.weight}（${face.package}/${face.css}）：${rules.length} 个切片`);
  }
  console.log(`共 ${fonts.files.size} 个 woff2 文件，规则 ${(Buffer.byteLength(fonts.css) / 1024).toFixed(1)} KB；由 PDF 渲染器注入，网站页面不链接。`);
}

if (import.meta.main) main();
