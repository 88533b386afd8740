/**
 * The structure of an official document's text, read from the body of its content file the way
 * a reader reads the printed page: 第一章 / 第一节 / 第一条 for 办法, 细则 and 规定 (a 条 holds its
 * 款 and its （一） items), the heading levels 一、 （一） 1. （1） for 通知, 意见 and 方案, and the
 * attachments under `## 附件N`. This is the one place those rules live: the page, the contents
 * list, the anchors, the search records, the print and the validator all use what it returns,
 * and the importer writes bodies that it reads back.
 *
 * The body is Markdown (the content file is MDX; its escapes, \{ \< \*, are Markdown's and are
 * undone by the parser, src/lib/markdown.ts).
 */
import type { List, Nodes, RootContent, Table } from 'mdast';
import { parseNumber } from '../chinese-numbers.ts';
import { parseMarkdown, plainText } from '../markdown.ts';

/** A paragraph, a （一） item inside a 条, or a table, with the line of the content file it starts on. */
export type Block =
  | { type: 'paragraph'; text: string; line: number }
  | { type: 'item'; number: string; text: string; line: number }
  | { type: 'table'; header: string[]; rows: string[][]; line: number };

export type UnitType = 'chapter' | 'section' | 'clause' | 'heading';

/** A numbered part of the text: a 章, 节, 条, or a numbered heading. */
export interface Unit {
  type: UnitType;
  /** 1–4 for headings (一、 （一） 1. （1）); 1 for 章, 2 for 节, 3 for 条. */
  level: number;
  /** As printed: 第十条, 第二章, 一、, （一）, 1.. */
  number: string;
  /** The number's value: 10 for 第十条 (ordering, comparison). */
  ordinal: number;
  /** A 章's or heading's title as printed (总则; 总体要求; 指导思想。); '' for a 条. */
  title: string;
  /** The text that follows the number (and, for a heading, its title) in its first paragraph. */
  lead: string;
  /** The stable anchor on the page: 第十条, 第二章, 第二章第一节, 三（二）, 附件1-第十条. */
  anchor: string;
  /** How a reader names it: 第十条; 第二章 总则; 三、（二）指导思想. */
  label: string;
  /** The 章 / 节 / headings it stands in, outermost first, as labels: [第四章 考核与经费]. */
  context: string[];
  /** Paragraphs, items and tables after the first paragraph, up to the next unit. */
  content: Block[];
  /** 节 in a 章, 条 in a 节 or 章, lower headings in a heading. */
  children: Unit[];
  line: number;
}

/** The 正文, or one attachment's text. */
export interface TextPart {
  /** What comes before the first numbered unit (a notice's opening paragraphs). */
  content: Block[];
  units: Unit[];
  /** 'clauses' when the text is made of 条, 'headings' otherwise. */
  style: 'clauses' | 'headings';
}

export interface AttachmentText extends TextPart {
  /** 1 for 附件1. */
  number: number;
  /** 附件1 */
  label: string;
  /** The anchor of the attachment's section: 附件1. */
  anchor: string;
  line: number;
}

export interface DocumentText {
  main: TextPart;
  attachments: AttachmentText[];
  /** What the body says that cannot be right (a `## 附件3` twice, an anchor twice), by line. */
  problems: Array<{ line: number; message: string }>;
}

const NUMERAL = '[一二三四五六七八九十百千零〇两]+';
const SPACE = '[\\s\\u3000]';
const CHAPTER = new RegExp(`^第(${NUMERAL})章(?:${SPACE}*(.*))?$`);
const SECTION = new RegExp(`^第(${NUMERAL})节(?:${SPACE}*(.*))?$`);
/** 第十条 followed by a space, or directly by its text (not by words that cite a clause: 第十条规定、第十条所称…). */
const CLAUSE = new RegExp(`^(第(${NUMERAL})条(?:之(${NUMERAL}))?)(?:${SPACE}+|(?![的所规中至和及、，。]))(.*)$`);
/** The four heading levels of GB/T 9704 §7.3.3. */
const HEADINGS: Array<{ level: number; pattern: RegExp }> = [
  { level: 1, pattern: new RegExp(`^((${NUMERAL})、)${SPACE}*(.*)$`) },
  { level: 2, pattern: new RegExp(`^([（(](${NUMERAL})[)）])${SPACE}*(.*)$`) },
  { level: 3, pattern: /^((\d{1,2})[.．、])(?!\d)[\s\u3000]*(.*)$/ },
  { level: 4, pattern: /^([（(](\d{1,2})[)）])[\s\u3000]*(.*)$/ },
];
/** An attachment's heading in the body: ## 附件1 (or ## 附件 when there is only one). */
const ATTACHMENT_HEADING = /^附件\s*(\d*)$/;
/** A 章 or heading title is short and is not a sentence. */
const isTitle = (text: string) => text.length <= 40 && !/[。；]./.test(text);

