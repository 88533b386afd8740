/**
 * The module highlight.ts loads on arrival from a search result: marks the query the URL carries.
 * Built as a module of its own, with what it imports (see highlight.ts for why).
 */
import { highlightQuery } from './highlight-marks.ts';

const query = new URLSearchParams(location.search).get('highlight');
if (query) highlightQuery(query);
