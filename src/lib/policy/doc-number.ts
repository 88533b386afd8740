/**
 * 发文字号 (GB/T 9704 §7.2.5): 机关代字〔年份〕序号号, as in 晋教科〔2019〕7号. One rule for the
 * schema, the importer and (later) the search: the canonical form uses 〔〕, the full year,
 * no 第 and no zero padding; older or retyped texts write [ ] ［ ］ 【】 () or 2019年 instead.
 */

/** The canonical form, as the schema requires it. */
export const DOC_NUMBER_FORMAT = /^[^\s〔〕]+〔\d{4}〕[1-9]\d*号$/;

export interface DocNumber {
  /** 机关代字: 晋教科 */
  agency: string;
  year: number;
  /** 序号 */
  serial: number;
}

/**
 * Reads a 发文字号 however it was typed: 晋教科〔2019〕7号, 晋教科[2019]7号, 晋教科［2019］第07号,
 * 晋教科(2019)7号, 晋教科2019年7号, 晋教科 2019 7. Undefined when `text` is not one.
 */
export function parseDocNumber(text: string): DocNumber | undefined {
  const squashed = text.normalize('NFKC').replace(/[\s\u3000]+/g, ' ').trim();
  const m = /^([\p{Script=Han}A-Za-z]+?)\s?(?:[〔\[［【(（]\s?(\d{4})\s?[〕\]］】)）]|(\d{4})\s?年?)\s?第?\s?0*(\d+)\s?号?$/u.exec(squashed);
  if (!m) return undefined;
  const serial = Number(m[4]);
  if (!serial) return undefined;
  return { agency: m[1]!, year: Number(m[2] ?? m[3]), serial };
}

/** The canonical spelling: 晋教科〔2019〕7号. */
export function formatDocNumber({ agency, year, serial }: DocNumber): string {
  return `${agency}〔${year}〕${serial}号`;
}

/** `text` in the canonical spelling, or undefined when it is not a 发文字号. */
export function normalizeDocNumber(text: string): string | undefined {
  const parsed = parseDocNumber(text);
  return parsed && formatDocNumber(parsed);
}
