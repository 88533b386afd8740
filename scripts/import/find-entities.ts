/**
 * The people, organisations and places an article names, found by general rules rather than
 * a list of this issue's answers, as proposals for the editor to check:
 *
 * - people: a 2–3 character name (a family name first) right after or before a title word
 *   (书记吴俊清, 吴俊清厅长, 副主任王为民、李金碧), learned across the whole issue and then
 *   listed for each article that names them;
 * - organisations: a name that starts with a place or region (省, 山西省, 吕梁, 1331) and ends in
 *   an organisation word (厅, 委, 办, 办公室, 委员会, 学院, 大学, 人民政府, 巡视组);
 * - places: Shanxi's cities and counties (data/shanxi-places.ts), as the text writes them.
 *
 * Each list is in the order the article first names its entries, headline first. Names inside a
 * cited title 《…》 are the title's words, not mentions, and are skipped.
 */
import { COMPOUND_SURNAMES, SURNAMES } from './data/surnames.ts';
import { AMBIGUOUS_DIVISIONS, FORMER_DIVISIONS, SHANXI_DIVISIONS } from './data/shanxi-places.ts';

export interface ArticleText {
  title: string;
  paragraphs: readonly string[];
}

export interface Entities {
  people: string[];
  organizations: string[];
  places: string[];
}

/** Stands in for the characters of a cited title, so that positions stay where they were. */
const MASK = '〓';
/** An article as one string: the headline, then each paragraph on its own line, 《…》 masked. */
export function articleString(article: ArticleText): string {
  return [article.title, ...article.paragraphs].join('\n').replace(/《[^》\n]*》/g, (title) => MASK.repeat(title.length));
}

const HAN = /^\p{Script=Han}+$/u;

// ---------------------------------------------------------------- people

/** Title words, longer first so that 副书记 wins over 书记. */
const TITLES = [
  '总书记', '副书记', '书记', '副省长', '省长', '副市长', '市长', '副县长', '县长', '副区长', '区长', '副厅长', '厅长',
  '副主任', '主任', '副校长', '校长', '副院长', '院长', '督学', '副秘书长', '秘书长', '副部长', '部长', '副局长', '局长',
  '副处长', '处长', '副主席', '主席', '副总理', '总理', '巡视员', '调研员', '副司长', '司长', '副书', '教授', '院士',
].sort((a, b) => b.length - a.length);
const TITLE = new RegExp(TITLES.join('|'), 'g');

/** Characters that are never part of a name here: function words and organisation words. */
const NOT_IN_NAME = new Set('的了在与及是等省市县区厅委组局处部院校党们这其之各该此每某会长记任员');
/** Words that follow a name in reports (吴俊清出席, 王云和张敬平, 李小博以及), so the name ends before them. */
const AFTER_NAME = [
  '出席', '主持', '致', '作', '和', '等', '在', '代表', '指出', '强调', '要求', '认真', '从', '特别', '深入', '宣读', '以及',
  '同志', '与', '为', '对', '是', '的', '了', '说', '表示', '讲话', '传达', '参加', '带领', '率', '到', '来', '也', '都', '就',
  '还', '又', '分别', '陪同', '会见', '向', '听取', '一行', '介绍', '提出', '及', '发表', '围绕', '通报', '宣布', '总结',
  '部署', '调研', '考察', '视察', '检查', '看望', '慰问', '批示', '签署', '先后', '随后', '首先', '同时', '结合', '关于',
  '详细', '充分', '希望', '肯定', '回答', '解读', '将', '把', '被', '同', '给', '于', '以',
];
/** Characters before a name that end the word in front of it (传达了楼阳生省长, 和王云厅长). */
const BEFORE_NAME = new Set('了的和与及在对向由是把将为以请同跟给经被让受据从于');

const familyNameLength = (text: string) => (COMPOUND_SURNAMES.has(text.slice(0, 2)) ? 2 : SURNAMES.has(text[0] ?? '') ? 1 : 0);
const isName = (name: string) => HAN.test(name) && ![...name].some((c) => NOT_IN_NAME.has(c)) && familyNameLength(name) > 0;
const endsWord = (text: string, at: number) =>
  at >= text.length || !/\p{Script=Han}/u.test(text[at]!) || AFTER_NAME.some((w) => text.startsWith(w, at));
