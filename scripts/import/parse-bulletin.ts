/**
 * Reads a bulletin issue out of its blocks of text (source-block.ts), whichever file they came
 * from: the masthead (刊名, 第N期, 主办单位, date), the 要目, one article per 要目 item (its
 * headline found in the body however it wraps, its paragraphs made whole again) and the
 * closing block (版记). Refuses, with the reason, a document that is not a bulletin.
 */
import { compactKey, endsSentence, isPageNumber, joinBroken, removeSpreadSpacing, tidy } from './cjk-text.ts';
import { CHINESE_DATE, formatChineseNumber, parseChineseDate, parseNumber } from '../../src/lib/chinese-numbers.ts';
import { editDistance } from './edit-distance.ts';
import { ImportError } from './errors.ts';
import type { IssueData } from '../../src/schemas/issue.ts';
import { LIST_MARKER, type SourceBlock } from './source-block.ts';

export interface ParsedArticle {
  /** The headline as the 要目 prints it. */
  title: string;
  /** Whole paragraphs, verbatim but for extraction's spaces. */
  paragraphs: string[];
  /** Paragraphs put together from pieces a page break had cut, as "前文|后文" around the cut. */
  joins: string[];
}

export interface ClosingBlock {
  publisher?: string;
  email?: string;
  telephone?: string;
  date?: string;
  serial?: number;
  recipients: { bao?: string; song?: string; fa?: string };
  copies?: number;
}

/** The issue's frontmatter fields as the schema has them, with its articles as read. */
export type ParsedBulletin = Omit<IssueData, 'articles' | 'serial' | 'email' | 'telephone'> & {
  /** Left out when the issue prints none (no 版记): see `missing`. */
  serial?: number;
  email?: string;
  telephone?: string;
  /** What the entry needs that the issue does not print: 总期号, 邮箱, 电话. */
  missing: string[];
  articles: ParsedArticle[];
  /** What the parser could not decide or had to leave out, for the editor. */
  notes: string[];
};

const ISSUE_NUMBER = /^第\s*(\S+?)\s*期(?:\s*[（(]\s*总第\s*(\S+?)\s*期\s*[)）])?$/;
const TOC_HEADING = /^(?:本期)?(?:要目|目录)$/;
const SERIAL = /总第\s*([0-9〇零一二两三四五六七八九十百]+)\s*期/;
const COPIES = /^[（(]?\s*共印\s*(\d+)\s*份\s*[)）]?$/;
/** A 版记 line's label, written with or without spaces between its characters (主 办：). */
const CLOSING_LABEL = /^(主\s*办|邮\s*箱|电\s*话|出版日期|报|送|发)\s*[：:]\s*/;
/**
 * The start of another labelled item on the same line: 主办：… 邮箱：…, with or without space
 * between them (tidying drops the space between a number and Chinese: 0351-8723363 出版日期：…).
 */
const NEXT_LABEL = /(?<=\S)\s*(?=(?:主\s*办|邮\s*箱|电\s*话|出版日期)\s*[：:])/;

/** Marks a 要目 item may be typed with: the readers' list marks, and （一）. */
const TOC_MARKER = new RegExp(`${LIST_MARKER.source}|^[（(][一二三四五六七八九十]{1,3}[)）]\\s*`);

/** The text of a 要目 item without its list marker. */
const itemText = (block: SourceBlock) => tidy(block.listItem ? block.text.replace(LIST_MARKER, '') : block.text);

export interface BulletinReading {
  /**
   * The text is a scan's OCR draft: a headline is found in the body when it is nearly the 要目
   * item (nearKeys), since OCR misreads a character or two in most lines, and a 要目 mark (◆)
   * read as a character is dropped from the item.
   */
  ocr?: boolean;
}

