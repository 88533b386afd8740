/**
 * Reading an official document's text: the 正文 paragraph by paragraph (made whole across page
 * breaks, tables kept as rows, 第N条 set off), the document an 印发 / 转发 / 批转 notice carries after
 * its 落款 with or without a 附件 label, each 附件N with its title and text, and a site's download
 * links for a notice's own attachments.
 */
import { parseNumber } from '../../../src/lib/chinese-numbers.ts';
import { compactKey, endsSentence, joinBroken, tidy } from '../cjk-text.ts';
import { type OfficialTable, type OfficialBlock, type OfficialAttachment, CLOSING_PHRASE, NUMERAL, TITLE_KIND, ARTICLE_UNIT, HEADING_MARK, ATTACHMENT_HEAD, ORGAN, isNameLike, paragraphText, joinTitle, titleEnd, titleLike, inlineHead } from './cues.ts';
import { isHeadingLine, standsAlone, type Page, type Unit } from './units.ts';
import type { Head } from './head.ts';
import type { Closing } from './closing.ts';

/** 特此通知。 run onto the paragraph before it. */
const RUN_ON_CLOSING = new RegExp(`^(.*[。！？])(${CLOSING_PHRASE})$`);

/** A site's link to download an attachment: 1.申报书.pdf, 附件2：汇总表.xlsx. */
export const DOWNLOAD = /^(?:(?:附\s*件|相\s*关\s*附\s*件)\s*(?:下\s*载)?\s*\d{0,2}\s*[:：]?\s*)?(?:\d{1,2}\s*[.．、]\s*)?(.+?)\.(?:pdf|docx?|xlsx?|wps|et|ofd|zip|rar|7z|jpe?g|png|txt)$/i;

/** The titles of a list of download links, when every line is one. */
export const downloadTitles = (texts: readonly string[]) => {
  // Under a head of their own (附件下载：, 相关附件：) or not.
  const links = texts.length > 1 && /^(?:相\s*关\s*)?附\s*件\s*(?:下\s*载)?\s*[:：]?$/.test(texts[0]!) ? texts.slice(1) : texts;
  return links.length && links.every((t) => DOWNLOAD.test(t)) ? links.map((t) => joinTitle([DOWNLOAD.exec(t)![1]!])) : undefined;
};

/** A heading a comma parts (一、把握总体要求，明确目标): short, with no full stop. */
const HEADED_LINE = new RegExp(`^(?:${HEADING_MARK.source.replace(/^\^/, '')})[^。；！？]{2,30}$`);

/** Paragraphs and tables from units: a paragraph a page break cut is joined again; table rows become a table. */
export function blocksOfUnits(units: readonly Unit[], { joins, undecided, where, indented }: { joins: string[]; undecided: string[]; where: string; indented: boolean }): OfficialBlock[] {
  const blocks: OfficialBlock[] = [];
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    if (unit.rows) {
      const rows = unit.rows.map((row) => row.map((cell) => paragraphText(cell.replace(/\n/g, ''))));
      blocks.push({ type: 'table', header: rows[0] ?? [], rows: rows.slice(1) });
      continue;
    }
    if (unit.cells) {
      // A run of table rows (PDF positions, pdftotext -layout columns).
      let end = i;
      while (end < units.length && units[end]!.cells) end++;
      if (end - i >= 2) {
        const table = tableOf(units.slice(i, end), undecided, where);
        blocks.push(table);
        i = end - 1;
        continue;
      }
    }
    const text = paragraphText(unit.text);
    const last = blocks.at(-1);
    // A page break cut it (the piece after it opens no paragraph), or (Word) the paragraph was split in two:
    // a paragraph of some length that stops without punctuation goes on in the next.
    const continues = indented ? unit.indent === 0 : unit.pageBreakBefore || (last?.type === 'paragraph' && last.text.length > 12 && /[，。；：]/.test(last.text) && !/[。！？；：…”’）》」』\])]$/.test(last.text));
    if (
      last?.type === 'paragraph' &&
      continues &&
      (indented || !endsSentence(last.text)) &&
      !isHeadingLine(last.text) &&
      !standsAlone(text) &&
      !ARTICLE_UNIT.test(text) &&
      !(HEADING_MARK.test(text) && unit.startsParagraph) &&
      // Text copied from a page, a blank line after each paragraph: a heading (一、…，… , its
      // words parted by a comma, so no isHeadingLine) and the paragraph after a blank line are
      // two paragraphs, whatever the heading ends with (seen on a city's page, S29).
      !(unit.afterBlank && (HEADING_MARK.test(text) || HEADED_LINE.test(last.text))) &&
      // Nor is an organ's name alone, a blank line after it, the head of a paragraph (a law site's
      // copy prints the organ over the 令: 示例省人民政府 / (blank) / 示例省人民政府令, S34).
      !(unit.afterBlank && ORGAN.test(last.text) && isNameLike(last.text) && last.text.length <= 30)
    ) {
      joins.push(`${last.text.slice(-6)}|${text.slice(0, 6)}`);
      last.text = paragraphText(joinBroken(last.text, text));
      continue;
    }
    blocks.push({ type: 'paragraph', text });
  }
  setOffUnits(blocks);
  // 特此通知。 (特此函告。…) stands as a paragraph of its own: where a file marks no paragraphs, a full line before it ran it on.
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const closing = block.type === 'paragraph' ? RUN_ON_CLOSING.exec(block.text) : null;
    if (closing) blocks.splice(i, 1, { type: 'paragraph', text: closing[1]! }, { type: 'paragraph', text: closing[2]! });
  }
  // Cells a text extraction gave one a line (plain pdftotext reads a table column by column).
  let run = 0;
  for (const block of [...blocks, undefined]) {
    if (block?.type === 'paragraph' && block.text.length <= 12 && !/[，。；：]/.test(block.text)) run++;
    else {
      if (run >= 6) undecided.push(`${where}中有 ${run} 段连续的短文字，可能是未能重建的表格（纯文本按列给出表格），请对照原件改写为表格`);
      run = 0;
    }
  }
  return blocks;
}

