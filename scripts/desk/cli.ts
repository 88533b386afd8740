/**
 * 编辑台: the office's editing site, in the browser.
 *
 *   npm run desk -- [--port N] [--root DIR] [--editions public,internal]
 *   npm run desk -- --host 0.0.0.0 --password-file FILE   (on the office network)
 *
 * By default it answers on 127.0.0.1 only (this computer's own browser), without a password.
 * --host puts it on a network address and requires a password (--password-file, its first
 * line; or the DESK_PASSWORD environment variable): one check, then a signed session cookie;
 * requests without one are limited per client (auth.ts). --root: the project whose content/ it
 * edits, builds and commits (by default this one); it must be a git repository. --editions:
 * what 发布 builds (both by default; the first is the one the desk shows at /).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { historyProblem } from './history.ts';
import { createDesk } from './server.ts';
import type { Edition } from './publish.ts';

const USAGE =
  '用法：npm run desk -- [--port 端口] [--root 项目文件夹] [--editions public,internal]\n' +
  '      npm run desk -- --host 0.0.0.0 --password-file 密码文件   （在办公网络上开放，须设密码）';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({ options: { port: { type: 'string' }, host: { type: 'string' }, root: { type: 'string' }, 'password-file': { type: 'string' }, editions: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
} catch (error) {
  fail(`命令行参数有误（${(error as Error).message}）`);
}
if (args.values.help) {
  console.log(USAGE);
  process.exit(0);
}
const root = resolve(process.env['INIT_CWD'] && args.values.root ? resolve(process.env['INIT_CWD'], args.values.root) : (args.values.root ?? resolve(import.meta.dirname, '../..')));
const host = args.values.host ?? '127.0.0.1';
const port = args.values.port === undefined ? 4330 : Number(args.values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port 应为 0 到 65535 的整数，实为“${args.values.port}”`);
const editions = (args.values.editions ?? 'public,internal').split(',').map((e) => e.trim());
for (const e of editions) if (e !== 'public' && e !== 'internal') fail(`--editions 只能是 public、internal，实为“${e}”`);

let password: string | undefined;
if (args.values['password-file']) {
  try {
    password = readFileSync(resolve(process.env['INIT_CWD'] ?? '.', args.values['password-file']), 'utf8').split('\n')[0]!.trim();
  } catch (error) {
    fail(`无法读取密码文件 ${args.values['password-file']}（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）`);
  }
} else password = process.env['DESK_PASSWORD'];
const local = host === '127.0.0.1' || host === 'localhost' || host === '::1';
if (!local && !password) fail(`--host ${host}：在网络上开放编辑台须设密码（--password-file 文件，或环境变量 DESK_PASSWORD）`);
if (password !== undefined && password.length < 8) fail('密码至少 8 个字符');
const problem = historyProblem(root);
if (problem) fail(problem);

const { server, close } = createDesk({ root, password: local && !args.values['password-file'] && !process.env['DESK_PASSWORD'] ? undefined : password, editions: editions as Edition[] });
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(error.code === 'EADDRINUSE' ? `端口 ${port} 已被占用：另开一个编辑台？请用 --port 换一个端口` : `编辑台无法启动（${error.message}）`);
  process.exit(1);
});
server.listen(port, host, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(`编辑台已启动：http://${host.includes(':') ? `[${host}]` : host}:${actual}/desk/ （按 Ctrl+C 关闭）`);
  console.log(`内容：${root}/content${password ? '；须登录（密码）' : '；只对本机开放'}`);
});
const stop = () => {
  close();
  server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
