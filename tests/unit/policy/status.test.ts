import { describe, expect, it } from 'vitest';
import { comparisonPieces, cssString, feedNote, fullPieces, isInForce, markLine, piecesText, shortPieces, statusNotice, statusStylesheet, type NoticeInput } from '../../../src/lib/policy/status.ts';

const revision = { id: 'new', title: '关于印发《示例办法》的通知', docNumber: '示教科〔2022〕3号' };
const later = { id: 'newer', title: '关于印发《示例办法》的通知', docNumber: '示教科〔2025〕1号' };
const base: NoticeInput = { validity: '现行有效', asOf: '2026-12-01', acts: [], id: 'old' };

describe('statusNotice', () => {
  it('says nothing of a document in force', () => {
    expect(statusNotice(base)).toBeUndefined();
    expect(isInForce('现行有效')).toBe(true);
    expect(isInForce('已废止')).toBe(false);
  });
  it('a repeal names the document that repealed it and the day, before any revision', () => {
    const notice = statusNotice({
      ...base,
      validity: '已废止',
      acts: [
        { act: 'revises', on: '2022-05-01', by: revision },
        { act: 'repeals', on: '2022-05-01', by: revision },
      ],
      current: revision,
    });
    expect(notice).toEqual({ validity: '已废止', date: '2022-05-01', act: 'repeals', by: revision, current: undefined });
    expect(markLine(notice!)).toBe('已废止　自2022年5月1日起被示教科〔2022〕3号废止，仅供查阅');
    expect(piecesText(fullPieces(notice!))).toBe('本文件自2022年5月1日起已被《关于印发〈示例办法〉的通知》（示教科〔2022〕3号）废止，仅供查阅。');
  });
  it('a revision names the version in force when that is a later one', () => {
    const notice = statusNotice({ ...base, validity: '已修订', acts: [{ act: 'revises', on: '2022-05-01', by: revision }], current: later })!;
    expect(notice.current).toEqual(later);
    const pieces = shortPieces(notice);
    expect(pieces.filter((p) => typeof p !== 'string')).toEqual([
      { ref: revision, text: '示教科〔2022〕3号' },
      { ref: later, text: '示教科〔2025〕1号' },
    ]);
    expect(piecesText(pieces)).toBe('自2022年5月1日起被示教科〔2022〕3号修订，仅供查阅；现行版本 示教科〔2025〕1号');
  });
  it('acts still to come do not speak; a repeal recorded without a document gives its 废止日期', () => {
    const notice = statusNotice({ ...base, validity: '已废止', repealedDate: '2021-01-01', acts: [{ act: 'repeals', on: '2027-01-01', by: revision }] })!;
    expect(notice.by).toBeUndefined();
    expect(markLine(notice)).toBe('已废止　2021年1月1日废止，仅供查阅');
  });
  it('a successor this edition does not show is not named', () => {
    const notice = statusNotice({ ...base, validity: '已废止', acts: [{ act: 'repeals', on: '2022-05-01', by: undefined }] })!;
    expect(notice.by).toBeUndefined();
    expect(markLine(notice)).not.toContain('被');
  });
  it('a document without a 文号 is named by its title', () => {
    const notice = statusNotice({ ...base, validity: '已修订', acts: [{ act: 'revises', on: undefined, by: { id: 'x', title: '示例办法' } }] })!;
    expect(markLine(notice)).toBe('已修订　被《示例办法》修订，仅供查阅');
  });
  it('lapsed and pending documents give their dates', () => {
    expect(markLine(statusNotice({ ...base, validity: '已失效', expiryDate: '2024-03-31' })!)).toBe('已失效　有效期至2024年3月31日，仅供查阅');
    expect(markLine(statusNotice({ ...base, validity: '尚未施行', effectiveDate: '2027-01-01' })!)).toBe('尚未施行　自2027年1月1日起施行');
    expect(piecesText(fullPieces(statusNotice({ ...base, validity: '起草中' })!))).toContain('尚在起草');
  });
  it('never names the document itself as its replacement', () => {
    expect(statusNotice({ ...base, validity: '已失效', current: { id: 'old', title: 't' } })!.current).toBeUndefined();
  });
});

describe('where the notice goes', () => {
  const notice = statusNotice({ ...base, validity: '已废止', acts: [{ act: 'repeals', on: '2022-05-01', by: revision }] })!;
  it('the stylesheet puts the line in every printed page’s top margin and before the 条 a link opens', () => {
    const css = statusStylesheet(notice);
    expect(css).toContain('@media print{@page{@top-center{content:"已废止　自2022年5月1日起被示教科〔2022〕3号废止，仅供查阅"}}}');
    expect(css).toContain('.doc-unit:target::before');
  });
  it('a CSS string escapes what would end it', () => {
    expect(cssString('a"b\\c\nd')).toBe('"a\\"b\\\\c d"');
  });
  it('a feed entry says the standing today', () => {
    expect(feedNote(notice)).toBe('当前时效性：已废止（自2022年5月1日起被示教科〔2022〕3号废止，仅供查阅）。');
    expect(feedNote(undefined)).toBe('');
  });
  it('a comparison says it is not the text, and which version is', () => {
    expect(piecesText(comparisonPieces(revision))).toBe('本页是两个版本的逐条对照，不是文件的正式文本；现行版本 示教科〔2022〕3号');
    expect(piecesText(comparisonPieces(undefined))).toContain('没有现行有效的版本');
  });
});
