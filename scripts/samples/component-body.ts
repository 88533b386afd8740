/**
 * A SYNTHETIC article body that uses the MDX components (src/lib/mdx/components.ts), with the
 * files they name written beside it: a picture drawn by sharp (synthetic-photo.ts), a CSV table
 * of invented figures, a one-page PDF made with pdf-lib. For the benchmark's archive
 * (scripts/bench/corpus.ts) and the tests' MDX site (tests/helpers/mdx-site.ts); every caption,
 * title and note says it is 合成测试数据, and nothing here is an official text.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { besideFileName } from '../../src/lib/mdx/components.ts';
import { writeSyntheticPhoto } from './synthetic-photo.ts';

export interface ComponentDraw {
  photo: boolean;
  table: boolean;
  attachment: boolean;
  note: boolean;
}

/** Which components an article uses: at least one, each about as often as the others. */
export function drawComponents(random: () => number): ComponentDraw {
  for (;;) {
    const draw = { photo: random() < 0.4, table: random() < 0.4, attachment: random() < 0.4, note: random() < 0.4 };
    if (Object.values(draw).some(Boolean)) return draw;
  }
}

/** The files one component body names, by the names written into it. */
export interface ComponentFiles {
  photo?: { name: string; caption: string; alt: string; credit: string };
  table?: { name: string; title: string; header: string[]; rows: string[][] };
  attachment?: { name: string; title: string };
  note?: string;
}

/** A synthetic PDF of one page: its text is ASCII (pdf-lib's standard fonts have no Chinese). */
export async function syntheticPdf(label: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  page.drawText(`Synthetic test data: ${label}`, { x: 72, y: 760, size: 14, font });
  page.drawText('Not an official document.', { x: 72, y: 736, size: 12, font });
  return pdf.save({ useObjectStreams: false });
}

/**
 * Writes the files of `draw` beside the article `stem` in `folder` and returns the body: the
 * paragraphs with the components among them (the photo after the first paragraph, the table and
 * attachment after the second, the note last).
 */
export async function writeComponentBody(folder: string, stem: string, paragraphs: string[], draw: ComponentDraw, variant: number): Promise<{ body: string; files: ComponentFiles }> {
  const files: ComponentFiles = {};
  const blocks = [...paragraphs];
  const after = (index: number, block: string) => blocks.splice(Math.min(index, blocks.length), 0, block);
  const later: string[] = [];
  if (draw.photo) {
    files.photo = { name: besideFileName(stem, 'photo', 1, 'jpg'), caption: `合成测试图片${variant}（测试时生成，并非真实照片）`, alt: '合成测试图：红黄渐变上的白色圆形与蓝色方块', credit: '合成测试数据' };
    await writeSyntheticPhoto(join(folder, files.photo.name), { width: 960, height: 600, format: 'jpeg', variant });
    after(1, `<图片 文件="./${files.photo.name}" 图注="${files.photo.caption}" 替代文字="${files.photo.alt}" 来源="${files.photo.credit}" />`);
  }
  if (draw.table) {
    const header = ['项目（合成）', '数量', '说明'];
    const rows = Array.from({ length: 3 + (variant % 4) }, (_, i) => [`合成项目${i + 1}`, String(((variant + 1) * (i + 3)) % 97), i % 2 ? '合成数据，含逗号, 与"引号"' : '合成数据']);
    files.table = { name: besideFileName(stem, 'csv', 1, 'csv'), title: `合成测试表格${variant}`, header, rows };
    const csv = [header, ...rows].map((row) => row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',')).join('\n');
    writeFileSync(join(folder, files.table.name), `${csv}\n`);
    later.push(`<表格 标题="${files.table.title}" 文件="./${files.table.name}" />`);
  }
  if (draw.attachment) {
    files.attachment = { name: besideFileName(stem, 'attachment', 1, 'pdf'), title: `合成测试附件${variant}` };
    writeFileSync(join(folder, files.attachment.name), await syntheticPdf(`attachment ${variant}`));
    later.push(`<附件 文件="./${files.attachment.name}" 标题="${files.attachment.title}" />`);
  }
  for (const block of later.reverse()) after(2, block);
  if (draw.note) {
    files.note = `本文为合成测试数据${variant}，由测试程序生成，不是真实报道。`;
    blocks.push(`<注>\n\n${files.note}\n\n</注>`);
  }
  return { body: blocks.join('\n\n'), files };
}
