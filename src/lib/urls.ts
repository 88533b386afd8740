/** Every URL the site makes, in one place so that pages, feeds, the search index and the PDFs agree. */

export const issueUrl = (issueId: string) => `/bulletins/${issueId}/`;

/** Article ids are <issue id>/<position>, so the article sits under its issue: /bulletins/2017-02/01/. */
export const articleUrl = (articleId: string) => `/bulletins/${articleId}/`;

export const policyUrl = (policyId: string) => `/policies/${policyId}/`;

export const topicUrl = (name: string) => `/topics/${encodeURIComponent(name)}/`;

/** The printable PDFs, rendered at build time by scripts/pdf (one per issue, per policy, per year). */
export const issuePdfUrl = (issueId: string) => `/pdf/bulletins/${issueId}.pdf`;

export const policyPdfUrl = (policyId: string) => `/pdf/policies/${policyId}.pdf`;

/** The yearly bound volume (合订本). */
export const volumePdfUrl = (year: number) => `/pdf/volumes/${year}.pdf`;

/** What the PDF stage renders, written by the site build (src/pages/pdf/manifest.json.ts). */
export const PRINT_MANIFEST_URL = '/pdf/manifest.json';
