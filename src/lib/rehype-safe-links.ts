/**
 * The render-time guard of content links (astro.config.mjs, the Markdown processor's last own
 * step): whatever the content check let through, no element of a rendered body keeps an address
 * that is not http(s), mailto, tel or the site's own (safe-links.ts), and no event handler or
 * inline style. A link whose address is refused becomes its text; an image, a frame or a script
 * goes. Raw HTML never gets this far: the processor drops it (remarkRehype allowDangerousHtml:
 * false), and the check refuses it with its line before.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { isSafeHref } from './safe-links.ts';

/** Attributes (hast property names) that hold an address. */
const ADDRESS_PROPERTIES = ['href', 'src', 'srcSet', 'action', 'formAction', 'poster', 'cite', 'background', 'ping', 'xLinkHref', 'data', 'codeBase', 'manifest', 'longDesc', 'useMap'];
/** Elements no body may put on a page, whatever their attributes. */
const DROPPED = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'link', 'meta', 'form', 'template', 'svg', 'math', 'noscript', 'portal']);

const addresses = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [String(value)]);

/** The element made safe: its children when it is a link with a refused address, nothing when it must go. */
function safeElement(element: Element): ElementContent[] {
  if (DROPPED.has(element.tagName)) return [];
  const props = element.properties;
  for (const name of Object.keys(props)) {
    if (/^on/i.test(name) || name === 'style' || name === 'srcDoc') delete props[name];
  }
  for (const name of ADDRESS_PROPERTIES) {
    if (props[name] === undefined || props[name] === null) continue;
    // srcset lists addresses with their widths.
    const values = name === 'srcSet' ? addresses(props[name]).flatMap((part) => part.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '')) : addresses(props[name]);
    if (values.every(isSafeHref)) continue;
    if (element.tagName === 'a' && name === 'href') {
      element.children = safeChildren(element.children);
      return element.children;
    }
    if (element.tagName === 'img' || element.tagName === 'video' || element.tagName === 'audio' || element.tagName === 'source') return [];
    delete props[name];
  }
  element.children = safeChildren(element.children);
  return [element];
}

function safeChildren<T extends RootContent | ElementContent>(children: T[]): T[] {
  return children.flatMap((child) => {
    if (child.type === 'element') return safeElement(child) as T[];
    // Raw HTML left in the tree (remark-rehype's `raw` nodes; the processor is told to drop them).
    if ((child.type as string) === 'raw') return [];
    return [child];
  });
}

/** The rehype plugin. */
export default function rehypeSafeLinks() {
  return (tree: Root) => {
    tree.children = safeChildren(tree.children);
  };
}
