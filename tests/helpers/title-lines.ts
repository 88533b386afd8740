/**
 * A title over lines, and which of its lines end inside one of its words (src/lib/title-breaks.ts),
 * which GB/T 9704 §7.3.1 does not allow: as a PDF prints it, read back from pdftotext's lines
 * (whitespace ignored: pdftotext spaces Latin digits from Chinese), or as a browser sets it on
 * screen, from its characters' boxes.
 */
import type { Locator } from '@playwright/test';
import { titleWords } from '../../src/lib/title-breaks.ts';
import { squeeze } from './poppler.ts';

export interface PrintedTitle {
  /** The line it starts on (it may follow other text there: ◆ in a 要目), -1 when not found. */
  start: number;
  /** The line after its last. */
  end: number;
  /** Its lines that end inside a word. */
  inside: string[];
}

/** The first printing of `title` at or after line `from` of `text`. */
export function printedTitle(text: string, title: string, from = 0): PrintedTitle {
  const lines = text.split('\n').map(squeeze);
  const whole = squeeze(title);
  const ends = new Set<number>();
  let at = 0;
  for (const word of titleWords(title)) ends.add((at += squeeze(word).length));
  for (let start = from; start < lines.length; start++) {
    const offset = lines.slice(start).join('').indexOf(whole);
    if (offset < 0) break;
    if (offset >= lines[start]!.length) continue;
    const inside: string[] = [];
    let printed = lines[start]!.length - offset;
    let i = start;
    while (printed < whole.length) {
      if (!ends.has(printed)) inside.push(lines[i]!);
      printed += lines[++i]!.length;
    }
    return { start, end: i + 1, inside };
  }
  return { start: -1, end: -1, inside: [] };
}

/**
 * A title as a browser sets it on screen: the lines of `locator`'s element (from its characters'
 * boxes) that end inside one of the title's words. Empty when it breaks only between words or
 * stands on one line; `lines` says how many lines it took.
 */
export async function screenTitle(locator: Locator): Promise<{ lines: number; inside: string[] }> {
  const { text, ends } = await locator.evaluate((element) => {
    const found: number[] = [];
    let at = 0;
    let top: number | undefined;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.textContent!.length; i++, at++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const y = Math.round(range.getBoundingClientRect().top);
        if (top !== undefined && y > top + 4) found.push(at);
        top = y;
      }
    }
    return { text: element.textContent!, ends: found };
  });
  const words = new Set(titleWords(text).map((_, i, all) => all.slice(0, i + 1).join('').length));
  return { lines: ends.length + 1, inside: ends.filter((end) => !words.has(end)).map((end) => `${text.slice(0, end)} / ${text.slice(end)}`) };
}
