/**
 * Shown where a field's value is not known: never guessed. (A policy's standing reads as its
 * 时效性, src/lib/policy/facts.ts, not as the status recorded in its file.)
 */
export const UNKNOWN = '不详';
