/**
 * From a document as read (parse-official.ts) to the policy entry the site files: the library's
 * fields worked out from the text — 实施日期 (自2019年4月1日起施行, 自印发之日起施行), 失效日期
 * (有效期五年), the 文种 (category), the status and who may see it — and the entry's id, made
 * readable and stable from the 文号 (示教科〔2019〕7号 → shijiaoke-2019-7).
 */
import { pinyin } from 'pinyin-pro';
import { parseChineseDate, parseNumber } from '../../src/lib/chinese-numbers.ts';
import { parseDocNumber } from '../../src/lib/policy/doc-number.ts';
import { POLICY_CATEGORIES, PUBLIC_DISCLOSURES, type PolicyCategory, type PolicyStatus, type Visibility } from '../../src/schemas/policy.ts';
import { CHINESE_DATE } from '../../src/lib/chinese-numbers.ts';
import type { OfficialBlock, ParsedOfficial } from './parse-official.ts';

export interface PolicyEntry extends Omit<ParsedOfficial, 'undecided' | 'joins' | 'attachments'> {
  id: string;
  category: PolicyCategory;
  status: PolicyStatus;
  visibility: Visibility;
  effectiveDate?: string;
  expiryDate?: string;
  attachments: ParsedOfficial['attachments'];
  /** The earlier version this one revises (npm run import -- FILE --revises ID). */
  supersedes?: string[];
  /** The documents it repeals (…同时废止). */
  repeals?: string[];
}

/** What an import knows of the version a revision replaces: its id and how the revision may cite it. */
export interface RevisedVersion {
  id: string;
  title: string;
  docNumber: string | undefined;
}

/**
 * A revision of `revised`: it supersedes it, and repeals it when its own words say so — a
 * sentence with 废止 (…同时废止, 予以废止) that names the earlier version by its 文号 or its
 * title, as 原《…办法》（示教科〔2019〕7号）同时废止 does. Otherwise the earlier version is
 * revised (已修订), and `undecided` says how that was decided.
 */
export function asRevision(entry: PolicyEntry, revised: RevisedVersion, undecided: string[] = []): PolicyEntry {
  const text = [...paragraphs(entry.main), ...entry.attachments.flatMap((a) => paragraphs(a.blocks ?? []))].join('\n');
  const names = [revised.docNumber, revised.title, ...(/《(.+?)》/.exec(revised.title)?.slice(1) ?? [])].filter((n): n is string => Boolean(n));
  const repeals = text.split(/(?<=[。；\n])/).some((sentence) => /废止/.test(sentence) && names.some((name) => sentence.includes(name)));
  undecided.push(
    repeals
      ? `修订：原文写明废止 ${revised.id}（${revised.docNumber ?? revised.title}），该版本将标为“已废止”`
      : `修订：原文没有写明废止 ${revised.id}，该版本将标为“已修订”；如原文另有废止的说法，请在 repeals 中列出`,
  );
  return { ...entry, supersedes: [revised.id], ...(repeals ? { repeals: [revised.id] } : {}) };
}

/** 文种 the schema lists, longest first, so that 管理办法 is found before 办法. */
const KINDS = [...POLICY_CATEGORIES].filter((c) => c !== '其他').sort((a, b) => b.length - a.length);

/** The category from the title's 文种: for 关于印发《…办法》的通知 the carried document's. */
export function categoryOf(title: string): PolicyCategory {
  const carried = /关于(?:印发|转发|发布|颁布)《(.+?)》的通知$/.exec(title);
  const name = (carried ? carried[1]! : title).replace(/[（(](?:试行|暂行|修订)[)）]$/, '');
  return KINDS.find((kind) => name.endsWith(kind)) ?? (carried ? '通知' : (KINDS.find((kind) => title.endsWith(kind)) ?? '其他'));
}

/** YYYY-MM-DD plus `years`, less a day: the last day of a term that starts on `from` (2019-04-01 + 5 → 2024-03-31). */
export function termEnd(from: string, years: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d));
  // 2月29日 plus a year is 3月1日; the day before is the last day of February.
  if (end.getUTCDate() !== d) end.setUTCDate(0);
  else end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

const paragraphs = (blocks: readonly OfficialBlock[]) => blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));

/**
 * 实施日期 and 失效日期 from the text: 自2019年4月1日起施行 (执行, 实施, 生效); 自印发之日起施行
 * (the 印发日期, else the 成文日期); 自发布之日起 / 自公布之日起 (the 成文日期: the file does not
 * say when it was published); 有效期五年 / 有效期为3年 (from the 实施日期); 有效期至2024年3月31日.
 */
