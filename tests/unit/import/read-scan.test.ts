/**
 * The OCR lines as the plain-text reader takes them (read-scan.ts), from Tesseract's TSV made up
 * here: no Tesseract is needed. Synthetic text, not from any issue.
 */
import { describe, expect, it } from 'vitest';
import { isOcrPageNumber, linesOfTsv, ocrText, recognisedPage, RECOGNISED_PAGES_KEPT } from '../../../scripts/import/read-scan.ts';

/** A TSV of one page: each line a word row at (left, top), 60 px a character. */
function tsv(lines: Array<{ text: string; left: number; top: number; conf?: number }>, height = 3508): string {
  const rows = ['level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext', `1\t1\t0\t0\t0\t0\t0\t0\t2480\t${height}\t-1\t`];
  lines.forEach((l, i) => rows.push(`5\t1\t1\t1\t${i + 1}\t1\t${l.left}\t${l.top}\t${[...l.text].length * 60}\t60\t${l.conf ?? 90}\t${l.text}`));
  return rows.join('\n');
}

const body = '这是一行排满的正文文字用来测量页边距和字宽的合成测试数据';

describe('OCR lines', () => {
  it('keep their words, confidence and place; Latin words keep their space', () => {
    const [line] = linesOfTsv(tsv([{ text: 'Sxs1331bgs@163.com', left: 300, top: 500, conf: 71 }]), 0);
    expect(line).toMatchObject({ text: 'Sxs1331bgs@163.com', confidence: 71, page: 0, left: 300, top: 500, pageHeight: 3508 });
  });

  it('become text with a paragraph’s first line indented, even on a page scanned askew', () => {
    // The margin drifts from 300 px at the head to 445 px at the foot (more than two characters: a
    // page-wide margin would take the foot's lines for first lines); first lines are two characters in.
    const lines = Array.from({ length: 30 }, (_, i) => {
      const margin = 300 + i * 5;
      const first = i % 5 === 0;
      return { text: first ? body.slice(2) : body, left: first ? margin + 120 : margin, top: 400 + i * 90 };
    });
    const text = ocrText(linesOfTsv(tsv(lines), 0));
    const indented = text.split('\n').map((l) => l.startsWith('\u3000\u3000'));
    expect(indented).toEqual(lines.map((_, i) => i % 5 === 0));
  });

  it('know a page number at the page’s edge however OCR spells it, and only there', () => {
    for (const text of ['— 3 —', '10一', '1]11一', '-12-', '7']) expect(isOcrPageNumber({ text, top: 3300, pageHeight: 3508 }), text).toBe(true);
    expect(isOcrPageNumber({ text: '2017', top: 1500, pageHeight: 3508 })).toBe(false);
    expect(isOcrPageNumber({ text: '共印200份', top: 3300, pageHeight: 3508 })).toBe(false);
    const pages = [...linesOfTsv(tsv([{ text: body, left: 300, top: 400 }, { text: '1]11一', left: 1200, top: 3350 }]), 0)];
    expect(ocrText(pages).split('\n').at(-1)).toBe('— 0 —');
  });
});

describe('a page image already read', () => {
  /** A reader that counts its runs, as Tesseract would be run, and names the image it was given. */
  const counting = () => {
    const reads: string[] = [];
    return { reads, read: (name: string) => async () => (reads.push(name), `TSV of ${name}`) };
  };
  const image = (n: number) => new TextEncoder().encode(`合成测试页面图像 ${n}`);

  it('is not read again: the same bytes give the text read the first time, other bytes are read', async () => {
    const { reads, read } = counting();
    expect(await recognisedPage(image(1), read('a'))).toBe('TSV of a');
    expect(await recognisedPage(image(1), read('b'))).toBe('TSV of a');
    expect(await recognisedPage(image(2), read('c'))).toBe('TSV of c');
    expect(reads).toEqual(['a', 'c']);
  });

  it('is forgotten, oldest first, beyond the pages kept', async () => {
    const { reads, read } = counting();
    const first = 1000;
    for (let n = first; n <= first + RECOGNISED_PAGES_KEPT; n++) await recognisedPage(image(n), read(`page ${n}`));
    reads.length = 0;
    // The newest is still known; the oldest was forgotten and is read again.
    await recognisedPage(image(first + RECOGNISED_PAGES_KEPT), read('newest again'));
    await recognisedPage(image(first), read('oldest again'));
    expect(reads).toEqual(['oldest again']);
  });
});
