/** Whether the process `pid` is still running (a signal 0 reaches it, or it exists but is not ours): how a lock or a staging folder left by a dead process is told. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