export function parseBulletin(input: readonly SourceBlock[], { ocr = false }: BulletinReading = {}): ParsedBulletin {
  const notes: string[] = [];
  // Page numbers a reader left (a page's foot typed into the text) are not text.
  const blocks = input.filter((b) => !isPageNumber(tidy(b.text)));
  const texts = blocks.map((b) => tidy(b.text));

  // The masthead: the series lines, then 第N期.
  const numberAt = texts.findIndex((t) => /^第\s*\S+?\s*期/.test(t));
  if (numberAt < 0 || numberAt > 8) {
    throw new ImportError('不是《工作要讯》：未找到报头（开头应为刊名，下一行为“第N期”）');
  }
  if (numberAt === 0) throw new ImportError('未找到报头的刊名：“第N期”之前应有刊名（如“工作要讯”）');
  const numberMatch = ISSUE_NUMBER.exec(texts[numberAt]!);
  const number = numberMatch ? parseNumber(numberMatch[1]!) : undefined;
  if (!number) throw new ImportError(`无法读出期号：报头写的是“${texts[numberAt]}”，应为“第N期”（N 为数字，如 第2期）`);
  // A masthead line set letter by letter (工 作 要 讯) is the words without the spacing.
  const series = texts.slice(0, numberAt).map(removeSpreadSpacing);

  // Between 第N期 and the 要目: the compiling unit and the date, on one line or two.
  let bylineEnd = numberAt + 1;
  for (let i = numberAt + 1; i <= numberAt + 3 && i < texts.length; i++) {
    if (parseChineseDate(texts[i]!)) {
      bylineEnd = i + 1;
      break;
    }
  }
  if (bylineEnd === numberAt + 1 && texts[numberAt + 1] && !TOC_HEADING.test(texts[numberAt + 1]!.replace(/\s/g, '')) && !isTocItem(blocks[numberAt + 1]!)) bylineEnd = numberAt + 2;
  const headingAt = texts.findIndex((t, i) => i >= bylineEnd - 1 && i > numberAt && i <= bylineEnd + 1 && TOC_HEADING.test(t.replace(/\s/g, '')));
  if (headingAt >= 0 && headingAt < bylineEnd) bylineEnd = headingAt;
  const byline = texts.slice(numberAt + 1, bylineEnd).join(' ');
  const mastheadDate = parseChineseDate(byline);
  const mastheadPublisher = byline.replace(CHINESE_DATE, '').replace(/\s+/g, ' ').trim() || undefined;

  const closingAt = findClosingBlock(texts, bylineEnd);
  const tocStart = headingAt >= 0 ? headingAt + 1 : bylineEnd;
  const found = findTocAndArticles(blocks.slice(tocStart, closingAt), ocr ? nearKeys : exactKeys);
  let articles: ParsedArticle[];
  if (found) {
    articles = found;
  } else if (ocr) {
    throw new ImportError('文字识别稿中未能对上本期要目与正文各篇的标题（识别错字太多，或不是《工作要讯》）：请检查扫描件是否清晰、完整');
  } else {
    // Say why: the 要目 as its marks or heading give it, and the item that has no article.
    const firstItem = blocks.findIndex((b, i) => i > numberAt && b.listItem);
    const toc = findToc(blocks, texts, numberAt, firstItem, headingAt);
    if (!toc) throw new ImportError('不是《工作要讯》：未找到本期要目（报头之后应列出各篇标题）');
    articles = splitArticles(blocks.slice(toc.end, closingAt), toc.items, notes);
  }

  const closing = parseClosingBlock(texts.slice(closingAt));
  const missing: string[] = [];
  if (closingAt >= texts.length) notes.push('版记：未找到（主办、邮箱、电话、出版日期、总期号、报送发、印数），这一期写入时没有版记');
  const date = mastheadDate ?? closing.date;
  if (!date) throw new ImportError('未找到出版日期：报头或版记中应有“2017年5月18日”这样的日期');
  if (mastheadDate && closing.date && mastheadDate !== closing.date) {
    notes.push(`报头日期 ${mastheadDate} 与版记出版日期 ${closing.date} 不一致，已用报头日期`);
  }
  const publisher = closing.publisher ?? mastheadPublisher;
  if (!publisher) throw new ImportError('未找到主办单位：报头或版记“主办：”中应有编印单位');
  if (closing.publisher && mastheadPublisher && closing.publisher !== mastheadPublisher) {
    notes.push(`报头编印单位“${mastheadPublisher}”与版记主办“${closing.publisher}”不一致，已用版记`);
  }
  const serial = closing.serial ?? (numberMatch?.[2] ? parseNumber(numberMatch[2]) : undefined);
  if (!serial) missing.push('总期号');
  if (!closing.email) missing.push('邮箱');
  if (!closing.telephone) missing.push('电话');
  if (closingAt < texts.length && missing.length) notes.push(`版记中未找到：${missing.join('、')}`);

  return {
    series,
    year: Number(date.slice(0, 4)),
    number,
    ...(serial ? { serial } : {}),
    date,
    publisher,
    ...(closing.email ? { email: closing.email } : {}),
    ...(closing.telephone ? { telephone: closing.telephone } : {}),
    recipients: closing.recipients,
    ...(closing.copies ? { copies: closing.copies } : {}),
    articles,
    notes,
    missing,
  };
}

