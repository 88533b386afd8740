import { z } from 'astro/zod';
import { isoDate, text, type ReferenceFactory } from './common.ts';
import { REVIEW_PENDING } from '../lib/issue-review.ts';

/**
 * One issue of the bulletin 《实施“1331工程” 推进“双一流”建设 工作要讯》: the masthead, the
 * order of its articles and the closing block (版记). The file name is the issue's id and
 * URL: content/issues/2017-02.mdx is /bulletins/2017-02/. The body is not shown; leave it empty.
 */
export const issueSchema = (reference: ReferenceFactory) =>
  z
    .object({
      /**
       * 待核对: the issue is an OCR draft of a scan (`npm run import` of a PDF with no text layer),
       * not yet checked against the paper. Such an issue is published in no edition: check every
       * paragraph against the paper, then delete this line. Leave it out for any other issue.
       */
      review: z.literal(REVIEW_PENDING, { error: '只能是“待核对”（文字识别草稿）；核对完毕请删去 review 这一行' }).optional().meta({ title: '核对状态' }),
      /** The masthead's lines, top to bottom, exactly as printed: ["实施“1331工程” 推进“双一流”建设", "工作要讯"]. Joined with a space they are the series name. */
      series: z.array(text()).min(1, { error: '至少一行报头' }).meta({ title: '报头（每行一项）' }),
      /** The year the issue belongs to; numbering (第N期) restarts each year. */
      year: z.number({ error: '应为四位数年份，如 2017' }).int().min(1990).max(2100).meta({ title: '年份' }),
      /** 第N期: the issue's number within its year, from 1. */
      number: z.number({ error: '应为期号数字，如 2' }).int().positive({ error: '期号应为正整数' }).meta({ title: '期号（第N期）' }),
      /** 总第N期: the running serial across all years, from 1. Printed with at least two digits (总第02期). */
      serial: z.number({ error: '应为总期号数字，如 2' }).int().positive({ error: '总期号应为正整数' }).meta({ title: '总期号（总第N期）' }),
      /** 出版日期 in ISO form: 2017-05-18. */
      date: isoDate().meta({ title: '出版日期' }),
      /** 主办: the compiling unit, printed on the masthead's left and in the closing block. */
      publisher: text().meta({ title: '主办' }),
      /** 邮箱 in the closing block. */
      email: z.email({ error: '应为电子邮箱地址' }).meta({ title: '邮箱' }),
      /** 电话 in the closing block, as printed: 0351-8723363. */
      telephone: z.string().regex(/^[0-9+()\- ]{5,}$/, { error: '应为电话号码，如 0351-8723363' }).meta({ title: '电话' }),
      /** The closing block's recipient lines, each verbatim after its label, separators included. Omit a line the issue does not print. */
      recipients: z
        .object({
          /** 报: the higher bodies it is reported to. */
          bao: text().optional().meta({ title: '报' }),
          /** 送: the peer bodies it is sent to. */
          song: text().optional().meta({ title: '送' }),
          /** 发: the subordinate units it is issued to. */
          fa: text().optional().meta({ title: '发' }),
        })
        .strict()
        .default({})
        .meta({ title: '报送范围（版记）' }),
      /** 共印N份: copies printed. */
      copies: z.number({ error: '应为印数，如 200' }).int().positive().optional().meta({ title: '印数（共印N份）' }),
      /** The issue's articles in the order of its 要目, by id (content/articles/2017-02/01.mdx is 2017-02/01). */
      articles: z.array(reference('articles')).min(1, { error: '每期至少一篇文章' }).meta({ title: '文章（按要目顺序，每行一篇）' }),
    })
    .strict()
    .superRefine((issue, ctx) => {
      if (Number(issue.date.slice(0, 4)) !== issue.year) {
        ctx.addIssue({ code: 'custom', path: ['date'], message: `出版日期 ${issue.date} 不在 year 所写的 ${issue.year} 年` });
      }
    });

export type IssueData = z.output<ReturnType<typeof issueSchema>>;
