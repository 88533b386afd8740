/**
 * Drawn renderings of an issue: each draw's style and file from its seed (drawStyle in
 * render-bulletin.ts), and the seeds of a run of draws. The fuzzer (scripts/import/fuzz.ts) and
 * the tests draw from here, so that a seed names the same file in both.
 */
import { seededRandom } from '../lib/random.ts';
import { ofdFromPdf } from './ofd.ts';
import { bulletinDocx, bulletinPdf, bulletinText, drawStyle, type RenderedIssue, type RenderFormat, type RenderStyle } from './render-bulletin.ts';

type Browser = import('@playwright/test').Browser;

/** The file name extension of each format. */
export const EXTENSIONS: Record<RenderFormat, string> = { text: 'txt', docx: 'docx', pdf: 'pdf', ofd: 'ofd' };

/** The format a file's name says (.txt, .docx, .pdf, .ofd). */
export function formatOf(name: string): RenderFormat {
  if (name.endsWith('.txt')) return 'text';
  if (name.endsWith('.docx')) return 'docx';
  if (name.endsWith('.pdf')) return 'pdf';
  if (name.endsWith('.ofd')) return 'ofd';
  throw new Error(`${name}: not a rendering (.txt, .docx, .pdf or .ofd)`);
}

/** The rendering drawn from `seed` in `format`. */
export async function renderDraw(issue: RenderedIssue, format: RenderFormat, seed: number, browser?: Browser): Promise<{ style: RenderStyle; file: Buffer }> {
  const r = seededRandom(seed);
  const style = drawStyle(r, format);
  if (format === 'text') return { style, file: Buffer.from(bulletinText(issue, style, r)) };
  if (format === 'docx') return { style, file: await bulletinDocx(issue, style) };
  const pdf = await bulletinPdf(issue, style, browser);
  return { style, file: format === 'ofd' ? await ofdFromPdf(pdf, style.ofd) : pdf };
}

/** The draw seeds of a run: the formats in turn, 5 : 2 : 1 (and OFD 1, when asked for), each draw's seed from the run's seed. */
export function plan(draws: number, seed: number, formats: readonly RenderFormat[] = ['text', 'docx', 'pdf']): Array<{ format: RenderFormat; seed: number }> {
  const weights: Record<RenderFormat, number> = { text: 5, docx: 2, pdf: 1, ofd: 1 };
  const cycle = formats.flatMap((f) => Array<RenderFormat>(weights[f]).fill(f));
  const r = seededRandom(seed);
  return Array.from({ length: draws }, (_, i) => ({ format: cycle[i % cycle.length]!, seed: Math.floor(r() * 2 ** 31) }));
}
