/**
 * What a government site puts around a document's text, and what copying it off the page does
 * to the text (docs/import-forms.md lists where each form was seen):
 *
 * - a metadata block before the text (or, on some sites, after it): 索引号, 主题分类, 发文机关,
 *   成文日期, 标题, 发文字号, 发布日期, 有效性 / 时效性, 生效日期, 废止日期 — as `label：value`
 *   lines, several pairs to a line, or a table copied cell by cell (a label, then its value);
 * - the page's own furniture: breadcrumbs (当前位置：首页 > …), 【字体：大 中 小】, 打印本页,
 *   关闭窗口, 浏览次数, 分享到, 扫一扫…;
 * - half-width punctuation (, : ; ( ) ? !) where the paper has full-width.
 *
 * Pure functions over lines of text: the parser (parse-official.ts) reads the block into fields,
 * never takes it for the title, and drops the furniture, listing what it dropped.
 */
import { parseChineseDate } from '../../src/lib/chinese-numbers.ts';
import { normalizeDocNumber } from '../../src/lib/policy/doc-number.ts';
import { joinBroken } from './cjk-text.ts';
import { ORGAN } from './official/cues.ts';

/** The fields a site's metadata block gives, by the policy schema's names. */
export interface PageMetadata {
  indexNumber?: string;
  subject?: string;
  issuer?: string;
  writtenDate?: string;
  title?: string;
  docNumber?: string;
  publishedDate?: string;
  effectiveDate?: string;
  expiryDate?: string;
  repealedDate?: string;
  /** 有效性 / 时效性 as the site states it: 有效, 现行有效, 失效, 废止… */
  validity?: string;
  /** 公开方式 as the site states it (主动公开). */
  disclosure?: string;
}

type Field = keyof PageMetadata;

/** Each label a site uses, and the field it fills; labels that fill nothing are read and dropped. */
const LABELS: ReadonlyArray<[string, Field | null]> = [
  ['索引号', 'indexNumber'],
  ['主题分类', 'subject'],
  ['主题词', null],
  ['发文机关', 'issuer'],
  ['发文单位', 'issuer'],
  ['发布机构', 'issuer'],
  ['发布机关', 'issuer'],
  ['发文机构', 'issuer'],
  ['成文日期', 'writtenDate'],
  ['发文日期', 'writtenDate'],
  ['信息名称', 'title'],
  ['文件编号', 'docNumber'],
  ['公布日期', 'publishedDate'],
  ['发布单位', 'issuer'],
  ['成文时间', 'writtenDate'],
  ['标题', 'title'],
  ['名称', 'title'],
  ['文件名称', 'title'],
  ['发文字号', 'docNumber'],
  ['文号', 'docNumber'],
  ['发布日期', 'publishedDate'],
  ['发布时间', 'publishedDate'],
  ['公开日期', 'publishedDate'],
  ['生效日期', 'effectiveDate'],
  ['施行日期', 'effectiveDate'],
  ['实施日期', 'effectiveDate'],
  ['失效日期', 'expiryDate'],
  ['废止日期', 'repealedDate'],
  ['有效性', 'validity'],
  ['时效性', 'validity'],
  ['效力状态', 'validity'],
  ['公开方式', 'disclosure'],
  ['公开形式', 'disclosure'],
  ['体裁分类', null],
  ['组配分类', null],
  ['公文种类', null],
  ['信息类别', null],
  ['信息分类', null],
  ['关键词', null],
  ['公开范围', null],
  ['公开时限', null],
  ['统一编号', null],
  ['登记号', null],
  ['所属机构', null],
  ['内容概述', null],
  ['来源', null],
  ['信息来源', null],
];
const LABEL_NAMES = LABELS.map(([label]) => label).sort((a, b) => b.length - a.length);
/** A label where a pair starts: at the line's start or after a gap, followed by ： or : (or, in a table, standing alone). */
/** A label where a pair starts: followed by ： or :, or — a table copied as text, 索 引 号 0000… — by a space. */
const LABEL_AT = new RegExp(`(${LABEL_NAMES.map((l) => [...l].join('\\s*')).join('|')})(?:\\s*[：:]|\\s+(?=\\S)|\\s*$)`, 'g');
const LABEL_ALONE = new RegExp(`^(${LABEL_NAMES.map((l) => [...l].join('\\s*')).join('|')})\\s*[：:]?$`);