/**
 * A line in which a reader ran numbered 要目 items together (a PDF item that ends at the margin
 * runs into the next: “（六）…专题集体学习（七）孙世新主持…”), cut where the next number in the
 * sequence begins: （六） is followed by （七）, 6. by 7., ⑥ by ⑦. Only the next number cuts, so a
 * bracketed number inside a headline stays in it. A line that does not open with a number (an
 * item's wrapped second line, run into the next item: “…提出要求（二）吴俊清…”) is cut at `next`,
 * the number that follows the item before it.
 */
export function splitNumberedRun(text: string, next?: string): string[] {
  const own = nextNumber(text);
  if (!own) {
    const at = next ? text.indexOf(next, 1) : -1;
    return at === -1 ? [text] : [text.slice(0, at).trim(), ...splitNumberedRun(text.slice(at))];
  }
  const at = text.indexOf(own.next, own.marker.length + 1);
  return at === -1 ? [text] : [text.slice(0, at).trim(), ...splitNumberedRun(text.slice(at))];
}

/** For a line that opens with a number (（六）, 6., ⑥): that mark, and the one that comes after it. */
function nextNumber(text: string): { marker: string; next: string } | undefined {
  const m = /^(?:([（(])([一二三四五六七八九十]{1,3})([)）])|(\d{1,2})([.．、])|([①-⑲]))/.exec(text);
  if (!m) return undefined;
  const n = m[2] ? parseNumber(m[2]) : m[4] ? Number(m[4]) : m[6]!.charCodeAt(0) - 0x2460 + 1;
  if (!n || n >= 99) return undefined;
  return { marker: m[0], next: m[2] ? `${m[1]}${formatChineseNumber(n + 1)}${m[3]}` : m[4] ? `${n + 1}${m[5]}` : String.fromCharCode(0x2460 + n) };
}

/** A block that opens with a 要目 marker, or that a reader says is a list item. */
const isTocItem = (block: SourceBlock) => Boolean(block.listItem) || TOC_MARKER.test(tidy(block.text));

interface Piece {
  text: string;
  /** Opens with a list marker (or is a list item by the reader's word). */
  marked: boolean;
  /** The block it is (or is part of), and whether it is that block's first piece. */
  block: number;
  first: boolean;
}

/**
 * The 要目 and the articles, told apart by what the body holds: the 要目 is the run of pieces
 * (blocks, or the lines of a block that text extraction ran together) after the masthead whose
 * items — each a marked piece and what follows it, or, with no marks, one or more pieces —
 * reappear in the body, in order, as headlines, the first where the 要目 ends and each with a
 * paragraph of its own. Undefined when no such reading exists.
 */
function findTocAndArticles(blocks: readonly SourceBlock[], match: Matcher): ParsedArticle[] | undefined {
  const pieces: Piece[] = [];
  let next: string | undefined;
  blocks.slice(0, 80).forEach((block, i) => {
    const lines = (block.lines && block.lines.length > 1 && !block.listItem ? block.lines.map(tidy).filter(Boolean) : [tidy(block.text)]).flatMap((line) => {
      const cut = splitNumberedRun(line, next);
      for (const piece of cut) next = nextNumber(piece)?.next ?? next;
      return cut;
    });
    lines.forEach((text, j) => !(i === 0 && j === 0 && TOC_HEADING.test(text.replace(/\s/g, ''))) && pieces.push({ text, marked: (j === 0 && Boolean(block.listItem)) || TOC_MARKER.test(text), block: i, first: j === 0 }));
  });
  const texts = blocks.map((b) => tidy(b.text));
  const keys = texts.map(compactKey);
  const stripped = (p: Piece) => (p.marked ? p.text.replace(TOC_MARKER, '') : p.text);
  for (let end = 1; end < pieces.length; end++) {
    if (!pieces[end]!.first) continue;
    const toc = pieces.slice(0, end);
    const marked = toc.some((p) => p.marked);
    if (marked && !toc[0]!.marked) continue;
    const bodyStart = pieces[end]!.block;
    const items = segment(toc, marked, stripped, keys, bodyStart, match) ?? (marked || match !== exactKeys ? undefined : segmentRun(toc.map(stripped).reduce(joinBroken, ''), keys, bodyStart));
    if (!items) continue;
    return items.map(({ title, at, length }, i) => {
      const to = i + 1 < items.length ? items[i + 1]!.at : blocks.length;
      const { paragraphs, joins } = paragraphsOf(blocks.slice(at + length, to));
      return { title, paragraphs, joins };
    });
  }
  return undefined;
}

