/**
 * Serves the built editions with Debian's nginx and this folder's configuration, as the current
 * user on loopback ports: the public edition as it is, the internal one behind basic auth. The
 * tests start it (tests/integration/, playwright.config.ts); by hand, to look at the site exactly as
 * the server will send it:
 *
 *   node scripts/deploy/nginx/serve.ts [--public dist] [--internal dist-internal]
 *        [--port 4392] [--internal-port 4393] [--user staff] [--password …]
 *
 * Stops nginx and removes its temporary directory on Ctrl-C or SIGTERM.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import type { Edition } from '../../../src/lib/edition.ts';
import { BROTLI_STATIC_MODULE, JS_MODULE, writeNginxConfig, type SiteToServe } from './render-config.ts';

export interface Credentials {
  username: string;
  password: string;
}

export interface NginxOptions {
  /** The built editions to serve; at least one. */
  roots: Partial<Record<Edition, string>>;
  /** Ports per edition; a free port when not given. */
  ports?: Partial<Record<Edition, number>>;
  /** For the internal edition's basic auth. */
  credentials?: Credentials | undefined;
  /** Where nginx's own messages go (default: kept in error.log and shown if it fails). */
  stdio?: 'inherit' | 'ignore';
  /** Changes the rendered nginx.conf before nginx reads it: the auth benchmark's configuration before sessions (scripts/bench/auth-flood.ts). */
  transform?: ((config: string) => string) | undefined;
}

export interface RunningNginx {
  /** http://127.0.0.1:port per edition served. */
  urls: Partial<Record<Edition, string>>;
  credentials: Credentials;
  /** The run's directory: nginx.conf, htpasswd, logs. */
  prefix: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

const HOST = '127.0.0.1';

/** Debian puts nginx in /usr/sbin, which is not on every user's PATH. */
export function nginxBinary(): string {
  if (process.env['NGINX']) return process.env['NGINX'];
  return existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
}

/** A port nothing listens on now (the kernel's choice). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: HOST, port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/** Writes an htpasswd file with apache2-utils' htpasswd (bcrypt), as an administrator would. */
function writeHtpasswd(file: string, { username, password }: Credentials): void {
  try {
    // -i: the password on stdin, not in the process list.
    execFileSync('htpasswd', ['-c', '-B', '-i', file, username], { input: password, stdio: ['pipe', 'ignore', 'pipe'] });
  } catch (error) {
    throw new Error(`htpasswd failed (Debian: apt-get install apache2-utils, or bash scripts/setup.sh test): ${String(error)}`);
  }
}

export async function startNginx(options: NginxOptions): Promise<RunningNginx> {
  if (!existsSync(BROTLI_STATIC_MODULE)) {
    throw new Error(`nginx's brotli_static module is missing (${BROTLI_STATIC_MODULE}): apt-get install libnginx-mod-http-brotli-static, or bash scripts/setup.sh test`);
  }
  const editions = (Object.keys(options.roots) as Edition[]).filter((e) => options.roots[e]);
  if (!editions.length) throw new Error('nothing to serve: give the public and/or the internal edition');
  for (const edition of editions) {
    const root = options.roots[edition]!;
    if (!existsSync(join(root, 'index.html'))) {
      throw new Error(`${root} holds no built site: run ${edition === 'public' ? 'npm run build' : 'npm run build:internal'} first`);
    }
  }
  if (editions.includes('internal') && !existsSync(JS_MODULE)) {
    throw new Error(`nginx's njs module is missing (${JS_MODULE}), which the internal edition's session cookie needs: apt-get install libnginx-mod-http-js, or bash scripts/setup.sh test`);
  }
  const prefix = mkdtempSync(join(tmpdir(), 'yaoxun-nginx-'));
  const credentials = options.credentials ?? { username: 'staff', password: randomBytes(9).toString('base64url') };
  const htpasswd = join(prefix, 'htpasswd');
  writeHtpasswd(htpasswd, credentials);
  // The session key, as an administrator makes it (internal.conf): random, 64 hex digits.
  const sessionKey = join(prefix, 'session-key.conf');
  writeFileSync(sessionKey, `set $yaoxun_session_secret ${randomBytes(32).toString('hex')};\n`, { mode: 0o600 });
  const sites: SiteToServe[] = [];
  for (const edition of editions) {
    sites.push({ edition, root: resolve(options.roots[edition]!), port: options.ports?.[edition] ?? (await freePort()), htpasswd, sessionKey });
  }
  // As root, nginx would hand its workers to `nobody`, who may not read the build or this directory.
  const config = writeNginxConfig({ prefix, sites, host: HOST, user: process.getuid?.() === 0 ? userInfo().username : undefined });
  if (options.transform) writeFileSync(config, options.transform(readFileSync(config, 'utf8')));

  const errorLog = join(prefix, 'error.log');
  const child = spawn(nginxBinary(), ['-p', prefix, '-c', config, '-e', errorLog, '-g', 'daemon off;'], {
    stdio: options.stdio === 'inherit' ? 'inherit' : 'ignore',
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let failed: Error | undefined;
  child.once('error', (error) => (failed = error));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(prefix, { recursive: true, force: true });
  };

  const deadline = Date.now() + 10_000;
  for (;;) {
    if (failed || child.exitCode !== null) {
      const log = existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : '';
      await stop();
      throw new Error(`nginx did not start${failed ? `: ${failed.message}` : ''}\n${log}`);
    }
    const ready = await Promise.all(sites.map((site) => accepts(site.port)));
    if (ready.every(Boolean)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error('nginx did not open its ports within 10 s');
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const urls: Partial<Record<Edition, string>> = {};
  for (const site of sites) urls[site.edition] = `http://${HOST}:${site.port}`;
  return { urls, credentials, prefix, process: child, stop };
}

async function main() {
  const { values } = parseArgs({
    options: {
      public: { type: 'string', default: 'dist' },
      internal: { type: 'string', default: 'dist-internal' },
      port: { type: 'string', default: '4392' },
      'internal-port': { type: 'string', default: '4393' },
      user: { type: 'string', default: 'staff' },
      password: { type: 'string' },
    },
  });
  const built = (dir: string) => existsSync(dir) && statSync(dir).isDirectory();
  const roots: Partial<Record<Edition, string>> = {};
  if (built(values.public)) roots.public = values.public;
  if (built(values.internal)) roots.internal = values.internal;
  if (!roots.public && !roots.internal) {
    console.error(`找不到已构建的站点（${values.public}、${values.internal}）：请先运行 npm run build 或 npm run build:internal`);
    process.exitCode = 1;
    return;
  }
  const nginx = await startNginx({
    roots,
    ports: { public: Number(values.port), internal: Number(values['internal-port']) },
    credentials: values.password ? { username: values.user, password: values.password } : undefined,
    stdio: 'inherit',
  });
  if (nginx.urls.public) console.log(`公开版：${nginx.urls.public}/`);
  if (nginx.urls.internal) console.log(`内部版：${nginx.urls.internal}/（用户名 ${nginx.credentials.username}，密码 ${nginx.credentials.password}）`);
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    void nginx.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  nginx.process.once('exit', (code) => {
    if (!stopping) {
      console.error(`nginx 意外退出（${code}）`);
      process.exit(1);
    }
  });
}

if (import.meta.main) await main();
