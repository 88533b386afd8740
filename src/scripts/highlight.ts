/**
 * On a page a search result leads to (?highlight=…), loads the code that marks the query;
 * on a page opened any other way, this is all the JavaScript that runs.
 */
const query = new URLSearchParams(location.search).get('highlight');
if (query) void import('./highlight-marks.ts').then(({ highlightQuery }) => highlightQuery(query));
