/**
 * The topics an article is about: those of content/topics/ one of whose `keywords` its
 * headline or body contains. Listed in the order the site lists topics (by name, Chinese
 * collation, as src/data/site.ts sorts them), so that every article's list reads the same way.
 */
import type { ArticleText } from './find-entities.ts';

export interface TopicKeywords {
  name: string;
  keywords: readonly string[];
}

export const compareTopicNames = (a: string, b: string) => a.localeCompare(b, 'zh-CN');

export function articleTopics(article: ArticleText, topics: readonly TopicKeywords[]): string[] {
  const text = [article.title, ...article.paragraphs].join('\n');
  return topics
    .filter((topic) => topic.keywords.some((keyword) => keyword && text.includes(keyword)))
    .map((topic) => topic.name)
    .sort(compareTopicNames);
}
