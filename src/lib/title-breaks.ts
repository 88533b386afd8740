/**
 * Where a title may break between lines: between words, never inside one (GB/T 9704 §7.3.1:
 * 回行时要做到词意完整). The browser has no Chinese dictionary for line breaking, so the build
 * marks the places (<wbr>) and the title is set with `word-break: keep-all`.
 *
 * Words come from Intl.Segmenter, whose dictionary cuts finer than a title's words (教育|厅,
 * 高等|学校, 2020|年度), then are put back together by a few rules: punctuation stays with the
 * word it belongs to (《 with the next, 》，的 with the one before), a number with the word it
 * counts, a single character with its neighbour, and two two-character words into one four-
 * character term (高等学校, 重点学科), a title's usual unit.
 */

const SEGMENTER = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const CJK = /^[\p{Script=Han}]+$/u;
const NUMBER = /^[\p{Nd}]+$/u;
const OPENING = /^[《“‘（(〔［【「『]+$/u;
/** Words a break may follow or precede freely: they are never joined into a four-character term. */
const FUNCTION_WORDS = new Set(['关于', '对于', '根据', '按照', '进一步', '有关', '加强', '做好', '开展', '实施', '印发', '转发']);

/** Prepositions and conjunctions of one character: a single character after one begins a name (在|省高校工委). */
const PARTICLES = new Set(['在', '与', '和', '及', '对', '向', '由', '从', '于', '就', '同', '将', '给', '把']);
/** Marks, during the steps, a single character that begins the term after it. */
const PREFIX = '\u0001';

/** Kinds of document a title ends in, whole words whatever precedes them. */
const KINDS = new Set(['管理办法', '考评办法', '奖惩办法', '实施办法', '实施细则', '实施方案', '实施意见', '工作方案', '建设方案', '工作要点', '指导意见']);

const isPunctuation = (segment: string) => !/[\p{L}\p{N}]/u.test(segment);

/** The title in pieces between which a line may break; joined, they are the title. */
export function titleWords(title: string): string[] {
  const raw = [...SEGMENTER.segment(title)].map((s) => s.segment);
  // 1. A single character joins the word before it (示例|省, 教育|厅, 印|发, 办法|的), or the one
  //    after it where there is no word before (“|双|一流 → 双一流); after a preposition or
  //    conjunction, before a word (在|省|高校|工委), it begins the name that follows (省高校工委),
  //    once that name's words are put together (step 3).
  const joined: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const segment = raw[i]!;
    const previous = joined.at(-1);
    if (segment.length === 1 && CJK.test(segment) && PARTICLES.has(raw[i - 1] ?? '') && i + 1 < raw.length && /^\p{Script=Han}{2,}$/u.test(raw[i + 1]!)) joined.push(segment + PREFIX);
    else if (segment.length === 1 && CJK.test(segment) && previous !== undefined && /\p{Script=Han}$/u.test(previous)) joined[joined.length - 1] = previous + segment;
    else if (segment.length === 1 && CJK.test(segment) && i + 1 < raw.length && /^\p{Script=Han}/u.test(raw[i + 1]!)) raw[i + 1] = segment + raw[i + 1];
    else joined.push(segment);
  }
  // 2. A number joins the word it counts (2020|年度, 1331|工程).
  const counted: string[] = [];
  for (let i = 0; i < joined.length; i++) {
    const segment = joined[i]!;
    if (NUMBER.test(segment) && i + 1 < joined.length && !isPunctuation(joined[i + 1]!)) joined[i + 1] = segment + joined[i + 1];
    else counted.push(segment);
  }
  // 3. The names of kinds of document stay whole (建设|管理|办法: 管理办法, not 建设管理); then two
  //    two-character words make one term (高等|学校 → 高等学校), left to right.
  for (let i = 0; i + 1 < counted.length; i++) {
    if (KINDS.has(counted[i]! + counted[i + 1]!)) counted.splice(i, 2, `${counted[i]}${counted[i + 1]}\u0000`);
  }
  const terms: string[] = [];
  for (const segment of counted) {
    const previous = terms.at(-1);
    const pair = (word: string | undefined) => word !== undefined && word.length === 2 && CJK.test(word) && !FUNCTION_WORDS.has(word);
    if (pair(previous) && pair(segment) && !terms.at(-1)!.endsWith('\u0000')) terms[terms.length - 1] = `${previous}${segment}\u0000`;
    else terms.push(segment);
  }
  // A character marked as beginning a name joins the term after it.
  for (let i = terms.length - 2; i >= 0; i--) if (terms[i]!.endsWith(PREFIX)) terms.splice(i, 2, terms[i]!.slice(0, -1) + terms[i + 1]!);
  const words = terms.map((t) => t.replace(/\u0000$/, ''));
  // 4. Punctuation: an opening mark with the word after it, any other with the word before it.
  const out: string[] = [];
  let opening = '';
  for (const word of words) {
    if (isPunctuation(word) && OPENING.test(word)) opening += word;
    else if (isPunctuation(word) && out.length && !opening) out[out.length - 1] += word;
    else {
      out.push(opening + word);
      opening = '';
    }
  }
  if (opening) out.push(opening);
  return out;
}
