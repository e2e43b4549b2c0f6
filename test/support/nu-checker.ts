import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';

/** vnu-jar's main export is the path of the Nu HTML checker's jar. */
const VNU_JAR = String(createRequire(import.meta.url)('vnu-jar'));

export interface VnuMessage {
  readonly type: string;
  readonly subType?: string;
  readonly url?: string;
  readonly lastLine?: number;
  readonly firstColumn?: number;
  readonly lastColumn?: number;
  readonly message: string;
  readonly extract?: string;
}

/** Runs the checker once over every file; it exits non-zero when it finds errors, so the exit code is not used. */
export function runNuChecker(files: readonly string[]): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    execFile(
      'java',
      ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const output = [stdout, stderr].find((text) => text.trim().startsWith('{'));
        if (!output) {
          reject(new Error(`the Nu checker gave no JSON report: ${error?.message ?? ''}\n${stdout}\n${stderr}`));
          return;
        }
        resolve((JSON.parse(output) as { messages: VnuMessage[] }).messages);
      },
    );
  });
}