/**
 * Splits the 要目's pieces into items whose headlines follow in the body from `bodyStart` on,
 * the first right there: backtracking over where items end when the 要目 has no marks.
 */
function segment(
  toc: readonly Piece[],
  marked: boolean,
  stripped: (p: Piece) => string,
  keys: readonly string[],
  bodyStart: number,
  match: Matcher,
): Array<{ title: string; at: number; length: number }> | undefined {
  const result: Array<{ title: string; at: number; length: number }> = [];
  const walk = (from: number, cursor: number): boolean => {
    if (from === toc.length) return true;
    for (let to = from + 1; to <= toc.length && to - from <= 6; to++) {
      if (marked && to < toc.length && !toc[to]!.marked) continue;
      const text = toc.slice(from, to).map(stripped).reduce(joinBroken, '');
      const key = compactKey(text);
      if (!key) continue;
      // The first headline opens the body; each later one comes after a paragraph at least.
      const candidates = result.length ? range(cursor + 1, keys.length) : [bodyStart];
      for (const at of candidates) {
        const found = match(keys, at, key);
        if (!found) continue;
        const { length, skip } = found;
        const title = skip ? text.trimStart().slice(skip).trimStart() : text;
        result.push({ title, at, length });
        if (walk(to, at + length)) return true;
        result.pop();
        break;
      }
      if (marked) return false;
    }
    return false;
  };
  if (!walk(0, bodyStart)) return undefined;
  // The last article has a paragraph of its own too.
  return result.at(-1)!.at + result.at(-1)!.length < keys.length ? result : undefined;
}

/**
 * The same for a 要目 whose items a reader ran together (a PDF item that ends at the margin runs
 * into the next): the items are cut where the headlines in the body say, in the 要目's text.
 */
