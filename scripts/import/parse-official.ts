/**
 * Reads an official document (公文, GB/T 9704-2012) out of its blocks of text (source-block.ts),
 * whichever file they came from, part by part as a reader finds them: the 版头 (份号, 密级★期限,
 * 紧急程度, 发文机关标志, 发文字号 with any 签发人), the title however it was wrapped, the 主送机关
 * (the line that ends in ：), the 正文 paragraph by paragraph (made whole across page breaks), the
 * 附件说明, the 署名 and 成文日期, the 附注, each 附件N with its title and text (tables kept as
 * rows), and the 版记 (抄送, 印发机关 and 印发日期). The words decide; where a reader knows the look
 * of a block (centred, right-aligned, a table's cells) it helps. What cannot be read with
 * confidence goes into `undecided`, for the editor.
 *
 * It reads the forms the world prints too (docs/import-forms.md lists them with where each was
 * seen): a site's page around the text (its metadata block read into fields, its furniture
 * dropped and listed: web-page.ts); the title before the 文号, a 文号 in brackets, titles whose
 * organs stand on lines of their own (told from a site's logo by the 署名's names, by size, or by
 * no blank line between); the document an 印发 / 转发 / 批转 notice carries straight after its
 * 落款, with no 附件 label (one or several, under their own titles); a 附注 of several remarks.
 * Nothing is dropped: text it cannot place is kept in the body and flagged.
 *
 * The steps, each a module of scripts/import/official/ with its own unit tests: units.ts (the
 * blocks cut into units, the site's page taken off), head.ts (版头, 文号, title, 主送), closing.ts
 * (版记, 附件说明, 署名, 成文日期, 附注), body.ts (the 正文, carried documents, attachments); cues.ts
 * holds what they share.
 */
import type { SourceBlock } from './source-block.ts';
import { readBody } from './official/body.ts';
import { readClosing } from './official/closing.ts';
import { ImportError } from './errors.ts';
import { NotOfficialError, type ParsedOfficial } from './official/cues.ts';
import { readHead } from './official/head.ts';
import { readPage } from './official/units.ts';

export { DOCUMENT_KINDS, joinTitle, NotOfficialError, paragraphText, parseAttachmentList, readDate, readDocNumberLine, splitOrgans } from './official/cues.ts';
export type { OfficialAttachment, OfficialBlock, OfficialTable, ParsedOfficial } from './official/cues.ts';
export { setOffUnits } from './official/body.ts';
export { joinWrappedPrinted, unitsOf } from './official/units.ts';

/**
 * Characters only traditional Chinese writes (關 for 关, 發 for 发, 號 for 号…), among the commonest
 * of official text: a page a mirror site converted to traditional characters (seen on several,
 * docs/import-forms.md S36) is no official text, and read as one gives a title run together with
 * the page and no 文号 (號 is no 号).
 */
const TRADITIONAL = /[關於發號們為這國會與務機員從經際開門問時學實對條廳單區縣辦規範產業質權總見東車長書價協當應據舉證點體鄉鎮創資環進屬項簡稱營]/gu;

/** Refuses a text in traditional characters, saying so, before it is read as a document. */
function refuseTraditional(blocks: readonly SourceBlock[]): void {
  const text = blocks.map((b) => b.text).join('');
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const traditional = (text.match(TRADITIONAL) ?? []).length;
  if (traditional >= 20 && traditional >= han * 0.03) {
    throw new ImportError(`文件是繁体字（${[...new Set(text.match(TRADITIONAL))].slice(0, 6).join('、')}……），多半是转载网站转换的：公文应为简体原文，请从发文机关的网站或纸本取简体文本再导入`);
  }
}

export function parseOfficial(blocks: readonly SourceBlock[]): ParsedOfficial {
  refuseTraditional(blocks);
  const page = readPage(blocks);
  const head = readHead(page);
  const closing = readClosing(page, head);
  const { main, attachments } = readBody(page, head, closing);
  return { ...head.result, title: head.title, main, attachments } as ParsedOfficial;
}

/**
 * Whether the blocks have an official document's form, as the parser reads it: a title that
 * ends in a 文种 (or a site's metadata block naming one) and at least one of a 发文字号, a 主送
 * line, a 成文日期 under a 署名, or a 版记 line …印发.
 */
export function looksOfficial(blocks: readonly SourceBlock[]): boolean {
  try {
    const parsed = parseOfficial(blocks);
    return Boolean(parsed.docNumber || parsed.recipients || parsed.printedDate || (parsed.writtenDate && parsed.issuer));
  } catch (error) {
    // A document with an official form whose 文号 or date cannot be read is one: the import says why.
    if (error instanceof NotOfficialError) return false;
    if (error instanceof ImportError) return true;
    throw error;
  }
}
