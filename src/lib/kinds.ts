/** What each kind of entry is called on the site: in results, filters, lists and feeds. */
export const KIND_LABELS = {
  article: '工作要讯',
  policy: '政策文件',
} as const;

export type EntryKind = keyof typeof KIND_LABELS;

/**
 * An entry's year, as lists, filters and the search give it: the year of the date it is listed
 * by (an article's issue date; a policy's policyDate, src/lib/policy/facts.ts), or of any other
 * YYYY-MM-DD date of it (a policy's 成文日期 for 成文年份).
 */
export function entryYear(date: string): string {
  return date.slice(0, 4);
}
