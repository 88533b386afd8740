/**
 * Word's automatic numbering written into the text. Offices number the heading levels of a 公文
 * (一、 （一） 1. （1）) with Word's list numbering as often as by typing them; the file then holds
 * the heading's words only and `word/numbering.xml` holds how to count (numFmt chineseCounting,
 * lvlText "%1、", start 1). mammoth reads neither the format nor the count, so before it reads the
 * file each numbered paragraph gets its label as the text it shows on paper, counted as Word
 * counts: per list (numId), per level, a level's count starting again under a new item of the
 * level above. Bullets stay list items.
 *
 * The XML is edited as text (the paragraph's properties are left as they are but the numbering
 * reference, which would number it twice): fast and enough for the elements concerned. The zip is
 * read and written with fflate, after zip-limits.ts has measured it.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { formatChineseNumber } from '../../src/lib/chinese-numbers.ts';
import { escapeHtml } from '../lib/escape-html.ts';

interface Level {
  format: string;
  text: string;
  start: number;
}

const attr = (xml: string, name: string) => new RegExp(`<w:${name}\\b[^>]*?w:val="([^"]*)"`).exec(xml)?.[1];

/** Each list's levels: numId → ilvl → how it counts. */
function readNumbering(xml: string): Map<string, Map<number, Level>> {
  const abstract = new Map<string, Map<number, Level>>();
  for (const m of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels = new Map<number, Level>();
    for (const l of m[2]!.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      levels.set(Number(l[1]), { format: attr(l[2]!, 'numFmt') ?? 'decimal', text: attr(l[2]!, 'lvlText') ?? '', start: Number(attr(l[2]!, 'start') ?? 1) });
    }
    abstract.set(m[1]!, levels);
  }
  const lists = new Map<string, Map<number, Level>>();
  for (const m of xml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const base = abstract.get(attr(m[2]!, 'abstractNumId') ?? '');
    if (!base) continue;
    const levels = new Map([...base].map(([k, v]) => [k, { ...v }]));
    for (const o of m[2]!.matchAll(/<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const start = attr(o[2]!, 'startOverride');
      const level = levels.get(Number(o[1]));
      if (start !== undefined && level) level.start = Number(start);
    }
    lists.set(m[1]!, levels);
  }
  return lists;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** A count in a level's format: 3 as 三 (chineseCounting), 3, ③, c, C, iii. */
export function formatCount(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'ideographTraditional':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return n <= 999 ? formatChineseNumber(n) : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerRoman':
    case 'upperRoman': {
      const numerals: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
      let rest = n;
      let out = '';
      for (const [value, glyph] of numerals) while (rest >= value) (out += glyph), (rest -= value);
      return format === 'upperRoman' ? out.toUpperCase() : out;
    }
    case 'decimalFullWidth':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    default:
      return String(n);
  }
}

/** document.xml with every numbered paragraph's label written into it (see the module's comment). */
export function numberParagraphs(documentXml: string, numberingXml: string): string {
  const lists = readNumbering(numberingXml);
  const counts = new Map<string, number[]>();
  return documentXml.replace(/<w:p\b[^>]*>[\s\S]*?<\/w:p>/g, (paragraph) => {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(paragraph);
    if (!numPr) return paragraph;
    const numId = attr(numPr[1]!, 'numId');
    const ilvl = Number(attr(numPr[1]!, 'ilvl') ?? 0);
    const levels = numId ? lists.get(numId) : undefined;
    const level = levels?.get(ilvl);
    if (!levels || !level || level.format === 'bullet' || level.format === 'none') return paragraph;
    const count = counts.get(numId!) ?? [];
    count[ilvl] = (count[ilvl] ?? level.start - 1) + 1;
    count.length = ilvl + 1;
    counts.set(numId!, count);
    const label = level.text.replace(/%(\d)/g, (_, k: string) => {
      const at = Number(k) - 1;
      const of = levels.get(at);
      return formatCount(count[at] ?? of?.start ?? 1, of?.format ?? 'decimal');
    });
    if (!label) return paragraph;
    const run = `<w:r><w:t xml:space="preserve">${escapeHtml(label)}</w:t></w:r>`;
    const withoutNumbering = paragraph.replace(numPr[0], '');
    const propertiesEnd = withoutNumbering.indexOf('</w:pPr>');
    return propertiesEnd >= 0 ? withoutNumbering.slice(0, propertiesEnd + 8) + run + withoutNumbering.slice(propertiesEnd + 8) : withoutNumbering.replace(/(<w:p\b[^>]*>)/, `$1${run}`);
  });
}

/** The .docx with its list numbering written into its paragraphs; the same bytes when it has none. */
export function materializeNumbering(data: Uint8Array): Uint8Array {
  const files = unzipSync(data, { filter: (file) => file.name === 'word/document.xml' || file.name === 'word/numbering.xml' });
  const numbering = files['word/numbering.xml'];
  const document = files['word/document.xml'];
  if (!numbering || !document) return data;
  const xml = strFromU8(document);
  if (!xml.includes('<w:numPr>')) return data;
  const all = unzipSync(data);
  all['word/document.xml'] = strToU8(numberParagraphs(xml, strFromU8(numbering)));
  return zipSync(all);
}