function segmentRun(toc: string, keys: readonly string[], bodyStart: number): Array<{ title: string; at: number; length: number }> | undefined {
  const tocKey = compactKey(toc);
  // Where each character of the compact key stands in the text (compactKey only drops whitespace).
  const positions: number[] = [];
  [...toc].reduce((offset, c) => {
    if (!/\s/.test(c)) positions.push(offset);
    return offset + c.length;
  }, 0);
  const titleOf = (from: number, to: number) => toc.slice(positions[from], to < positions.length ? positions[to] : toc.length).trim();
  const result: Array<{ title: string; at: number; length: number }> = [];
  const walk = (keyAt: number, cursor: number): boolean => {
    if (keyAt === tocKey.length) return cursor < keys.length;
    const rest = tocKey.slice(keyAt);
    const at = result.length ? range(cursor + 1, keys.length).find((i) => keys[i] && rest.startsWith(keys[i]!)) : bodyStart;
    if (at === undefined || !keys[at] || !rest.startsWith(keys[at]!)) return false;
    let joined = '';
    for (let n = 1; n <= 6 && at + n - 1 < keys.length; n++) {
      joined += keys[at + n - 1]!;
      if (!rest.startsWith(joined)) break;
      result.push({ title: titleOf(keyAt, keyAt + joined.length), at, length: n });
      if (walk(keyAt + joined.length, at + n)) return true;
      result.pop();
    }
    return false;
  };
  return tocKey && walk(0, bodyStart) ? result : undefined;
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/**
 * Whether the blocks from `at` on are the headline whose compact key is `key`: how many blocks
 * it takes (a headline wraps), and how many of the key's first characters the body does not
 * have (a 要目 mark read as text), or undefined.
 */
type Matcher = (keys: readonly string[], at: number, key: string) => { length: number; skip: number } | undefined;

/** The blocks put together spell the key. */
const exactKeys: Matcher = (keys, at, key) => {
  let joined = '';
  for (let n = 1; n <= 6 && at + n - 1 < keys.length; n++) {
    joined += keys[at + n - 1]!;
    if (joined === key) return { length: n, skip: 0 };
    if (!key.startsWith(joined)) return undefined;
  }
  return undefined;
};

/** At most this share of a headline's characters may differ from its 要目 item in an OCR draft. */
export const NEAR_DIFFERENCE = 0.25;

/**
 * The blocks put together are nearly the key (an OCR draft): within NEAR_DIFFERENCE of its
 * length in edit distance, the key taken whole or without its first character (a ◆ read as
 * 令 or 售), whichever is nearer; of the ways to put blocks together, the nearest.
 */
const nearKeys: Matcher = (keys, at, key) => {
  if (key.length < 8) return exactKeys(keys, at, key);
  // The first block must open the headline (with or without the misread mark): checked on its
  // own length first, as most blocks are not headlines.
  const first = keys[at];
  const opens = (skip: number) => editDistance(first!, key.slice(skip, skip + first!.length), { limit: Math.floor(first!.length * NEAR_DIFFERENCE) + 1 }) !== undefined;
  if (!first || !(opens(0) || opens(1))) return undefined;
  let joined = '';
  let best: { length: number; skip: number; score: number } | undefined;
  for (let n = 1; n <= 6 && at + n - 1 < keys.length; n++) {
    joined += keys[at + n - 1]!;
    if (joined.length > key.length * (1 + NEAR_DIFFERENCE) + 1) break;
    for (const skip of [0, 1]) {
      const target = key.slice(skip);
      const longest = Math.max(target.length, joined.length);
      const d = editDistance(joined, target, { limit: Math.floor(longest * NEAR_DIFFERENCE) });
      if (d !== undefined && (!best || d / longest < best.score)) best = { length: n, skip, score: d / longest };
    }
  }
  return best && { length: best.length, skip: best.skip };
};


interface Toc {
  items: string[];
  /** The block index of the first item, and the one after the last. */
  start: number;
  end: number;
}

function findToc(blocks: readonly SourceBlock[], texts: string[], numberAt: number, firstItem: number, headingAt: number): Toc | undefined {
  if (firstItem >= 0) {
    let end = firstItem;
    while (end < blocks.length && blocks[end]!.listItem) end++;
    return { items: blocks.slice(firstItem, end).map(itemText), start: firstItem, end };
  }
  // No list marks (a Word file typed without bullets): the lines under the 本期要目 heading,
  // up to the first headline, which repeats the first item.
  if (headingAt < 0 || headingAt <= numberAt) return undefined;
  const start = headingAt + 1;
  const first = compactKey(texts[start] ?? '');
  if (!first) return undefined;
  for (let end = start + 1; end < texts.length; end++) {
    if (first.startsWith(compactKey(texts[end]!)) && matchHeadline(texts, end, first) > 0) {
      return { items: texts.slice(start, end), start, end };
    }
  }
  return undefined;
}

/** How many blocks from `at` on spell `key` when put together (a headline wrapped over blocks), or 0. */
function matchHeadline(texts: readonly string[], at: number, key: string): number {
  let joined = '';
  for (let n = 1; n <= 4 && at + n - 1 < texts.length; n++) {
    joined += compactKey(texts[at + n - 1]!);
    if (joined === key) return n;
    if (!key.startsWith(joined)) return 0;
  }
  return 0;
}

/** The first block of the 版记: the labelled lines (主办：, 邮箱：, 报：…) that end the document. */
function findClosingBlock(texts: readonly string[], from: number): number {
  let at = texts.length;
  while (at > from) {
    const text = texts[at - 1]!;
    if (CLOSING_LABEL.test(text) || COPIES.test(text) || isPageNumber(text)) at--;
    // A 版记 line wrapped into a second block (送：… cut by a page break) has no label of its own.
    else if (CLOSING_LABEL.test(texts[at - 2] ?? '') && !endsSentence(text)) at--;
    else break;
  }
  return at;
}

export function parseClosingBlock(lines: readonly string[]): ClosingBlock {
  const closing: ClosingBlock = { recipients: {} };
  const items: Array<{ label: string; value: string }> = [];
  for (const line of lines.flatMap((l) => l.split(NEXT_LABEL))) {
    if (isPageNumber(line)) continue;
    const copies = COPIES.exec(line);
    if (copies) {
      closing.copies = Number(copies[1]);
      continue;
    }
    const label = CLOSING_LABEL.exec(line);
    if (label) items.push({ label: label[1]!.replace(/\s/g, ''), value: line.slice(label[0].length) });
    // A line without a label continues the one before (送：… wrapped).
    else if (items.length) items.at(-1)!.value = joinBroken(items.at(-1)!.value, line);
  }
  for (const { label, value } of items) {
    const text = tidy(value);
    if (label === '主办') closing.publisher = text;
    else if (label === '邮箱') closing.email = text.replace(/\s/g, '');
    else if (label === '电话') closing.telephone = text;
    else if (label === '出版日期') {
      const date = parseChineseDate(text);
      if (date) closing.date = date;
      const serial = SERIAL.exec(text);
      const number = serial ? parseNumber(serial[1]!) : undefined;
      if (number) closing.serial = number;
    } else if (label === '报') closing.recipients.bao = text;
    else if (label === '送') closing.recipients.song = text;
    else if (label === '发') closing.recipients.fa = text;
  }
  return closing;
}

/** Finds each 要目 item's headline in the body, in order, and gives each article the blocks up to the next. */
function splitArticles(body: readonly SourceBlock[], items: readonly string[], notes: string[]): ParsedArticle[] {
  const texts = body.map((b) => tidy(b.text));
  const starts: Array<{ at: number; length: number }> = [];
  let cursor = 0;
  items.forEach((item, i) => {
    const key = compactKey(item);
    let found: { at: number; length: number } | undefined;
    for (let at = cursor; at < texts.length && !found; at++) {
      const length = matchHeadline(texts, at, key);
      if (length) found = { at, length };
    }
    if (!found) throw new ImportError(`要目第${i + 1}条“${item}”在正文中没有对应的文章（找不到这一标题）`);
    starts.push(found);
    cursor = found.at + found.length;
  });
  if (starts[0]!.at > 0) {
    notes.push(`要目与第1篇之间的 ${starts[0]!.at} 段文字不属于任何一篇，未导入：“${texts[0]!.slice(0, 30)}…”`);
  }
  return items.map((title, i) => {
    const from = starts[i]!.at + starts[i]!.length;
    const to = i + 1 < starts.length ? starts[i + 1]!.at : body.length;
    const { paragraphs, joins } = paragraphsOf(body.slice(from, to));
    if (!paragraphs.length) throw new ImportError(`要目第${i + 1}条“${title}”的文章没有正文`);
    return { title, paragraphs, joins };
  });
}

/**
 * Paragraphs from an article's blocks: page numbers dropped, and a block that the reader could
 * not say starts a paragraph joined to the one before when that one does not end a sentence
 * (a page break cut it: 是贯 / 彻落实).
 */
const DASHES = /^[-—–―_=－\s]+$/;

export function paragraphsOf(blocks: readonly SourceBlock[]): { paragraphs: string[]; joins: string[] } {
  const paragraphs: string[] = [];
  const joins: string[] = [];
  for (const block of blocks) {
    const text = tidy(block.text);
    if (!text || isPageNumber(text)) continue;
    const last = paragraphs.at(-1);
    // A line of a few dashes (--- or ———, shorter than a drawn rule: cjk-text.ts isRule) is printed text of its own: never joined.
    const alone = last !== undefined && (DASHES.test(last) || DASHES.test(text));
    if (last !== undefined && !alone && (block.continuesParagraph || (block.startsParagraph !== true && !endsSentence(last)))) {
      paragraphs[paragraphs.length - 1] = joinBroken(last, text);
      joins.push(`${last.slice(-6)}|${text.slice(0, 6)}`);
    } else {
      paragraphs.push(text);
    }
  }
  return { paragraphs, joins };
}
