/**
 * Synthetic test pictures, drawn with sharp when a test runs: shapes on a gradient, nothing
 * that could pass for a real photo. content/ never holds an image; tests and the benchmark put these into a
 * temporary copy of the project.
 */
import sharp from 'sharp';

/** `variant` moves the shapes, so that pictures drawn for different articles are different files. */
export async function writeSyntheticPhoto(path: string, options: { width: number; height: number; format: 'jpeg' | 'png'; variant?: number }): Promise<void> {
  const { width, height, format, variant = 0 } = options;
  const shift = (variant % 100) / 1000;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#c4161c"/><stop offset="1" stop-color="#f2b705"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${width * (0.3 + shift)}" cy="${height * 0.5}" r="${height * 0.25}" fill="#fffdf8" fill-opacity="0.8"/>
    <rect x="${width * (0.55 + shift)}" y="${height * 0.3}" width="${width * 0.3}" height="${height * 0.4}" fill="#0b4f8a"/>
  </svg>`;
  const image = sharp(Buffer.from(svg));
  await (format === 'jpeg' ? image.jpeg({ quality: 85 }) : image.png()).toFile(path);
}
