/**
 * Every link address in a body (a link, a reference definition, an image) must be one the site
 * renders: http(s), mailto, tel or the site's own (src/lib/safe-links.ts). The content check
 * refuses any other with its line, in the form a browser would read it, so that
 * `[x](JaVaScRiPt:…)`, `[x](java&#x09;script:…)` and `[x]: data:…` are named before the build;
 * the renderer takes out whatever got past (src/lib/rehype-safe-links.ts).
 */
import type { Nodes } from 'mdast';
import { parseMarkdown } from '../../src/lib/markdown.ts';
import { unsafeLinkReason } from '../../src/lib/safe-links.ts';
import type { BodyProblem } from './markdown-only.ts';

/** A cheap test first: a body with no ] (of a link or a definition) and no < (of an autolink) needs no parse. */
const MAY_LINK = /[\]<]/;

export function linkProblems(body: string): BodyProblem[] {
  if (!MAY_LINK.test(body)) return [];
  const problems: BodyProblem[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'link' || node.type === 'definition' || node.type === 'image') {
      const reason = unsafeLinkReason(node.url);
      // (Control characters shown as \t, \n: they are part of the trick.)
      const shown = [...node.url.slice(0, 40)].map((c) => (c < ' ' ? JSON.stringify(c).slice(1, -1) : c)).join('');
      if (reason) problems.push({ line: node.position?.start.line ?? 1, message: `${node.type === 'image' ? '图片' : '链接'}地址“${shown}”不安全：${reason}` });
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(parseMarkdown(body));
  return problems;
}
