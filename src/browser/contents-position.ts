/**
 * The 目录 beside a long document (components/policy/DocumentContents.astro) marks where the
 * reader is: the link of the last 章, 节, 条 or heading whose start has passed the reading line
 * (a third down the screen; its foot once the page is scrolled to the end) carries
 * aria-current="location", and the list scrolls itself to keep that link in view. The page is
 * complete without it: the 目录 is plain links.
 *
 * An IntersectionObserver says when a unit's start crosses the line, so nothing runs while the
 * reader scrolls within one unit; the rule for which unit is current is `currentIndex`.
 */
import { currentIndex, READING_LINE, readingLine } from './contents-current.ts';

const contents = document.querySelector<HTMLElement>('.doc-contents');
const links = [...(contents?.querySelectorAll<HTMLAnchorElement>('nav a[href^="#"]') ?? [])];
const targets = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));

if (contents && links.length && 'IntersectionObserver' in window) {
  let current: HTMLAnchorElement | undefined;
  const update = () => {
    const line = readingLine(innerHeight, scrollY + innerHeight >= document.documentElement.scrollHeight - 2);
    const link = links[currentIndex(targets.map((t) => t?.getBoundingClientRect().top), line)];
    if (link === current) return;
    current?.removeAttribute('aria-current');
    current = link;
    if (!link) return;
    link.setAttribute('aria-current', 'location');
    keepInView();
  };
  // The mark in view inside the list's own scrolling box (not the page's): beside the text, or in
  // the folded list at the foot of a narrow screen once it is opened.
  const keepInView = () => {
    const box = [contents, contents.querySelector('nav')].find((el) => el && el.scrollHeight > el.clientHeight + 1);
    if (!current || !box) return;
    const [outer, inner] = [box.getBoundingClientRect(), current.getBoundingClientRect()];
    if (inner.top < outer.top || inner.bottom > outer.bottom) box.scrollTop += inner.top - outer.top - outer.height / 3;
  };
  contents.addEventListener('toggle', keepInView);
  // A band from the top of the screen to the reading line: a unit's start entering or leaving it is when the current one may change.
  const observer = new IntersectionObserver(update, { rootMargin: `0px 0px -${Math.round((1 - READING_LINE) * 100)}% 0px` });
  for (const target of targets) if (target) observer.observe(target);
  // The foot of the page coming wholly into view: the end, where the line drops to the screen's foot.
  const footer = document.querySelector('.site-footer');
  if (footer) new IntersectionObserver(update, { threshold: [0, 1] }).observe(footer);
  addEventListener('resize', update, { passive: true });
}
