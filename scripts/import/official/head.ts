/**
 * Reading an official document's head (GB/T 9704 版头 and what sites print instead): 份号, 密级,
 * 紧急程度, the 发文机关标志, the 发文字号 with any 签发人, the title however it wrapped (organs on
 * lines of their own, before or after the 文号), the 主送机关, and what a site's metadata block says
 * that the text does not.
 */
import { compactKey, tidy } from '../cjk-text.ts';
import { ImportError } from '../errors.ts';
import { type ParsedOfficial, NotOfficialError, TITLE_KIND, SECRECY, URGENCY, COPY_NUMBER, ARTICLE_UNIT, HEADING_MARK, DATE_ONLY, joinTitle, readDocNumberLine, ORGAN, titleLike, wholeTitle, madeOf, isNameLike } from './cues.ts';
import { STARTS_WITH_NUMBER, isDocNumberLine, type Page } from './units.ts';

/** The head as read: the fields it gives, the units' texts, where the title stands and where the text begins. */
export interface Head {
  result: Omit<ParsedOfficial, 'title' | 'main' | 'attachments'>;
  /** Each unit's text, tidied. */
  all: string[];
  title: string;
  titleFrom: number;
  titleTo: number;
  /** The first unit after the head (after the 主送 when there is one). */
  bodyStart: number;
}

/** Reads the head of the page's units into `result` (created here, with the page's undecided and joins). */
/** A line that opens with a place's name (示例省…, 示例市…, 中共示例县委…): a title's first line, no wrap's. */
const REGION_START = /^(?:中共)?[\p{Script=Han}]{2,8}?(?:省|市|县|区|州|盟|旗|自治区)/u;

