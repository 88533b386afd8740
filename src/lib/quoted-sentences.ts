/**
 * The sentences of `text` that name `title`, so that a policy page can quote what the
 * bulletin said of it. Sentences end at 。！？ (a closing quote right after stays with them).
 */
export function sentencesMentioning(text: string, title: string): string[] {
  if (!title) return [];
  const sentences = text
    .split(/\n+/)
    .flatMap((paragraph) => paragraph.match(/[^。！？]+(?:[。！？]+[”’」』]?|$)/g) ?? [])
    .map((sentence) => sentence.trim())
    .filter(Boolean);
  return sentences.filter((sentence) => sentence.includes(title));
}
