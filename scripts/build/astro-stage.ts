/** Runs Astro's own build into the staging directory, in a child process (see astro-child.ts). */
import { runNodeScript } from '../lib/node-child.ts';
import type { Stage } from './stages.ts';
import { BuildError } from './build-error.ts';

const CHILD = new URL('./astro-child.ts', import.meta.url).pathname;

export const astroStage: Stage = {
  name: 'astro',
  async run({ root, edition, stagingDir, cacheDir }) {
    // The same Node as this build (the project's Node 22). What Astro writes to stderr is its
    // warnings, shown once it is done, or its failure, which becomes the build's error.
    const { code, stderr } = await runNodeScript(CHILD, [root, stagingDir, cacheDir, edition], { cwd: root });
    if (code !== 0) {
      const at = stderr.lastIndexOf('页面生成失败：');
      throw new BuildError(at >= 0 ? stderr.slice(at).trim() : `页面生成失败（Astro 退出码 ${code}）：\n${stderr.trim()}`);
    }
    if (stderr) process.stderr.write(stderr);
  },
};