const fieldOf = (label: string): Field | null => LABELS.find(([l]) => l === label.replace(/\s/g, ''))?.[1] ?? null;

/**
 * A metadata line without the bullet a site's list puts before it (• 索引号：, a `<li>` copied as
 * text: seen on a county government's page, docs/import-forms.md S29).
 */
const unbulleted = (line: string) => line.trim().replace(/^[•·▪●◆■□◇]\s*/, '');

/** The pairs a line holds when it is a line of the metadata block (索引号：… 主题分类：…), else undefined. */
export function metadataPairs(line: string): Array<[string, string]> | undefined {
  const text = unbulleted(line);
  const starts = [...text.matchAll(LABEL_AT)];
  if (!starts.length || starts[0]!.index !== 0 && text.slice(0, starts[0]!.index).trim()) return undefined;
  return starts.map((m, i) => {
    const from = m.index! + m[0].length;
    const to = starts[i + 1]?.index ?? text.length;
    return [m[1]!.replace(/\s/g, ''), text.slice(from, to).trim()];
  });
}

/** Whether a line is only a label (a table copied cell by cell puts the value on the next line). */
export const isLabelAlone = (line: string) => LABEL_ALONE.test(unbulleted(line));

/** A line with where its parts stand across the page (PDF, OFD): a printed table's cells. */
export interface PlacedLine {
  text: string;
  /** The text as extracted, when `text` was tidied. */
  raw?: string;
  cells?: ReadonlyArray<{ text: string; left: number; right: number }>;
  extent?: { left: number; right: number };
}

/**
 * A metadata table a browser printed (PDF, OFD), whose values wrap in their cells: each label
 * stands in the middle of its row, so the lines read off the page hold a value's first line above
 * the label and its last below it (示例省教育厅…关于印发《… / 标题：　发文字号： / 办法》的通知　号).
 * Each piece goes back into its cell — the column is the label's to its left; a label has as many
 * of its value's lines below it as above it — and the pieces' lines are left out. Lines without
 * positions, or pieces that stand in no label's column, are returned as they were.
 */
