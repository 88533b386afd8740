/**
 * From a parsed bulletin to the issue's content: ids, event dates, entities and topics for
 * each article, and the notes on what could not be decided.
 */
import { articleEntities, peopleOfIssue } from './find-entities.ts';
import { eventDates } from './event-dates.ts';
import { ImportError } from './errors.ts';
import type { ParsedBulletin } from './parse-bulletin.ts';
import type { IssueContent } from './render-content.ts';
import { articleTopics, type TopicKeywords } from './topics.ts';

export interface BuiltIssue {
  issue: IssueContent;
  /** What the editor must decide or check: one line each, in Chinese. */
  undecided: string[];
  /** Paragraphs joined across a page break, for the editor to look over. */
  joins: string[];
}

export const issueId = (year: number, number: number) => `${year}-${String(number).padStart(2, '0')}`;

/** An issue already in the content, from which an issue that prints no 版记 takes its 邮箱, 电话 and 总期号. */
export interface EarlierIssue {
  id: string;
  year: number;
  number: number;
  serial: number;
  email: string;
  telephone: string;
}

/**
 * What the entry needs but the issue does not print (no 版记): 邮箱 and 电话 from the latest
 * earlier issue, 总期号 counted on from it within the same year; refused when there is none.
 */
function fillMissing(parsed: ParsedBulletin, earlier: readonly EarlierIssue[], undecided: string[]): { serial: number; email: string; telephone: string } {
  const before = [...earlier]
    .filter((e) => e.year < parsed.year || (e.year === parsed.year && e.number < parsed.number))
    .sort((a, b) => b.year - a.year || b.number - a.number)[0];
  const serial = parsed.serial ?? (before && before.year === parsed.year ? before.serial + parsed.number - before.number : undefined);
  const email = parsed.email ?? before?.email;
  const telephone = parsed.telephone ?? before?.telephone;
  const lacking = [...(serial ? [] : ['总期号']), ...(email ? [] : ['邮箱']), ...(telephone ? [] : ['电话'])];
  if (lacking.length) {
    throw new ImportError(`版记中没有${lacking.join('、')}，也没有可参照的更早一期${before ? `（${before.id} 不在同一年，无法推算总期号）` : ''}：请在文件中补上版记，或先导入上一期`);
  }
  const taken = (parsed.missing ?? []).map((field) => `${field}（${field === '总期号' ? `按 ${before!.id} 推算为 ${serial}` : `取自 ${before!.id}`}）`);
  if (taken.length) undecided.push(`版记中没有的字段已按上一期填写，请核对：${taken.join('、')}`);
  return { serial: serial!, email: email!, telephone: telephone! };
}

export function buildIssue(parsed: ParsedBulletin, topics: readonly TopicKeywords[], earlier: readonly EarlierIssue[] = []): BuiltIssue {
  const id = issueId(parsed.year, parsed.number);
  const undecided = [...parsed.notes];
  const filled = fillMissing(parsed, earlier, undecided);
  const joins: string[] = [];
  const people = peopleOfIssue(parsed.articles);
  const articles = parsed.articles.map((article, i) => {
    const label = `第${i + 1}篇`;
    const when = eventDates(article.paragraphs[0] ?? '', parsed.year);
    for (const written of when.invalid) undecided.push(`${label}：首句中的“${written}”不是真实存在的日期，未采用`);
    if (!when.dates.length) undecided.push(`${label}：未能从首句确定事件日期（首句：“${shorten(when.sentence)}”）`);
    for (const date of when.dates) {
      if (date > parsed.date) undecided.push(`${label}：事件日期 ${date} 晚于出版日期 ${parsed.date}，请核对年份`);
    }
    for (const join of article.joins) joins.push(`${label}：…${join}…`);
    return {
      id: `${id}/${String(i + 1).padStart(2, '0')}`,
      title: article.title,
      eventDates: when.dates,
      ...articleEntities(article, people),
      topics: articleTopics(article, topics),
      paragraphs: article.paragraphs,
    };
  });
  const { notes: _notes, articles: _articles, missing: _missing, serial: _serial, email: _email, telephone: _telephone, ...masthead } = parsed;
  const { series, year, number, date, publisher, recipients, copies } = masthead;
  return {
    issue: { id, series, year, number, serial: filled.serial, date, publisher, email: filled.email, telephone: filled.telephone, recipients, ...(copies ? { copies } : {}), articles },
    undecided,
    joins,
  };
}

const shorten = (text: string) => (text.length > 30 ? `${text.slice(0, 30)}…` : text);
