/**
 * A reason the importer refuses a file. The message says what is missing or wrong, in Chinese,
 * for the editor; the command line puts the file's name in front of it.
 */
export class ImportError extends Error {
  override name = 'ImportError';
}
