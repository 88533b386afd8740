/**
 * A CSV file as the rows of a table (表格 文件="./表1.csv"): read by csv-parse, the parser of the
 * node-csv project (RFC 4180 quoting, "" inside quotes, line breaks inside a quoted cell, a
 * leading byte-order mark), not by splitting on commas, which a cell with a comma in quotes
 * would break. The first row is the header. The content check and the build read it with this
 * one function, so a file the check passed is the table the page shows.
 */
import { parse } from 'csv-parse/sync';

export interface CsvTable {
  header: string[];
  rows: string[][];
}

/** A CSV file that is no table: the message is Chinese and names the line. */
export class CsvTableError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.line = line;
  }
}

/** The table in `text` (UTF-8 CSV); throws CsvTableError where it is none. */
export function readCsvTable(text: string): CsvTable {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as unknown as typeof records;
  } catch (error) {
    const { lines, message } = error as { lines?: number; message?: string };
    throw new CsvTableError(`CSV 文件第 ${lines ?? 1} 行无法读取（${message ?? String(error)}）：检查该行的引号是否成对`, lines ?? 1);
  }
  const [first, ...rest] = records;
  if (!first || !rest.length) throw new CsvTableError('CSV 文件应至少有两行：第一行是表头，其后每行一条', 1);
  const header = first.record;
  const width = header.length;
  for (const { record, info } of rest) {
    // (info.lines: the line the record ends on; a quoted cell may hold line breaks.)
    if (record.length !== width) throw new CsvTableError(`CSV 文件第 ${info.lines} 行有 ${record.length} 栏，表头有 ${width} 栏：每行的栏数应与表头相同`, info.lines);
  }
  const rows = rest.map(({ record }) => record);
  if (header.some((cell) => !cell)) throw new CsvTableError('CSV 文件的表头（第一行）每栏都应有文字', 1);
  return { header, rows };
}
