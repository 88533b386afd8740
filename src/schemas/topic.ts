import { z } from 'astro/zod';
import { pageName, text } from './common.ts';

/**
 * A topic that articles are filed under: content/topics/<any name>.yaml. Articles refer to a
 * topic by its `name`, which is also its id and URL (/topics/两提一创/).
 */
export const topicSchema = () =>
  z
    .object({
      /** The topic as readers know it: 两提一创. */
      name: pageName().meta({ title: '名称' }),
      /** One or two sentences on what the topic is, drawn from the bulletins. */
      description: text().meta({ title: '说明' }),
      /** Words whose presence in an article suggests the topic; the importer proposes topics with them. */
      keywords: z.array(text()).min(1, { error: '至少一个关键词' }).meta({ title: '关键词' }),
    })
    .strict();

export type TopicData = z.output<ReturnType<typeof topicSchema>>;
