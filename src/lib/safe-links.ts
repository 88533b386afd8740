/**
 * Which link addresses content may hold: http(s), mailto and tel, and addresses on the site
 * itself (/bulletins/…, #第十条, ../02/). Anything else — javascript:, data:, vbscript:, file: — is
 * refused by the content check with its line (scripts/content/links.ts) and taken out of the page
 * if it ever reaches the renderer (rehype-safe-links.ts): no content can run script, with or
 * without a Content-Security-Policy.
 *
 * The address is read the way a browser reads an href (WHATWG URL): tabs and line breaks anywhere
 * are dropped and leading and trailing spaces and control characters trimmed before the scheme is
 * looked for, and the scheme is case-insensitive, so `JaVaScRiPt:`, `java&#9;script:` (the
 * Markdown parser decodes the reference first) and ` javascript:` are all javascript:.
 */

/** The schemes a content link may have. */
export const SAFE_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const;

/** The address as the browser's URL parser sees it before it reads the scheme. */
export function browserView(address: string): string {
  // eslint-disable-next-line no-control-regex
  return address.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/** Why an address may not be a link, in Chinese for the editor; undefined when it may. */
export function unsafeLinkReason(address: string): string | undefined {
  const seen = browserView(address);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(seen)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    return (SAFE_SCHEMES as readonly string[]).includes(scheme) ? undefined : `“${scheme}:”地址不能作链接：链接只能是 http(s)、mailto、tel 或本站地址（以 / 或 # 开头）`;
  }
  // //host and /\host lead to another site with the page's scheme: write the scheme out.
  if (/^[/\\]{2}/.test(seen)) return '以 // 开头的地址指向其他网站：请写出 https://';
  return undefined;
}

export const isSafeHref = (address: string) => unsafeLinkReason(address) === undefined;
