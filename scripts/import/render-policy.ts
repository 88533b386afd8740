/**
 * A policy entry as its content file (docs/编辑手册.md, 内容格式; the golden
 * files under tests/fixtures/official/ show it): frontmatter fields in the schema's order
 * (src/schemas/policy.ts), a field the document does not print left out, lists one item a line,
 * dates unquoted; then the 正文's paragraphs with an empty line between them, and each
 * attachment the file carries under `## 附件N`, tables as GFM tables.
 */
import type { PolicyEntry } from './build-policy.ts';
import type { OfficialBlock } from './parse-official.ts';
import { escapeMdx, yamlScalar, type ContentFile } from './render-content.ts';

const field = (key: string, value: string | number | undefined) => (value === undefined || value === '' ? [] : [`${key}: ${yamlScalar(value)}`]);
const list = (key: string, items: readonly string[]) => (items.length ? [`${key}:`, ...items.map((item) => `  - ${yamlScalar(item)}`)] : []);

/** A table cell as GFM writes it: MDX escapes, and | escaped; an empty cell is one space. */
const cell = (text: string) => (text ? ` ${escapeMdx(text).replace(/\|/g, '\\|')} ` : ' ');
const tableRow = (cells: readonly string[]) => `|${cells.map(cell).join('|')}|`;

export function renderBlock(block: OfficialBlock): string {
  if (block.type === 'paragraph') return escapeMdx(block.text);
  const width = Math.max(block.header.length, ...block.rows.map((r) => r.length));
  const pad = (row: readonly string[]) => [...row, ...Array<string>(width - row.length).fill('')];
  return [tableRow(pad(block.header)), `|${Array<string>(width).fill(' --- ').join('|')}|`, ...block.rows.map((r) => tableRow(pad(r)))].join('\n');
}

export function renderPolicy(entry: PolicyEntry): string {
  const lines = [
    ...field('title', entry.title),
    ...field('category', entry.category),
    ...field('status', entry.status),
    ...field('visibility', entry.visibility),
    ...field('copyNumber', entry.copyNumber),
    ...field('secrecy', entry.secrecy),
    ...field('secrecyPeriod', entry.secrecyPeriod),
    ...field('urgency', entry.urgency),
    ...field('issuerMark', entry.issuerMark),
    ...field('docNumber', entry.docNumber),
    ...list('signers', entry.signers),
    ...field('issuer', entry.issuer),
    ...list('coIssuers', entry.coIssuers),
    ...field('recipients', entry.recipients),
    ...(entry.attachments.length ? ['attachments:', ...entry.attachments.flatMap((a) => [`  - title: ${yamlScalar(a.title)}`, ...(a.unlabelled ? ['    unlabelled: true'] : [])])] : []),
    ...field('writtenDate', entry.writtenDate),
    ...field('disclosure', entry.disclosure),
    ...list('notes', entry.notes),
    ...field('copyTo', entry.copyTo),
    ...field('printedBy', entry.printedBy),
    ...field('printedDate', entry.printedDate),
    ...field('effectiveDate', entry.effectiveDate),
    ...field('expiryDate', entry.expiryDate),
    ...field('repealedDate', entry.repealedDate),
    ...field('publishedDate', entry.publishedDate),
    ...field('indexNumber', entry.indexNumber),
    ...field('subject', entry.subject),
    ...list('supersedes', entry.supersedes ?? []),
    ...list('repeals', entry.repeals ?? []),
  ];
  const sections = [
    entry.main.map(renderBlock).join('\n\n'),
    ...entry.attachments.filter((a) => a.blocks?.length).map((a) => [`## 附件${a.number}`, ...a.blocks!.map(renderBlock)].join('\n\n')),
  ].filter(Boolean);
  return `---\n${lines.join('\n')}\n---\n${sections.length ? `\n${sections.join('\n\n')}\n` : ''}`;
}

export function renderPolicyFiles(entry: PolicyEntry): ContentFile[] {
  return [{ path: `policies/${entry.id}.mdx`, text: renderPolicy(entry) }];
}
