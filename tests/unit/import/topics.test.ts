import { describe, expect, it } from 'vitest';
import { articleTopics } from '../../../scripts/import/topics.ts';

const TOPICS = [
  { name: '职业教育', keywords: ['职业教育'] },
  { name: '1331工程', keywords: ['1331工程'] },
  { name: '两提一创', keywords: ['两提一创', '提高标准、提升能力、争创一流'] },
  { name: '脱贫攻坚', keywords: ['脱贫攻坚'] },
];

describe('topics', () => {
  it('gives a topic when the headline or the body has one of its keywords, in the site’s topic order', () => {
    const article = { title: '“两提一创”推进会', paragraphs: ['支持职业教育加快发展，推进“1331工程”实施。'] };
    expect(articleTopics(article, TOPICS)).toEqual(['1331工程', '两提一创', '职业教育']);
    expect(articleTopics({ title: '动员会', paragraphs: ['开展“提高标准、提升能力、争创一流”专项活动。'] }, TOPICS)).toEqual(['两提一创']);
  });

  it('gives none when no keyword appears', () => {
    expect(articleTopics({ title: '座谈会', paragraphs: ['会议研究了工作。'] }, TOPICS)).toEqual([]);
  });
});
