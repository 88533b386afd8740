/**
 * Reading what follows an official document's 正文: the 版记 (抄送, 印发机关 and 印发日期), the
 * 附件说明, the 署名 (one organ a line or side by side, or, where a site prints the date alone, the
 * organs the title or the metadata block names), the 成文日期 and the 附注 with its 公开方式.
 */
import { DISCLOSURES, type Disclosure } from '../../../src/schemas/policy.ts';
import { endsSentence, joinBroken, tidy } from '../cjk-text.ts';
import { ATTACHMENT_HEAD, ATTACHMENT_LIST, COPY_TO, PRINTED, DATE_ONLY, NOTE, readDate, ORGAN, splitOrgans, isNameLike, inlineHead, parseAttachmentList } from './cues.ts';
import { mergeWrappedCells, type Page, type PageUnit } from './units.ts';
import type { Head } from './head.ts';

/** 附注 pieces: each bracketed remark in a unit ((此件主动公开)(联系人：…) on one line), or the unit when it holds none. */
const notePieces = (text: string) => text.match(/[（(][^（()）]*(?:[（(][^（()）]*[)）][^（()）]*)*[)）]/g) ?? [];


/** What the closing steps found: the units after the head, where the 正文 ends and the 落款 does, the 附件 heads, the listed attachments' titles. */
export interface Closing {
  rest: Array<PageUnit & { index: number }>;
  bodyEnd: number;
  /** The unit after the 附注 (what an 印发 notice carries starts there). */
  next: number;
  /** The first 附件N head, or the end. */
  closingEnd: number;
  attachmentHeads: number[];
  listed: string[];
}

/** Reads the 版记, the 附件说明, the 署名, the 成文日期 and the 附注 into the head's `result`. */
/** A 署名 that is an office and a person's name (省长 某某): the head of the organ signing a 令. */
const OFFICER = /^(?:[\p{Script=Han}]{0,12}?(?:总理|省长|市长|县长|区长|州长|旗长|盟长|主席|部长|主任|局长|厅长|署长|行长))\s+([\p{Script=Han}·]{2,5})$/u;
/** The line that heads a 令: the organ, 令, and its number (示例省人民政府令（第52号）). */
const DECREE = /^(.{2,30}?)令\s*(?:[（(]?\s*第\s*[0-9０-９]+\s*号\s*[)）]?)?$/;

