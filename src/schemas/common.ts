import { z } from 'astro/zod';

/** Text that must say something: not empty, not only whitespace. */
export const text = () => z.string().trim().min(1, { error: '不能为空' });

/** A name that gets a page of its own (/people/吴俊清/): a “/” in it would split the address. */
export const pageName = () => text().regex(/^[^/]+$/, { error: '名称中不能含有“/”：它是网址的一部分，两个名称请分开写' });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written as YYYY-MM-DD (2017-02-29 and 2017-13-45 are not). */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A calendar date in ISO form, 2017-05-18; the output is that string.
 *
 * Astro reads frontmatter with js-yaml, which turns an unquoted 2017-05-18 into a Date and
 * silently rolls 2017-13-45 over to 2018-02-14. The content validator (scripts/content) reads
 * the same files with timestamps left as strings, so an impossible date is caught there,
 * before Astro runs; here both forms are accepted.
 */
export const isoDate = () =>
  z.union([z.date(), z.string()], { error: '应为日期，如 2017-05-18' }).transform((value, ctx) => {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) {
        ctx.addIssue({ code: 'custom', message: '应为日期，如 2017-05-18' });
        return z.NEVER;
      }
      return value.toISOString().slice(0, 10);
    }
    const trimmed = value.trim();
    if (!isCalendarDate(trimmed)) {
      ctx.addIssue({ code: 'custom', message: `应为真实存在的日期，写作 YYYY-MM-DD（如 2017-05-18），实际为“${value}”` });
      return z.NEVER;
    }
    return trimmed;
  });

/** A date as the schemas hand it on: YYYY-MM-DD. */
export type IsoDate = string;

/**
 * How a schema refers to another entry. Astro's `reference()` inside the site; a plain
 * `{ collection, id }` maker in the stand-alone content validator, which checks that the
 * target exists itself (Astro does not).
 */
export type ReferenceFactory = <C extends CollectionName>(collection: C) => z.ZodType<{ collection: C; id: string }, unknown>;

export type CollectionName = 'issues' | 'articles' | 'policies' | 'topics';

/** The validator's stand-in for Astro's `reference()`: any non-empty id, checked later. */
export const plainReference: ReferenceFactory = (collection) =>
  z
    .union([z.string(), z.number().transform((n) => String(n))], { error: `应为 ${collection} 集合中某一条目的 id` })
    .pipe(z.string().trim().min(1, { error: '不能为空' }))
    .transform((id) => ({ collection, id }));

/**
 * How a schema refers to an image file. Astro's `image()` inside the site: it reads the file
 * and hands on its size and format to the image pipeline (sharp). In the stand-alone content
 * validator, `plainImage`: the path as written, whose file the validator looks for itself.
 */
export type ImageFactory<Image> = () => z.ZodType<Image, string>;

/** What the validator's stand-in for `image()` hands on: the path as the editor wrote it. */
export interface PlainImage {
  path: string;
}

export const plainImage: ImageFactory<PlainImage> = () => z.string().transform((path) => ({ path }));

/** Photo formats sharp reads and Astro's pipeline turns into AVIF and WebP. */
export const PHOTO_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'avif', 'tif', 'tiff'] as const;

/**
 * A photo file kept beside its content file, by a path relative to it (./01-1.jpg), then
 * handed to `image`. Remote addresses are refused: every photo goes through the site's own
 * image pipeline, and nothing the site shows may vanish with someone else's server.
 */
export const photoFile = <Image>(image: ImageFactory<Image>) =>
  z
    .string({ error: '应为照片文件的相对路径，如 ./01-1.jpg' })
    .trim()
    .regex(/^\.\.?\//, { error: '照片应为与本文件放在一起的图片文件，路径以 ./ 开头，如 ./01-1.jpg' })
    .regex(new RegExp(`\\.(?:${PHOTO_EXTENSIONS.join('|')})$`, 'i'), {
      error: `照片应为 ${PHOTO_EXTENSIONS.join('、')} 格式的文件`,
    })
    .pipe(image());
