import { z } from 'astro/zod';
import { isoDate, text, type ReferenceFactory } from './common.ts';

/**
 * One news article of a bulletin issue. One MDX file per article under
 * content/articles/<issue id>/, named by its place in the 要目: content/articles/2017-02/01.mdx.
 * The body is the article's paragraphs, verbatim; the headline is not repeated in it.
 */
export const articleSchema = (reference: ReferenceFactory) =>
  z
    .object({
      /** The headline exactly as the issue's 要目 prints it (one line, no line-wrap spaces). */
      title: text(),
      /** The issue it belongs to, by id: 2017-02. That issue's `articles` must list this article. */
      issue: reference('issues'),
      /** The day(s) the reported event took place, where the text gives them (3月20日下午 → 2017-03-20). */
      eventDates: z.array(isoDate()).default([]),
      /** People the article names, as the text names them: 吴俊清. */
      people: z.array(text()).default([]),
      /** Organisations the article names, as the text names them: 吕梁学院, 省教育厅. */
      organizations: z.array(text()).default([]),
      /** Places the article names: 吕梁市, 兴县. */
      places: z.array(text()).default([]),
      /** Topics, by the topic's name in content/topics/: 1331工程. */
      topics: z.array(reference('topics')).default([]),
    })
    .strict();

export type ArticleData = z.output<ReturnType<typeof articleSchema>>;
