/** The build's search records (src/lib/build-data.ts), as the index build and the evaluation read them. */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { SearchRecord } from '../../src/lib/build-data.ts';

/** The search records of a build, read one line at a time. */
export async function* readSearchRecords(file: string): AsyncGenerator<SearchRecord> {
  if (!existsSync(file)) throw new Error(`${file}：没有搜索记录（应由网站构建写出，见 src/lib/build-data.ts）。请先构建网站。`);
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    line++;
    if (!text.trim()) continue;
    try {
      yield JSON.parse(text) as SearchRecord;
    } catch (error) {
      throw new Error(`${file}:${line}：不是一条搜索记录（${(error as Error).message}）`);
    }
  }
}

/** Every record of a build, at once (the evaluation's truth needs them all). */
export async function collectRecords(file: string): Promise<SearchRecord[]> {
  const records: SearchRecord[] = [];
  for await (const record of readSearchRecords(file)) records.push(record);
  return records;
}
