/**
 * From a parsed bulletin to the issue's content: ids, event dates, entities and topics for
 * each article, and the notes on what could not be decided.
 */
import { articleEntities, peopleOfIssue } from './entities.ts';
import { eventDates } from './event-dates.ts';
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

export function buildIssue(parsed: ParsedBulletin, topics: readonly TopicKeywords[]): BuiltIssue {
  const id = issueId(parsed.year, parsed.number);
  const undecided = [...parsed.notes];
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
  const { notes: _notes, articles: _articles, ...masthead } = parsed;
  return { issue: { id, ...masthead, articles }, undecided, joins };
}

const shorten = (text: string) => (text.length > 30 ? `${text.slice(0, 30)}…` : text);
