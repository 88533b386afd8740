/**
 * Where a build may publish (--out DIR, or dist/): a folder, or a path where one can be made,
 * that may be written to, and not the content or the project itself. Checked before the build
 * starts, so that a file in the way is named in Chinese instead of ending a finished build in a
 * raw EEXIST or ENOTDIR stack at the swap.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { BuildError } from './build-error.ts';

export function checkOutDir(outDir: string, root: string): void {
  const inside = (path: string) => !relative(root, path).startsWith('..');
  const shown = inside(outDir) ? relative(root, outDir) || '.' : outDir;
  const within = relative(outDir, root);
  if (!within || (!within.startsWith('..') && !within.startsWith('/'))) throw new BuildError(`--out ${shown}：不能把网站输出到项目文件夹本身或它的上级（会替换整个文件夹）：请给出 dist 之类的子文件夹`);
  const inProject = relative(root, outDir);
  if (/^(?:content|src|scripts|tests|node_modules|\.build)(?:\/|$)/.test(inProject)) throw new BuildError(`--out ${shown}：这是项目自己的文件夹，构建会替换它：请给出另一个文件夹`);
  let at = outDir;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  if (!statSync(at).isDirectory()) {
    throw new BuildError(at === outDir ? `--out ${shown} 是一个文件，不是文件夹：请给出一个文件夹（不存在时会新建）` : `--out ${shown}：路径中的 ${inside(at) ? relative(root, at) || at : at} 是一个文件，不能在它下面建文件夹：请给出另一个文件夹`);
  }
  try {
    accessSync(at === outDir ? dirname(outDir) : at, constants.W_OK);
  } catch {
    throw new BuildError(`--out ${shown}：没有写入 ${at === outDir ? dirname(outDir) : at} 的权限：请给出一个可以写入的文件夹`);
  }
}
