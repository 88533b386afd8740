/**
 * 发布: the site's build (scripts/build.ts, `buildSite`), one edition after another, each in a
 * process of its own as `npm run build` runs it, so that Astro's memory goes with it and the desk
 * stays up whatever the build does. The build already builds into a staging folder and swaps it
 * in only when every stage has passed: a failure leaves the published site as it was, and its
 * messages are shown. Progress is the build's own stage lines; what changed is the pages and
 * PDFs added, changed and removed (site-files.ts).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { STAGE_NAMES } from '../build.ts';
import { diffPages, snapshotPages, type SiteChanges } from './site-files.ts';

export type Edition = 'public' | 'internal';
export const OUT_DIRS: Record<Edition, string> = { public: 'dist', internal: 'dist-internal' };
const EDITION_NAMES: Record<Edition, string> = { public: '公开版', internal: '内部版' };

export interface PublishState {
  running: boolean;
  /** Stages finished, of `total`. */
  done: number;
  total: number;
  /** What is being done now, in Chinese. */
  step: string;
  /** The build's lines, as printed. */
  log: string[];
  /** Set when a publish has ended. */
  result?: { ok: boolean; editions: Array<{ edition: string; ok: boolean; changes?: SiteChanges }>; messages: string[]; finished: string };
}

export class Publisher {
  state: PublishState = { running: false, done: 0, total: 0, step: '', log: [] };

  readonly root: string;
  readonly editions: readonly Edition[];
  readonly node: string;

  constructor(root: string, editions: readonly Edition[], node = process.execPath) {
    this.root = root;
    this.editions = editions;
    this.node = node;
  }

  /** Starts a publish unless one is running; false when one is. */
  start(): boolean {
    if (this.state.running) return false;
    const stages = ['validate', ...STAGE_NAMES];
    this.state = { running: true, done: 0, total: stages.length * this.editions.length, step: '开始构建', log: [] };
    void this.#run(stages);
    return true;
  }

  async #run(stages: string[]): Promise<void> {
    const editions: NonNullable<PublishState['result']>['editions'] = [];
    const messages: string[] = [];
    let ok = true;
    for (const [i, edition] of this.editions.entries()) {
      const outDir = join(this.root, OUT_DIRS[edition]);
      const before = snapshotPages(outDir);
      this.state.step = `正在构建${EDITION_NAMES[edition]}`;
      const { code, errors } = await this.#build(edition, stages, i * stages.length);
      if (code !== 0) {
        ok = false;
        messages.push(`${EDITION_NAMES[edition]}构建失败，已发布的网站保持不变：`, ...errors);
        editions.push({ edition: EDITION_NAMES[edition], ok: false });
        break;
      }
      editions.push({ edition: EDITION_NAMES[edition], ok: true, changes: diffPages(before, snapshotPages(outDir)) });
      this.state.done = (i + 1) * stages.length;
    }
    this.state.step = ok ? '发布完成' : '发布失败';
    this.state.result = { ok, editions, messages, finished: new Date().toISOString() };
    this.state.running = false;
  }

  #build(edition: Edition, stages: string[], offset: number): Promise<{ code: number; errors: string[] }> {
    return new Promise((resolve) => {
      const errors: string[] = [];
      const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
      delete env['SITE_EDITION'];
      const child = spawn(this.node, ['scripts/build.ts', '--edition', edition], { cwd: this.root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      const lines = (stream: NodeJS.ReadableStream, isError: boolean) => {
        let rest = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => {
          const parts = (rest + chunk).split('\n');
          rest = parts.pop() ?? '';
          for (const line of parts) {
            this.state.log.push(line);
            if (isError && line.trim()) errors.push(line);
            const stage = /^\[build\] ([\w-]+): [\d.]+ s/.exec(line)?.[1];
            if (stage && stages.includes(stage)) this.state.done = offset + stages.indexOf(stage) + 1;
          }
        });
      };
      lines(child.stdout, false);
      lines(child.stderr, true);
      child.on('error', (error) => resolve({ code: 1, errors: [`无法启动构建：${error.message}`] }));
      child.on('close', (code) => resolve({ code: code ?? 1, errors }));
    });
  }
}
