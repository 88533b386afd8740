/** escapeHtml (scripts/lib/escape-html.ts): what every generator of HTML and XML in scripts/ writes text with. */
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { escapeHtml } from '../../scripts/lib/escape-html.ts';

describe('escapeHtml', () => {
  it('writes & < > " \' as references, each once, and leaves other text as it is', () => {
    expect(escapeHtml(`A&B <i>"引号" 'x'</i> &amp;`)).toBe('A&amp;B &lt;i&gt;&quot;引号&quot; &#39;x&#39;&lt;/i&gt; &amp;amp;');
    expect(escapeHtml('合成测试：“全角引号”与〔2019〕7号')).toBe('合成测试：“全角引号”与〔2019〕7号');
  });

  it('gives back the text when an XML parser reads it, in an element and in either kind of attribute', () => {
    const text = `甲 & 乙 < 丙 > 丁 "戊" '己'`;
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', processEntities: true, htmlEntities: true });
    const parsed = parser.parse(`<r a="${escapeHtml(text)}" b='${escapeHtml(text)}'>${escapeHtml(text)}</r>`) as { r: { '#text': string; '@a': string; '@b': string } };
    expect(parsed.r).toEqual({ '#text': text, '@a': text, '@b': text });
  });
});