/**
 * 第N条 run into its text (第三条项目实施期…: a PDF that lost the space a justified line squeezed) is
 * set off like its neighbours when it stands in their sequence — the unit set off before it is
 * numbered N−1, or the one after it N+1 — and left alone otherwise (第一条规定的事项 opens a sentence).
 */
export function setOffUnits(blocks: OfficialBlock[]): void {
  const runIn = new RegExp(`^第(${NUMERAL})(章|节|条)(?=[^\\u3000之])`);
  const setOff = new RegExp(`^第(${NUMERAL})(章|节|条)\\u3000`);
  const texts = blocks.map((b) => (b.type === 'paragraph' ? b.text : ''));
  const numberOf = (m: RegExpExecArray | null, kind: string) => (m && m[2] === kind ? parseNumber(m[1]!) : undefined);
  blocks.forEach((block, i) => {
    const m = runIn.exec(texts[i]!);
    const n = m ? parseNumber(m[1]!) : undefined;
    if (block.type !== 'paragraph' || !m || n === undefined) return;
    const before = texts.slice(0, i).findLast((t) => numberOf(setOff.exec(t), m[2]!) !== undefined);
    const after = texts.slice(i + 1).find((t) => numberOf(setOff.exec(t), m[2]!) !== undefined);
    if ((before !== undefined && numberOf(setOff.exec(before), m[2]!) === n - 1) || (after !== undefined && numberOf(setOff.exec(after), m[2]!) === n + 1)) {
      block.text = `${m[0]}\u3000${block.text.slice(m[0].length)}`;
      texts[i] = block.text;
    }
  });
}

/** Table rows from cells with their extent: the row with the most cells gives the columns; each cell goes to the nearest. */
export function tableOf(units: readonly Unit[], undecided: string[], where: string): OfficialTable {
  const widest = units.reduce((a, b) => (b.cells!.length > a.cells!.length ? b : a));
  const columns = widest.cells!.map((c) => ({ left: c.left, right: c.right, centre: (c.left + c.right) / 2 }));
  let doubtful = false;
  const rows = units.map((unit) => {
    const row = columns.map(() => '');
    for (const cell of unit.cells!) {
      const centre = (cell.left + cell.right) / 2;
      const distance = (c: (typeof columns)[number]) => Math.min(Math.abs(c.centre - centre), Math.abs(c.left - cell.left), Math.abs(c.right - cell.right));
      const index = columns.reduce((best, c, k) => (distance(c) < distance(columns[best]!) ? k : best), 0);
      if (row[index]) doubtful = true;
      row[index] = row[index] ? `${row[index]} ${cell.text}` : cell.text;
    }
    return row.map((c) => paragraphText(c));
  });
  // A lone line of a single cell (a wrapped cell) would not be in the run; a row with fewer cells is read by position.
  if (doubtful || units.some((u) => u.cells!.length < columns.length)) {
    undecided.push(`${where}的表格按各列位置重建（${rows.length - 1} 行 ${columns.length} 列），请核对空格与换行的单元格`);
  }
  return { type: 'table', header: rows[0]!, rows: rows.slice(1) };
}


