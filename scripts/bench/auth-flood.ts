/**
 * Does a flood of wrong passwords on the internal site slow the public one? Serves both built
 * editions with nginx and the deployment's configuration (scripts/deploy/nginx/serve.ts) on
 * loopback, measures the public site's throughput with a bounded load (wrk: one thread, a fixed
 * number of connections, the home page), then again while a second wrk floods the internal site
 * with a wrong password on every request, and prints both and their ratio. nginx runs one worker
 * process, as in the tests (render-config.ts): the worst case, where the public site and the
 * password checks share one event loop. Measures, asserts
 * nothing (not a test: the figures depend on the machine and its load).
 *
 *   npm run build && npm run build:internal && node scripts/bench/auth-flood.ts
 *     [--seconds 8] [--rounds 3] [--connections 8] [--flood-connections 64] [--flood-rate 1000] [--baseline]
 *     [--public dist --internal dist-internal]
 *
 * The flood is bounded: --flood-rate wrong passwords a second at most, over --flood-connections
 * connections (0: as fast as the connections go, which measures how nginx shares one worker
 * between two loads rather than what a password check costs).
 *
 * --baseline serves the internal edition as it was configured before the session cookie and
 * the limits: plain auth_basic with its bcrypt check on every request, nothing limited, for the
 * figures to compare with. The last line is one JSON object with every figure.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startNginx } from '../deploy/nginx/serve.ts';
import { setupSentence } from '../lib/setup-message.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '8' },
    'flood-connections': { type: 'string', default: '64' },
    'flood-rate': { type: 'string', default: '1000' },
    baseline: { type: 'boolean', default: false },
    public: { type: 'string', default: 'dist' },
    internal: { type: 'string', default: 'dist-internal' },
  },
});

interface Load {
  requestsPerSecond: number;
  /** Responses by status class, and socket errors. */
  statuses: Record<string, number>;
  latencyP99Ms: number;
}

/**
 * One wrk run: its requests a second, status counts and 99th percentile latency. `rate`: at most
 * so many requests a second in all (each connection waits between requests), for a bounded flood.
 */
function wrk(url: string, seconds: number, connections: number, { headers = [], rate }: { headers?: string[]; rate?: number } = {}): Promise<Load> {
  // Counts each response's status class (wrk prints the table at the end); spaces requests out when rate-bounded.
  // (Each wrk thread has a Lua state of its own: done() reads the threads' counters by name.)
  const script = [
    'local threads = {}',
    'setup = function(thread) table.insert(threads, thread) end',
    's2, s3, s4, s5 = 0, 0, 0, 0',
    'response = function(status) local k = math.floor(status / 100) if k == 2 then s2 = s2 + 1 elseif k == 3 then s3 = s3 + 1 elseif k == 4 then s4 = s4 + 1 else s5 = s5 + 1 end end',
    'done = function(s, l, r) for _, t in ipairs(threads) do for _, k in ipairs({"s2", "s3", "s4", "s5"}) do io.write("status " .. k .. " " .. t:get(k) .. "\\n") end end io.write("errors " .. (s.errors.connect + s.errors.read + s.errors.write + s.errors.timeout) .. "\\n") end',
    ...(rate ? [`delay = function() return ${Math.round((connections * 1000) / rate)} end`] : []),
  ].join('\n');
  const scriptFile = join(mkdtempSync(join(tmpdir(), 'yaoxun-wrk-')), 'count.lua');
  writeFileSync(scriptFile, script);
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '-s', scriptFile, ...headers.flatMap((h) => ['-H', h]), url];
  return new Promise((done, fail) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', () => rmSync(dirname(scriptFile), { recursive: true, force: true }));
    child.on('error', fail);
    child.on('exit', (code) => {
      if (code !== 0) return fail(new Error(`wrk exited ${code}:\n${out}`));
      const rps = Number(/Requests\/sec:\s*([\d.]+)/.exec(out)?.[1] ?? NaN);
      const p99 = /99%\s+([\d.]+)(us|ms|s)\b/.exec(out);
      const scale = { us: 0.001, ms: 1, s: 1000 } as const;
      const statuses: Record<string, number> = {};
      for (const [, key, n] of out.matchAll(/^status s(\d) (\d+)$/gm)) if (Number(n)) statuses[`${key}xx`] = (statuses[`${key}xx`] ?? 0) + Number(n);
      statuses['socket errors'] = Number(/^errors (\d+)$/m.exec(out)?.[1] ?? 0);
      done({ requestsPerSecond: rps, statuses, latencyP99Ms: p99 ? Number(p99[1]) * scale[p99[2] as keyof typeof scale] : NaN });
    });
  });
}

