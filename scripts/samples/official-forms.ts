/**
 * Synthetic official documents (公文) in the forms the world makes them, with the import result
 * each must give. The forms are the ones catalogued in docs/import-forms.md, each seen on a public
 * page or file: 印发 / 转发 / 批转 notices carrying a 办法 or 方案 with or without a 附件 label,
 * joint documents, titles over several lines with the organ(s) on a line of their own, the 文号 in
 * 〔〕 [] ［］ 【】 or in parentheses or only in a site's metadata block, dates in Arabic or Chinese
 * numerals with 〇 ○ 零 0 or O for zero, every 附注 wording, a contact remark, 主送 and 版记
 * present or not.
 *
 * `drawOfficialForm(seed)` draws one document from a seeded source (scripts/lib/random.ts):
 * its content (all invented: 示例省…, names 某某, telephone numbers 0000-…), the forms it prints
 * in, and the layouts each producer lays it out with (scripts/samples/official-forms/*.ts: site
 * text, site HTML, Word, Chromium PDF, LibreOffice Word and PDF, OFD). `expectedImport(form,
 * producer)` is what a faithful import of that producer's file gives; it is worked out here from
 * the model, never from the importer's code, so that the importer is judged on inputs it did not
 * shape.
 *
 * Every document says it is synthetic in text the importer keeps: the first paragraph of the 正文
 * ends with MARKER_SENTENCE (…合成测试数据…).
 *
 * Canonical text in `expected`: paragraphs as the office wrote them (full-width punctuation,
 * 第一条 and 第一章 followed by a full-width space, nothing after a heading mark); the title on
 * one line without spaces between Chinese words (joint organs included: 示例省教育厅示例省财政厅关于…);
 * the 文号 with 〔〕; dates ISO. What a producer degrades on purpose (half-width punctuation, NBSP,
 * GB18030 bytes…) is listed in `expected.lossy`.
 */
import { seededRandom } from '../lib/random.ts';

// ── Words ──

/** The words that mark every document as invented, in its first paragraph. */
export const MARKER = '合成测试数据';
export const MARKER_SENTENCE = `本文件为${MARKER}，文中机关、人名、文号和日期均为虚构。`;

/** 公开方式 wordings a 附注 prints (src/schemas/policy.ts DISCLOSURES). */
export const DISCLOSURE_WORDINGS = ['主动公开', '公开发布', '依申请公开', '不予公开', '不公开'] as const;
export type Disclosure = (typeof DISCLOSURE_WORDINGS)[number];
/** The wordings under which a document may be on the public site. */
export const PUBLIC_WORDINGS: readonly Disclosure[] = ['主动公开', '公开发布'];

interface Organ {
  name: string;
  /** 机关代字 stem of its 文号. */
  code: string;
  /** Its general office: the 印发机关 in a 版记. */
  office: string;
  /** 主送机关 it writes to. */
  recipients: readonly string[];
}

const ORGANS = {
  edu: { name: '示例省教育厅', code: '示教', office: '示例省教育厅办公室', recipients: ['各市教育局，各普通高等学校', '各普通本科高等学校', '各市教育局，各高等学校，厅直属各单位', '各有关高等学校'] },
  fin: { name: '示例省财政厅', code: '示财', office: '示例省财政厅办公室', recipients: ['各市财政局'] },
  hr: { name: '示例省人力资源和社会保障厅', code: '示人社', office: '示例省人力资源和社会保障厅办公室', recipients: ['各市人力资源和社会保障局'] },
  sci: { name: '示例省科学技术厅', code: '示科', office: '示例省科学技术厅办公室', recipients: ['各市科技局'] },
  dev: { name: '示例省发展和改革委员会', code: '示发改', office: '示例省发展和改革委员会办公室', recipients: ['各市发展改革委'] },
  party: { name: '中共示例省委教育工作委员会', code: '示教工委', office: '中共示例省委教育工作委员会办公室', recipients: ['各市委教育工委，各高等学校党委'] },
  gov: { name: '示例省人民政府', code: '示政发', office: '示例省人民政府办公厅', recipients: ['各市、县人民政府，省人民政府各委、办、厅、局'] },
  govOffice: { name: '示例省人民政府办公厅', code: '示政办发', office: '示例省人民政府办公厅', recipients: ['各市、县人民政府，省人民政府各委、办、厅、局'] },
} satisfies Record<string, Organ>;
type OrganKey = keyof typeof ORGANS;

/** Who issues: one organ, or two or three jointly (主办机关 first). */
const ISSUER_SETS: readonly (readonly OrganKey[])[] = [['edu'], ['edu'], ['edu'], ['gov'], ['govOffice'], ['party']];
const JOINT_SETS: readonly (readonly OrganKey[])[] = [['edu', 'fin'], ['edu', 'hr'], ['edu', 'sci'], ['party', 'edu'], ['dev', 'edu'], ['edu', 'fin', 'hr'], ['edu', 'sci', 'fin'], ['edu', 'dev', 'fin']];

/** Joint 主送机关: what the organs' recipients look like merged. */
const JOINT_RECIPIENTS: Partial<Record<string, string>> = {
  'edu+fin': '各市教育局、财政局，各普通本科高等学校',
  'edu+hr': '各市教育局、人力资源和社会保障局，各高等学校',
  'edu+sci': '各市教育局、科技局，各高等学校',
  'party+edu': '各市委教育工委、教育局，各高等学校党委',
  'dev+edu': '各市发展改革委、教育局，各高等学校',
};

/** The subject a document deals with: the long name, and the short one the text repeats. */
const TOPICS: readonly { long: string; short: string }[] = [
  { long: '高等学校重点学科建设', short: '重点学科建设' },
  { long: '研究生教育质量提升', short: '研究生教育' },
  { long: '高校科研平台绩效评价', short: '科研平台评价' },
  { long: '一流专业建设', short: '一流专业建设' },
  { long: '高等学校实验室安全', short: '实验室安全' },
  { long: '青年教师教学能力提升', short: '教学能力提升' },
  { long: '高校协同创新中心建设', short: '协同创新中心建设' },
  { long: '高校哲学社会科学重点研究基地', short: '重点研究基地建设' },
  { long: '高层次人才引进', short: '人才引进' },
  { long: '高校科研诚信建设', short: '科研诚信建设' },
  { long: '校企合作实践基地', short: '实践基地建设' },
  { long: '学科建设专项资金', short: '专项资金管理' },
  { long: '高校科技成果转化', short: '成果转化' },
  { long: '本科教学质量监测', short: '质量监测' },
];

const MEASURE_KINDS = ['管理办法', '实施细则', '暂行办法', '考评办法', '管理规定'] as const;
const PURPOSES = ['进一步加强{T}工作', '规范{T}管理', '提高{T}工作水平', '推动{T}高质量发展', '健全{T}工作机制'];
const BASES = ['根据国家有关规定', '依据《示例省教育条例》等有关规定', '根据有关法律法规', '按照省委、省政府有关部署'];
const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'];