/** A heading's title and the text after it: “指导思想。全面贯彻…” → 指导思想。 / 全面贯彻… */
function splitHeading(text: string): { title: string; lead: string } {
  if (isTitle(text)) return { title: text, lead: '' };
  const m = /^(.{1,40}?[。：:])(.+)$/u.exec(text);
  return m ? { title: m[1]!, lead: m[2]! } : { title: '', lead: text };
}

const stripEnd = (title: string) => title.replace(/[。：:；;，,\s]+$/u, '');

/** The paragraphs and tables of a run of Markdown nodes, in order. */
function blocksOf(nodes: readonly RootContent[], offset: number): Block[] {
  return nodes.flatMap((node): Block[] => {
    const line = (node.position?.start.line ?? 1) + offset;
    if (node.type === 'table') return [tableBlock(node, line)];
    if (node.type === 'list') return listBlocks(node, offset);
    if (node.type === 'thematicBreak' || node.type === 'html' || node.type === 'yaml') return [];
    const text = plainText(node as Nodes);
    return text ? [{ type: 'paragraph', text, line }] : [];
  });
}

/** An editor's Markdown list (1. … written with a space) reads as the numbered paragraphs it stands for. */
function listBlocks(list: List, offset: number): Block[] {
  const start = list.start ?? 1;
  return list.children.map((item, i) => ({
    type: 'paragraph' as const,
    text: `${list.ordered ? `${start + i}.` : ''}${plainText(item)}`,
    line: (item.position?.start.line ?? 1) + offset,
  }));
}

function tableBlock(table: Table, line: number): Block {
  const rows = table.children.map((row) => row.children.map((cell) => plainText(cell)));
  return { type: 'table', header: rows[0] ?? [], rows: rows.slice(1), line };
}

interface Builder {
  prefix: string;
  anchors: Map<string, number>;
  problems: DocumentText['problems'];
}

function anchorFor(builder: Builder, id: string, line: number): string {
  const anchor = builder.prefix ? `${builder.prefix}-${id}` : id;
  const first = builder.anchors.get(anchor);
  if (first === undefined) {
    builder.anchors.set(anchor, line);
    return anchor;
  }
  builder.problems.push({ line, message: `“${id}”在第 ${first} 行已经出现过一次：编号重复` });
  // The next free suffix is remembered: looking for it from -2 each time took time as the
  // square of the duplicates.
  const next = nextSuffix.get(builder.anchors) ?? new Map<string, number>();
  nextSuffix.set(builder.anchors, next);
  let n = next.get(anchor) ?? 2;
  while (builder.anchors.has(`${anchor}-${n}`)) n++;
  next.set(anchor, n + 1);
  builder.anchors.set(`${anchor}-${n}`, line);
  return `${anchor}-${n}`;
}

/** Per document (its anchors), the next suffix to try for each duplicated anchor. */
const nextSuffix = new WeakMap<Map<string, number>, Map<string, number>>();

/** Reads the numbered units of one part's blocks. */
export function structurePart(blocks: readonly Block[], builder: Builder): TextPart {
  const style = blocks.some((b) => b.type === 'paragraph' && CLAUSE.test(b.text)) ? 'clauses' : 'headings';
  const part: TextPart = { content: [], units: [], style };
  // The open units, outermost first.
  const open: Unit[] = [];
  const place = (unit: Unit) => {
    while (open.length && open.at(-1)!.level >= unit.level) open.pop();
    unit.context = open.map((u) => u.label);
    (open.at(-1)?.children ?? part.units).push(unit);
    open.push(unit);
  };
  const contentOf = () => open.at(-1)?.content ?? part.content;
  let chapter = '';

  for (const block of blocks) {
    if (block.type !== 'paragraph') {
      contentOf().push(block);
      continue;
    }
    const { text, line } = block;
    if (style === 'clauses') {
      const chapterMatch = CHAPTER.exec(text);
      const sectionMatch = SECTION.exec(text);
      const clause = CLAUSE.exec(text);
      if (chapterMatch && isTitle(chapterMatch[2] ?? '')) {
        const number = `第${chapterMatch[1]}章`;
        chapter = number;
        const title = chapterMatch[2] ?? '';
        place({ type: 'chapter', level: 1, number, ordinal: parseNumber(chapterMatch[1]!) ?? 0, title, lead: '', anchor: anchorFor(builder, number, line), label: title ? `${number} ${title}` : number, context: [], content: [], children: [], line });
        continue;
      }
      if (sectionMatch && isTitle(sectionMatch[2] ?? '')) {
        const number = `第${sectionMatch[1]}节`;
        const title = sectionMatch[2] ?? '';
        place({ type: 'section', level: 2, number, ordinal: parseNumber(sectionMatch[1]!) ?? 0, title, lead: '', anchor: anchorFor(builder, `${chapter}${number}`, line), label: title ? `${number} ${title}` : number, context: [], content: [], children: [], line });
        continue;
      }
      if (clause) {
        const number = clause[1]!;
        place({ type: 'clause', level: 3, number, ordinal: parseNumber(clause[2]!) ?? 0, title: '', lead: clause[4]!.trim(), anchor: anchorFor(builder, number, line), label: number, context: [], content: [], children: [], line });
        continue;
      }
      // Inside a 条, （一） and 1. are its items.
      const item = open.at(-1)?.type === 'clause' ? HEADINGS.map((h) => h.pattern.exec(text)).find(Boolean) : undefined;
      if (item) {
        contentOf().push({ type: 'item', number: item[1]!, text: item[3]!, line });
        continue;
      }
      contentOf().push(block);
      continue;
    }
    const heading = HEADINGS.map((h) => ({ level: h.level, m: h.pattern.exec(text) })).find((h) => h.m);
    if (heading?.m) {
      const { title, lead } = splitHeading(heading.m[3]!);
      const number = heading.m[1]!;
      const bare = number.replace(/[、.．]$/, '');
      // The anchor spells the path of numbers: 三（二）1.
      while (open.length && open.at(-1)!.level >= heading.level) open.pop();
      const path = [...open.map((u) => u.number.replace(/[、.．]$/, '')), bare].join('');
      const label = [...open.map((u) => u.number), number].join('');
      place({ type: 'heading', level: heading.level, number, ordinal: parseNumber(heading.m[2]!) ?? 0, title, lead, anchor: anchorFor(builder, path, line), label: title ? `${label}${stripEnd(title)}` : label, context: [], content: [], children: [], line });
      continue;
    }
    contentOf().push(block);
  }
  return part;
}

