/** The build-data seam's print manifest (src/lib/build-data.ts): what the PDF stage (scripts/pdf) renders for this edition. */
import type { APIRoute } from 'astro';
import { getSiteContent } from '../../data/site.ts';
import { buildPrintManifest, hasClosingBlock } from '../../lib/print-manifest.ts';
import { SITE_OWNER } from '../../lib/site-names.ts';

export const GET: APIRoute = async () => {
  const { issues, policies, policyView } = await getSiteContent();
  const manifest = buildPrintManifest({
    author: SITE_OWNER,
    issues: issues.map(({ issue, articles }) => ({
      id: issue.id,
      series: issue.data.series,
      year: issue.data.year,
      number: issue.data.number,
      serial: issue.data.serial,
      date: issue.data.date,
      publisher: issue.data.publisher,
      headlines: articles.map((article) => article.data.title),
    })),
    policies: policies.map((policy) => ({
      id: policy.id,
      title: policy.data.title,
      category: policy.data.category,
      issuer: policy.data.issuer,
      drafter: policy.data.drafter,
      docNumber: policy.data.docNumber,
      publishedDate: policy.data.publishedDate,
      writtenDate: policy.data.writtenDate,
      // A catalogue entry (no text) gets no PDF; a document with a 版记 has it placed on the foot of its last page.
      hasText: policyView(policy).hasText,
      closingBlock: policyView(policy).hasText && hasClosingBlock(policy.data),
    })),
  });
  return new Response(`${JSON.stringify(manifest, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