const SENTENCES = [
  '各单位要高度重视{T}工作，明确责任分工，认真组织实施。',
  '{T}工作坚持统筹规划、分类指导、注重实效的原则。',
  '各高校应当建立健全工作机制，确保各项任务落到实处。',
  '主管部门将适时组织检查，对工作成效显著的单位予以通报表扬。',
  '申报材料须经学校审核并公示，公示期不少于5个工作日。',
  '项目实施期一般为3年，实施期满后组织验收。',
  '专项资金实行专款专用，任何单位和个人不得截留、挤占、挪用。',
  '各单位要加强宣传引导，及时总结推广典型经验和做法。',
  '对弄虚作假、违规使用资金的，按照有关规定严肃处理。',
  '要把{T}纳入年度重点工作，定期研究解决工作中的困难和问题。',
  '建立年度报告制度，各单位每年12月底前报送年度进展情况。',
  '鼓励有条件的高校先行先试，形成可复制、可推广的经验。',
];
const H1 = ['总体要求', '主要任务', '重点工作', '申报范围和条件', '组织实施', '工作要求', '保障措施', '时间安排'];
const H2 = ['明确目标任务', '突出建设重点', '强化经费保障', '健全工作机制', '加强监督检查', '严格过程管理', '注重成果运用'];
const H4 = ['学科方向明确', '队伍结构合理', '条件保障有力', '管理制度健全'];
const ITEMS = ['学科方向明确，特色鲜明，在本领域具有较高水平', '有稳定的研究团队，年龄和职称结构合理', '具备开展工作所需的场地、设备和经费', '近三年承担省级以上项目不少于3项', '管理制度健全，运行规范', '无违反科研诚信和财经纪律的情况'];
const USES = ['设备购置和维护', '人才引进和培养', '学术交流与合作', '研究生培养', '平台运行和管理'];

// ── The model ──

export type Genre = 'issuing' | 'notice' | 'opinion';
export type CarryVerb = '印发' | '转发' | '批转';
/** How a carried document follows its notice: with a 附件 label (and a 附件说明), or straight after the notice's 署名, date and 附注. */
export type CarryLabel = 'none' | '附件' | '附件N';
export type TitleLayout = 'one-line' | 'organ-line' | 'organ-lines' | 'wrapped';
export type DateStyle = 'arabic' | 'chinese-〇' | 'chinese-○' | 'chinese-零' | 'chinese-0' | 'chinese-O-mixed';
export type Brackets = '〔〕' | '[]' | '［］' | '【】';
export type SignatureLayout = 'single' | 'stacked' | 'side-by-side';
export type HeadingStyle = 'standalone' | 'run-in';
export type ContactWording = '联系人，联系电话' | '联系人；联系方式' | '联系人，电话' | '联系人及电话';
export type PageNumberStyle = '— N —' | '—N—' | '-N-' | '- N -' | '第N页' | 'N/M' | '第N页 共M页' | 'none';

/** An attachment: the carried document, or one a notice lists. `label` is what its page prints above its title (null: nothing). */
export interface Attachment {
  title: string;
  label: string | null;
  paragraphs: string[];
  /** The document the notice 印发 / 转发 / 批转. */
  carried: boolean;
  /** Its kind of text: 章/条 (a 办法), heading levels (a 方案 / 意见), or a form outline. */
  structure: 'chapters' | 'clauses' | 'headings' | 'outline';
}

/** The document as the office wrote it. */
export interface OfficialContent {
  genre: Genre;
  verb?: CarryVerb;
  /** 发文机关 in order, 主办机关 first. */
  issuers: string[];
  /** 发文机关标志 lines as printed in red: one line, or each organ on a line of its own (+ 文件 beside them). */
  issuerMarkLines: string[];
  issuerMarkSuffix: '文件' | '';
  docNumber?: string;
  title: string;
  /** The title's organ part (each organ) and the rest (关于…的通知). */
  titleOrgans: string[];
  titleRest: string;
  recipients?: string;
  /** The 正文's paragraphs; the first ends with MARKER_SENTENCE. */
  main: string[];
  /** Attachments in 附件说明 order; a carried document comes first. */
  attachments: Attachment[];
  /** Whether the 附件说明 (附件：1.… ) is printed under the body. */
  attachmentList: boolean;
  writtenDate: string;
  disclosure?: Disclosure;
  /** Other 附注 remarks, without brackets. */
  notes: string[];
  copyTo?: string;
  printedBy?: string;
  printedDate?: string;
  /** What a portal files it under. */
  publishedDate: string;
  indexNumber: string;
  subject: string;
}

/** Forms every producer shows the same way. */
export interface ContentForms {
  titleLayout: TitleLayout;
  /** The title as printed, line by line. */
  titleLines: string[];
  /** Between joint organs on one title line. */
  titleOrganSeparator: ' ' | '\u3000' | '';
  dateStyle: DateStyle;
  brackets: Brackets;
  /** A space inside the 文号 (示教〔2005〕32 号, 示教[2000] 851号), as retyped texts have it. */
  docNumberSpaced: boolean;
  signature: SignatureLayout;
  carryLabel: CarryLabel;
  headingStyle: HeadingStyle;
  contact: ContactWording | null;
}

/** A site's page: what a copy of it as text (site-text) or its saved HTML (site-html) holds around the document. */
export interface SiteLayout {
  chromeTop: string[];
  chromeBottom: string[];
  metadata: 'none' | 'label-value' | 'label-above-value' | 'paired-spaced' | 'tabbed' | 'values-only';
  /** Field names: gov.cn's set (索引号 主题分类 发文机关 成文日期 标题 发文字号 发布日期) or a portal's (发布机构 文号 发文日期 公开日期 有效性…). */
  metadataNames: 'gov' | 'portal';
  colon: '：' | ':';
  /** Where the 文号 stands in the text. */
  docNumber: 'under-title' | 'before-title' | 'under-title-parens' | 'metadata-only' | 'absent';
  /** The title again at the top of the page (the page heading), alone or as 文号《标题》. */
  pageHeading: 'none' | 'title' | 'number-title';
  /** The title in the text as printed on paper (its lines) or on one line. */
  titleLines: 'printed' | 'one';
  indent: 'none' | 'ascii2' | 'ascii4' | 'ideographic2' | 'nbsp2';
  blankLines: boolean;
  punctuation: 'full' | 'mixed' | 'half';
  signature: 'plain' | 'padded-left' | 'padded-right' | 'date-only';
  /** HTML: paragraphs indented by CSS, by &nbsp; or not at all. */
  htmlIndent: 'css' | 'nbsp' | 'none';
  /** The 版记 kept on the page (most sites drop it). */
  closing: boolean;
  encoding: 'utf-8' | 'utf-8-bom' | 'gb18030';
  lineEnding: '\n' | '\r\n';
  /** A fake address for the page (browser print shows it in the footer). */
  url: string;
  views: number;
}

