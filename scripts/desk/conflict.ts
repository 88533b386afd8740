/**
 * Two editors saving the same entry: the rule. A form carries the version of the file it was
 * opened with (`versionOf`); a save is written only when the file is still that version. When
 * someone else saved in between, nothing is written and the second editor is shown both
 * versions (theirs on disk, and what they tried to save), so that nothing is lost.
 */
import { createHash } from 'node:crypto';

/** A file's version: a hash of its text, or `new` for a file that does not exist. */
export function versionOf(text: string | null): string {
  return text === null ? 'new' : createHash('sha1').update(text).digest('hex');
}

export type SaveDecision =
  /** The file is as the form found it: write. */
  | { action: 'write' }
  /** The file already says exactly this (nothing changed, or someone saved the same): nothing to write. */
  | { action: 'unchanged' }
  /** Someone saved another version since the form was opened: write nothing, show both. */
  | { action: 'conflict'; theirs: string | null };

/**
 * What to do with a save: `base` is the version the form was opened with, `current` the file's
 * text now (null: not there), `mine` the text the editor saves.
 */
export function decideSave(base: string, current: string | null, mine: string): SaveDecision {
  if (current === mine) return { action: 'unchanged' };
  if (versionOf(current) === base) return { action: 'write' };
  return { action: 'conflict', theirs: current };
}