export function joinWrappedValues<T extends PlacedLine>(lines: readonly T[]): T[] {
  const textOf = (line: PlacedLine) => (line.raw ?? line.text).trim();
  const labelsOf = (line: PlacedLine) =>
    (line.cells ?? []).flatMap((c) => {
      const label = isLabelAlone(c.text) ? c.text.replace(/[：:\s]/g, '') : metadataPairs(c.text)?.[0]?.[0];
      return label ? [{ label, left: c.left, right: c.right }] : [];
    });
  const labelled = lines.map((line) => Boolean(line.cells && metadataPairs(textOf(line)) && labelsOf(line).length));
  const piecesOf = (line: PlacedLine) => (line.cells ?? (line.extent ? [{ text: textOf(line), ...line.extent }] : undefined));
  const out = lines.slice();
  const dropped = new Set<number>();
  /** Per labelled line: its pieces above and below, by label. */
  const extra = new Map<number, Map<string, { top: string[]; bottom: string[] }>>();
  const slot = (at: number, label: string) => {
    const byLabel = extra.get(at) ?? extra.set(at, new Map()).get(at)!;
    return byLabel.get(label) ?? byLabel.set(label, { top: [], bottom: [] }).get(label)!;
  };
  const isFragment = (k: number) => !labelled[k] && !metadataPairs(textOf(lines[k]!)) && !isLabelAlone(textOf(lines[k]!)) && Boolean(piecesOf(lines[k]!));
  const columnOf = (left: number, labels: ReturnType<typeof labelsOf>) => labels.filter((l) => l.right <= left + 1).sort((x, y) => y.left - x.left)[0];
  for (let a = 0; a < lines.length; a++) {
    // The block's first row: its values' first lines stand above it, each in a label's column.
    let first = a - 1;
    while (first >= 0 && isFragment(first)) first--;
    if (labelled[a] && (first < 0 || !labelled[first])) {
      let k = a - 1;
      while (k >= 0 && a - k <= 3 && isFragment(k) && piecesOf(lines[k]!)!.every((piece) => columnOf(piece.left, labelsOf(lines[a]!)))) k--;
      for (let f = a - 1; f > k; f--) {
        for (const piece of [...piecesOf(lines[f]!)!].reverse()) slot(a, columnOf(piece.left, labelsOf(lines[a]!))!.label).top.unshift(piece.text.trim());
        dropped.add(f);
      }
    }
    if (!labelled[a]) continue;
    let b = a + 1;
    while (b < lines.length && isFragment(b)) b++;
    if (b === a + 1 || b >= lines.length || !labelled[b]) continue;
    const [above, below] = [labelsOf(lines[a]!), labelsOf(lines[b]!)];
    // Each column's pieces, top to bottom.
    const columns = new Map<number, string[]>();
    let placed = true;
    for (let k = a + 1; k < b; k++) {
      for (const piece of piecesOf(lines[k]!)!) {
        const column = columnOf(piece.left, [...above, ...below]);
        if (!column) placed = false;
        else columns.set(Math.round(column.left), [...(columns.get(Math.round(column.left)) ?? []), piece.text.trim()]);
      }
    }
    const near = (labels: typeof above, left: number) => labels.find((l) => Math.abs(l.left - left) <= 2);
    if (!placed || [...columns.keys()].some((left) => !near(above, left) && !near(below, left))) continue;
    for (const [left, pieces] of columns) {
      const up = near(above, left);
      const down = near(below, left);
      // As many below the label above as it has above it; the rest are the top of the next row's value.
      const owed = up ? (extra.get(a)?.get(up.label)?.top.length ?? 0) : 0;
      const split = down ? Math.min(owed, pieces.length) : pieces.length;
      if (up) slot(a, up.label).bottom.push(...pieces.slice(0, split));
      if (down) slot(b, down.label).top.push(...pieces.slice(split));
    }
    for (let k = a + 1; k < b; k++) dropped.add(k);
  }
  if (!dropped.size) return out;
  for (const [at, byLabel] of extra) {
    if (![...byLabel.values()].some((more) => more.top.length + more.bottom.length)) continue;
    const pairs = metadataPairs(textOf(lines[at]!))!;
    const text = pairs.map(([label, value]) => {
      const more = byLabel.get(label);
      const whole = more ? [...more.top, value, ...more.bottom].filter(Boolean).reduce((x, y) => joinBroken(x, y), '') : value;
      return `${label}：${whole}`;
    }).join('　　');
    out[at] = { ...out[at]!, text, ...(out[at]!.raw !== undefined ? { raw: text } : {}), cells: undefined };
  }
  return out.filter((_, i) => !dropped.has(i));
}

/**
 * A metadata table of one column of labels a browser printed (PDF, OFD), whose value wrapped
 * round its label: the label alone on its line, its value's first lines above it and the rest below,
 * all to its right (示例省教育厅…关于印发《… / 标题： / 知). The pieces go back to the label
 * (标题：示例省教育厅…的通知) and their lines are left out. Between two such labels, a label has
 * at most one more of its value's lines below it than above it. Lines without positions are
 * returned as they were.
 */
