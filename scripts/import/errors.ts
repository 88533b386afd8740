/**
 * A reason the importer refuses a file. The message says what is missing or wrong, in Chinese,
 * for the editor; the command line puts the file's name in front of it.
 */
export class ImportError extends Error {
  override name = 'ImportError';
}

/**
 * A refusal whose cause a library reported in its own words (PDF.js, mammoth, Node's file
 * system: English): what could not be done, the library's words in brackets as a detail for
 * whoever looks into it, then what the editor can do — so that a refusal always ends in Chinese.
 */
export function libraryRefusal(what: string, library: string, error: unknown, advice: string): ImportError {
  const words = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim().slice(0, 200);
  return new ImportError(`${what}（${library}：${words}）：${advice}`);
}
