/**
 * The content check as the build's first step, in a Node process of its own: reading and
 * checking every content file leaves the process that did it larger for the rest of its life
 * (V8 does not give the memory back), and the build's own process lives through the Astro
 * stage, whose peak is the build's (docs/decisions/015-content-check-process.md).
 */
import { runNodeScript } from '../lib/node-child.ts';
import { BuildError } from './build-error.ts';
import type { ValidationReport } from '../content/validate.ts';

const VALIDATE = new URL('../content/validate.ts', import.meta.url).pathname;

/** Runs `node scripts/content/validate.ts <root> --report` and returns its report; a check that fails to run is the build's error. */
export async function validateInChild(root: string): Promise<ValidationReport> {
  const { code, stdout, stderr } = await runNodeScript(VALIDATE, [root, '--report'], { cwd: root, stdout: 'pipe' });
  const line = stdout.trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !line.startsWith('{')) throw new BuildError(`内容检查没能运行（退出码 ${code}）：\n${stderr.trim() || stdout.trim()}`);
  return JSON.parse(line) as ValidationReport;
}