export function joinValuesAroundLabels<T extends PlacedLine>(lines: readonly T[]): T[] {
  const textOf = (line: PlacedLine) => (line.raw ?? line.text).trim();
  const alone = lines.map((line) => isLabelAlone(textOf(line)) && line.extent !== undefined);
  const out = lines.slice();
  const dropped = new Set<number>();
  // A piece of a value: a line of no label, right of the label's end.
  const pieceOf = (k: number, label: { right: number }) => k >= 0 && k < lines.length && !dropped.has(k) && !alone[k] && !metadataPairs(textOf(lines[k]!)) && lines[k]!.extent !== undefined && lines[k]!.extent!.left >= label.right - 1;
  for (let a = 0; a < lines.length; a++) {
    if (!alone[a]) continue;
    const label = lines[a]!.extent!;
    let top = a;
    while (pieceOf(top - 1, label) && a - top < 4) top--;
    let bottom = a;
    while (pieceOf(bottom + 1, label) && bottom - a < 4) bottom++;
    // A value with lines on both sides only: a label with its value under it alone is the plain table form, read as it is.
    if (top === a || bottom === a) continue;
    // The next label's value may begin among the lines below: this one has at most one more below than above.
    if (alone[bottom + 1]) bottom = Math.min(bottom, a + (a - top) + 1);
    const pieces = [...lines.slice(top, a), ...lines.slice(a + 1, bottom + 1)].map(textOf);
    const text = `${textOf(lines[a]!).replace(/\s*[：:]?$/, '')}：${pieces.reduce((x, y) => joinBroken(x, y), '')}`;
    out[a] = { ...out[a]!, text, ...(out[a]!.raw !== undefined ? { raw: text } : {}) };
    for (let k = top; k <= bottom; k++) if (k !== a) dropped.add(k);
  }
  return dropped.size ? out.filter((_, i) => !dropped.has(i)) : out;
}

/**
 * Reads the metadata block from the first lines (or the last): returns the fields and which
 * lines it took. A block is two or more labelled lines in a row (a single 来源：… line is
 * furniture, dropped by `isPageFurniture`).
 */
export function readMetadata(lines: readonly string[], from: number, step: 1 | -1, undecided: string[]): { metadata: PageMetadata; taken: number[] } {
  const metadata: PageMetadata = {};
  const taken: number[] = [];
  const pairs: Array<[string, string]> = [];
  // Below (or above) a site's logo, menu and breadcrumbs: the block starts within the page's first (last) eight lines.
  let i = from;
  for (let k = 0; k < 8 && i >= 0 && i < lines.length && !metadataPairs(lines[i]!) && !(isLabelAlone(lines[i]!) && step === 1); k++) i += step;
  if (i < 0 || i >= lines.length || !(metadataPairs(lines[i]!) || isLabelAlone(lines[i]!))) i = from;
  while (i >= 0 && i < lines.length) {
    const line = lines[i]!.trim();
    const inLine = isLabelAlone(line) && step === 1 ? undefined : metadataPairs(line);
    if (inLine) {
      pairs.push(...inLine);
      taken.push(i);
      i += step;
      continue;
    }
    // A label on its own line and the value on the next (read downwards only).
    if (step === 1 && isLabelAlone(line) && (i + 1 >= lines.length || isLabelAlone(lines[i + 1]!) || metadataPairs(lines[i + 1]!))) {
      // A label with nothing under it (发文字号： left empty): the next label follows.
      taken.push(i);
      i++;
      continue;
    }
    if (step === 1 && isLabelAlone(line) && i + 1 < lines.length && !isLabelAlone(lines[i + 1]!) && !metadataPairs(lines[i + 1]!)) {
      pairs.push([unbulleted(line).replace(/[：:\s]/g, ''), lines[i + 1]!.trim()]);
      taken.push(i, i + 1);
      i += 2;
      continue;
    }
    if (!line && taken.length) {
      i += step;
      continue;
    }
    break;
  }
  if (pairs.filter(([label]) => fieldOf(label) !== null).length < 2) return { metadata: {}, taken: [] };
  for (const [label, raw] of pairs) {
    const field = fieldOf(label);
    const value = raw.replace(/\s+/g, ' ').trim();
    if (!value) continue;
    if (!field) {
      undecided.push(`网页信息栏的“${label}：${value}”在文件库中没有对应的字段，未导入`);
      continue;
    }
    if (field === 'validity') undecided.push(`网页信息栏写明${label}“${value}”：文件库的时效性由成文、实施、失效、废止日期和修订关系推出，请核对`);
    if (field === 'writtenDate' || field === 'publishedDate' || field === 'effectiveDate' || field === 'expiryDate' || field === 'repealedDate') {
      const iso = readLooseDate(value);
      if (iso) metadata[field] = iso;
      else undecided.push(`网页信息栏的“${label}”写作“${value}”，不是能读出的日期，未导入`);
    } else if (field === 'docNumber') {
      const number = normalizeDocNumber(value);
      if (number) metadata.docNumber = number;
      else if (!/^[无-]$|^—+$/.test(value)) undecided.push(`网页信息栏的“${label}”写作“${value}”，不是发文字号，未导入`);
    } else if (field === 'issuer' && !value.split(/[\s、，,;；]+/).every((name) => ORGAN.test(name))) {
      // A site's CMS fills 发文机构 with whatever posted the page (县政府网站): no organ, so not the issuer.
      undecided.push(`网页信息栏的“${label}”写作“${value}”，不是机关名称，未导入`);
    } else metadata[field] = value;
  }
  return { metadata, taken: step === 1 ? taken : taken.reverse() };
}