export function termsOf(doc: Pick<ParsedOfficial, 'main' | 'attachments' | 'writtenDate' | 'printedDate'>, undecided: string[] = []): { effectiveDate?: string; expiryDate?: string } {
  const text = [...paragraphs(doc.main), ...doc.attachments.flatMap((a) => paragraphs(a.blocks ?? []))].join('\n');
  const terms: { effectiveDate?: string; expiryDate?: string } = {};
  const dated = new RegExp(`自\\s*(${CHINESE_DATE.source})\\s*起(?:施行|执行|实施|生效|试行)`).exec(text);
  const relative = /自(印发|发布|公布|下发|签发)之日起(?:施行|执行|实施|生效|试行)/.exec(text);
  const effective = dated ? parseChineseDate(dated[1]!) : relative ? (relative[1] === '印发' || relative[1] === '下发' ? (doc.printedDate ?? doc.writtenDate) : doc.writtenDate) : undefined;
  if (effective) terms.effectiveDate = effective;
  if (!dated && relative) {
    if (relative[1] !== '印发' && relative[1] !== '下发' && terms.effectiveDate) undecided.push(`实施日期：“自${relative[1]}之日起施行”，按成文日期 ${terms.effectiveDate} 导入，请按实际${relative[1]}日期核对`);
  }
  const until = new RegExp(`有效期至\\s*(${CHINESE_DATE.source})`).exec(text);
  const years = /有效期(?:为|暂定为?)?\s*([0-9一二两三四五六七八九十]+)\s*年/.exec(text);
  const untilDate = until ? parseChineseDate(until[1]!) : undefined;
  if (untilDate) terms.expiryDate = untilDate;
  else if (years) {
    const n = parseNumber(years[1]!);
    const from = terms.effectiveDate ?? doc.writtenDate;
    if (n && from) terms.expiryDate = termEnd(from, n);
    else undecided.push(`失效日期：正文写“${years[0]}”，但没有实施日期可以起算`);
  }
  return terms;
}

/** Latin letters and digits of `text` as written, Chinese characters as their pinyin (or its initials). */
export const romanised = (text: string, initials = false) =>
  pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', ...(initials ? { pattern: 'first' as const } : {}) })
    .join('')
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/[^a-z0-9]+/g, '');

/**
 * The entry's id: from the 文号, 机关代字 in pinyin, year, number (示教科〔2019〕7号 →
 * shijiaoke-2019-7); without one, the 成文日期 and the initials of the title's subject
 * (2020-06-05-kzzdxkjszqjcgz), and `fromNumber` false so that the command line can say so.
 */
export function policyId(doc: { docNumber?: string | undefined; writtenDate?: string | undefined; title: string }): { id: string; fromNumber: boolean } {
  const number = doc.docNumber ? parseDocNumber(doc.docNumber) : undefined;
  if (number) return { id: `${romanised(number.agency)}-${number.year}-${number.serial}`, fromNumber: true };
  const subject = (/关于(.+?)的(?:通知|意见|决定|通报|批复|函|报告|请示)$/.exec(doc.title)?.[1] ?? doc.title).replace(/《|》/g, '');
  const initials = romanised(subject, true).slice(0, 16) || 'wenjian';
  return { id: [doc.writtenDate, initials].filter(Boolean).join('-'), fromNumber: false };
}

export function buildPolicy(doc: ParsedOfficial): { entry: PolicyEntry; undecided: string[]; joins: string[]; idFromNumber: boolean } {
  const { undecided, joins, ...rest } = doc;
  const notes = [...undecided];
  const terms = termsOf(doc, notes);
  const { id, fromNumber } = policyId(doc);
  const entry: PolicyEntry = {
    ...rest,
    id,
    category: categoryOf(doc.title),
    status: doc.repealedDate ? 'repealed' : doc.docNumber || doc.writtenDate ? 'in-force' : 'draft',
    visibility: doc.disclosure && PUBLIC_DISCLOSURES.includes(doc.disclosure) ? 'public' : 'internal',
    ...terms,
  };
  if (!doc.disclosure) notes.push('附注中没有公开方式（此件主动公开、此件公开发布等）：已设为仅内部版可见（visibility: internal）');
  return { entry, undecided: notes, joins, idFromNumber: fromNumber };
}
