// Ad hoc (not committed): the 5 % archive with its 图片 taken out: what MDX costs without the photos' image work.
import { makeProjectCopy } from './scripts/lib/project-copy.ts';
import { writeCorpus } from './scripts/bench/corpus.ts';
import { listFiles } from './src/lib/content/list-files.ts';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const articles = Number(process.argv[2] ?? 1750);
const copy = makeProjectCopy(process.cwd(), 'yaoxun-ab-');
const corpus = await writeCorpus(process.cwd(), copy.root, { articles, policies: 0, seed: 1, componentShare: 0.05 });
for (const file of listFiles(join(copy.root, 'content/articles'))) {
  if (file.endsWith('.jpg')) rmSync(file);
  else if (file.endsWith('.mdx')) writeFileSync(file, readFileSync(file, 'utf8').replace(/\n<图片 [^\n]*\/>\n/g, '\n'));
}
const report = join(copy.root, 'report.json');
const timeOut = join(copy.root, 'time.txt');
const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
execFileSync('/usr/bin/time', ['-v', '-o', timeOut, join(process.cwd(), 'node_modules/.bin/node'), 'scripts/build.ts', '--skip', 'search', '--skip', 'pdf', '--skip', 'compress', '--report', report], { cwd: copy.root, stdio: 'ignore', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
const seconds = JSON.parse(readFileSync(report, 'utf8')).seconds;
const time = readFileSync(timeOut, 'utf8');
const cpu = Number(/User time \(seconds\): ([\d.]+)/.exec(time)![1]) + Number(/System time \(seconds\): ([\d.]+)/.exec(time)![1]);
console.log(JSON.stringify({ articles, share: 0.05, photos: 0, withComponents: corpus.withComponents.articles, load, seconds, cpuSeconds: cpu, maxRssKB: Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(time)![1]) }));
copy.remove();