/** 2023年03月15日, 2023-03-15, 2023/3/15, 2023.03.15 (a site's way of writing a date) as YYYY-MM-DD. */
export function readLooseDate(text: string): string | undefined {
  const chinese = parseChineseDate(text);
  if (chinese) return chinese;
  const m = /(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})/.exec(text);
  if (!m) return undefined;
  return parseChineseDate(`${m[1]}年${Number(m[2])}月${Number(m[3])}日`);
}

/** The site's own furniture: never a document's text. */
const FURNITURE = [
  /^[【\[]?\s*(?:字体|字号)\s*[：:]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小\s*[】\]]?/,
  /^(?:[【\[]?\s*(?:打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回|收藏|保存|纠错|我要纠错|下载)\s*[】\]]?\s*)+$/,
  /^(?:浏览次数|浏览量|访问量|访问次数|阅读次数|阅读量|点击数|点击量|点击率)\s*[：:]?\s*\d*\s*(?:次)?$/,
  /^(?:当前位置|您的位置|您现在的位置|您当前的位置|位置)\s*[：:].*(?:>|＞|›|»|→|首页)/,
  /^首页\s*(?:>|＞|›|»|→)/,
  /^分享到\s*[：:]?/,
  /^(?:视力保护色|护眼模式|无障碍|适老化|繁体|简体|English)\s*[：:]?/,
  /^扫一扫/,
  // When the page was filed in the site's archive (S15, S29): 归档时间：2018-11-21.
  /^归档时间\s*[：:]\s*[\d\-/年月日\s:]*$/,
  /^(?:上一篇|下一篇)\s*[：:]/,
  /^相关(?:链接|文件|阅读|解读)\s*[：:]?$/,
  /^(?:来源|信息来源|发布时间|发布日期|作者|编辑|责任编辑)\s*[：:][^。；]{0,40}?(?:\s+(?:来源|发布时间|浏览次数|作者|字号)\s*[：:].*)?$/,
  // What a browser prints at a page's head and foot: the date and time, the page's title; its address, 1/3.
  /^\d{4}\/\d{1,2}\/\d{1,2}\s+\d{1,2}:\d{2}/,
  /^\d{1,2}\/\d{1,2}\/\d{2,4},?\s+\d{1,2}:\d{2}/,
  /^(?:https?|file):\/\/\S+(?:\s+\d+\s*\/\s*\d+)?$/,
  // A browser's header cut at the page's edge leaves a line of a mark or two (_): no text of a document.
  /^[_\-—–·•|｜]{1,2}$/,
  // A site's menu: 首页 and the site's sections, one after another.
  /^首\s*页(?:\s*[|｜·]?\s*[\p{Script=Han}]{2,6}){2,}$/u,
  // A site's footer: 版权所有, 网站标识码, ICP 备案, 公网安备, 主办单位 … 承办 … 技术支持.
  /(?:版权所有|网站标识码|ICP\s*备|公网安备|技术支持\s*[：:]|网站地图|联系我们)/,
];

/** The words of a site's line about the page (2025-06-24 14:30 信息来源：… 浏览次数：3598 字体：[大 中 小]). */
const ABOUT_PAGE = /发布时间|信息来源|来源\s*[：:]|浏览次数|浏览\s*[：:]|时间\s*[：:]|访问量|点击数|阅读次数|字体\s*[：:]|字号\s*[：:]|作者\s*[：:]|打印|关闭/g;

