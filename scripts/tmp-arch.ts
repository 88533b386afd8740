import { makeProjectCopy } from './lib/project-copy.ts';
import { writeCorpus } from './bench/corpus.ts';
const copy = makeProjectCopy('/work/main', 'yaoxun-arch-');
const n = Number(process.argv[2] ?? 7000);
writeCorpus('/work/main', copy.root, { articles: n, policies: Math.round(n / 7), seed: 1 });
console.log(copy.root);
