import { z } from 'astro/zod';
import { isoDate, text, type ReferenceFactory } from './common.ts';

/** Where a policy document stands. */
export const POLICY_STATUSES = ['draft', 'in-force', 'amended', 'repealed'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

/** The kinds of document the office drafts and files; extend the list here when a new kind appears. */
export const POLICY_CATEGORIES = ['意见', '通知', '决定', '方案', '规划', '管理办法', '考评办法', '奖惩办法', '实施细则', '其他'] as const;
export type PolicyCategory = (typeof POLICY_CATEGORIES)[number];

/** Who may see an entry: the public edition holds only `public` ones. */
export const VISIBILITIES = ['public', 'internal'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/**
 * One policy document: content/policies/<id>.mdx, shown at /policies/<id>/. The id is the
 * file name: short, lower-case Latin letters, digits and hyphens. Write only what a source
 * says; a field left out shows as 不详 on the page. The body holds the document's text
 * when the office has it, and is otherwise left empty.
 */
export const policySchema = (reference: ReferenceFactory) =>
  z
    .object({
      /** The full title, without 《》. */
      title: text(),
      /** 发文机关: the body that issued it, when known. */
      issuer: text().optional(),
      /** 起草单位: who drafted it, when a source says so. */
      drafter: text().optional(),
      /** 发文字号, when known: 晋政发〔2017〕12号 (〔〕 brackets, no 第, no zero padding). */
      docNumber: z
        .string()
        .regex(/^\S+〔\d{4}〕\d+号$/, { error: '发文字号应形如 晋政发〔2017〕12号' })
        .optional(),
      /** 成文日期, when known: 2017-04-01. */
      writtenDate: isoDate().optional(),
      /** 发布日期, when known. */
      publishedDate: isoDate().optional(),
      /** 状态: draft (起草中), in-force (现行有效), amended (已修订), repealed (已废止). */
      status: z.enum(POLICY_STATUSES, { error: `状态应为 ${POLICY_STATUSES.join(' / ')} 之一` }),
      /** 废止日期: required when status is repealed. */
      repealedDate: isoDate().optional(),
      /** 类别 (filters the policy list). */
      category: z.enum(POLICY_CATEGORIES, { error: `类别应为 ${POLICY_CATEGORIES.join('、')} 之一` }),
      /** public: on the public site; internal: only in the internal (staff) edition. */
      visibility: z.enum(VISIBILITIES, { error: '可见范围应为 public 或 internal' }),
      /** The bulletin articles that mention it, by id: 2017-02/07. */
      mentionedIn: z.array(reference('articles')).default([]),
      /** The policies this one replaces, by id. */
      supersedes: z.array(reference('policies')).default([]),
    })
    .strict()
    .superRefine((policy, ctx) => {
      if (policy.status === 'repealed' && !policy.repealedDate) {
        ctx.addIssue({ code: 'custom', path: ['repealedDate'], message: '状态为 repealed（已废止）的文件须写明废止日期 repealedDate' });
      }
      if (policy.writtenDate && policy.publishedDate && policy.publishedDate < policy.writtenDate) {
        ctx.addIssue({ code: 'custom', path: ['publishedDate'], message: `发布日期 ${policy.publishedDate} 早于成文日期 ${policy.writtenDate}` });
      }
    });

export type PolicyData = z.output<ReturnType<typeof policySchema>>;
