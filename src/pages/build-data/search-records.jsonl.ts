/** The build-data seam's search records (src/lib/build-data.ts): one JSON object a line. */
import type { APIRoute } from 'astro';
import { getSearchRecords } from '../../data/site.ts';

export const GET: APIRoute = async () => {
  const lines = (await getSearchRecords()).map((record) => JSON.stringify(record));
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'application/jsonl; charset=utf-8' } });
};
