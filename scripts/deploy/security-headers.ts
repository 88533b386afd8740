/**
 * The site's security headers have one source: nginx's snippets/headers.conf, which the
 * deployment installs as it is. `astro preview` (and so `npm start`) sends the same headers,
 * read from that file here (astro.config.mjs, `server.headers` for the preview command), so that
 * a page previewed locally runs under the same Content-Security-Policy as the deployed one, and
 * a host other than nginx can be given the same list (README, "Deploying the public edition").
 *
 * Each `add_header Name "value" always;` line with a fixed value is a header; a value that
 * names an nginx variable ($yaoxun_robots_tag, set per edition) is not a fixed header and is
 * left out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const HEADERS_CONF = join(import.meta.dirname, 'nginx', 'snippets', 'headers.conf');

const ADD_HEADER = /^\s*add_header\s+([A-Za-z0-9-]+)\s+(?:"((?:[^"\\]|\\.)*)"|(\S+?))(\s+always)?\s*;\s*(?:#.*)?$/;

/** The fixed headers of headers.conf, by name, as nginx sends them. */
export function securityHeaders(file = HEADERS_CONF): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = ADD_HEADER.exec(line);
    if (!match) continue;
    const value = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3]!;
    if (value.includes('$')) continue;
    headers[match[1]!] = value;
  }
  if (!headers['Content-Security-Policy']) throw new Error(`${file}: no Content-Security-Policy header found`);
  return headers;
}