/** A Word file as offices make them: no heading styles. */
export interface WordLayout {
  paragraphMark: 'first-line-chars' | 'first-line-twips' | 'spacing' | 'typed-spaces' | 'none';
  headings: 'plain' | 'bold' | 'numbered';
  titleLines: 'breaks' | 'paragraphs' | 'one';
  jointSignature: 'table' | 'tabs' | 'spaces';
  singleSignature: 'right-aligned' | 'typed-spaces';
  closing: 'table' | 'paragraphs';
  pageNumbers: PageNumberStyle;
  masthead: boolean;
  docNumber: 'masthead' | 'under-title-parens' | 'absent';
  /** Each printed line ended by a line break (text pasted from a PDF). */
  softBreaks: boolean;
}

/** A PDF printed by Chromium: after GB/T 9704, or the site's page printed by the browser (its header and footer). */
export interface PrintLayout {
  source: 'gbt9704' | 'browser-print';
  paragraphMark: 'indent' | 'spacing' | 'neither';
  pageNumbers: PageNumberStyle;
  pageNumberPlace: 'outside' | 'centre';
  masthead: boolean;
  docNumber: 'masthead' | 'under-title-parens' | 'absent';
  /** An unlabelled carried document on a new page (else straight after the 附注). */
  carriedOnNewPage: boolean;
  bodySize: number;
  linePitch: number;
  /**
   * A tagged PDF, its paragraphs marked in a structure tree, as Chrome's 另存为 PDF writes since
   * version 85 (and Word's export); else untagged, as a virtual printer (Microsoft Print to PDF) writes.
   */
  tagged: boolean;
}

/** A LibreOffice document (.fodt), converted by soffice to .docx and .pdf. */
export interface OfficeLayout {
  paragraphMark: 'style-indent' | 'direct-indent' | 'spacing' | 'none';
  headings: 'outline-styles' | 'bold';
  pageNumbers: PageNumberStyle;
  masthead: boolean;
  docNumber: 'masthead' | 'under-title-parens' | 'absent';
  jointSignature: 'table' | 'tabs';
}

export interface OfficialForm {
  seed: number;
  /** File stem: world-<seed>. */
  name: string;
  doc: OfficialContent;
  forms: ContentForms;
  site: SiteLayout;
  word: WordLayout;
  print: PrintLayout;
  office: OfficeLayout;
}

// ── Drawing ──

type Random = () => number;
const pick = <T>(random: Random, options: readonly T[]): T => options[Math.min(options.length - 1, Math.floor(random() * options.length))]!;
const chance = (random: Random, p: number) => random() < p;
const int = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const fill = (template: string, topic: string) => template.replaceAll('{T}', topic);
/** The first `n` of `options` in an order drawn from `random` (Fisher–Yates). */
function some<T>(random: Random, options: readonly T[], n: number): T[] {
  const out = [...options];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out.slice(0, n);
}

const DIGITS = '〇一二三四五六七八九';
/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 31 → 三十一. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 100) {
    const tens = Math.floor(n / 10);
    return `${tens === 1 ? '' : DIGITS[tens]!}十${n % 10 ? DIGITS[n % 10]! : ''}`;
  }
  return String(n);
}

/** 2023-03-05 printed in a date style: 2023年3月5日, 二〇二三年三月五日 (〇 ○ 零 0), 二O二三年3月5日. */
export function formatDate(iso: string, style: DateStyle): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (style === 'arabic') return `${y}年${m}月${d}日`;
  const zero = { 'chinese-〇': '〇', 'chinese-○': '\u25cb', 'chinese-零': '零', 'chinese-0': '0', 'chinese-O-mixed': 'O' }[style];
  const year = [...String(y)].map((c) => (c === '0' ? zero : DIGITS[Number(c)]!)).join('');
  if (style === 'chinese-O-mixed') return `${year}年${m}月${d}日`;
  return `${year}年${chineseNumber(m)}月${chineseNumber(d)}日`;
}

/** 示教〔2023〕12号 printed with other brackets and, when spaced, a space where retyped texts have one. */
export function printedDocNumber(docNumber: string, brackets: Brackets, spaced: boolean): string {
  const m = /^(.*)〔(\d{4})〕(\d+)号$/.exec(docNumber);
  if (!m) return docNumber;
  const [, code, year, serial] = m;
  return spaced ? `${code}${brackets[0]}${year}${brackets[1]}${serial} 号` : `${code}${brackets[0]}${year}${brackets[1]}${serial}号`;
}

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const isoOf = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Cuts a title into printed lines of at most `max` characters at the points offices break it (before 关于, around 《》, before 的通知). */
function wrapTitle(title: string, max: number): string[] {
  const chars = [...title];
  if (chars.length <= max) return [title];
  const good = new Set<number>();
  for (const m of title.matchAll(/(?=关于)|(?=《)|(?<=》)|(?=的(?:通知|意见)$)|(?<=印发|转发|批转|加强|推进|做好|开展)/gu)) good.add([...title.slice(0, m.index)].length);
  const lines: string[] = [];
  let start = 0;
  while (chars.length - start > max) {
    // The last good break within reach, else a hard cut at `max` (never before closing punctuation).
    let cut = -1;
    for (let at = start + max; at > start + 4; at--) if (good.has(at)) { cut = at; break; }
    if (cut < 0) {
      cut = start + max;
      while (cut > start + 1 && /[》）」，、]/u.test(chars[cut]!)) cut--;
    }
    lines.push(chars.slice(start, cut).join(''));
    start = cut;
  }
  lines.push(chars.slice(start).join(''));
  return lines;
}

/** Heading sections (一、 （一） 1. （1）) of a 通知, 意见 or 方案. */
function headingSections(random: Random, topic: string, style: HeadingStyle, deep: boolean): string[] {
  const out: string[] = [];
  const count = int(random, 2, 4);
  const h1s = some(random, H1, count);
  h1s.forEach((h1, i) => {
    const sentence = () => fill(pick(random, SENTENCES), topic);
    if (style === 'standalone') {
      out.push(`${chineseNumber(i + 1)}、${h1}`);
    } else {
      out.push(`${chineseNumber(i + 1)}、${h1}。${sentence()}`);
    }
    const subs = chance(random, 0.6) ? int(random, 2, 3) : 0;
    if (!subs) out.push(sentence() + sentence());
    const h2s = some(random, H2, subs);
    h2s.forEach((h2, j) => {
      out.push(style === 'standalone' && chance(random, 0.3) ? `（${chineseNumber(j + 1)}）${h2}` : `（${chineseNumber(j + 1)}）${h2}。${sentence()}`);
      if (style === 'standalone' && !/。/.test(out.at(-1)!)) out.push(sentence());
      if (deep && j === 0) {
        out.push(`1.${fill(pick(random, ['加强组织领导', '完善配套政策', '落实主体责任']), topic)}。${sentence()}`);
        out.push(`2.${fill(pick(random, ['强化过程管理', '做好宣传解读', '加强经费保障']), topic)}。${sentence()}`);
        if (chance(random, 0.6)) {
          out.push(`（1）${pick(random, H4)}；`);
          out.push(`（2）${pick(random, H4.filter((h) => !out.at(-1)!.includes(h)))}。`);
        }
      }
    });
  });
  return out;
}