/** A site's footer line: the page ends there, whatever follows it is the site's too. */
export const isSiteFooter = (line: string) => line.trim().length <= 120 && /版权所有|网站标识码|ICP\s*备|公网安备/.test(line);

/** Whether a line is the site's furniture (浏览次数：123, 【打印本页】【关闭窗口】, 当前位置：首页 > …). */
export function isPageFurniture(line: string): boolean {
  const text = line.trim();
  // A browser's header: the date and time, then the page's title, however long.
  if (/^\d{4}\/\d{1,2}\/\d{1,2}\s+\d{1,2}:\d{2}(?!\d)/.test(text) || /^\d{1,2}\/\d{1,2}\/\d{2,4},?\s+\d{1,2}:\d{2}/.test(text)) return true;
  if (text.length <= 80 && FURNITURE.some((re) => re.test(text))) return true;
  // A document-sharing site's blurb over the text, and its heading of each copy it holds (S11:
  // 简介：…小编为你整理了…, 第一篇：…).
  if (text.length <= 200 && /^(?:简\s*介|内容简介|文档简介)\s*[：:]/.test(text)) return true;
  if (text.length <= 80 && /^第[一二三四五六七八九十]{1,3}篇\s*[：:]/.test(text)) return true;
  // A line of several facts about the page, however the site strings them together.
  return text.length <= 160 && !/[。；]/.test(text) && (text.match(ABOUT_PAGE) ?? []).length >= 2;
}

const HAN = String.raw`\p{Script=Han}`;
const CJK_NEAR = String.raw`[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’《》]`;

/**
 * Half-width punctuation in Chinese text as the paper prints it: , : ; ? ! beside a Chinese
 * character or mark become ， ： ； ？ ！; a pair ( … ) that holds or touches Chinese becomes
 * （ … ）; a . ending a Chinese sentence becomes 。. Left alone: 1,000, 10:30, http://, 1.5, 附件.pdf, a
 * bracket around Latin text (ISO 9001). Returns the
 * text and how many marks changed.
 */
export function fullWidthPunctuation(text: string): { text: string; changed: number } {
  let changed = 0;
  const near = new RegExp(CJK_NEAR, 'u');
  const chars = [...text];
  const out = chars.slice();
  const marks: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！' };
  chars.forEach((c, i) => {
    const full = marks[c];
    if (!full) return;
    const before = chars[i - 1] ?? '';
    const after = chars[i + 1] ?? '';
    if (/\d/.test(before) && /\d/.test(after)) return;
    if (c === ':' && after === '/' ) return;
    if (near.test(before) || (near.test(after) && !/[A-Za-z0-9]/.test(before))) {
      out[i] = full;
      changed++;
    }
  });
  // A full stop typed as a half-width . after Chinese text, at the sentence's end (a law-text site's
  // copies, docs/import-forms.md S34: …定于…起试行.): never in 1.5, 附件.pdf, 1.聚焦.
  chars.forEach((c, i) => {
    if (c === '.' && new RegExp(HAN, 'u').test(chars[i - 1] ?? '') && (i + 1 === chars.length || /[\s\p{Script=Han}“”]/u.test(chars[i + 1]!))) {
      out[i] = '。';
      changed++;
    }
  });
  // Brackets, pair by pair.
  const stack: number[] = [];
  chars.forEach((c, i) => {
    if (c === '(') stack.push(i);
    else if (c === ')' && stack.length) {
      const open = stack.pop()!;
      const inner = chars.slice(open + 1, i).join('');
      // (2) before Chinese text is a heading's number: （2）.
      if (new RegExp(HAN, 'u').test(inner) || near.test(chars[open - 1] ?? '') || (/^\d{1,2}$|^[一二三四五六七八九十]{1,3}$/.test(inner) && near.test(chars[i + 1] ?? ''))) {
        out[open] = '（';
        out[i] = '）';
        changed += 2;
      }
    }
  });
  return { text: out.join(''), changed };
}
