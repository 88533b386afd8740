/** What each kind of entry is called on the site: in results, filters, lists and feeds. */
export const KIND_LABELS = {
  article: '工作要讯',
  policy: '政策文件',
} as const;

export type EntryKind = keyof typeof KIND_LABELS;