/** Reads the 正文, the documents a notice carries and its attachments. */
export function readBody(page: Page, head: Head, closing: Closing): { main: OfficialBlock[]; attachments: OfficialAttachment[] } {
  const { units, joins, undecided } = page;
  const { result, title } = head;
  const { rest, bodyEnd, closingEnd, attachmentHeads, listed } = closing;
  let { next } = closing;
  const restText = (i: number) => tidy(rest[i]!.text);
  // Text whose paragraphs open with an indent (pdftotext -layout): a line at the margin continues the paragraph above.
  const withIndent = units.filter((u) => u.indent !== undefined);
  const indented = withIndent.length > 0 && withIndent.filter((u) => u.indent! >= 2 && u.indent! <= 4).length >= withIndent.length / 3;
  const blocksOf = (part: readonly Unit[], where: string) => blocksOfUnits(part, { joins, undecided, where, indented });
  const main = blocksOf(rest.slice(0, bodyEnd), '正文');
  if (!main.length) undecided.push('未找到正文');

  // What follows the 附注 before any 附件N: the document an 印发 / 转发 notice carries, under its own
  // title with no 附件 label (as sites and many offices print it), or text kept where it stood.
  const attachments: OfficialAttachment[] = listed.map((t, i) => ({ number: i + 1, title: t, blocks: null }));
  let carried: OfficialAttachment | undefined;
  // A site lists a notice's attachments as links to download after the 落款 (附件： 1.申报书.pdf …): their titles, not their text.
  const linked = (texts: readonly string[]) => {
    const titles = downloadTitles(texts);
    if (!titles) return false;
    for (const t of titles) if (!attachments.some((a) => compactKey(a.title) === compactKey(t))) attachments.push({ number: attachments.length + 1, title: t, blocks: null });
    undecided.push(`网页上附件的下载链接（附件正文不在文件中，只导入了标题）：${texts.map((t) => `“${t}”`).join('、')}`);
    return true;
  };
  if (next < closingEnd && linked(rest.slice(next, closingEnd).map((u) => tidy(u.text)))) next = closingEnd;
  if (next < closingEnd) {
    const part = rest.slice(next, closingEnd);
    const partText = part.map((u) => tidy(u.text));
    // The documents the notice carries (印发《甲》《乙》的通知) and those its 附件说明 lists, in the order they stand.
    // (…《甲》等两个文件的通知 names one: the notice's own text names the rest, 现将《甲》《乙》印发给你们.)
    const quoted = (text: string) => [...text.matchAll(/《([^》]+)》/g)].map((m) => m[1]!).filter((name) => TITLE_KIND.test(name));
    const named = /印发|转发|批转|发布|颁布|公布/.test(title) ? [...quoted(title), ...main.flatMap((b) => (b.type === 'paragraph' ? quoted(b.text) : []))] : [];
    const wanted = [...new Set([...named, ...listed])];
    const found: Array<{ at: number; lines: number; title: string }> = [];
    for (let at = 0; at < part.length; at++) {
      for (const name of wanted) {
        if (found.some((f) => f.title === name)) continue;
        const key = compactKey(name);
        let joined = '';
        for (let n = at; n < Math.min(at + 4, part.length); n++) {
          joined += compactKey(partText[n]!).replace(/^《(.*)》$/, '$1');
          if (joined === key) {
            found.push({ at, lines: n - at + 1, title: name });
            break;
          }
          if (!key.startsWith(joined)) break;
        }
        if (found.at(-1)?.at === at) {
          at += found.at(-1)!.lines - 1;
          break;
        }
      }
    }
    // None named: a title line of its own at the head of what follows (centred or larger, or ending in a 文种).
    if (!found.length) {
      const end = titleEnd(partText, 0, 3);
      if (end > 0 && partText.slice(0, end).every(titleLike)) found.push({ at: 0, lines: end, title: joinTitle(partText.slice(0, end)) });
      else if (titleLike(partText[0]!) && (part[0]!.align === 'center' || (part[0]!.size ?? 1) > 1.1) && partText.length > 1) found.push({ at: 0, lines: 1, title: joinTitle(partText.slice(0, 1)) });
    }
    const before = found.length ? found[0]!.at : part.length;
    if (before > 0) {
      const content = blocksOf(part.slice(0, before), '落款之后');
      main.push(...content);
      undecided.push(`落款（署名、成文日期、附注）之后有 ${content.length} 段没有标题、不是附件的文字，已接在正文末尾，请对照原件核对：“${partText[0]!.slice(0, 30)}”`);
    }
    const unlabelled: OfficialAttachment[] = [];
    // A （试行） on a line of its own under the carried title, spaced out as a subtitle — （试　行） —
    // is the title's (law-text sites' copies, docs/import-forms.md S34): 示例管理办法（试行）.
    for (const f of found) {
      const under = partText[f.at + f.lines];
      const trial = under === undefined ? null : /^[（(]\s*(试\s*行|暂\s*行)\s*[)）]$/.exec(under);
      if (trial && !/[（(](?:试行|暂行)[)）]$/.test(f.title)) {
        f.title = `${f.title}（${trial[1]!.replace(/\s/g, '')}）`;
        f.lines++;
      }
    }
    found.forEach((f, k) => {
      const content = blocksOf(part.slice(f.at + f.lines, found[k + 1]?.at ?? part.length), `《${f.title}》`);
      const listedAt = listed.findIndex((t) => compactKey(t) === compactKey(f.title));
      if (listedAt >= 0) {
        attachments[listedAt]!.blocks = content;
        carried = attachments[listedAt];
      } else {
        carried = { number: 0, title: f.title, blocks: content, unlabelled: true };
        unlabelled.push(carried);
      }
    });
    // Unlabelled ones first, as they stand after the notice: the labelled ones number on after them.
    attachments.forEach((a) => (a.number += unlabelled.length));
    unlabelled.forEach((a, i) => (a.number = i + 1));
    attachments.unshift(...unlabelled);
  }

  // Each attachment: 附件N, its title (as listed), its text.
  const shift = attachments.filter((a) => a.unlabelled).length;
  attachmentHeads.forEach((head, k) => {
    if (ATTACHMENT_HEAD.test(restText(head)) && linked(rest.slice(head + 1, attachmentHeads[k + 1] ?? rest.length).map((u) => tidy(u.text)))) return;
    const inline = inlineHead(restText(head));
    const label = inline ? [restText(head), inline.number] : ATTACHMENT_HEAD.exec(restText(head))!;
    const number = (label[1] ? Number(label[1]) : k + 1) + shift;
    const end = attachmentHeads[k + 1] ?? rest.length;
    let from = head + 1;
    // The title under 附件N: the listed title, however wrapped.
    const entry = attachments.find((a) => a.number === number && !a.unlabelled);
    let pageTitle = '';
    if (inline) {
      pageTitle = joinTitle([inline.title]);
      if (entry && compactKey(entry.title) !== compactKey(pageTitle)) undecided.push(`附件${number - shift}的标题“${pageTitle}”与附件说明“${entry.title}”不一致，请核对`);
    } else if (entry) {
      const key = compactKey(entry.title);
      let joined = '';
      for (let n = from; n < end && n < from + 4; n++) {
        joined += compactKey(restText(n)).replace(/^《(.*)》$/, '$1');
        if (joined === key) {
          from = n + 1;
          break;
        }
        if (!key.startsWith(joined)) break;
      }
      if (from === head + 1) undecided.push(`附件${number - shift}的标题与附件说明“${entry.title}”不一致，请核对`);
    } else {
      pageTitle = tidy(rest[from]?.text ?? '');
      if (pageTitle && !rest[from]?.cells && !rest[from]?.rows) from++;
    }
    const content = blocksOf(rest.slice(from, end), `附件${number - shift}`);
    if (entry) entry.blocks = content;
    else if (carried?.unlabelled) {
      // The carried document's own attachment (the notice lists none): kept in the carried text, under its label.
      carried.blocks!.push({ type: 'paragraph', text: `附件${number - shift}` }, ...(pageTitle ? [{ type: 'paragraph' as const, text: pageTitle }] : []), ...content);
      undecided.push(`附件${number - shift}“${pageTitle}”属于《${carried.title}》（通知本身没有附件说明），已接在其文字之后，请核对`);
    } else {
      attachments.push({ number, title: joinTitle([pageTitle]), blocks: content });
      undecided.push(`附件说明中没有附件${number}：标题取自附件页“${pageTitle}”`);
    }
  });
  attachments.sort((a, b) => a.number - b.number);
  for (const a of attachments) if (!a.blocks) undecided.push(`附件${a.number}“${a.title}”的正文不在文件中，只导入了标题`);

  if (!result.docNumber) undecided.push('未找到发文字号');
  return { main, attachments };
}
