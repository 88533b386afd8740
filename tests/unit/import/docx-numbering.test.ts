/** Word's list numbering written into the text (scripts/import/docx-numbering.ts): counted as Word counts. */
import { describe, expect, it } from 'vitest';
import { formatCount, numberParagraphs } from '../../../scripts/import/docx-numbering.ts';

const numbering = `<w:numbering>
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;
const p = (text: string, level?: number, list = 1) =>
  `<w:p><w:pPr>${level === undefined ? '' : `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${list}"/></w:numPr>`}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const texts = (xml: string) => [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));

describe('Word list numbering', () => {
  it('gives each heading level its label, a level counting again under a new item of the level above', () => {
    const xml = numberParagraphs(['总体要求', '目标', '任务', '细则一', '细则二', '保障', '措施'].map((t, i) => p(t, [0, 1, 1, 2, 2, 0, 1][i])).join(''), numbering);
    expect(texts(xml)).toEqual(['一、总体要求', '（一）目标', '（二）任务', '1.细则一', '2.细则二', '二、保障', '（一）措施']);
    expect(xml).not.toContain('<w:numPr>');
  });
  it('leaves bullets and paragraphs without numbering as they are', () => {
    const xml = numberParagraphs(p('要点', 0, 2) + p('正文'), numbering);
    expect(texts(xml)).toEqual(['要点', '正文']);
    expect(xml).toContain('<w:numId w:val="2"/>');
  });
  it('counts in the formats offices use', () => {
    expect([formatCount(12, 'chineseCounting'), formatCount(3, 'decimalEnclosedCircle'), formatCount(4, 'upperRoman'), formatCount(2, 'lowerLetter')]).toEqual(['十二', '③', 'IV', 'b']);
  });
});