export function readClosing(page: Page, head: Head): Closing {
  const { units, metadata, undecided } = page;
  const { result, all, title, titleFrom, titleTo, bodyStart } = head;
  // The 版记: 抄送：…。 (perhaps wrapped) and 印发机关 … 印发, wherever the reading order put them after the title.
  const taken = new Set<number>();
  for (let i = bodyStart; i < units.length; i++) {
    const unit = units[i]!;
    const text = tidy(unit.rows ? unit.rows.map((r) => r.join(' ')).join('\n') : unit.text);
    for (const line of unit.rows ? unit.rows.map((r) => tidy(r.filter(Boolean).join(' '))) : [text]) {
      const copyTo = COPY_TO.exec(line);
      if (copyTo) {
        let value = copyTo[1]!;
        taken.add(i);
        // Wrapped: the lines after it up to the one that ends in 。
        while (!unit.rows && !/。$/.test(value) && i + 1 < units.length && !PRINTED.test(tidy(units[i + 1]!.text)) && !endsSentence(value)) {
          value = joinBroken(value, tidy(units[++i]!.text));
          taken.add(i);
        }
        result.copyTo = value.replace(/[。.]$/, '');
        continue;
      }
      const printed = PRINTED.exec(line) ?? (DATE_ONLY.test(line.replace(/\s*印\s*发$/, '')) && /印\s*发$/.test(line) ? ['', '', line.replace(/\s*印\s*发$/, '')] : null);
      if (printed) {
        taken.add(i);
        result.printedDate = readDate(printed[2]!, '印发日期');
        let by = tidy(printed[1] ?? '');
        // The 印发机关 on a line of its own before the date (text extraction splits the line).
        if (!by && !unit.rows && i - 1 >= bodyStart && !taken.has(i - 1) && isNameLike(tidy(units[i - 1]!.text))) {
          by = tidy(units[i - 1]!.text);
          taken.add(i - 1);
        }
        if (by) result.printedBy = by;
        else undecided.push('版记中未找到印发机关');
      }
    }
  }
  const rest = mergeWrappedCells(units.map((u, i) => ({ ...u, index: i })).filter((u) => u.index >= bodyStart && !taken.has(u.index)));
  const restText = (i: number) => tidy(rest[i]!.text);

  // The 成文日期: a date on a line of its own (the first after the body; an 附件 or a carried document may hold more).
  const dateAt = rest.findIndex((u) => !u.rows && DATE_ONLY.test(tidy(u.text)));
  const attachmentHeads = rest.map((_, i) => (i > dateAt && dateAt >= 0 && (ATTACHMENT_HEAD.test(restText(i)) || inlineHead(restText(i))) ? i : -1)).filter((i) => i >= 0);
  const closingEnd = attachmentHeads[0] ?? rest.length;

  // The 主体's end: the 附件说明, the 署名, the 成文日期 and the 附注, in whatever order extraction gave them.
  let bodyEnd = dateAt >= 0 ? dateAt : closingEnd;
  const listAt = rest.findIndex((_, i) => i < bodyEnd && ATTACHMENT_LIST.test(restText(i)));
  const listed: string[] = [];
  if (dateAt >= 0) {
    result.writtenDate = readDate(restText(dateAt), '成文日期');
    if (metadata.writtenDate && metadata.writtenDate !== result.writtenDate) undecided.push(`网页信息栏的成文日期 ${metadata.writtenDate} 与落款的 ${result.writtenDate} 不同，取了落款的，请核对`);
  } else if (metadata.writtenDate) {
    result.writtenDate = metadata.writtenDate;
    undecided.push(`落款中没有成文日期，取自网页信息栏：${metadata.writtenDate}`);
  } else {
    undecided.push('未找到成文日期（署名下一行的“2019年3月12日”）');
  }
  // Walk back from the date: the 署名 lines (one organ a line, or side by side), and any 附注 extraction put before them.
  const issuers: string[] = [];
  const closingUnits: number[] = [];
  if (dateAt >= 0) {
    let i = dateAt - 1;
    const floor = listAt >= 0 ? listAt + 1 : 0;
    while (i >= floor) {
      const text = restText(i);
      const named = issuers.length;
      if (NOTE.test(text) && /此件|联系|电话|合成|备注|注[：:]/.test(text)) {
        closingUnits.unshift(i);
      } else if (isNameLike(text) && (named === 0 || rest[i]!.align === 'right' || (text.length <= 30 && text.split(/\s+/).every((name) => ORGAN.test(name))))) {
        closingUnits.unshift(i);
        issuers.unshift(text);
      } else break;
      i--;
    }
    bodyEnd = closingUnits[0] ?? dateAt;
    if (!issuers.length) undecided.push('未找到发文机关署名（成文日期上方的机关名称）');
  }
  if (listAt >= 0) {
    // The 附件说明 and its further items, up to the 署名.
    const items = [restText(listAt)];
    for (let i = listAt + 1; i < bodyEnd; i++) items.push(restText(i));
    listed.push(...parseAttachmentList(items.join(' ')));
    bodyEnd = listAt;
  }
  // A 命令（令）is signed by the organ's head, his office and name (省长 某某, 自治区主席 某某: seen on
  // law-text sites' copies of provincial 政府令, docs/import-forms.md S34): he is its 签发人, and the
  // issuer is the organ of the 令's own line (示例省人民政府令 / （第52号）).
  const officer = issuers.length === 1 ? OFFICER.exec(issuers[0]!) : null;
  if (officer) {
    issuers.length = 0;
    if (!result.signers.includes(officer[1]!)) result.signers.push(officer[1]!);
    const decree = [...Array(Math.max(0, dateAt)).keys()].map((i) => DECREE.exec(restText(i))).find((m) => m && ORGAN.test(m[1]!));
    if (decree) issuers.push(decree[1]!);
    undecided.push(`落款“${officer[0]}”是签署人的职务和姓名（命令（令）的格式），记为签发人${decree ? `；发文机关取自“${decree[0]}”` : ''}`);
  }
  const names = issuers.flatMap((name) => name.split(/\s+/)).filter(Boolean);
  if (names[0]) result.issuer = names[0];
  else {
    // No 署名 (a site that prints the date alone): the organs the title names before 关于 — its own
    // lines when it stacks them — or those the site's metadata block names (often the first alone).
    // (A 批转 / 转发 / 印发 notice is the organs' before the verb: 示例省人民政府办公厅批转示例省教育厅关于….)
    const stacked = all.slice(titleFrom, titleTo).join(' ').split(/关于|印发|转发|批转/)[0]!.trim().split(/\s+/).filter((w) => ORGAN.test(w));
    const named = /^(.+?)(?:关于|印发|转发|批转)/.exec(title)?.[1];
    // (Organs the title runs together, or a wrap cut — 中共示例省委教育工作委员会 示例省教 / 育厅关于 — are cut where their region begins again.)
    const fromTitle = (stacked.length && named === stacked.join('') ? stacked : named && ORGAN.test(named) && !/印发|转发|批转/.test(named) ? [named] : []).flatMap((organ) => splitOrgans(organ, organ));
    // A joint document's organs in the metadata, one after another (示例省教育厅 示例省财政厅, or 、 between them).
    const fromMetadata = metadata.issuer ? metadata.issuer.split(/[\s、，,；;]+/).filter(Boolean) : [];
    // The metadata often names the first organ alone: the title's prefix after it names the others (…委员会示例省教育厅关于).
    const lead = fromMetadata.join('');
    const others = named && lead && named.startsWith(lead) && named.length > lead.length && ORGAN.test(named) ? named.slice(lead.length) : '';
    const organs = fromTitle.length > fromMetadata.length ? fromTitle : others ? [...fromMetadata, ...splitOrgans(others, lead)] : fromMetadata.length ? fromMetadata : fromTitle;
    if (organs.length) {
      result.issuer = organs[0]!;
      result.coIssuers = organs.slice(1);
      undecided.push(`落款没有发文机关署名，发文机关取自${organs === fromMetadata ? '网页信息栏' : '标题'}：${organs.join('、')}`);
    } else {
      // Nothing else names it: the organ a law-text site prints alone on a line over the text (交通部,
      // between its repeated title and the document's, docs/import-forms.md S34) — said, to check.
      const above = all.slice(0, Math.max(0, titleFrom)).findLast((t) => isNameLike(t) && t.length <= 30 && t.split(/\s+/).length === 1 && ORGAN.test(t) && !/文\s*件$/.test(t));
      if (above) {
        result.issuer = above;
        undecided.push(`落款和标题都没有写发文机关，发文机关取自标题上方网页所印的机关名称：${above}，请核对`);
      }
    }
  }
  if (names.length) result.coIssuers = names.slice(1);

  // 附注: bracketed remarks after the date (and any the reading order put before the 署名), one or
  // more to a line, a remark that wrapped joined again; the 公开方式 wherever it stands in them.
  let next = dateAt >= 0 ? dateAt + 1 : closingEnd;
  const noteTexts = closingUnits.map((i) => restText(i)).filter((t) => NOTE.test(t));
  while (dateAt >= 0 && next < closingEnd) {
    let text = restText(next);
    if (!/^[（(]/.test(text) && !/^此\s*件/.test(text)) break;
    // A remark cut by a line break: the lines up to its closing bracket.
    while (/^[（(]/.test(text) && (text.match(/[（(]/g) ?? []).length > (text.match(/[)）]/g) ?? []).length && next + 1 < closingEnd && restText(next + 1).length < 60) text = joinBroken(text, restText(++next));
    noteTexts.push(text);
    next++;
  }
  for (const text of noteTexts) {
    const pieces = /^此\s*件/.test(text) ? [`（${text}）`] : notePieces(text);
    if (!pieces.length) pieces.push(text);
    for (const piece of pieces) {
      const inner = piece.replace(/^[（(]\s*|\s*[)）]$/g, '');
      const stated = new RegExp(`此\\s*件\\s*(${DISCLOSURES.join('|')})`).exec(inner);
      if (stated) {
        result.disclosure = stated[1] as Disclosure;
        const remainder = inner.replace(stated[0], '').replace(/^[，,；;。\s]+|[，,；;。\s]+$/g, '');
        if (remainder) result.notes.push(remainder);
      } else if (/^此\s*件/.test(inner)) {
        undecided.push(`附注“${piece}”不是 ${DISCLOSURES.map((d) => `此件${d}`).join('、')} 之一，已作为附注导入`);
        result.notes.push(inner);
      } else result.notes.push(inner);
    }
  }
  if (!result.disclosure && metadata.disclosure) {
    const stated = DISCLOSURES.find((d) => metadata.disclosure!.replace(/\s/g, '') === d);
    if (stated) {
      result.disclosure = stated;
      undecided.push(`附注中没有公开方式，取自网页信息栏：${stated}`);
    }
  }

  return { rest, bodyEnd, next, closingEnd, attachmentHeads, listed };
}
