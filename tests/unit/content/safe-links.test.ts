/**
 * Links are safe by construction: the content check refuses any address but http(s), mailto,
 * tel and the site's own, by line (scripts/content/links.ts), and the site's Markdown processor
 * (astro.config.mjs) takes out whatever reaches it, raw HTML included.
 */
import { describe, expect, it } from 'vitest';
import { linkProblems } from '../../../scripts/content/links.ts';
import { isSafeHref } from '../../../src/lib/safe-links.ts';
import config from '../../../astro.config.mjs';

/** Addresses that run script or load a document of their own, in the disguises a browser still reads. */
const HOSTILE = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)', '\u0001javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd', '//evil.example/', '/\\evil.example/'];
const SAFE = ['https://www.shanxi.gov.cn/', 'http://example.cn/a?b=c#d', 'mailto:sxs1331bgs@163.com', 'tel:0351-8723363', '/bulletins/2017-02/', '#第十条', '../02/', '?q=1331'];

describe('which addresses a content link may have', () => {
  it('refuses every scheme but http(s), mailto and tel, however written, and // to another site', () => {
    for (const address of HOSTILE) expect(isSafeHref(address), JSON.stringify(address)).toBe(false);
    for (const address of SAFE) expect(isSafeHref(address), address).toBe(true);
  });
});

describe('the content check', () => {
  it('names each unsafe link, definition and image by line, entity-encoded and bracketed ones included', () => {
    const body = [
      '4月15日，[会议](JaVaScRiPt:alert(1))在吕梁召开。', // 1
      '',
      '[通知](java&#x09;script:alert(1)) [附件](&#106;avascript:alert(1)) [网址](<java\tscript:x>)', // 3
      '',
      '[见此][ref]', // 5
      '',
      '[ref]: vbscript:msgbox(1)', // 7
      '',
      '[数据]( data:text/html,x) [外站](//evil.example/) [本站](/bulletins/) [官网](https://www.shanxi.gov.cn/) [邮箱](mailto:a@b.cn) [电话](tel:123)', // 9
    ].join('\n');
    const problems = linkProblems(body);
    expect(problems.map((p) => p.line)).toEqual([1, 3, 3, 3, 7, 9, 9]);
    expect(problems[0]!.message).toBe('链接地址“JaVaScRiPt:alert(1)”不安全：“javascript:”地址不能作链接：链接只能是 http(s)、mailto、tel 或本站地址（以 / 或 # 开头）');
    expect(problems[1]!.message).toContain('链接地址“java\\tscript:alert(1)”不安全');
    expect(problems.at(-1)!.message).toContain('以 // 开头的地址指向其他网站');
    expect(linkProblems('[本站](/bulletins/)与[官网](https://www.shanxi.gov.cn/)。')).toEqual([]);
  });
});

describe('the site’s Markdown processor', () => {
  it('renders no unsafe address and no raw HTML, whatever the body holds', async () => {
    const processor = config.markdown!.processor!;
    const renderer = await processor.createRenderer({ image: {} as never, syntaxHighlight: false, shikiConfig: {}, gfm: true, smartypants: false } as never);
    const body = [
      ...HOSTILE.map((address, i) => `[链接${i}](<${address.replace(/[<>\n]/g, '')}>)`),
      '[引用][r]',
      '',
      '[r]: javascript:alert(2)',
      '',
      '<a href="javascript:alert(3)" onclick="alert(4)">标签</a><script>alert(5)</script><img src=x onerror=alert(6)>',
      '',
      '![图](javascript:alert(7))',
      '',
      ...SAFE.map((address, i) => `[好链接${i}](${address})`),
    ].join('\n\n');
    const { code } = await renderer.render(body);
    expect(code).not.toMatch(/<script|<img|<iframe|\son\w+=|style=/i);
    // Every address left, read as a browser reads it on a page of the site, stays on the site or is http(s), mailto, tel.
    const page = 'https://yaoxun.example.org/bulletins/2017-02/01/';
    const addresses = [...code.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!.replace(/&#x26;/g, '&'));
    for (const address of addresses) {
      const url = new URL(address, page);
      expect(['https:', 'http:', 'mailto:', 'tel:'], address).toContain(url.protocol);
      if (!/^(?:https?|mailto|tel):/i.test(address)) expect(url.host, address).toBe('yaoxun.example.org');
    }
    for (let i = 0; i < HOSTILE.length; i++) expect(code).toContain(`链接${i}`);
    for (const address of SAFE) expect(addresses.map((a) => decodeURI(a))).toContain(address);
  });
});