/** internal.conf as it was before sessions and limits: the bcrypt check on every request. */
function beforeSessions(config: string): string {
  return config
    .replace(/auth_basic \$yaoxun_auth_realm;/, 'auth_basic "Yaoxun internal edition";')
    .replace(/^\s*limit_req (?:zone=.*|.*);\n/gm, '')
    .replace(/^\s*limit_req_(?:status|log_level) .*;\n/gm, '');
}

async function main() {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
  } catch (error) {
    // wrk --version exits 1 after printing its version; only a missing binary is a problem.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(setupSentence(' wrk（HTTP 压测工具）', '测量吞吐量', 'bench', ['wrk']));
      process.exitCode = 1;
      return;
    }
  }
  for (const dir of [values.public, values.internal]) {
    if (!existsSync(resolve(dir, 'index.html'))) {
      console.error(`${dir} 中没有已构建的站点：请先运行 npm run build 和 npm run build:internal`);
      process.exitCode = 1;
      return;
    }
  }
  const seconds = Number(values.seconds);
  const rounds = Number(values.rounds);
  const connections = Number(values.connections);
  const floodConnections = Number(values['flood-connections']);
  const floodRate = Number(values['flood-rate']);
  const nginx = await startNginx({
    roots: { public: resolve(values.public), internal: resolve(values.internal) },
    transform: values.baseline ? beforeSessions : undefined,
  });
  try {
    const publicUrl = `${nginx.urls.public}/`;
    const internalUrl = `${nginx.urls.internal}/`;
    const wrong = `Authorization: Basic ${Buffer.from(`${nginx.credentials.username}:wrong-password`).toString('base64')}`;
    console.log(`nginx ${values.baseline ? '（--baseline：每个请求都校验 bcrypt 密码，不限流）' : '（会话 cookie，失败尝试限流）'}；${cpus().length} 核，负载 ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    // Warm up, then rounds of the public site alone and under the flood, alternating, so that
    // a change in the machine's other load falls on both; the medians are compared.
    await wrk(publicUrl, 2, connections);
    const before: Load[] = [];
    const during: Load[] = [];
    const floods: Load[] = [];
    for (let round = 1; round <= rounds; round++) {
      before.push(await wrk(publicUrl, seconds, connections));
      // The flood runs through the whole measurement, starting a second before it.
      const flood = wrk(internalUrl, seconds + 2, floodConnections, { headers: [wrong], ...(floodRate > 0 ? { rate: floodRate } : {}) });
      await new Promise((r) => setTimeout(r, 1000));
      during.push(await wrk(publicUrl, seconds, connections));
      floods.push(await flood);
      const [b, d, f] = [before.at(-1)!, during.at(-1)!, floods.at(-1)!];
      console.log(`第 ${round} 轮：公开版 ${b.requestsPerSecond.toFixed(0)} → ${d.requestsPerSecond.toFixed(0)} 请求/秒；洪泛 ${f.requestsPerSecond.toFixed(0)} 请求/秒（${Object.entries(f.statuses).map(([k, v]) => `${k} ${v}`).join('，')}）`);
    }
    const median = (loads: Load[]) => [...loads].map((l) => l.requestsPerSecond).sort((a, b) => a - b)[Math.floor(loads.length / 2)]!;
    const ratio = median(during) / median(before);
    console.log(`公开版，无攻击：${median(before).toFixed(0)} 请求/秒（中位数）`);
    console.log(`公开版，内部版遭错误密码洪泛时：${median(during).toFixed(0)} 请求/秒（中位数），为无攻击时的 ${(ratio * 100).toFixed(1)} %`);
    console.log(JSON.stringify({ baseline: values.baseline, seconds, rounds, connections, floodConnections, floodRate, cores: cpus().length, load: loadavg(), before, during, flood: floods, ratio }));
  } finally {
    await nginx.stop();
  }
}

await main();
