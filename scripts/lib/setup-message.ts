/**
 * The one sentence a command says when a Debian package it needs is missing: what is missing,
 * what it cannot do without it, and the two ways to install it (scripts/setup.sh, or apt-get).
 */
export function setupSentence(what: string, task: string, purpose: string, packages: readonly string[]): string {
  return `缺少${what}，无法${task}：请运行 bash scripts/setup.sh ${purpose}（或 sudo apt-get install -y ${packages.join(' ')}）后重试。`;
}