export function readHead(page: Page): Head {
  const { units, adjacent, metadata, leftOut, hasMetadata, undecided, joins } = page;
  const texts = () => units.map((u) => tidy(u.text));
  let at = 0;
  const result: Omit<ParsedOfficial, 'title' | 'main' | 'attachments'> = { signers: [], coIssuers: [], notes: [], undecided, joins };

  // 版头: 份号, 密级★期限, 紧急程度 (in any order, one or two to a line), then the 发文机关标志 up to the 文号.
  for (; at < units.length && at < 4; at++) {
    const words = tidy(units[at]!.text).split(/\s+/);
    const read = words.map((word) => {
      if (COPY_NUMBER.test(word) && !result.copyNumber) return (result.copyNumber = word), true;
      const secrecy = SECRECY.exec(word);
      if (secrecy) {
        result.secrecy = secrecy[1] as NonNullable<ParsedOfficial['secrecy']>;
        if (secrecy[2]) result.secrecyPeriod = secrecy[2];
        return true;
      }
      const urgency = URGENCY.exec(word);
      if (urgency) return (result.urgency = urgency[1] as NonNullable<ParsedOfficial['urgency']>), true;
      return false;
    });
    if (!read.every(Boolean)) break;
  }
  const headStart = at;
  const all = texts();
  const HEAD = 16;
  const isNumberLine = (i: number) => isDocNumberLine(all[i]!);
  // Where the text begins: the 主送 (a line that ends in ：), or the first line that reads as text.
  let recipientsAt = -1;
  let headEnd = Math.min(units.length, headStart + HEAD);
  for (let i = headStart; i < headEnd; i++) {
    const text = all[i]!;
    if (i > headStart && /[：:]$/.test(text) && !HEADING_MARK.test(text) && !ARTICLE_UNIT.test(text) && text.length <= 80 && !/[。；]/.test(text)) {
      recipientsAt = i;
      headEnd = i;
      break;
    }
    // (A long line without a sentence's punctuation is a long title, or a site's heading that repeats it.)
    if (!isNumberLine(i) && (/[。！？；…]$/.test(text) || ARTICLE_UNIT.test(text) || HEADING_MARK.test(text) || (text.length > 60 && /[，。；]/.test(text)))) {
      headEnd = i;
      break;
    }
  }
  // The 署名's names (the lines above the first date on a line of its own), by which a title's organ lines are told from a site's logo.
  const firstDate = all.findIndex((text, i) => i >= headEnd && DATE_ONLY.test(text));
  const signerNames = new Set<string>([...(metadata.issuer ? metadata.issuer.split(/[\s、，,]+/) : [])]);
  for (let i = firstDate - 1; firstDate > 0 && i >= Math.max(headEnd, firstDate - 5) && isNameLike(all[i]!); i--) for (const name of all[i]!.split(/\s+/)) signerNames.add(name);
  const sizeOf = (i: number) => units[i]!.size;
  // (…文件 ends a mark, not a title's line: 《…实施方案》等两个文件 / 的通知.)
  const isMark = (i: number) => (units[i]!.size ?? 1) >= 1.6 || (/文\s*件$/.test(all[i]!) && !/[《》]|等\S{0,4}文\s*件$/.test(all[i]!));
  const sameSize = (i: number, j: number) => sizeOf(i) === undefined || sizeOf(j) === undefined || Math.abs(sizeOf(i)! - sizeOf(j)!) < 0.1;

  // The title: where the metadata block's 标题 stands, else the lines nearest the text that make a whole title ending in a 文种.
  let titleFrom = -1;
  let titleTo = -1;
  if (metadata.title) {
    const key = compactKey(metadata.title).replace(/《|》/g, '');
    // The last place it stands: a site may print it above the text too (its heading, its metadata values).
    for (let from = headEnd - 1; from >= headStart && titleFrom < 0; from--) {
      let joined = '';
      for (let to = from; to < headEnd && to < from + 5; to++) {
        joined += compactKey(all[to]!).replace(/《|》/g, '');
        if (joined === key) [titleFrom, titleTo] = [from, to + 1];
        if (!key.startsWith(joined)) break;
      }
    }
  }
  // The one nearest the text: above it a site may print the title again (its heading, its metadata values).
  for (let end = headEnd - 1; titleFrom < 0 && end >= headStart; end--) {
    // (The line may hold only the end of the 文种 a wrap cut: …的通 / 知.)
    if (!titleLike(all[end]!) || isNumberLine(end) || !TITLE_KIND.test(end > headStart && adjacent(end - 1, end) && titleLike(all[end - 1]!) ? joinTitle([all[end - 1]!, all[end]!]) : all[end]!)) continue;
    // Up from the line that ends in a 文种: over the lines a wrap cut from it (示例省教育厅关于开展 /
    // 高等学校…的通知), and over the organs of a joint title above 关于… when they sign it — never over
    // a site's logo or heading (not beside it in the text, or an organ that does not sign).
    // (As far as four lines up, or further over organ lines that sign — an organ a wrap cut, 示例省人力资 / 源和社会保障厅, too: three organs over a three-line title.)
    let from = end;
    // A title wrapped over lines a blank line parts (a page copied as text, each line of the title a
    // paragraph of its own: S11, S35): crossed while what it has gathered does not open as a title
    // does (no 关于, 印发, 转发 or 批转 yet), over a line short enough to be a title's, ending in no mark.
    const wrappedOverBlank = (prev: number, from: number) =>
      units[from]!.lined === true &&
      units[prev]!.at === units[from]!.at - 1 &&
      !/关于|印发|转发|批转/.test(joinTitle(all.slice(from, end + 1))) &&
      // (Not over a line of the page's (下载地址：…), nor to a line that opens as a title does, with a
      // place's name: a law site prints its heading, or the organ, a blank line above the title.)
      !REGION_START.test(all[from]!) &&
      [...all[prev]!].length <= 30 &&
      !/[，。；：:！？、]/.test(all[prev]!);
    for (;;) {
      const prev = from - 1;
      if (prev < headStart || !(adjacent(prev, from) || wrappedOverBlank(prev, from)) || !titleLike(all[prev]!) || isNumberLine(prev) || isMark(prev) || units[prev]!.rows !== undefined || STARTS_WITH_NUMBER.test(all[prev]!) || !sameSize(prev, end) || (end - prev > 4 && !madeOf(all[prev]!, signerNames) && !madeOf(all[prev]! + all[prev + 1]!, signerNames))) break;
      const joined = joinTitle(all.slice(from, end + 1));
      // A line above that ends a title of its own is not this one's — unless this one is not whole yet (…管理办法 / （试行）》的通知).
      if (TITLE_KIND.test(all[prev]!) && wholeTitle(joined)) break;
      // A line that is a title in 《》 (a site's heading) is not a line of this one once it is whole.
      if (/^《.*》$/.test(all[prev]!) && wholeTitle(joined)) break;
      // Where the file gives sizes, a line set like the title's lines is one of them (the mark is larger).
      if (sizeOf(prev) !== undefined && sizeOf(end) !== undefined && Math.abs(sizeOf(prev)! - sizeOf(end)!) < 0.05) {
        from = prev;
        continue;
      }
      const organs = all[prev]!.split(/\s+/);
      if (organs.every((w) => ORGAN.test(w)) && !/关于|印发|转发|批转|联合/.test(all[prev]!)) {
        // With no 署名 to go by (a site that prints the date alone), the organs stacked right above 关于… are the title's.
        // (An organ's name a wrap cut: 示例省发展和改革 / 委员会 示例省财政厅 — the line above ends in no organ.)
        const cut = prev - 1 >= headStart && adjacent(prev - 1, prev) && !ORGAN.test(all[prev - 1]!) && titleLike(all[prev - 1]!) && madeOf(all[prev - 1]! + all[prev]!, signerNames);
        const organLine = (k: number) => all[k]!.split(/\s+/).every((w) => ORGAN.test(w));
        // The organ lines stacked above, up to the first a 署名 or the metadata block names — or opens with
        // (a site's block often names the first organ alone: 示例省教育厅 over 示例省教育厅示例省财政厅…).
        const opensNamed = (k: number) => madeOf(all[k]!, signerNames) || [...signerNames].some((name) => name && all[k]!.replace(/\s/g, '').startsWith(name));
        let top = prev;
        while (top - 1 >= headStart && adjacent(top - 1, top) && organLine(top - 1) && !opensNamed(top)) top--;
        const named = signerNames.size === 0 || opensNamed(top);
        const together = units[from]!.lined ? !units[from]!.afterBlank || units[prev]!.block === units[from]!.block : units[from]!.align === 'center' && units[prev]!.align === 'center';
        // (Or a wrap cut the last organ's name from its end on the line below: 示例省人力资源和社会 / 保障厅关于做好.)
        const cutBelow = madeOf(all[prev]! + (/^(.+?)关于/.exec(all[from]!)?.[1] ?? ''), signerNames);
        // (Or the line below goes on with the organs before its 关于: 示例省教育厅 示例省科学技术厅 / 示例省财政厅关于开展.)
        const organsThenAbout = (/^(.+?)关于/.exec(all[from]!)?.[1] ?? '').trim().split(/\s+/).every((w) => ORGAN.test(w)) && /^.+?关于/.test(all[from]!);
        const signing = madeOf(all[prev]!, signerNames) || cut || cutBelow || (named && (/^关于/.test(all[from]!) || organLine(from) || organsThenAbout) && together);
        if (!signing && wholeTitle(joined)) break;
        // (Signing organs the title does not name yet go on it: 示例省教育厅　示例省科学技术厅 / 示例省财政厅关于推进….)
        const adds = signing && organs.every((w) => !compactKey(joined).includes(compactKey(w)));
        if (wholeTitle(joined) && !/^关于/.test(joined) && !(signing && (organLine(from) || adds))) break;
      } else if (wholeTitle(joined) && ORGAN.test(all[prev]!) && !/关于|印发|转发|批转|联合/.test(all[prev]!)) break;
      from = prev;
    }
    if (!wholeTitle(joinTitle(all.slice(from, end + 1)))) continue;
    [titleFrom, titleTo] = [from, end + 1];
  }
  // A title that ends in no 文种 known: the lines between the 文号 and the 主送.
  if (titleFrom < 0 && recipientsAt > headStart) {
    const numberBefore = [...Array(recipientsAt - headStart).keys()].map((k) => headStart + k).filter(isNumberLine).at(-1);
    const from = numberBefore !== undefined ? numberBefore + 1 : headStart;
    if (from < recipientsAt && all.slice(from, recipientsAt).every(titleLike)) [titleFrom, titleTo] = [from, recipientsAt];
  }

  // A copy whose text prints the title cut short — its first line only, over the 文号 — under the page's
  // heading that gives it whole (a law site's copy, docs/import-forms.md S34): the title stands
  // where the cut one does, worded as the heading words it.
  let wholeHeading: string | undefined;
  if (titleFrom >= 0) {
    const heading = joinTitle(all.slice(titleFrom, titleTo));
    const key = compactKey(heading);
    for (let k = titleTo; k < Math.min(headEnd, titleTo + 4); k++) {
      const line = compactKey(all[k]!);
      if (line.length >= 8 && line.length < key.length && key.startsWith(line) && k + 1 < units.length && isNumberLine(k + 1)) {
        undecided.push(`正文上方的标题“${all[k]}”不全，标题取自网页的标题：“${heading}”，请核对`);
        wholeHeading = heading;
        [titleFrom, titleTo] = [k, k + 1];
        break;
      }
    }
  }
  // The 发文字号: under the title (as sites print it, perhaps in brackets), else the nearest above it (under the mark).
  let numberAt = -1;
  if (titleFrom >= 0 && titleTo < units.length && isNumberLine(titleTo)) numberAt = titleTo;
  else if (titleFrom >= 0) {
    for (let i = titleFrom - 1; i >= headStart && numberAt < 0; i--) if (isNumberLine(i)) numberAt = i;
  } else {
    for (let i = headStart; i < headEnd && numberAt < 0; i++) if (isNumberLine(i)) numberAt = i;
  }
  // A line shaped like a 文号 that does not read as one, where the 文号 stands: refused with what it says.
  for (let i = headStart; i < Math.min(units.length, (titleTo >= 0 ? titleTo : headEnd) + 1); i++) {
    const text = all[i]!;
    const line = readDocNumberLine(text);
    if (line && 'invalid' in line && numberAt < 0) throw new ImportError(`无法读出发文字号：“${line.invalid}”，应为“机关代字〔年份〕序号号”（如 晋教科〔2019〕7号）`);
  }
  let afterNumber = numberAt + 1;
  if (numberAt >= 0) {
    const line = readDocNumberLine(/^[（(](.+)[)）]$/.exec(all[numberAt]!)?.[1] ?? all[numberAt]!) as { docNumber: string; signers: string[] };
    result.docNumber = line.docNumber;
    result.signers = line.signers;
    // More 签发人 names, one a line under the first.
    while (result.signers.length && afterNumber < units.length && /^[\p{Script=Han}]{2,4}$/u.test(all[afterNumber]!) && !units[afterNumber]!.startsParagraph) {
      result.signers.push(all[afterNumber]!);
      afterNumber++;
    }
  }

  let title: string;
  if (titleFrom >= 0) {
    title = wholeHeading ?? joinTitle(all.slice(titleFrom, titleTo));
    if (metadata.title && compactKey(metadata.title).replace(/《|》/g, '') !== compactKey(title).replace(/《|》/g, '')) {
      undecided.push(`网页信息栏的标题“${metadata.title}”与正文上方的标题“${title}”不同，取了正文上方的，请核对`);
    }
  } else if (metadata.title) {
    // The text has no title line of its own (a page that prints the title only in its metadata).
    title = joinTitle([metadata.title]);
    titleFrom = titleTo = Math.max(headStart, numberAt + 1);
    undecided.push(`正文上方没有找到标题，标题取自网页信息栏：“${title}”`);
  } else {
    throw new NotOfficialError('不是公文，也不是《工作要讯》：未找到发文字号、以文种（通知、意见、办法……）结尾的标题或主送机关');
  }
  // A 文号 in brackets at the title's end (…的通知（示办发〔2017〕2号）), as some sites print their
  // heading (a city's page, docs/import-forms.md S29): the 文号, not a part of the title.
  const trailing = /^(.+?)\s*[（(]([^（）()]{3,30})[)）]$/.exec(title);
  const trailingNumber = trailing ? readDocNumberLine(trailing[2]!) : undefined;
  if (trailing && trailingNumber && !('invalid' in trailingNumber)) {
    title = trailing[1]!;
    if (!result.docNumber) {
      result.docNumber = trailingNumber.docNumber;
      undecided.push(`发文字号取自标题末尾的括号：${trailingNumber.docNumber}`);
    } else if (result.docNumber !== trailingNumber.docNumber) undecided.push(`标题末尾括号中的发文字号 ${trailingNumber.docNumber} 与 ${result.docNumber} 不同，取了后者，请核对`);
  }
  // Above the title: the 发文机关标志 when a 文号 stands under it (GB/T 9704); anything else there
  // is a site's page around the text (its logo, a heading repeating the title, metadata values).
  const above = [...Array(Math.max(0, titleFrom - headStart)).keys()].map((k) => headStart + k).filter((i) => i !== numberAt && !(i > numberAt && i < afterNumber && numberAt >= 0));
  // A mark is the organs' names (and 文件): not a line that opens with a 文号 or quotes a title (a site's heading).
  const markLike = (i: number) => !STARTS_WITH_NUMBER.test(all[i]!) && !/[《》]/.test(all[i]!) && !isNumberLine(i);
  // With no 文号 above the title, the mark is the block of organ lines right above it, one of them 文件 or set large.
  const markBlock: number[] = [];
  for (let i = titleFrom - 1; i >= headStart && !leftOut.size && !hasMetadata; i--) {
    if (i === numberAt || !adjacent(i, i + 1) || !(isMark(i) || all[i]!.split(/\s+/).every((w) => ORGAN.test(w) || w === '文件'))) break;
    markBlock.unshift(i);
  }
  // Above a 文号 that stands above the title: the organ lines right above it (a site's values above it are not).
  // (Only where the 文号 heads the title, as GB/T 9704 sets it: a 文号 with dates and other values
  // between it and the title is a site's metadata block printed without its labels, and an organ
  // above it is that block's value, not a mark; nor is a line a dropped block parts from the 文号.)
  const overNumber: number[] = [];
  const numberHeadsTitle = numberAt >= 0 && afterNumber === titleFrom;
  // (A page copied as text may part the mark from the 文号 by a blank line: S11.)
  const overBlank = (i: number) => units[i + 1]!.lined === true && units[i]!.at === units[i + 1]!.at - 1 && isMark(i);
  for (let i = numberAt - 1; numberHeadsTitle && i >= headStart && (adjacent(i, i + 1) || overBlank(i)); i--) {
    // (A large mark may wrap anywhere: 中共示例省委教育工作委员会文 / 件.)
    if (!markLike(i) || !/^[\p{Script=Han}\s]+$/u.test(all[i]!) || (!isMark(i) && !all[i]!.split(/\s+/).every((w) => ORGAN.test(w) || /文\s*件$/.test(w)))) break;
    overNumber.unshift(i);
  }
  // (Or set larger than the title, where the file gives sizes: a mark without 文件 in a LibreOffice Word file.)
  const largerThanTitle = (i: number) => sizeOf(i) !== undefined && sizeOf(titleFrom) !== undefined && sizeOf(i)! > sizeOf(titleFrom)! * 1.2;
  const markLines = numberAt >= 0 && numberAt < titleFrom ? overNumber : (markBlock.some((i) => isMark(i) || largerThanTitle(i)) ? markBlock : []).filter(markLike);
  // A joint mark prints 文件 once, beside the stacked organs: wherever extraction put it, it ends the mark.
  if (markLines.length) result.issuerMark = joinTitle(markLines.map((i) => all[i]!)).replace(/^(.+?)文件(.+)$/, (whole, a: string, b: string) => (ORGAN.test(a) && !/文件$/.test(b) ? `${a}${b}文件` : whole));
  const siteLines = above.filter((i) => !markLines.includes(i));
  if (siteLines.length) undecided.push(`标题上方的以下文字不是公文的一部分（网页的标志、栏目或重复的标题），未导入：${siteLines.map((i) => `“${all[i]}”`).join('、')}`);

  let bodyStart = Math.max(titleTo, afterNumber);
  if (recipientsAt >= bodyStart) {
    // A 主送 that wrapped: the lines before its ： that end in a 、 or ，.
    let first = recipientsAt;
    while (first - 1 >= bodyStart && /[、，,]$/.test(all[first - 1]!)) first--;
    if (first === bodyStart) {
      result.recipients = joinTitle([all.slice(first, recipientsAt + 1).join('')]).replace(/[：:]$/, '');
      bodyStart = recipientsAt + 1;
    }
  }
  if (!result.recipients) undecided.push('未找到主送机关（标题之后以“：”结尾的一行）');

  // A site's heading above the title that opens with the 文号 (示教发[2018]72号《…》), when the text prints none.
  if (!result.docNumber && !metadata.docNumber) {
    const heading = above.map((i) => STARTS_WITH_NUMBER.exec(all[i]!)?.[0]).find(Boolean);
    const number = heading ? readDocNumberLine(heading) : undefined;
    if (number && !('invalid' in number)) {
      result.docNumber = number.docNumber;
      undecided.push(`发文字号取自网页标题栏：${number.docNumber}`);
    }
  }
  // What the metadata block says and the text does not.
  if (!result.docNumber && metadata.docNumber) {
    result.docNumber = metadata.docNumber;
    undecided.push(`发文字号取自网页信息栏：${metadata.docNumber}`);
  } else if (result.docNumber && metadata.docNumber && metadata.docNumber !== result.docNumber) {
    undecided.push(`网页信息栏的发文字号 ${metadata.docNumber} 与正文的 ${result.docNumber} 不同，取了正文的，请核对`);
  }
  if (metadata.indexNumber) result.indexNumber = metadata.indexNumber;
  if (metadata.subject) result.subject = metadata.subject;
  if (metadata.publishedDate) result.publishedDate = metadata.publishedDate;
  // Dates the text itself may state better (自2019年4月1日起施行): build-policy.ts prefers the text's.
  if (metadata.effectiveDate) result.effectiveDate = metadata.effectiveDate;
  if (metadata.expiryDate) result.expiryDate = metadata.expiryDate;
  if (metadata.repealedDate) result.repealedDate = metadata.repealedDate;

  return { result, all, title, titleFrom, titleTo, bodyStart };
}
