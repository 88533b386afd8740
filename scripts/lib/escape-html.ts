/**
 * Text made safe to write into HTML or XML, in an element or in an attribute value whichever
 * quote delimits it: & < > " ' as the references Astro's own escaping writes (html-escaper,
 * a dependency of Astro's, not of this project's: one expression does not need one of its own).
 */
const REFERENCES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => REFERENCES[c]!);