/** A 办法's text: 第一章 总则 … 第X章 附则 (or clauses only), 第X条 paragraphs, （一） items as paragraphs of their own. */
function measuresText(random: Random, organ: string, topic: { long: string; short: string }, kind: string, chapters: boolean, effective: string): string[] {
  const out: string[] = [];
  let clause = 0;
  const c = (text: string) => out.push(`第${chineseNumber(++clause)}条\u3000${text}`);
  const chapter = (n: number, name: string) => chapters && out.push(`第${chineseNumber(n)}章\u3000${name}`);
  const noun = kind.endsWith('细则') ? '细则' : kind.endsWith('规定') ? '规定' : '办法';
  chapter(1, '总则');
  c(`为${fill(pick(random, PURPOSES), topic.short)}，${pick(random, BASES)}，结合本省实际，制定本${noun}。`);
  c(`本${noun}适用于本省${pick(random, ['普通本科高等学校', '各类高等学校', '省属高等学校'])}开展的${topic.long}工作。`);
  c(fill(pick(random, SENTENCES), topic.short));
  chapter(2, pick(random, ['申报与评审', '组织管理', '建设与管理']));
  c(`申报${topic.short}项目，应当具备下列条件：`);
  const items = some(random, ITEMS, int(random, 3, 4));
  items.forEach((item, i) => out.push(`（${chineseNumber(i + 1)}）${item}${i === items.length - 1 ? '。' : '；'}`));
  c(`${organ}负责${topic.short}工作的统筹规划和监督管理；各高校负责本校${topic.short}工作的具体实施。`);
  chapter(3, '经费管理');
  c(`${topic.short}专项资金主要用于：`);
  const uses = some(random, USES, 3);
  uses.forEach((use, i) => out.push(`（${chineseNumber(i + 1)}）${use}${i === uses.length - 1 ? '。' : '；'}`));
  c(fill(pick(random, SENTENCES.slice(6)), topic.short));
  chapter(4, '附则');
  c(`本${noun}由${organ}负责解释。`);
  c(`本${noun}自${effective}起施行${chance(random, 0.5) ? `，有效期${pick(random, ['三', '五'])}年` : ''}。`);
  return out;
}

/** The outline of a form a notice lists (申报书, 汇总表): a few lines. */
function outlineText(random: Random, topic: string): string[] {
  return [`一、基本情况`, `二、${topic}工作基础`, `三、建设目标和主要任务`, `四、保障措施`].slice(0, int(random, 3, 4));
}

