import { z } from 'astro/zod';
import { isoDate, pageName, photoFile, plainImage, text, type ImageFactory, type PlainImage, type ReferenceFactory } from './common.ts';

/**
 * One news article of a bulletin issue. One MDX file per article under
 * content/articles/<issue id>/, named by its place in the 要目: content/articles/2017-02/01.mdx.
 * The body is the article's paragraphs, verbatim; the headline is not repeated in it.
 */
export const articleSchema = <Image = PlainImage>(reference: ReferenceFactory, image: ImageFactory<Image> = plainImage as unknown as ImageFactory<Image>) =>
  z
    .object({
      /** The headline exactly as the issue's 要目 prints it (one line, no line-wrap spaces). */
      title: text().meta({ title: '标题' }),
      /** The issue it belongs to, by id: 2017-02. That issue's `articles` must list this article. */
      issue: reference('issues').meta({ title: '所属一期' }),
      /** The day(s) the reported event took place, where the text gives them (3月20日下午 → 2017-03-20). */
      eventDates: z.array(isoDate()).default([]).meta({ title: '事件日期' }),
      /** People the article names, as the text names them: 吴俊清. */
      people: z.array(pageName()).default([]).meta({ title: '人物' }),
      /** Organisations the article names, as the text names them: 吕梁学院, 省教育厅. */
      organizations: z.array(pageName()).default([]).meta({ title: '机构' }),
      /** Places the article names: 吕梁市, 兴县. */
      places: z.array(pageName()).default([]).meta({ title: '地点' }),
      /** Topics, by the topic's name in content/topics/: 1331工程. */
      topics: z.array(reference('topics')).default([]).meta({ title: '主题' }),
      /**
       * Photos that go with the article, in order: the first is shown under the headline, the
       * others after the text. Keep the files beside the article (content/articles/2017-02/01-1.jpg)
       * and never add a photo the office did not publish.
       */
      photos: z.array(photoSchema(image)).default([]).meta({ title: '照片' }),
    })
    .strict();

/** One photo: the file, what it shows for readers who cannot see it, and its printed caption. */
const photoSchema = <Image>(image: ImageFactory<Image>) =>
  z
    .object({
      /** The file, relative to the article: ./01-1.jpg. JPEG, PNG, WebP, AVIF or TIFF; the site makes the sizes and formats browsers need. */
      src: photoFile(image).meta({ title: '照片文件' }),
      /** 替代文字: what the photo shows (who, doing what, where), read out to readers who cannot see it. Required. */
      alt: z
        .string({ error: (issue) => (issue.input === undefined ? '每张照片都须有替代文字 alt：写明照片的内容（谁、在做什么、在哪里）' : '替代文字 alt 应为文字') })
        .trim()
        .min(1, { error: '替代文字 alt 不能为空：写明照片的内容（谁、在做什么、在哪里）' })
        .meta({ title: '替代文字（照片的内容）' }),
      /** 图片说明: the caption printed under the photo, as published. Required. */
      caption: z
        .string({ error: (issue) => (issue.input === undefined ? '每张照片都须有图片说明 caption' : '图片说明 caption 应为文字') })
        .trim()
        .min(1, { error: '图片说明 caption 不能为空' })
        .meta({ title: '图片说明' }),
    })
    .strict();

export type ArticleData<Image = PlainImage> = z.output<ReturnType<typeof articleSchema<Image>>>;