/**
 * The document's text: its 正文 and each attachment's, with their units and anchors. Lines are
 * counted from `firstLine`, the line of the content file the body starts on.
 */
export function structureDocument(body: string, firstLine = 1): DocumentText {
  const offset = firstLine - 1;
  const tree = parseMarkdown(body);
  const problems: DocumentText['problems'] = [];
  const anchors = new Map<string, number>();
  const sections: Array<{ number: number; line: number; nodes: RootContent[] }> = [];
  const main: RootContent[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading') {
      const text = plainText(node);
      const m = ATTACHMENT_HEADING.exec(text);
      const line = (node.position?.start.line ?? 1) + offset;
      if (m && node.depth === 2) {
        const number = m[1] ? Number(m[1]) : 1;
        if (sections.some((s) => s.number === number)) problems.push({ line, message: `“## 附件${number}”出现了两次` });
        sections.push({ number, line, nodes: [] });
        continue;
      }
      problems.push({ line, message: `正文中的标题行“${'#'.repeat(node.depth)} ${text}”不属于公文格式：附件写作“## 附件1”，章、条和各级标题照原文写成段落（第一章 总则、一、总体要求）` });
    }
    (sections.at(-1)?.nodes ?? main).push(node);
  }
  return {
    main: structurePart(blocksOf(main, offset), { prefix: '', anchors, problems }),
    attachments: sections.map(({ number, line, nodes }) => ({
      ...structurePart(blocksOf(nodes, offset), { prefix: `附件${number}`, anchors, problems }),
      number,
      label: `附件${number}`,
      anchor: anchorFor({ prefix: '', anchors, problems }, `附件${number}`, line),
      line,
    })),
    problems,
  };
}

/** Every unit of a part, depth first, in reading order. */
export function allUnits(part: Pick<TextPart, 'units'>): Unit[] {
  const out: Unit[] = [];
  const walk = (units: readonly Unit[]) => {
    for (const unit of units) {
      out.push(unit);
      walk(unit.children);
    }
  };
  walk(part.units);
  return out;
}

/** A block's text as a reader reads it, a table's cells row by row. */
export function blockText(block: Block): string[] {
  if (block.type === 'paragraph') return [block.text];
  if (block.type === 'item') return [`${block.number}${block.text}`];
  return [block.header, ...block.rows].map((row) => row.join(' '));
}

/** A unit's own text (its first paragraph and its content, not its children), paragraph by paragraph. */
export function unitText(unit: Unit): string[] {
  // As the page prints it: 第十条　…, 第二章　总则, 一、总体要求, （一）指导思想。全面贯彻….
  const first =
    unit.type === 'clause' ? `${unit.number}　${unit.lead}` : unit.type === 'heading' ? `${unit.number}${unit.title}${unit.lead}` : `${unit.number}　${unit.title}`;
  return [first.trim(), ...unit.content.flatMap(blockText)];
}

/** Whether the text has enough parts to need a contents list: any 章, or more than eight units. */
export function needsContents(part: TextPart): boolean {
  const units = allUnits(part);
  return units.some((u) => u.type === 'chapter') || units.length > 8;
}

/** Whether the document has text at all. */
export function hasText(text: DocumentText): boolean {
  return text.main.content.length + text.main.units.length + text.attachments.length > 0;
}

/**
 * The part of a document that readers mean by its text: the document an 印发 notice carries
 * (its attachment), else the 正文. Versions are compared, and contents listed, on this part.
 */
export function comparedPart(text: DocumentText, carried: { number: number } | undefined): TextPart {
  return (carried && text.attachments.find((a) => a.number === carried.number)) || text.main;
}