/** Draws one document, its forms and every producer's layout. */
export function drawOfficialForm(seed: number): OfficialForm {
  const random = seededRandom(seed);
  // Content first: the same seed gives the same document whatever a producer's layout.
  const joint = chance(random, 0.35);
  const keys = joint ? pick(random, JOINT_SETS) : pick(random, ISSUER_SETS);
  const organs = keys.map((k) => ORGANS[k]);
  const main = organs[0]!;
  const isGov = keys[0] === 'gov' || keys[0] === 'govOffice';
  const genre: Genre = chance(random, 0.55) ? 'issuing' : chance(random, 0.6) ? 'notice' : 'opinion';
  const verb: CarryVerb | undefined = genre !== 'issuing' ? undefined : isGov && !joint && chance(random, 0.4) ? '批转' : chance(random, 0.2) ? '转发' : '印发';
  const topic = pick(random, TOPICS);
  const year = int(random, 2008, 2025);
  const month = int(random, 1, 12);
  const day = int(random, 1, month === 2 ? 28 : 30);
  const writtenDate = isoOf(year, month, day);
  const effective = chance(random, 0.4) ? '印发之日' : formatDate(addDays(writtenDate, int(random, 10, 60)), 'arabic');

  const headingStyle: HeadingStyle = chance(random, 0.5) ? 'standalone' : 'run-in';
  const attachments: Attachment[] = [];
  let titleRest: string;
  const mainText: string[] = [];
  const purpose = fill(pick(random, PURPOSES), topic.short);
  const basis = pick(random, BASES);
  if (genre === 'issuing') {
    const count = verb === '印发' && chance(random, 0.2) ? 2 : 1;
    for (let i = 0; i < count; i++) {
      if (verb === '批转') {
        const opinion = `${ORGANS.edu.name}关于${pick(random, ['加强', '推进', '进一步做好'])}${topic.long}${i ? '评价' : ''}工作的意见`;
        attachments.push({ title: opinion, label: null, paragraphs: [`为${purpose}，现提出如下意见。`, ...headingSections(random, topic.short, headingStyle, false)], carried: true, structure: 'headings' });
      } else {
        const plan = chance(random, 0.25);
        const kind = plan ? '实施方案' : pick(random, MEASURE_KINDS);
        const title = `示例省${i ? pick(random, TOPICS.filter((t) => t !== topic)).long : topic.long}${kind}${!plan && chance(random, 0.3) ? '（试行）' : ''}`;
        const chapters = chance(random, 0.7);
        const paragraphs = plan ? [`为${purpose}，制定本方案。`, ...headingSections(random, topic.short, headingStyle, chance(random, 0.5))] : measuresText(random, main.name, topic, kind, chapters, effective);
        attachments.push({ title, label: null, paragraphs, carried: true, structure: plan ? 'headings' : chapters ? 'chapters' : 'clauses' });
      }
    }
    const named = attachments.map((a) => `《${a.title}》`);
    if (verb === '批转') {
      titleRest = `批转${ORGANS.edu.name}关于${attachments[0]!.title.replace(/^.*?关于/, '').replace(/的意见$/, '')}意见的通知`;
      mainText.push(`省人民政府同意${ORGANS.edu.name}${named[0]}，现转发给你们，请认真贯彻执行。${MARKER_SENTENCE}`);
    } else {
      const list = named.length === 1 ? named[0]! : pick(random, [named.join(''), `${named[0]!}等两个文件`]);
      titleRest = `关于${verb}${list}的通知`;
      if (verb === '转发') mainText.push(`现将${pick(random, ['示例部', ORGANS.fin.name, ORGANS.sci.name])}${named.join('、')}转发给你们，请结合实际，认真贯彻落实。${MARKER_SENTENCE}`);
      else mainText.push(`为${purpose}，${basis}，我们制定了${named.join('和')}。现印发给你们，请结合实际，认真贯彻执行。${MARKER_SENTENCE}`);
    }
    if (chance(random, 0.5)) mainText.push(`执行中遇到的问题，请及时反馈${main.name}${pick(random, ['高等教育处', '科学技术处', '发展规划处', '财务处'])}。`);
  } else {
    const action = pick(random, genre === 'notice' ? ['做好', '开展', '组织申报', '进一步做好'] : ['加强', '推进', '深化']);
    titleRest = genre === 'notice' ? `关于${action}${topic.long}工作的通知` : `关于${action}${topic.long}的${chance(random, 0.5) ? '实施意见' : '意见'}`;
    mainText.push(`为${purpose}，${basis}，${genre === 'notice' ? `现就${topic.short}有关事项通知如下。` : '现提出如下意见。'}${MARKER_SENTENCE}`);
    mainText.push(...headingSections(random, topic.short, headingStyle, chance(random, 0.6)));
    if (genre === 'notice' && chance(random, 0.6)) mainText.push('特此通知。');
    if (genre === 'notice' && chance(random, 0.5)) {
      const n = int(random, 1, 2);
      const forms = [`${topic.long}项目申报书`, `${year}年度${topic.short}推荐汇总表`];
      for (let i = 0; i < n; i++) attachments.push({ title: forms[i]!, label: null, paragraphs: outlineText(random, topic.short), carried: false, structure: 'outline' });
    }
  }

  // How a carried document follows (印发 / 转发 / 批转), and the labels of attachments.
  const carryLabel: CarryLabel = genre !== 'issuing' ? '附件N' : pick(random, ['none', 'none', '附件', '附件N'] as const);
  attachments.forEach((a, i) => {
    if (a.carried && carryLabel === 'none') a.label = null;
    else a.label = attachments.length === 1 && (carryLabel === '附件' || !a.carried && chance(random, 0.5)) ? '附件' : `附件${i + 1}`;
  });
  const attachmentList = attachments.some((a) => a.label !== null);

  const issuers = organs.map((o) => o.name);
  const jointKey = keys.slice(0, 2).join('+');
  const recipients = chance(random, 0.8) ? (joint ? JOINT_RECIPIENTS[jointKey] ?? pick(random, main.recipients) : pick(random, main.recipients)) : undefined;
  const jointDivision: Record<string, string> = { fin: '财', hr: '人', sci: '科', dev: '发' };
  const division = isGov || keys[0] === 'party' ? '' : joint ? jointDivision[keys[1]!] ?? pick(random, ['高', '科']) : pick(random, ['高', '科', '研', '发', '办', '']);
  const docNumber = chance(random, 0.9) ? `${main.code}${division}〔${year}〕${int(random, 1, 150)}号` : undefined;
  const disclosure: Disclosure | undefined = chance(random, 0.85) ? pick(random, [...DISCLOSURE_WORDINGS, '主动公开', '公开发布']) : undefined;
  const contact: ContactWording | null = chance(random, 0.35) ? pick(random, ['联系人，联系电话', '联系人；联系方式', '联系人，电话', '联系人及电话'] as const) : null;
  const notes: string[] = [];
  if (chance(random, 0.08)) notes.push(`此件发至${pick(random, ['各市教育局', '县级教育行政部门'])}`);
  if (contact) {
    const person = `${pick(random, SURNAMES)}某${chance(random, 0.5) ? '某' : ''}`;
    const phone = `0000-${int(random, 1000000, 9999999)}`;
    notes.push(
      contact === '联系人，联系电话' ? `联系人：${person}，联系电话：${phone}` : contact === '联系人；联系方式' ? `联系人：${person}；联系方式：${phone}` : contact === '联系人，电话' ? `联系人：${person}，电话：${phone}` : `联系人及电话：${person}，${phone}`,
    );
  }
  const closing = chance(random, 0.55);
  const printedDate = closing ? addDays(writtenDate, int(random, 0, 5)) : undefined;

  // The forms.
  const titleLayout: TitleLayout = joint ? pick(random, ['one-line', 'organ-line', 'organ-lines', 'wrapped'] as const) : pick(random, ['one-line', 'organ-line', 'wrapped'] as const);
  const titleOrganSeparator = joint ? pick(random, [' ', '\u3000', ''] as const) : '';
  // 批转 titles name the government and the department: 示例省人民政府批转示例省教育厅关于…意见的通知.
  const titleOrgans = issuers;
  const rest = titleRest;
  const title = titleOrgans.join('') + rest;
  const organLine = titleOrgans.join(titleOrganSeparator);
  const titleLines =
    titleLayout === 'one-line' ? [organLine + rest]
    : titleLayout === 'organ-line' ? [organLine, ...wrapTitle(rest, 20)]
    : titleLayout === 'organ-lines' ? [...titleOrgans, ...wrapTitle(rest, 20)]
    : wrapTitle(organLine + rest, int(random, 14, 20));
  const dateStyle = pick(random, ['arabic', 'arabic', 'arabic', 'chinese-〇', 'chinese-○', 'chinese-零', 'chinese-0', 'chinese-O-mixed'] as const);
  const forms: ContentForms = {
    titleLayout,
    titleLines,
    titleOrganSeparator,
    dateStyle,
    brackets: pick(random, ['〔〕', '〔〕', '[]', '［］', '【】'] as const),
    docNumberSpaced: chance(random, 0.12),
    signature: joint ? pick(random, ['stacked', 'side-by-side'] as const) : 'single',
    carryLabel,
    headingStyle,
    contact,
  };

  const doc: OfficialContent = {
    genre,
    ...(verb ? { verb } : {}),
    issuers,
    issuerMarkLines: issuers,
    issuerMarkSuffix: keys[0] === 'govOffice' && chance(random, 0.5) ? '' : '文件',
    ...(docNumber ? { docNumber } : {}),
    title,
    titleOrgans,
    titleRest: rest,
    ...(recipients ? { recipients } : {}),
    main: mainText,
    attachments,
    attachmentList,
    writtenDate,
    ...(disclosure ? { disclosure } : {}),
    notes,
    ...(closing ? { copyTo: pick(random, ['教育部有关司局，示例省人民政府办公厅', '示例省财政厅，示例省审计厅', '省委教育工委，省人民政府办公厅']), printedBy: main.office, printedDate: printedDate! } : {}),
    publishedDate: addDays(writtenDate, int(random, 2, 20)),
    indexNumber: `00000000${String(int(random, 0, 99)).padStart(2, '0')}/${year}-${String(int(random, 1, 99999)).padStart(5, '0')}`,
    subject: pick(random, ['教育\\高等教育', '科技、教育\\教育', '教育、科技\\其他', '财政、金融、审计\\财政']),
  };

  // The producers' layouts: drawn after the content, from the same source.
  const pageNumber = () => pick(random, ['— N —', '— N —', '—N—', '-N-', '- N -', '第N页', 'N/M', '第N页 共M页', 'none'] as const);
  const site: SiteLayout = {
    chromeTop: [
      ...(chance(random, 0.7) ? [pick(random, ['当前位置：首页 > 政务公开 > 政策文件', '您的位置：首页 » 信息公开 » 规范性文件', '首页 > 通知公告'])] : []),
      ...(chance(random, 0.5) ? [pick(random, ['【字体：大 中 小】', '字号：大 中 小', '视力保护色：', '【打印】【关闭】'])] : []),
    ],
    chromeBottom: [
      ...(chance(random, 0.7) ? [pick(random, ['打印本页 关闭窗口', '【打印本页】 【关闭窗口】', '【打印】 【关闭】'])] : []),
      ...(chance(random, 0.4) ? [pick(random, ['分享到：', '扫一扫在手机打开当前页', '返回顶部'])] : []),
    ],
    metadata: pick(random, ['none', 'label-value', 'label-value', 'label-above-value', 'paired-spaced', 'tabbed', 'values-only'] as const),
    metadataNames: pick(random, ['gov', 'portal'] as const),
    colon: pick(random, ['：', ':'] as const),
    docNumber: pick(random, ['under-title', 'under-title', 'before-title', 'under-title-parens', 'metadata-only', 'absent'] as const),
    pageHeading: pick(random, ['none', 'none', 'title', 'number-title'] as const),
    titleLines: pick(random, ['printed', 'one'] as const),
    indent: pick(random, ['none', 'ascii2', 'ascii4', 'ideographic2', 'nbsp2'] as const),
    blankLines: chance(random, 0.5),
    punctuation: pick(random, ['full', 'mixed', 'half'] as const),
    signature: pick(random, ['plain', 'plain', 'padded-left', 'padded-right', 'date-only'] as const),
    htmlIndent: pick(random, ['css', 'nbsp', 'none'] as const),
    closing: chance(random, 0.25),
    encoding: pick(random, ['utf-8', 'utf-8', 'utf-8', 'utf-8-bom', 'gb18030'] as const),
    lineEnding: chance(random, 0.3) ? '\r\n' : '\n',
    url: `http://jyt.shili.example/zwgk/zcwj/${year}${String(month).padStart(2, '0')}/t${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}_${int(random, 100000, 999999)}.html`,
    views: int(random, 12, 9999),
  };
  // A page of a site that keeps no 文号 anywhere cannot also put it in the metadata only: fall back to under the title.
  if (site.docNumber === 'metadata-only' && (site.metadata === 'none' || !docNumber)) site.docNumber = 'under-title';
  const word: WordLayout = {
    paragraphMark: pick(random, ['first-line-chars', 'first-line-twips', 'spacing', 'typed-spaces', 'none'] as const),
    headings: pick(random, ['plain', 'bold', 'bold', 'numbered'] as const),
    titleLines: pick(random, ['breaks', 'paragraphs', 'one'] as const),
    jointSignature: pick(random, ['table', 'tabs', 'spaces'] as const),
    singleSignature: pick(random, ['right-aligned', 'typed-spaces'] as const),
    closing: pick(random, ['table', 'paragraphs'] as const),
    pageNumbers: pageNumber(),
    masthead: chance(random, 0.6),
    docNumber: pick(random, ['masthead', 'masthead', 'under-title-parens', 'absent'] as const),
    softBreaks: chance(random, 0.15),
  };
  const print: Omit<PrintLayout, 'tagged'> = {
    source: chance(random, 0.2) ? 'browser-print' : 'gbt9704',
    paragraphMark: pick(random, ['indent', 'indent', 'spacing', 'neither'] as const),
    pageNumbers: pageNumber(),
    pageNumberPlace: chance(random, 0.6) ? 'outside' : 'centre',
    masthead: chance(random, 0.6),
    docNumber: pick(random, ['masthead', 'masthead', 'under-title-parens', 'absent'] as const),
    carriedOnNewPage: chance(random, 0.5),
    bodySize: pick(random, [15.5, 16, 16, 16.5]),
    linePitch: pick(random, [28, 28.9, 29.5]),
  };
  const office: OfficeLayout = {
    paragraphMark: pick(random, ['style-indent', 'direct-indent', 'spacing', 'none'] as const),
    headings: pick(random, ['outline-styles', 'bold'] as const),
    pageNumbers: pageNumber(),
    masthead: chance(random, 0.6),
    docNumber: pick(random, ['masthead', 'masthead', 'under-title-parens', 'absent'] as const),
    jointSignature: pick(random, ['table', 'tabs'] as const),
  };
  // (Drawn last, so that a seed draws the same document and forms as before this choice was drawn.)
  const tagged = chance(random, 0.5);
  return { seed, name: `world-${String(seed).padStart(4, '0')}`, doc, forms, site, word, print: { ...print, tagged }, office };
}

