/** Names the site uses everywhere. */
export const SITE_OWNER = '山西省教育厅1331办公室';
export const SITE_TITLE = '实施“1331工程” 推进“双一流”建设 工作要讯';
export const SITE_SHORT_TITLE = '工作要讯';

/** The <title> of a page: its own title, then the site's. */
export function pageTitle(title: string | undefined): string {
  return title ? `${title} | ${SITE_SHORT_TITLE} · ${SITE_OWNER}` : `${SITE_SHORT_TITLE} · ${SITE_OWNER}`;
}
