/** Every URL the site makes, in one place so that pages, feeds, the search index and the PDFs agree. */

export const issueUrl = (issueId: string) => `/bulletins/${issueId}/`;

/** Article ids are <issue id>/<position>, so the article sits under its issue: /bulletins/2017-02/01/. */
export const articleUrl = (articleId: string) => `/bulletins/${articleId}/`;

export const policyUrl = (policyId: string) => `/policies/${policyId}/`;

export const topicUrl = (name: string) => `/topics/${encodeURIComponent(name)}/`;
