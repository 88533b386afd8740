/**
 * Producer (a): the text a person gets by copying a government site's page that holds the
 * document — its chrome lines (breadcrumbs, 【字体：大 中 小】, 打印本页 关闭窗口, 浏览次数), its
 * metadata block (label:value lines, labels above values, two spaced-out pairs a line, a
 * tab-separated table, or values whose labels the copy lost), the title, the 文号 line, paragraphs
 * indented with half-width, full-width or no-break spaces or not at all, half-width punctuation
 * mixed in, a 署名 padded with spaces, and bytes in UTF-8, UTF-8 with a BOM or GB18030
 * (Notepad's “ANSI” on a Chinese Windows). No software needed.
 */
import type { OfficialForm } from '../official-forms.ts';
import { encodeGb18030 } from './gb18030.ts';
import { halfWidth, sitePage } from './site-page.ts';

/** A label spread over `columns` (a Chinese character takes two) the way some metadata tables justify them: 发 布 机 构, 索   引   号, 分       类. */
function spread(label: string, columns = 11): string {
  const chars = [...label];
  if (chars.length < 2) return label;
  const gaps = chars.length - 1;
  const spaces = Math.max(1, Math.round((columns - chars.length * 2) / gaps));
  return chars.join(' '.repeat(spaces));
}

/** The page's text as a copy gives it. */
export function siteText(form: OfficialForm): string {
  const { site } = form;
  const lines: string[] = [];
  const colon = site.colon;
  // Under GB18030 a no-break space has no two-byte code: such pages are copied with plain spaces.
  const indentKind = site.encoding === 'gb18030' && site.indent === 'nbsp2' ? 'ascii2' : site.indent;
  const indent = { none: '', ascii2: '  ', ascii4: '    ', ideographic2: '\u3000\u3000', nbsp2: '\u00a0\u00a0' }[indentKind];
  let count = 0;
  /** Half-width punctuation on every paragraph, on none, or on about every other one (mixed). */
  const punct = (text: string) => {
    count++;
    if (site.punctuation === 'half' || (site.punctuation === 'mixed' && (count + form.seed) % 2 === 0)) return halfWidth(text);
    return text;
  };
  const push = (...more: string[]) => {
    lines.push(...more);
    if (site.blankLines) lines.push('');
  };
  const pad = site.signature === 'padded-left' ? ' '.repeat(24) : '';
  const trail = site.signature === 'padded-right' ? '      ' : '';

  for (const block of sitePage(form)) {
    switch (block.kind) {
      case 'chrome':
      case 'page-heading':
      case 'info':
        push(block.text);
        break;
      case 'metadata': {
        const pairs = block.pairs.map(([label, value]) => [label, colon === ':' ? halfWidth(value) : value] as const);
        if (site.metadata === 'label-value') lines.push(...pairs.map(([l, v]) => `${l}${colon}${v}`));
        if (site.metadata === 'label-above-value') lines.push(...pairs.flatMap(([l, v]) => [`${l}${colon}`, v, '']));
        if (site.metadata === 'values-only') lines.push(...pairs.map(([, v]) => v));
        for (let i = 0; i < pairs.length; i += 2) {
          const row = pairs.slice(i, i + 2);
          if (site.metadata === 'paired-spaced') lines.push(row.map(([l, v]) => `${spread(l)} ${v}`).join('    '));
          if (site.metadata === 'tabbed') lines.push(row.map(([l, v]) => `${l}${colon}\t${v}`).join('\t'));
        }
        lines.push('');
        break;
      }
      case 'title':
      case 'doc-title':
        push(...block.lines);
        break;
      case 'number':
        push(site.punctuation === 'full' ? block.text : halfWidth(block.text));
        break;
      case 'recipients':
        push(punct(block.text));
        break;
      case 'paragraph':
        push(indent + punct(block.text));
        break;
      case 'chapter':
      case 'label':
        push(block.text);
        break;
      case 'attachment-list':
        push(...block.lines.map((line, i) => (i === 0 ? indent + line : indent + '\u3000\u3000\u3000' + line)));
        break;
      case 'signature':
        lines.push('');
        push(...block.lines.map((line) => pad + line + trail));
        break;
      case 'note':
        push((site.punctuation === 'full' ? '' : indent) + (site.punctuation === 'half' ? halfWidth(block.text) : block.text));
        break;
      case 'links':
        push(block.heading, ...block.items);
        break;
      case 'closing':
        push(...block.lines);
        break;
      case 'gap':
        lines.push('', '');
        break;
    }
  }
  return lines.join(site.lineEnding) + site.lineEnding;
}

/** Producer (a): the file's bytes in the page's encoding. */
export function siteTextFile(form: OfficialForm): Buffer {
  const text = siteText(form);
  if (form.site.encoding === 'gb18030') return encodeGb18030(text);
  if (form.site.encoding === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  return Buffer.from(text, 'utf8');
}
