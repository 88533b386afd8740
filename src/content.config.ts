import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { markdownFiles } from './lib/content/loader.ts';
import type { ImageMetadata } from 'astro';
import type { ImageFactory, ReferenceFactory } from './schemas/common.ts';
import { issueSchema } from './schemas/issue.ts';
import { articleSchema } from './schemas/article.ts';
import { policySchema } from './schemas/policy.ts';
import { topicSchema } from './schemas/topic.ts';

// The schemas live in src/schemas/ so that the stand-alone content validator
// (scripts/content/validate.ts) checks files against exactly the same rules, and the bodies
// are Markdown read by src/lib/content/loader.ts (why not MDX modules: see there). Astro's helpers
// are handed in here; the validator hands in stand-ins that check the same things its own way.
const ref = reference as unknown as ReferenceFactory;
const photo = (image: unknown) => image as ImageFactory<ImageMetadata>;

export const collections = {
  issues: defineCollection({
    loader: markdownFiles('issues', { render: false }),
    schema: issueSchema(ref),
  }),
  articles: defineCollection({
    loader: markdownFiles('articles', { render: true }),
    schema: ({ image }) => articleSchema(ref, photo(image)),
  }),
  policies: defineCollection({
    loader: markdownFiles('policies', { render: false }),
    schema: policySchema(ref),
  }),
  topics: defineCollection({
    // A topic's id is its Chinese name, so that articles can list topics as readers write them.
    loader: glob({ pattern: '*.yaml', base: './content/topics', generateId: ({ data }) => String(data['name']) }),
    schema: topicSchema(),
  }),
};
