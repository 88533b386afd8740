/**
 * Content bodies as a syntax tree, and the plain text a reader sees in them: one parser for the
 * policy structure, the descriptions and the feed, so that what a description says is what the
 * page shows (an importer's escapes \{ \< \* undone, tags and images gone, links as their text).
 *
 * mdast-util-from-markdown is the CommonMark parser of the unified family that Astro's own
 * Markdown uses; with GFM tables, and with the same CJK-friendly emphasis as the site's
 * remark-cjk-friendly (**“1331工程”**是 is emphasis there, so it must be here).
 */
import type { Nodes, Root } from 'mdast';
import { fromMarkdown, type Options } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { toString } from 'mdast-util-to-string';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { gfmTable } from 'micromark-extension-gfm-table';

/** `more`: syntax to read beside it (the content check adds MDX's, scripts/content/markdown-only.ts). */
export function parseMarkdown(body: string, more: Pick<Options, 'extensions' | 'mdastExtensions'> = {}): Root {
  return fromMarkdown(body, {
    extensions: [...(more.extensions ?? []), gfmTable(), cjkFriendlyExtension()],
    mdastExtensions: [...(more.mdastExtensions ?? []), gfmTableFromMarkdown()],
  });
}

/** A node's text as shown: markup and inline HTML/JSX left out, soft line breaks joined (Chinese has no spaces between lines). */
export function plainText(node: Nodes): string {
  return toString(node, { includeHtml: false, includeImageAlt: false }).replace(/\s*\n\s*/g, '').trim();
}

/** The text of each top-level paragraph of `body`, in order (a body has no MDX: scripts/content/markdown-only.ts). */
export function paragraphTexts(body: string): string[] {
  return parseMarkdown(body)
    .children.filter((node) => node.type === 'paragraph')
    .map(plainText)
    .filter(Boolean);
}