// ── What each producer's file must import to ──

export const PRODUCERS = ['site-text', 'site-html', 'docx', 'pdf', 'lo-docx', 'lo-pdf', 'ofd'] as const;
export type Producer = (typeof PRODUCERS)[number];

/** The file name extension each producer writes. */
export const EXTENSIONS: Record<Producer, string> = { 'site-text': 'txt', 'site-html': 'html', docx: 'docx', pdf: 'pdf', 'lo-docx': 'docx', 'lo-pdf': 'pdf', ofd: 'ofd' };

export interface ExpectedAttachment {
  title: string;
  /** Printed with no 附件 label and no 附件说明 (the carried document set straight after the notice). */
  unlabelled?: true;
  /** Its paragraphs, or null when the file holds only its title (a site's download link). */
  paragraphs: string[] | null;
}

/** What a faithful import of one producer's file gives (the fields of src/schemas/policy.ts it can know). */
export interface ExpectedImport {
  marker: typeof MARKER;
  name: string;
  seed: number;
  producer: Producer;
  /** The forms this file shows, for reading a failure. */
  forms: Record<string, string | number | boolean>;
  /** What the producer changed that a faithful import must undo (half-width punctuation, NBSP, GB18030…). */
  lossy: string[];
  title: string;
  /** The title's lines as printed in this file. */
  titleLines: string[];
  docNumber?: string;
  issuerMark?: string;
  issuer: string;
  coIssuers: string[];
  recipients?: string;
  writtenDate: string;
  disclosure?: Disclosure;
  visibility: 'public' | 'internal';
  notes: string[];
  main: string[];
  attachments: ExpectedAttachment[];
  copyTo?: string;
  printedBy?: string;
  printedDate?: string;
  publishedDate?: string;
  indexNumber?: string;
  subject?: string;
}

