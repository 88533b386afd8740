/**
 * On a page a search result leads to (?highlight=…), loads the code that marks the query;
 * on a page opened any other way, this is all the JavaScript that runs.
 *
 * The marking code is bundled on its own and imported by its built address, not by a dynamic
 * import Vite can follow: for one of those Vite adds its preload helper to every page that
 * carries this loader, whatever build.modulePreload says, and that helper was most of an
 * article page's script (docs/decisions/014-highlighter-address.md). `?worker&url` is Vite's way to have a module bundled alone (with its
 * imports, minified) and get its address; vite.worker.format in astro.config.mjs makes it an
 * ES module. It runs on the page, not in a worker.
 */
import highlighter from './highlight-run.ts?worker&url';

if (new URLSearchParams(location.search).get('highlight')) void import(/* @vite-ignore */ highlighter);
