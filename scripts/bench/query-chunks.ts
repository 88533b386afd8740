/**
 * What a query's words cost in index chunks, read off a built index: the chunks Pagefind loads
 * for the words the site's search looks up (src/scripts/search/engine.ts: one chunk a word, the
 * one whose bounds hold it, and for a single unit every chunk its pairs run over), and, beside
 * them, the chunks of the words a two-stream index would look up instead (README, Benchmark,
 * What the unmet targets would take): a run of an even number of units as its pairs at even
 * offsets (1331工程 → 13 31 工程), any other run as today. An estimate, not a build: the second
 * column prices those words by the chunks the same words fall in today.
 *
 *   node scripts/bench/query-chunks.ts <site>/pagefind 1331工程 绩效考评 …
 *
 * Prints, for each query, its words and the gzip bytes of their chunks (each chunk once, with
 * 300 bytes for the headers of its response), both ways, and the averages.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readMeta, type MetaIndex } from '../search/pagefind-format.ts';
import { compareWords, extensionChunkWords } from '../../src/lib/search/chunk-starts.ts';
import { runPhrase } from '../../src/lib/search/index-content.ts';
import { runsOf } from '../../src/lib/search/units.ts';

/** Bytes counted for a response's headers, as the benchmark's harness measures a fetch. */
const HEADER_BYTES = 300;

/** The words a query looks up today: every run's phrase tokens (pairs, or the single unit). */
export function currentWords(query: string): string[] {
  return [...new Set(query.split(/\s+/u).flatMap((term) => runsOf(term.normalize('NFKC')).flatMap((run) => runPhrase(run).map((token) => token.toLowerCase()))))];
}

/** The words a two-stream index would look up: an even run as its pairs at even offsets, any other run as today. */
export function twoStreamWords(query: string): string[] {
  return [
    ...new Set(
      query.split(/\s+/u).flatMap((term) =>
        runsOf(term.normalize('NFKC')).flatMap((run) => {
          if (run.length < 2 || run.length % 2) return runPhrase(run).map((token) => token.toLowerCase());
          const pairs: string[] = [];
          for (let i = 0; i < run.length; i += 2) pairs.push(`${run[i]!.text}${run[i + 1]!.text}`.toLowerCase());
          return pairs;
        }),
      ),
    ),
  ];
}

/** The ids of the chunks Pagefind loads for `words`: the one holding each word, and for a single unit those its pairs run over. */
export function chunksFor(meta: MetaIndex, words: readonly string[], isSingle: (word: string) => boolean): Set<string> {
  const starts = meta.chunks.map(([from]) => from);
  const ids = new Set<string>();
  // As Pagefind finds a word's chunk: the first whose bounds hold it; the bounds are cut short
  // (chunkBounds), so a word that sorts past its chunk's last bound is then looked for with
  // both bounds and the word cut to the same length.
  const cut = (word: string, bound: string) => [...word].slice(0, [...bound].length).join('');
  const holding = (word: string) =>
    meta.chunks.find(([from, to]) => compareWords(from, word) <= 0 && compareWords(word, to) <= 0) ??
    meta.chunks.find(([from, to]) => compareWords(cut(word, from), cut(from, word)) >= 0 && compareWords(cut(word, to), cut(to, word)) <= 0);
  for (const word of words) {
    const own = holding(word);
    if (own) ids.add(own[2]);
    if (isSingle(word)) for (const start of extensionChunkWords(starts, word)) ids.add(holding(start)![2]);
  }
  return ids;
}

function main(): void {
  const [dir, ...queries] = process.argv.slice(2);
  const metaName = dir && existsSync(dir) ? readdirSync(dir).find((name) => name.endsWith('.pf_meta')) : undefined;
  if (!dir || !metaName || !queries.length) {
    console.error('用法：node scripts/bench/query-chunks.ts <网站>/pagefind 查询…（先构建：npm run build，或 npm run bench -- --keep）');
    process.exitCode = 1;
    return;
  }
  const meta = readMeta(join(dir, metaName));
  const bytes = (ids: Set<string>) => [...ids].reduce((sum, id) => sum + statSync(join(dir, 'index', `${id}.pf_index`)).size + HEADER_BYTES, 0);
  const single = (word: string) => runsOf(word).every((run) => run.length === 1);
  const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  const totals = { now: 0, streams: 0 };
  for (const query of queries) {
    const now = currentWords(query);
    const streams = twoStreamWords(query);
    const a = bytes(chunksFor(meta, now, single));
    const b = bytes(chunksFor(meta, streams, single));
    totals.now += a;
    totals.streams += b;
    console.log(`${query}：现在 ${now.join(' ')} ${kB(a)}；双流 ${streams.join(' ')} ${kB(b)}`);
  }
  console.log(`平均：现在 ${kB(totals.now / queries.length)}，双流 ${kB(totals.streams / queries.length)}`);
}

if (import.meta.main) main();