/** Where the 文号 stands in a paper-like producer's file. */
export function paperDocNumber(form: OfficialForm, producer: Producer): 'masthead' | 'under-title-parens' | 'absent' {
  if (producer === 'docx') return form.word.docNumber;
  if (producer === 'lo-docx' || producer === 'lo-pdf') return form.office.docNumber;
  return form.print.docNumber;
}

const isSite = (form: OfficialForm, producer: Producer) => producer === 'site-text' || producer === 'site-html' || ((producer === 'pdf' || producer === 'ofd') && form.print.source === 'browser-print');

/** The expected import of `producer`'s rendering of `form`. */
export function expectedImport(form: OfficialForm, producer: Producer): ExpectedImport {
  const { doc, forms, site } = form;
  const siteLike = isSite(form, producer);
  const lossy: string[] = [];
  let docNumber: string | undefined;
  let issuerMark: string | undefined;
  let titleLines = forms.titleLines;
  const shown: Record<string, string | number | boolean> = {
    genre: doc.genre,
    verb: doc.verb ?? '',
    issuers: doc.issuers.length,
    titleLayout: forms.titleLayout,
    dateStyle: forms.dateStyle,
    brackets: forms.brackets,
    docNumberSpaced: forms.docNumberSpaced,
    signature: forms.signature,
    carryLabel: forms.carryLabel,
    headingStyle: forms.headingStyle,
    disclosure: doc.disclosure ?? 'none',
    contact: forms.contact ?? 'none',
    recipients: Boolean(doc.recipients),
    closing: Boolean(doc.copyTo),
  };
  const meta: Partial<Pick<ExpectedImport, 'publishedDate' | 'indexNumber' | 'subject'>> = {};
  if (siteLike) {
    docNumber = site.docNumber === 'absent' ? undefined : doc.docNumber;
    if (site.titleLines === 'one') titleLines = [forms.titleLines.join('')];
    Object.assign(shown, { siteDocNumber: site.docNumber, metadata: site.metadata, metadataNames: site.metadataNames, indent: site.indent, punctuation: site.punctuation, siteSignature: site.signature, encoding: site.encoding, pageHeading: site.pageHeading });
    // Labels drawn by the stylesheet (values-only) from the cells' data-label: text in what a browser
    // prints, an attribute in the page's HTML, lost in a copy of the page as text.
    const labelsShown = site.metadata !== 'none' && (site.metadata !== 'values-only' || producer !== 'site-text');
    if (labelsShown) {
      meta.publishedDate = doc.publishedDate;
      if (site.metadataNames === 'gov') Object.assign(meta, { indexNumber: doc.indexNumber, subject: doc.subject });
    }
    if (site.punctuation !== 'full') lossy.push('half-width-punctuation');
    if (site.indent === 'nbsp2' && (producer !== 'site-text' || site.encoding !== 'gb18030')) lossy.push('nbsp');
    if (site.encoding === 'gb18030') lossy.push('gb18030');
    if (site.encoding === 'utf-8-bom') lossy.push('bom');
    if (site.lineEnding === '\r\n') lossy.push('crlf');
    if (site.metadata !== 'none' || site.chromeTop.length || site.chromeBottom.length) lossy.push('site-chrome');
    if (producer === 'pdf' || producer === 'ofd') lossy.push('browser-header-footer');
  } else {
    const placement = paperDocNumber(form, producer);
    docNumber = placement === 'absent' ? undefined : doc.docNumber;
    const masthead = producer === 'docx' ? form.word.masthead : producer === 'lo-docx' || producer === 'lo-pdf' ? form.office.masthead : form.print.masthead;
    if (masthead) issuerMark = doc.issuers.join('') + doc.issuerMarkSuffix;
    Object.assign(shown, { paperDocNumber: placement, masthead });
    if (producer === 'docx') Object.assign(shown, { wordParagraphs: form.word.paragraphMark, wordHeadings: form.word.headings, wordTitle: form.word.titleLines, wordSignature: doc.issuers.length > 1 ? form.word.jointSignature : form.word.singleSignature, wordClosing: form.word.closing, pageNumbers: form.word.pageNumbers, softBreaks: form.word.softBreaks });
    if (producer === 'pdf' || producer === 'ofd') Object.assign(shown, { printTagged: producer === 'pdf' && form.print.tagged, printParagraphs: form.print.paragraphMark, pageNumbers: form.print.pageNumbers, pageNumberPlace: form.print.pageNumberPlace, carriedOnNewPage: form.print.carriedOnNewPage });
    if (producer === 'lo-docx' || producer === 'lo-pdf') Object.assign(shown, { officeParagraphs: form.office.paragraphMark, officeHeadings: form.office.headings, pageNumbers: form.office.pageNumbers, officeSignature: form.office.jointSignature });
    if (producer === 'docx' && form.word.headings === 'numbered') lossy.push('word-list-numbering');
    if (producer === 'docx' && form.word.softBreaks) lossy.push('soft-line-breaks');
  }
  if (forms.dateStyle !== 'arabic') lossy.push('chinese-numeral-date');
  if (docNumber && (forms.brackets !== '〔〕' || forms.docNumberSpaced)) lossy.push('doc-number-form');
  // A site's page lists a notice's own attachments as download links: their titles, not their text.
  const attachments: ExpectedAttachment[] = doc.attachments.map((a) => ({
    title: a.title,
    ...(a.label === null ? { unlabelled: true as const } : {}),
    paragraphs: siteLike && !a.carried ? null : a.paragraphs,
  }));
  const closingShown = siteLike ? site.closing : true;
  return {
    marker: MARKER,
    name: form.name,
    seed: form.seed,
    producer,
    forms: shown,
    lossy,
    title: doc.title,
    titleLines,
    ...(docNumber ? { docNumber } : {}),
    ...(issuerMark ? { issuerMark } : {}),
    issuer: doc.issuers[0]!,
    coIssuers: doc.issuers.slice(1),
    ...(doc.recipients ? { recipients: doc.recipients } : {}),
    writtenDate: doc.writtenDate,
    ...(doc.disclosure ? { disclosure: doc.disclosure } : {}),
    visibility: doc.disclosure && PUBLIC_WORDINGS.includes(doc.disclosure) ? 'public' : 'internal',
    notes: doc.notes,
    main: doc.main,
    attachments,
    ...(closingShown && doc.copyTo ? { copyTo: doc.copyTo, printedBy: doc.printedBy!, printedDate: doc.printedDate! } : {}),
    ...meta,
  };
}

/**
 * Every form value the corpus must show, by axis: what `formValues` reads off a form. The unit test
 * draws seeds until each is seen; world-corpus.ts checks its fixed seeds cover them all.
 */
