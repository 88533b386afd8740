/**
 * The site's address (SITE_URL), which canonical links, the feed, the sitemap and OpenGraph
 * use (astro.config.mjs `site`). Without it they point at http://localhost:4321: fine for a look
 * at the site on this machine, wrong on a server. So a build without it says so (a warning), and a
 * build for deploying (`npm run build -- --deploy`) refuses to start without a real address.
 */
import { BuildError } from './build-error.ts';

/** What astro.config.mjs falls back to. */
export const LOCAL_SITE_URL = 'http://localhost:4321';

/** The warning to print, or undefined when SITE_URL is fine; throws when deploying without one. */
export function siteUrlProblem(value: string | undefined, deploy: boolean): string | undefined {
  const example = 'SITE_URL=https://yaoxun.example.org npm run build -- --deploy';
  if (!value) {
    if (deploy) throw new BuildError(`没有设置 SITE_URL：部署用的构建（--deploy）须写明网站地址，规范链接、订阅源和站点地图都用它。例如：${example}`);
    return `警告：没有设置 SITE_URL，规范链接、订阅源和站点地图将指向 ${LOCAL_SITE_URL}（只适合在本机查看）；部署时请写明网站地址，并加 --deploy，例如：${example}`;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new BuildError(`SITE_URL“${value}”不是网址：应形如 https://yaoxun.example.org`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new BuildError(`SITE_URL“${value}”应以 https:// 开头`);
  if (deploy && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) throw new BuildError(`SITE_URL 是本机地址（${value}）：部署用的构建（--deploy）须写明网站对外的地址`);
  return undefined;
}
