import fs from 'node:fs';
import path from 'node:path';

let setpriv: string | null | undefined;

/** util-linux's setpriv (in every Debian, it is Essential), found once on PATH. */
function findSetpriv(): string | null {
  if (setpriv !== undefined) return setpriv;
  setpriv = null;
  if (process.platform !== 'linux') return setpriv;
  for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(path.delimiter)) {
    const candidate = path.join(dir, 'setpriv');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      setpriv = candidate;
      break;
    } catch {
      // not here
    }
  }
  return setpriv;
}

/**
 * The command line that starts `command` so it dies with this process. On Linux the tool is
 * started through `setpriv --pdeathsig KILL`, which asks the kernel (prctl PR_SET_PDEATHSIG,
 * kept across exec) to kill it the moment its parent dies, even by SIGKILL: a killed worker
 * leaves no ffmpeg encoding on as an orphan. Elsewhere (no setpriv) the tool is started as is.
 */
export function diesWithParent(command: string, args: readonly string[]): { command: string; args: string[] } {
  const wrapper = findSetpriv();
  return wrapper ? { command: wrapper, args: ['--pdeathsig', 'KILL', '--', command, ...args] } : { command, args: [...args] };
}

/** The error to give when the wrapper could not start the tool (not installed): as a plain spawn would (ENOENT). */
export function startFailure(command: string, exitCode: number | null, stderr: string): Error | null {
  if (exitCode !== 127 || !/^setpriv: failed to execute/m.test(stderr)) return null;
  return Object.assign(new Error(`spawn ${command} ENOENT`), { code: 'ENOENT', syscall: `spawn ${command}`, path: command });
}