export const FORM_AXES = {
  genre: ['issuing', 'notice', 'opinion'],
  verb: ['印发', '转发', '批转'],
  issuerCount: ['1', '2', '3'],
  carryLabel: ['none', '附件', '附件N'],
  carriedCount: ['1', '2'],
  carriedStructure: ['chapters', 'clauses', 'headings'],
  titleLayout: ['one-line', 'organ-line', 'organ-lines', 'wrapped'],
  dateStyle: ['arabic', 'chinese-〇', 'chinese-○', 'chinese-零', 'chinese-0', 'chinese-O-mixed'],
  brackets: ['〔〕', '[]', '［］', '【】'],
  docNumberSpaced: ['true', 'false'],
  docNumber: ['yes', 'no'],
  signature: ['single', 'stacked', 'side-by-side'],
  headingStyle: ['standalone', 'run-in'],
  disclosure: [...DISCLOSURE_WORDINGS, 'none'],
  contact: ['联系人，联系电话', '联系人；联系方式', '联系人，电话', '联系人及电话', 'none'],
  recipients: ['yes', 'no'],
  closing: ['yes', 'no'],
  noticeAttachments: ['0', '1', '2'],
  siteMetadata: ['none', 'label-value', 'label-above-value', 'paired-spaced', 'tabbed', 'values-only'],
  siteDocNumber: ['under-title', 'before-title', 'under-title-parens', 'metadata-only', 'absent'],
  siteIndent: ['none', 'ascii2', 'ascii4', 'ideographic2', 'nbsp2'],
  sitePunctuation: ['full', 'mixed', 'half'],
  siteSignature: ['plain', 'padded-left', 'padded-right', 'date-only'],
  siteEncoding: ['utf-8', 'utf-8-bom', 'gb18030'],
  htmlIndent: ['css', 'nbsp', 'none'],
  wordParagraphs: ['first-line-chars', 'first-line-twips', 'spacing', 'typed-spaces', 'none'],
  wordHeadings: ['plain', 'bold', 'numbered'],
  wordTitle: ['breaks', 'paragraphs', 'one'],
  wordClosing: ['table', 'paragraphs'],
  wordSoftBreaks: ['true', 'false'],
  paperDocNumber: ['masthead', 'under-title-parens', 'absent'],
  printSource: ['gbt9704', 'browser-print'],
  printParagraphs: ['indent', 'spacing', 'neither'],
  pageNumbers: ['— N —', '—N—', '-N-', '- N -', '第N页', 'N/M', '第N页 共M页', 'none'],
  officeParagraphs: ['style-indent', 'direct-indent', 'spacing', 'none'],
  officeHeadings: ['outline-styles', 'bold'],
} as const satisfies Record<string, readonly string[]>;
export type FormAxis = keyof typeof FORM_AXES;

/** The values a form shows on each axis (an axis may take several values in one document: page numbers in three producers). */
export function formValues(form: OfficialForm): Record<FormAxis, string[]> {
  const { doc, forms, site, word, print, office } = form;
  const carried = doc.attachments.filter((a) => a.carried);
  return {
    genre: [doc.genre],
    verb: doc.verb ? [doc.verb] : [],
    issuerCount: [String(doc.issuers.length)],
    carryLabel: doc.genre === 'issuing' ? [forms.carryLabel] : [],
    carriedCount: carried.length ? [String(carried.length)] : [],
    carriedStructure: carried.map((a) => a.structure),
    titleLayout: [forms.titleLayout],
    dateStyle: [forms.dateStyle],
    brackets: doc.docNumber ? [forms.brackets] : [],
    docNumberSpaced: doc.docNumber ? [String(forms.docNumberSpaced)] : [],
    docNumber: [doc.docNumber ? 'yes' : 'no'],
    signature: [forms.signature],
    headingStyle: doc.genre !== 'issuing' || carried.some((a) => a.structure === 'headings') ? [forms.headingStyle] : [],
    disclosure: [doc.disclosure ?? 'none'],
    contact: [forms.contact ?? 'none'],
    recipients: [doc.recipients ? 'yes' : 'no'],
    closing: [doc.copyTo ? 'yes' : 'no'],
    noticeAttachments: doc.genre === 'issuing' ? [] : [String(doc.attachments.length)],
    siteMetadata: [site.metadata],
    siteDocNumber: doc.docNumber ? [site.docNumber] : [],
    siteIndent: [site.indent],
    sitePunctuation: [site.punctuation],
    siteSignature: [site.signature],
    siteEncoding: [site.encoding],
    htmlIndent: [site.htmlIndent],
    wordParagraphs: [word.paragraphMark],
    wordHeadings: [word.headings],
    wordTitle: [word.titleLines],
    wordClosing: doc.copyTo ? [word.closing] : [],
    wordSoftBreaks: [String(word.softBreaks)],
    paperDocNumber: doc.docNumber ? [word.docNumber, print.docNumber, office.docNumber] : [],
    printSource: [print.source],
    printParagraphs: [print.paragraphMark],
    pageNumbers: [word.pageNumbers, print.pageNumbers, office.pageNumbers],
    officeParagraphs: [office.paragraphMark],
    officeHeadings: [office.headings],
  };
}

/** Axis values that none of `forms` shows. */
export function missingForms(forms: readonly OfficialForm[]): string[] {
  const seen = new Map<string, Set<string>>();
  for (const form of forms) for (const [axis, values] of Object.entries(formValues(form))) for (const v of values) (seen.get(axis) ?? seen.set(axis, new Set()).get(axis)!).add(v);
  return Object.entries(FORM_AXES).flatMap(([axis, values]) => values.filter((v) => !seen.get(axis)?.has(v)).map((v) => `${axis}=${v}`));
}

// ── Helpers the producers share ──

/** The text of a page number in a style: — 8 —, —8—, -8-, - 8 -, 第8页, 8/10, 第8页 共10页. */
export function pageNumberText(style: PageNumberStyle, page: number | string, total: number | string): string {
  return style === 'none' ? '' : style.replace('N', String(page)).replace('M', String(total));
}

/** The 附注 lines as printed: （此件主动公开） then each remark, in brackets. */
export function noteLines(doc: OfficialContent, half = false): string[] {
  const [open, close] = half ? ['(', ')'] : ['（', '）'];
  return [...(doc.disclosure ? [`此件${doc.disclosure}`] : []), ...doc.notes].map((n) => `${open}${n}${close}`);
}

/** The 附件说明 lines: 附件：1.甲 then 2.乙 (a single attachment without its number). */
export function attachmentListLines(doc: OfficialContent): string[] {
  const listed = doc.attachments.filter((a) => a.label !== null);
  if (!doc.attachmentList || !listed.length) return [];
  if (listed.length === 1) return [`附件：${listed[0]!.label === '附件1' ? '1.' : ''}${listed[0]!.title}`];
  return listed.map((a, i) => (i === 0 ? `附件：${i + 1}.${a.title}` : `${i + 1}.${a.title}`));
}
