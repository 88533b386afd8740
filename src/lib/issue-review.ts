/**
 * An issue read from a scan is an OCR draft: the importer marks it `review: 待核对`, and it is
 * published in no edition until an editor, having checked it against the paper, deletes the mark.
 */
export const REVIEW_PENDING = '待核对';

/** Whether an issue may be published: it is not an OCR draft still waiting to be checked. */
export function isPublishable(issue: { review?: string | undefined }): boolean {
  return issue.review !== REVIEW_PENDING;
}
