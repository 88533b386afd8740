/**
 * Producer (b): the site's page saved from a browser (.html): a portal's header and navigation,
 * breadcrumbs, the metadata block as a table, the article in a content <div> (TRS_Editor, as many
 * government CMSs name it) with paragraphs indented by CSS (text-indent: 2em), by &nbsp; or not at
 * all, the 署名 and date right-aligned, the carried document's title centred in <strong>, empty
 * <p><br/></p> paragraphs between parts, attachments as download links, then the page's footer
 * (打印本页, 关闭窗口, 主办单位, 网站标识码). A GB18030 page declares charset=gb2312, as older
 * sites do. No software needed.
 *
 * The importer reads .html today as text (tags and all): this file is here to show what a saved
 * page holds, and for the browser-print PDF, which prints it.
 */
import type { OfficialForm } from '../official-forms.ts';
import { encodeGb18030 } from './gb18030.ts';
import { halfWidth, sitePage } from './site-page.ts';
import { escapeHtml } from '../../lib/escape-html.ts';

/** The page's HTML. */
export function siteHtml(form: OfficialForm): string {
  const { doc, site } = form;
  const gbk = site.encoding === 'gb18030';
  const body: string[] = [];
  const topChrome: string[] = [];
  const bottomChrome: string[] = [];
  let inArticle = false;
  const nbsp = site.htmlIndent === 'nbsp' ? '&nbsp;&nbsp;&nbsp;&nbsp;' : '';
  const pStyle = site.htmlIndent === 'css' ? ' style="text-indent: 2em;"' : '';
  let count = 0;
  const punct = (text: string) => {
    count++;
    return site.punctuation === 'half' || (site.punctuation === 'mixed' && (count + form.seed) % 2 === 0) ? halfWidth(text) : text;
  };
  const p = (text: string, extra = '') => `<p${pStyle}${extra}>${nbsp}${escapeHtml(punct(text))}</p>`;

  for (const block of sitePage(form)) {
    switch (block.kind) {
      case 'chrome':
        (inArticle ? bottomChrome : topChrome).push(`<div class="chrome">${escapeHtml(block.text)}</div>`);
        break;
      case 'page-heading':
        topChrome.push(`<h2 class="page-heading">${escapeHtml(block.text)}</h2>`);
        break;
      case 'info':
        topChrome.push(`<div class="info">${escapeHtml(block.text)}</div>`);
        break;
      case 'metadata': {
        const rows: string[] = [];
        if (site.metadata === 'values-only') {
          // The labels drawn by the stylesheet (::before), as some CMS templates do: a copy or a reader of the HTML gets the values alone.
          for (const [label, value] of block.pairs) rows.push(`<tr><th class="label" data-label="${escapeHtml(label)}"></th><td>${escapeHtml(value)}</td></tr>`);
        } else if (site.metadata === 'label-above-value') {
          // Label and value in cells of their own, one pair a row.
          for (const [label, value] of block.pairs) rows.push(`<tr><th>${escapeHtml(label)}${site.colon}</th><td>${escapeHtml(value)}</td></tr>`);
        } else {
          for (let i = 0; i < block.pairs.length; i += 2) {
            rows.push(`<tr>${block.pairs.slice(i, i + 2).map(([label, value]) => `<th>${escapeHtml(label)}${site.colon}</th><td>${escapeHtml(value)}</td>`).join('')}</tr>`);
          }
        }
        topChrome.push(`<table class="xxgk-info" cellspacing="0">${rows.join('\n')}</table>`);
        break;
      }
      case 'title':
        inArticle = true;
        body.push(`<h1 class="article-title">${block.lines.map(escapeHtml).join('<br/>')}</h1>`);
        break;
      case 'number':
        body.push(`<p style="text-align: center;">${escapeHtml(site.punctuation === 'full' ? block.text : halfWidth(block.text))}</p>`);
        break;
      case 'recipients':
        body.push(`<p>${escapeHtml(punct(block.text))}</p>`);
        break;
      case 'paragraph':
        body.push(block.level ? `<p${pStyle}>${nbsp}<strong>${escapeHtml(punct(block.text))}</strong></p>` : p(block.text));
        break;
      case 'chapter':
        body.push(`<p style="text-align: center;"><strong>${escapeHtml(block.text)}</strong></p>`);
        break;
      case 'label':
        body.push(`<p><strong>${escapeHtml(block.text)}</strong></p>`);
        break;
      case 'doc-title':
        body.push(`<p style="text-align: center;"><strong>${block.lines.map(escapeHtml).join('<br/>')}</strong></p>`, '<p><br/></p>');
        break;
      case 'attachment-list':
        body.push(...block.lines.map((line, i) => `<p${pStyle}>${nbsp}${i ? '&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;' : ''}${escapeHtml(line)}</p>`));
        break;
      case 'signature':
        body.push('<p><br/></p>', ...block.lines.map((line) => `<p style="text-align: right;">${escapeHtml(line)}</p>`));
        break;
      case 'note':
        body.push(`<p${form.seed % 2 ? ' style="text-align: right;"' : pStyle}>${escapeHtml(site.punctuation === 'half' ? halfWidth(block.text) : block.text)}</p>`);
        break;
      case 'closing':
        body.push(`<div class="banji">${block.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</div>`);
        break;
      case 'links':
        bottomChrome.unshift(`<div class="fujian"><span>${escapeHtml(block.heading)}</span>${block.items.map((item, i) => `<p><a href="/zwgk/zcwj/P0${doc.writtenDate.replace(/-/g, '')}${i}.${item.split('.').pop()}">${escapeHtml(item)}</a></p>`).join('')}</div>`);
        break;
      case 'gap':
        body.push('<p><br/></p>');
        break;
    }
  }
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="${gbk ? 'gb2312' : 'utf-8'}">
<meta name="ArticleTitle" content="${escapeHtml(doc.title)}">
<meta name="PubDate" content="${doc.publishedDate} 09:30">
<meta name="ContentSource" content="${escapeHtml(doc.issuers[0]!)}">
<title>${escapeHtml(doc.title)}_${escapeHtml(doc.issuers[0]!)}</title>
<style>
  body { margin: 0; font: 16px/1.8 "Noto Sans CJK SC", sans-serif; color: #333; }
  .header { background: #b30000; color: #fff; padding: 12px 40px; font-size: 24px; }
  .nav { background: #8c0000; color: #fff; padding: 6px 40px; }
  .nav a { color: #fff; margin-right: 24px; text-decoration: none; }
  .main { width: 960px; margin: 16px auto; }
  .chrome, .info { color: #666; font-size: 14px; margin: 6px 0; }
  .xxgk-info { width: 100%; border-collapse: collapse; margin: 12px 0; font-size: 14px; }
  .xxgk-info th, .xxgk-info td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; }
  .xxgk-info th { background: #f5f5f5; width: 12%; white-space: nowrap; }
  .xxgk-info th[data-label]::before { content: attr(data-label) "："; }
  .article-title { text-align: center; font-size: 24px; color: #b30000; }
  .TRS_Editor p { margin: 0 0 0.5em; }
  .banji { border-top: 1px solid #000; border-bottom: 1px solid #000; margin-top: 2em; }
  .fujian a { color: #0645ad; }
  .footer { border-top: 3px solid #b30000; text-align: center; color: #666; font-size: 13px; padding: 16px; }
</style>
</head>
<body>
<div class="header">${escapeHtml(doc.issuers[0]!)}</div>
<div class="nav"><a href="/">首页</a><a href="/jggk/">机构概况</a><a href="/zwgk/">政务公开</a><a href="/zcwj/">政策文件</a><a href="/hdjl/">互动交流</a></div>
<div class="main">
${topChrome.join('\n')}
<div class="article">
<div class="TRS_Editor">
${body.join('\n')}
</div>
</div>
${bottomChrome.join('\n')}
</div>
<div class="footer"><p>主办：${escapeHtml(doc.issuers[0]!)}　　网站标识码：0000000000　　示ICP备00000000号</p><p>本网站为${'合成测试数据'}，不是真实网站。</p></div>
</body>
</html>
`;
}

/** Producer (b): the page's bytes in its encoding. */
export function siteHtmlFile(form: OfficialForm): Buffer {
  const html = siteHtml(form);
  if (form.site.encoding === 'gb18030') return encodeGb18030(html);
  if (form.site.encoding === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html, 'utf8')]);
  return Buffer.from(html, 'utf8');
}
