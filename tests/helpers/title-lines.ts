/**
 * A title as a PDF prints it over lines, read back from pdftotext's lines: where it starts and
 * which of its lines end inside one of its words (src/lib/title-breaks.ts), which GB/T 9704
 * §7.3.1 does not allow. Whitespace is ignored (pdftotext spaces Latin digits from Chinese).
 */
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