const startsWord = (text: string, at: number) => at <= 0 || !/\p{Script=Han}/u.test(text[at - 1]!) || BEFORE_NAME.has(text[at - 1]!);

/** The name right after a title word ending at `at` (厅长吴俊清出席 → 吴俊清), if there is one. */
function nameAfter(text: string, at: number): string | undefined {
  // The title is followed by a word, not a name (吴俊清厅长关于…).
  if (AFTER_NAME.some((w) => w.length > 1 && text.startsWith(w, at))) return undefined;
  const family = familyNameLength(text.slice(at, at + 2));
  if (!family) return undefined;
  const short = text.slice(at, at + family + 1);
  const long = text.slice(at, at + family + 2);
  if (short.length === family + 1 && isName(short) && endsWord(text, at + short.length)) return short;
  if (long.length === family + 2 && isName(long)) return long;
  return undefined;
}

/** The name right before a title word starting at `at` (楼阳生省长 → 楼阳生), if there is one. */
function nameBefore(text: string, at: number): string | undefined {
  for (const length of [4, 3]) {
    const name = text.slice(Math.max(0, at - length), at);
    const family = familyNameLength(name);
    if (name.length === length && family && length - family === 2 && isName(name) && !BEFORE_NAME.has(name[0]!)) return name;
  }
  const short = text.slice(Math.max(0, at - 2), at);
  if (short.length === 2 && isName(short) && familyNameLength(short) === 1 && startsWord(text, at - 2)) return short;
  return undefined;
}

/**
 * The people an issue names: every name found next to a title word in any of its articles,
 * with a list after the title too (副主任王为民、李金碧、张存伟、李小博).
 */
export function peopleOfIssue(articles: readonly ArticleText[]): string[] {
  const names: string[] = [];
  const add = (name: string | undefined) => {
    if (name && !names.includes(name)) names.push(name);
  };
  for (const article of articles) {
    const text = articleString(article);
    for (const m of text.matchAll(TITLE)) {
      add(nameBefore(text, m.index));
      let at = m.index + m[0].length;
      let name = nameAfter(text, at);
      while (name) {
        add(name);
        at += name.length;
        if (text[at] !== '、') break;
        name = nameAfter(text, at + 1);
        at += 1;
      }
    }
  }
  return names;
}

// ---------------------------------------------------------------- places

interface PlaceName {
  /** As written in the text: 吕梁, 方山. */
  written: string;
  /** Its full name: 吕梁市, 方山县. */
  full: string;
  /** The city it lies in (itself for a city). */
  city: string;
  /** A county's short form counts only where the article names its city too. */
  needsCity: boolean;
}

const PLACE_NAMES: ReadonlyMap<string, PlaceName> = (() => {
  const names = new Map<string, PlaceName>();
  const add = (place: PlaceName) => {
    if (!names.has(place.written)) names.set(place.written, place);
  };
  for (const [city, counties] of Object.entries(SHANXI_DIVISIONS)) {
    add({ written: city, full: city, city, needsCity: false });
    add({ written: city.replace(/市$/, ''), full: city, city, needsCity: false });
    for (const county of [...counties, ...(FORMER_DIVISIONS[city] ?? [])]) {
      if (AMBIGUOUS_DIVISIONS.has(county)) continue;
      add({ written: county, full: county, city, needsCity: false });
      const short = county.replace(/[县市]$/, '');
      if (short !== county && short.length >= 2) add({ written: short, full: county, city, needsCity: true });
    }
  }
  return names;
})();
const LONGEST_PLACE = Math.max(...[...PLACE_NAMES.keys()].map((k) => k.length));

interface Found<T> {
  at: number;
  end: number;
  value: T;
}

/** Every place name in `text`, longest match first at each position (吕梁市, not 吕梁). */
function placeMentions(text: string): Array<Found<PlaceName>> {
  const found: Array<Found<PlaceName>> = [];
  for (let at = 0; at < text.length; ) {
    let match: PlaceName | undefined;
    for (let length = LONGEST_PLACE; length >= 2 && !match; length--) match = PLACE_NAMES.get(text.slice(at, at + length));
    if (match) {
      found.push({ at, end: at + match.written.length, value: match });
      at += match.written.length;
    } else {
      at++;
    }
  }
  return found;
}

// ---------------------------------------------------------------- organisations

