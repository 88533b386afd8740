/**
 * What the PDF stage renders, as the site build knows it: which pages become PDFs, their
 * document metadata, and the yearly bound volumes. The site writes it into the build-data seam
 * (src/lib/build-data.ts, src/pages/build-data/print-manifest.json.ts) so that the PDF stage never has to guess titles or dates
 * from the HTML. Only entries of the edition being built are in it.
 */
import { formatChineseDate } from './chinese-date.ts';
import { formatIssueLabel, formatIssueNumber, formatSerial, seriesName } from './issue-label.ts';
import { compareIssuesNewestFirst } from './ordering.ts';
import { KIND_LABELS } from './kinds.ts';
import { policyDate } from './policy/facts.ts';
import { issuePdfUrl, issueUrl, policyPdfUrl, policyUrl, volumePdfUrl } from './urls.ts';

export interface PrintDocument {
  kind: 'issue' | 'policy';
  /** The page rendered, e.g. /bulletins/2017-02/. */
  page: string;
  /** Where its PDF goes, e.g. /pdf/bulletins/2017-02.pdf. */
  pdf: string;
  /** The PDF's title (document properties). */
  title: string;
  /** The PDF's subject: what it is, with its date. */
  subject: string;
  /** The document's own date (出版日期 / 发布日期 / 成文日期), ISO; unknown for some policies. */
  date: string | undefined;
  keywords: string[];
  /**
   * The page ends with a 版记 (.closing-block), which the PDF stage moves to the foot of the last
   * page: every bulletin issue, and a policy document that prints one (抄送, 印发机关, 印发日期).
   */
  closingBlock: boolean;
}

export interface VolumeIssue {
  /** The issue's PDF (its document is in `documents`). */
  pdf: string;
  /** 第2期 */
  number: string;
  /** 总第02期 */
  serial: string;
  /** 2017年5月18日 */
  date: string;
  /** The 要目, in order: the volume's table of contents lists them with their pages. */
  headlines: string[];
}

export interface PrintVolume {
  year: number;
  pdf: string;
  title: string;
  /** The bulletin's name as the masthead prints it, line by line. */
  series: string[];
  publisher: string;
  /** Oldest first: the order they are bound in. */
  issues: VolumeIssue[];
}

export interface PrintManifest {
  /** The author every PDF names. */
  author: string;
  documents: PrintDocument[];
  volumes: PrintVolume[];
}

/** The plain data the manifest is made of (the content entries' data, without Astro). */
export interface ManifestIssue {
  id: string;
  series: string[];
  year: number;
  number: number;
  serial: number;
  date: string;
  publisher: string;
  headlines: string[];
}

export interface ManifestPolicy {
  id: string;
  title: string;
  category: string;
  issuer: string | undefined;
  drafter: string | undefined;
  docNumber: string | undefined;
  publishedDate: string | undefined;
  writtenDate: string | undefined;
  /**
   * Whether the site holds the document's text. A catalogue entry (false) gets no PDF: its page
   * holds only what a bulletin says of it, which is no document to print.
   */
  hasText: boolean;
  /** Whether the document prints a 版记 (抄送, 印发机关, 印发日期). */
  closingBlock: boolean;
}

/** Whether a policy's page prints a 版记: GB/T 9704 §7.4, any of 抄送, 印发机关, 印发日期. */
export function hasClosingBlock(policy: { copyTo?: string | undefined; printedBy?: string | undefined; printedDate?: string | undefined }): boolean {
  return Boolean(policy.copyTo || policy.printedBy || policy.printedDate);
}

export function buildPrintManifest(input: { author: string; issues: ManifestIssue[]; policies: ManifestPolicy[] }): PrintManifest {
  const oldestFirst = [...input.issues].sort((a, b) => -compareIssuesNewestFirst(a, b));
  const issueDocuments: PrintDocument[] = oldestFirst.map((issue) => {
    const name = seriesName(issue.series);
    const label = formatIssueLabel(issue);
    return {
      kind: 'issue',
      page: issueUrl(issue.id),
      pdf: issuePdfUrl(issue.id),
      title: `${name} ${label}`,
      subject: `《${name}》${label}（${formatSerial(issue.serial)}），${formatChineseDate(issue.date)}出版`,
      date: issue.date,
      keywords: [KIND_LABELS.article, label, formatSerial(issue.serial), ...issue.headlines],
      closingBlock: true,
    };
  });
  const policyDocuments: PrintDocument[] = input.policies.filter((policy) => policy.hasText).map((policy) => {
    const date = policyDate(policy);
    const by = policy.issuer ?? policy.drafter;
    return {
      kind: 'policy',
      page: policyUrl(policy.id),
      pdf: policyPdfUrl(policy.id),
      title: policy.title,
      subject: [policy.category, by, policy.docNumber, date && formatChineseDate(date)].filter(Boolean).join('，'),
      date,
      keywords: [KIND_LABELS.policy, policy.category, ...(policy.docNumber ? [policy.docNumber] : [])],
      closingBlock: policy.closingBlock ?? false,
    };
  });
  const years = [...new Set(oldestFirst.map((issue) => issue.year))];
  const volumes: PrintVolume[] = years.map((year) => {
    const issues = oldestFirst.filter((issue) => issue.year === year);
    const first = issues[0]!;
    return {
      year,
      pdf: volumePdfUrl(year),
      title: `${seriesName(first.series)} ${year}年合订本`,
      series: first.series,
      publisher: first.publisher,
      issues: issues.map((issue) => ({
        pdf: issuePdfUrl(issue.id),
        number: formatIssueNumber(issue.number),
        serial: formatSerial(issue.serial),
        date: formatChineseDate(issue.date),
        headlines: issue.headlines,
      })),
    };
  });
  return { author: input.author, documents: [...issueDocuments, ...policyDocuments], volumes };
}
