/**
 * What a photo costs the build: encodes pictures as the site's image pipeline does (sharp, the
 * widths of src/lib/photos.ts, AVIF and WebP) at each AVIF effort, and prints the time and bytes
 * of each. The choice of effort in astro.config.mjs rests on these figures (docs/benchmarks.md,
 * "Photos"). Two pictures: the benchmark corpus's synthetic one (shapes on a gradient) and a
 * textured one (blurred noise), nearer a real photo's detail; neither is a real photo.
 *
 *   npm run bench:photos [-- --photos 20 --width 960]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp, { type Sharp } from 'sharp';
import { photoWidths } from '../../src/lib/photos.ts';
import { writeSyntheticPhoto } from '../samples/synthetic-photo.ts';

const { values } = parseArgs({ options: { photos: { type: 'string', default: '20' }, width: { type: 'string', default: '960' } } });
const count = Number(values.photos);
const width = Number(values.width);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(width) || width < 64) {
  console.error('参数有误：--photos 应为正整数，--width 应为不小于 64 的整数（像素）');
  process.exit(2);
}
const height = Math.round((width * 5) / 8);

/** `count` pictures of each kind, as JPEG files' bytes. */
async function pictures(folder: string): Promise<Record<string, Buffer[]>> {
  const synthetic: Buffer[] = [];
  const textured: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const path = join(folder, `${i}.jpg`);
    await writeSyntheticPhoto(path, { width, height, format: 'jpeg', variant: i });
    synthetic.push(readFileSync(path));
    const noise = sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128 + (i % 20), sigma: 40 } } });
    textured.push(await sharp(await noise.png().toBuffer()).blur(1.2).jpeg({ quality: 85 }).toBuffer());
  }
  return { 合成图形: synthetic, 纹理: textured };
}

const folder = mkdtempSync(join(tmpdir(), 'yaoxun-bench-photos-'));
try {
  const kinds = await pictures(folder);
  const widths = photoWidths(width);
  console.log(`每种 ${count} 张 ${width}×${height} 的 JPEG，宽度 ${widths.join('、')}；sharp ${sharp.versions.sharp}，libvips ${sharp.versions.vips}`);
  console.log('| 图片 | 格式 | 每张用时 | 每张字节 |');
  console.log('|---|---|---:|---:|');
  for (const [kind, files] of Object.entries(kinds)) {
    const encoders: Array<[string, (image: Sharp) => Sharp]> = [
      ['AVIF effort 4（sharp 默认）', (image) => image.avif({ effort: 4 })],
      ['AVIF effort 2', (image) => image.avif({ effort: 2 })],
      ['WebP', (image) => image.webp()],
    ];
    for (const [name, encode] of encoders) {
      let bytes = 0;
      const started = performance.now();
      for (const file of files) for (const w of widths) bytes += (await encode(sharp(file).resize(w)).toBuffer()).length;
      const ms = (performance.now() - started) / files.length;
      console.log(`| ${kind} | ${name} | ${Math.round(ms)} ms | ${Math.round(bytes / files.length).toLocaleString('en')} |`);
    }
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