/** Words an organisation's name may start with: the province, the Party, a place, a number (1331办公室). */
const REGION_HEADS = ['中共', '中国', '山西省', '山西', '省'];
// 办 is an office only as the end of a short name (巡视办); 办成, 办好, 办理 are the verb.
const ORG_SUFFIX = /人民政府|委员会|办公室|大学|学院|巡视[一二三四五六七八九十]*组|厅|委|办(?![成好理法事学到])/g;
/** Characters that cannot lie inside an organisation's name: punctuation and function words. */
const ORG_BREAK = /[^\p{Script=Han}0-9]|[的和与及在向对把由为以了是将从到于同跟给被让等并或]/u;
const MAX_ORG_CORE = 12;

function heads(text: string): Array<Found<string>> {
  const found: Array<Found<string>> = [];
  for (let at = 0; at < text.length; ) {
    const digits = /^\d+/.exec(text.slice(at, at + 12));
    let head: string | undefined = digits?.[0];
    if (!head) {
      for (let length = LONGEST_PLACE; length >= 1 && !head; length--) {
        const word = text.slice(at, at + length);
        if (REGION_HEADS.includes(word) || PLACE_NAMES.has(word)) head = word;
      }
    }
    if (head) {
      found.push({ at, end: at + head.length, value: head });
      at += head.length;
    } else {
      at++;
    }
  }
  return found;
}

function organisationMentions(text: string): Array<Found<string>> {
  const headList = heads(text);
  const spans: Array<{ at: number; end: number }> = [];
  for (const m of text.matchAll(ORG_SUFFIX)) {
    const start = m.index;
    const end = start + m[0].length;
    // 党委 and 党组 belong to the organisation before them (省教育厅党组 is 省教育厅's).
    if (m[0] === '委' && text[start - 1] === '党') continue;
    // The suffix is the start of a title word (厅长, 委员): not an organisation's end.
    if (/^(?:厅长|委员(?!会)|办主任)/.test(text.slice(start))) continue;
    const head = [...headList].reverse().find((h) => h.end <= start && start - h.end <= MAX_ORG_CORE && !ORG_BREAK.test(text.slice(h.end, start)));
    if (!head) continue;
    // A one-character suffix needs words between it and the region: 省委 and 吕梁市委 name no particular body.
    if (m[0].length === 1 && head.end === start) continue;
    // An organisation already found ends inside: this suffix begins another phrase (省教育厅召开厅机关).
    if (spans.some((s) => s.end > head.at && s.end <= start)) continue;
    let from = head.at;
    // Heads in a row belong together: 中共 + 山西省 + 高等院校工作委员会.
    for (let h = headList.indexOf(head) - 1; h >= 0 && headList[h]!.end === from; h--) from = headList[h]!.at;
    spans.push({ at: from, end });
  }
  // A name that runs on into the next (山西医科大学 + 汾阳学院) is one organisation; one inside another is not a second.
  spans.sort((a, b) => a.at - b.at || b.end - a.end);
  const merged: Array<{ at: number; end: number }> = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.at <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged.map((s) => ({ ...s, value: text.slice(s.at, s.end) }));
}

// ---------------------------------------------------------------- one article

const uniqueInOrder = (values: Array<{ at: number; value: string }>) =>
  [...new Set([...values].sort((a, b) => a.at - b.at).map((v) => v.value))];

/** The entities an article names, given the people its issue names. */
export function articleEntities(article: ArticleText, issuePeople: readonly string[]): Entities {
  const text = articleString(article);
  const organisations = organisationMentions(text);
  const inOrganisation = (at: number) => organisations.some((o) => at >= o.at && at < o.end);

  const people = issuePeople
    .map((name) => ({ at: text.indexOf(name), value: name }))
    .filter((p) => p.at >= 0);

  const places = placeMentions(text).filter((p) => !inOrganisation(p.at));
  const cities = new Set(places.filter((p) => !p.value.needsCity).map((p) => p.value.city));
  const fulls = new Set(places.map((p) => p.value.written).filter((w) => PLACE_NAMES.get(w)?.full === w));
  const placeNames = places
    .filter((p) => !p.value.needsCity || cities.has(p.value.city))
    // The short form where the article also writes the full one is the same place (吕梁 … 吕梁市).
    .map((p) => ({ at: p.at, value: fulls.has(p.value.full) ? p.value.full : p.value.written }));

  return {
    people: uniqueInOrder(people),
    organizations: uniqueInOrder(organisations),
    places: uniqueInOrder(placeNames),
  };
}
