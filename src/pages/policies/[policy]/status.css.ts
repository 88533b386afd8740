/**
 * /policies/<id>/status.css: for a document that is not the text in force, the line every
 * printed page carries in its top margin and that the 条 a link opens shows on screen
 * (src/lib/policy/status.ts statusStylesheet). Only such documents have one; their page links it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent, type Policy } from '../../../data/site.ts';
import { statusStylesheet } from '../../../lib/policy/status.ts';

export const getStaticPaths = (async () => {
  const { policies, policyNotice } = await getSiteContent();
  return policies.flatMap((policy) => (policyNotice(policy) ? [{ params: { policy: policy.id }, props: { policy } }] : []));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { policyNotice } = await getSiteContent();
  const notice = policyNotice((props as { policy: Policy }).policy)!;
  return new Response(statusStylesheet(notice), { headers: { 'content-type': 'text/css; charset=utf-8' } });
};
