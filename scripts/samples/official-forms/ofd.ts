/**
 * Producer (f): OFD (GB/T 33190), the format 电子公文 are exchanged in. Made from the Chromium PDF
 * (pdf.ts) by scripts/samples/ofd.ts `ofdFromPdf(pdf)`, which another part of the project
 * provides; until it is there, this hook says so and the corpus leaves OFD out.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const WRITER = fileURLToPath(new URL('../ofd.ts', import.meta.url));

type OfdFromPdf = (pdf: Uint8Array) => Buffer | Uint8Array | Promise<Buffer | Uint8Array>;

/** The one sentence saying why OFD cannot be made, or undefined when the writer is there. */
export async function ofdSetupMessage(): Promise<string | undefined> {
  if (!existsSync(WRITER)) return '缺少 OFD 生成器（scripts/samples/ofd.ts 的 ofdFromPdf），无法生成 OFD 样本：请先加入该模块后重试。';
  const module = (await import(WRITER)) as { ofdFromPdf?: unknown };
  return typeof module.ofdFromPdf === 'function' ? undefined : 'scripts/samples/ofd.ts 没有导出 ofdFromPdf(pdf)，无法生成 OFD 样本：请检查该模块后重试。';
}

/** Producer (f): the OFD bytes of a PDF the pdf producer printed. */
export async function officialOfd(pdf: Uint8Array): Promise<Buffer> {
  const message = await ofdSetupMessage();
  if (message) throw new Error(message);
  const { ofdFromPdf } = (await import(WRITER)) as { ofdFromPdf: OfdFromPdf };
  return Buffer.from(await ofdFromPdf(pdf));
}
