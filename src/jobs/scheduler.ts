import type { ActionDeps } from '../actions/deps.js';
import { publishDueStories } from '../actions/stories/publish-due-stories.js';

export interface Scheduler {
  /** Publishes what is due now; also what came due while the server was stopped. */
  runOnce(): Promise<number[]>;
  stop(): void;
}

/**
 * Scheduled publishing in the app process: once at start, then every `intervalMs`. Several
 * nodes may run it: publishing a due story twice is harmless (the second finds nothing due).
 */
export function startScheduler(deps: ActionDeps, options: { intervalMs: number; onError: (error: unknown) => void }): Scheduler {
  let running: Promise<number[]> | undefined;
  const runOnce = () => {
    running ??= publishDueStories(deps).finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = setInterval(() => {
    runOnce().catch(options.onError);
  }, options.intervalMs);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
