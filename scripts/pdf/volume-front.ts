/**
 * The front matter of a yearly bound volume (合订本): a cover after the bulletin's masthead, and
 * a 目录 listing every issue and its headlines with the folio they start on. It is a page of
 * its own, printed with the site's stylesheets, its own rules (volume-front.css, inlined: no
 * page of the site needs them) and, like every page the renderer prints, the open fonts it adds
 * (scripts/pdf/render.ts).
 */
import { readFileSync } from 'node:fs';
import type { PrintVolume } from '../../src/lib/print-manifest.ts';
import { titleWords } from '../../src/lib/title-breaks.ts';
import { escapeHtml } from '../lib/escape-html.ts';

const FRONT_CSS = readFileSync(new URL('./volume-front.css', import.meta.url), 'utf8');

export interface ContentsIssue {
  number: string;
  serial: string;
  date: string;
  firstFolio: number;
  headlines: Array<{ title: string; folio: number }>;
}

/** A 目录 line: its title, a headline breaking between words only (<wbr> and keep-all, as the site's titles), and its folio. */
function entry(kind: 'issue' | 'article', title: string, folio: number): string {
  const words = kind === 'article' ? titleWords(title).map(escapeHtml).join('<wbr>') : escapeHtml(title);
  return `<p class="toc-entry toc-entry--${kind}"><span class="toc-entry__title"><span>${words}</span></span><span class="toc-entry__page">${folio}</span></p>`;
}

export function volumeFrontHtml(volume: PrintVolume, contents: ContentsIssue[], stylesheets: string[]): string {
  const lead = volume.series.slice(0, -1);
  const name = volume.series.at(-1) ?? '';
  const first = contents[0];
  const last = contents.at(-1);
  const span = first && last && first !== last ? `${first.number}—${last.number}（${first.serial}—${last.serial}）` : first ? `${first.number}（${first.serial}）` : '';
  const links = stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(volume.title)}</title>${links}<style>${FRONT_CSS}</style></head>
<body class="volume-front"><main>
<section class="volume-cover" aria-label="封面">
<header class="masthead"><div class="masthead__title">${lead.map((line) => `<span class="masthead__lead">${escapeHtml(line)}</span>`).join('')}<span class="masthead__name">${escapeHtml(name)}</span></div></header>
<h1 class="volume-cover__title">${volume.year}年合订本</h1>
<p class="volume-cover__span">${escapeHtml(span)}</p>
<p class="volume-cover__publisher">${escapeHtml(volume.publisher)}</p>
</section>
<section class="volume-contents" aria-label="目录">
<h1>目录</h1>
<ol>${contents
    .map(
      (issue) =>
        `<li class="volume-contents__issue">${entry('issue', `${issue.number}（${issue.serial}）　${issue.date}`, issue.firstFolio)}${issue.headlines
          .map((headline) => entry('article', headline.title, headline.folio))
          .join('')}</li>`,
    )
    .join('')}</ol>
</section>
</main></body></html>
`;
}
