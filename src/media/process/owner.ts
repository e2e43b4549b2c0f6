import os from 'node:os';

/**
 * Names for scratch files and folders that say which process made them ("host-pid-..."), so a
 * later start can remove what a killed process left, and only that: another live process's
 * work (or another node's, on a shared media folder) is left alone.
 */
export function ownerTag(): string {
  return `${os.hostname()}-${process.pid}`;
}

/** True when `tag` names a process of this machine that no longer runs. */
export function ownerIsGone(tag: string): boolean {
  const match = /^(.+)-(\d+)$/.exec(tag);
  if (!match || match[1] !== os.hostname()) return false;
  const pid = Number(match[2]);
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
