import { z } from 'astro/zod';
import { isoDate, text, type ReferenceFactory } from './common.ts';
import { DOC_NUMBER_FORMAT } from '../lib/policy/doc-number.ts';

/** Where a policy document stands in its life, as the office records it. 时效性 (尚未施行, 已失效…) is worked out from this and the dates (src/lib/policy/validity.ts). */
export const POLICY_STATUSES = ['draft', 'in-force', 'amended', 'repealed'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

/** The kinds of document the office drafts and files (文种); extend the list here when a new kind appears. */
export const POLICY_CATEGORIES = ['意见', '通知', '决定', '方案', '规划', '规定', '办法', '管理办法', '考评办法', '奖惩办法', '实施细则', '细则', '通报', '函', '其他'] as const;
export type PolicyCategory = (typeof POLICY_CATEGORIES)[number];

/** Who may see an entry: the public edition holds only `public` ones. */
export const VISIBILITIES = ['public', 'internal'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/**
 * 公开方式, as the 附注 prints it: （此件主动公开） and （此件公开发布） (the wording provincial
 * governments print) make a document public; （此件依申请公开）, （此件不予公开） and （此件不公开）
 * do not. Kept as printed, so that the page and the PDF print the 附注 the document has.
 */
export const DISCLOSURES = ['主动公开', '公开发布', '依申请公开', '不予公开', '不公开'] as const;
export type Disclosure = (typeof DISCLOSURES)[number];
/** The 公开方式 under which a document may be on the public site. */
export const PUBLIC_DISCLOSURES: readonly Disclosure[] = ['主动公开', '公开发布'];

/** 密级 (GB/T 9704 §7.2.2). */
export const SECRECY_LEVELS = ['秘密', '机密', '绝密'] as const;
/** 紧急程度 (§7.2.3). */
export const URGENCIES = ['特急', '加急'] as const;

/** An attachment as the 附件说明 lists it. Its text, when the office has it, is the body's `## 附件N` section. */
const attachment = z
  .object({
    /** The title exactly as the 附件说明 gives it, without its number and without final punctuation. */
    title: text().meta({ title: '附件标题' }),
    /**
     * true when the document prints this attachment with no 附件 label and no 附件说明: the
     * document an 印发 / 转发 notice carries, set straight after the notice's 署名, date and 附注
     * under its own title (the way government sites and many offices print it). The page and the
     * PDF then print it the same way, under its title alone.
     */
    unlabelled: z.boolean().optional().meta({ title: '不加“附件”标注（印发、转发的文件）' }),
  })
  .strict();

/**
 * One policy document: content/policies/<id>.mdx, shown at /policies/<id>/. The id is the
 * file name: lower-case Latin letters, digits and hyphens (the importer makes it from the
 * 文号: 晋教科〔2019〕7号 → jinjiaoke-2019-7). Write only what the document prints; a field left
 * out shows as 不详 on the page, or is not shown where the part is optional in GB/T 9704.
 *
 * The body is the document's 正文, paragraph by paragraph as printed (an empty line between
 * paragraphs), then each attachment the office has under a heading line `## 附件1`, `## 附件2`
 * (numbered as in `attachments`). Structure is read from the text itself, as a reader reads it:
 * 第一章 / 第一节 / 第一条 paragraphs, and the heading levels 一、 （一） 1. （1）
 * (src/lib/policy/structure.ts); tables are Markdown tables. An entry without a body is a
 * catalogue entry: what a bulletin says of a document whose text the site does not hold.
 */
export const policySchema = (reference: ReferenceFactory) =>
  z
    .object({
      /** 标题: the full title on one line, however the document wrapped it, without 《》. */
      title: text().meta({ title: '标题' }),
      /** 文种 (filters the policy list). */
      category: z.enum(POLICY_CATEGORIES, { error: `类别应为 ${POLICY_CATEGORIES.join('、')} 之一` }).meta({ title: '文种' }),
      /** 状态: draft (起草中), in-force (已发布), amended (已被修订), repealed (已废止). */
      status: z.enum(POLICY_STATUSES, { error: `状态应为 ${POLICY_STATUSES.join(' / ')} 之一` }).meta({ title: '状态', options: { draft: '起草中', 'in-force': '已发布', amended: '已被修订', repealed: '已废止' } }),
      /**
       * public: on the public site; internal: only in the internal (staff) edition. A document
       * with text may be public only when its 附注 says 此件主动公开 (`disclosure`).
       */
      visibility: z.enum(VISIBILITIES, { error: '可见范围应为 public 或 internal' }).meta({ title: '可见范围', options: { public: '公开版', internal: '仅内部版' } }),

      // ── 版头 (above the red rule) ──
      /** 份号: the copy number of a classified document, six digits as printed (000123). */
      copyNumber: z.string().regex(/^\d{1,6}$/, { error: '份号应为不超过六位的数字，如 000123' }).optional().meta({ title: '份号' }),
      /** 密级: 秘密, 机密 or 绝密. */
      secrecy: z.enum(SECRECY_LEVELS, { error: `密级应为 ${SECRECY_LEVELS.join('、')} 之一` }).optional().meta({ title: '密级' }),
      /** 保密期限, as printed after the ★: 1年, 5年, 长期. */
      secrecyPeriod: text().optional().meta({ title: '保密期限' }),
      /** 紧急程度: 特急 or 加急. */
      urgency: z.enum(URGENCIES, { error: `紧急程度应为 ${URGENCIES.join('、')} 之一` }).optional().meta({ title: '紧急程度' }),
      /** 发文机关标志, as printed in red: 山西省教育厅文件, or 山西省教育厅1331办公室. */
      issuerMark: text().optional().meta({ title: '发文机关标志' }),
      /** 发文字号: 晋教科〔2019〕7号 (机关代字〔年份〕序号号: 〔〕 brackets, full year, no 第, no zero padding). */
      docNumber: z.string().regex(DOC_NUMBER_FORMAT, { error: '发文字号应形如 晋教科〔2019〕7号（机关代字〔年份〕序号号）' }).optional().meta({ title: '发文字号' }),
      /** 签发人, on documents sent upward: one name a line. */
      signers: z.array(text()).default([]).meta({ title: '签发人' }),

      // ── 主体 ──
      /** 发文机关: the body that issued it (the 署名), when known. A joint document lists each. */
      issuer: text().optional().meta({ title: '发文机关' }),
      /** Further issuers of a joint document (联合行文), after `issuer`, in the order signed. */
      coIssuers: z.array(text()).default([]).meta({ title: '联合发文机关' }),
      /** 起草单位: who drafted it, when a source says so (for drafts). */
      drafter: text().optional().meta({ title: '起草单位' }),
      /** 主送机关, as printed, without the final ：. */
      recipients: text().optional().meta({ title: '主送机关' }),
      /** 附件说明: the attachments the document lists, in order (附件1 is the first). */
      attachments: z.array(attachment).default([]).meta({ title: '附件说明' }),
      /** 成文日期: 2019-03-12. */
      writtenDate: isoDate().optional().meta({ title: '成文日期' }),
      /** 公开方式, from the 附注: 主动公开, 公开发布, 依申请公开, 不予公开 or 不公开. */
      disclosure: z.enum(DISCLOSURES, { error: `公开方式应为 ${DISCLOSURES.join('、')} 之一` }).optional().meta({ title: '公开方式' }),
      /** Any other 附注 line, as printed without its brackets (联系人：…，电话：…). */
      notes: z.array(text()).default([]).meta({ title: '附注' }),

      // ── 版记 ──
      /** 抄送机关, as printed after 抄送：, without the final 。. */
      copyTo: text().optional().meta({ title: '抄送机关' }),
      /** 印发机关. */
      printedBy: text().optional().meta({ title: '印发机关' }),
      /** 印发日期. */
      printedDate: isoDate().optional().meta({ title: '印发日期' }),

      // ── The library's fields ──
      /** 发布日期: when it was published (on a portal, in a gazette), when known. */
      publishedDate: isoDate().optional().meta({ title: '发布日期' }),
      /** 实施日期: the day it takes effect (自2019年4月1日起施行). */
      effectiveDate: isoDate().optional().meta({ title: '实施日期' }),
      /** 失效日期: the last day it is in force (有效期五年 from 2019-04-01 → 2024-03-31). */
      expiryDate: isoDate().optional().meta({ title: '失效日期' }),
      /** 废止日期: required when status is repealed. */
      repealedDate: isoDate().optional().meta({ title: '废止日期' }),
      /** 主题分类, as a portal files it: 教育\高等教育. */
      subject: text().optional().meta({ title: '主题分类' }),
      /** 索引号, as a portal files it: 11140000MB0000000X/2019-00123. */
      indexNumber: text().optional().meta({ title: '索引号' }),
      /** The bulletin articles that mention it, by id: 2017-02/07. */
      mentionedIn: z.array(reference('articles')).default([]).meta({ title: '提及本文件的文章' }),
      /**
       * The earlier versions of this document that it replaces (its 修订 of them), by id: they
       * stay on the site, marked 已修订 from this one's 实施日期, and the pages compare them.
       */
      supersedes: z.array(reference('policies')).default([]).meta({ title: '替代的旧版本' }),
      /** The documents it repeals (…同时废止), by id: marked 已废止 from this one's 实施日期. */
      repeals: z.array(reference('policies')).default([]).meta({ title: '废止的文件' }),
    })
    .strict()
    .superRefine((policy, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      if (policy.status === 'repealed' && !policy.repealedDate) issue('repealedDate', '状态为 repealed（已废止）的文件须写明废止日期 repealedDate');
      if (policy.secrecyPeriod && !policy.secrecy) issue('secrecyPeriod', '写了保密期限 secrecyPeriod，却没有写密级 secrecy');
      const after = (field: 'publishedDate' | 'effectiveDate' | 'printedDate' | 'expiryDate' | 'repealedDate', name: string, than: string | undefined, thanName: string) => {
        const value = policy[field];
        if (value && than && value < than) issue(field, `${name} ${value} 早于${thanName} ${than}`);
      };
      after('publishedDate', '发布日期', policy.writtenDate, '成文日期');
      after('effectiveDate', '实施日期', policy.writtenDate, '成文日期');
      after('printedDate', '印发日期', policy.writtenDate, '成文日期');
      after('expiryDate', '失效日期', policy.effectiveDate ?? policy.writtenDate, policy.effectiveDate ? '实施日期' : '成文日期');
      after('repealedDate', '废止日期', policy.writtenDate, '成文日期');
      if (policy.visibility === 'public' && policy.disclosure && !PUBLIC_DISCLOSURES.includes(policy.disclosure)) {
        issue('visibility', `附注写明“此件${policy.disclosure}”，不能放在公开版（visibility 应为 internal）`);
      }
    });

export type PolicyData = z.output<ReturnType<typeof policySchema>>;
export type PolicyAttachment = PolicyData['attachments'][number];
