import type { ActionDeps } from '../actions/deps.js';
import { publishDueStories } from '../actions/stories/publish-due-stories.js';

export interface Scheduler {
  /** Publishes what is due now; also what came due while the server was stopped. */
  runOnce(): Promise<number[]>;
  /** Looks again at when the next scheduled story is due (after a story was scheduled or moved). */
  rearm(): void;
  stop(): void;
}

/** setTimeout takes at most about 24.8 days. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Scheduled publishing in the app process: once at start, every `intervalMs`, and at the
 * moment the next scheduled story is due, so an embargo lifts within a second of its time
 * rather than at the next poll. Several nodes may run it: publishing a due story twice is
 * harmless (the second finds nothing due).
 */
export function startScheduler(deps: ActionDeps, options: { intervalMs: number; onError: (error: unknown) => void }): Scheduler {
  let running: Promise<number[]> | undefined;
  let wake: NodeJS.Timeout | undefined;
  let stopped = false;

  const arm = async () => {
    const next = await deps.store.read.stories.nextScheduledAt();
    if (wake) clearTimeout(wake);
    wake = undefined;
    if (!next || stopped) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, next.getTime() - deps.clock.now().getTime()));
    // A clock that does not move (tests) must not spin: wait at least a little between looks.
    wake = setTimeout(() => {
      wake = undefined;
      runOnce().catch(options.onError);
    }, Math.max(delay, 50));
    wake.unref();
  };

  const runOnce = () => {
    running ??= publishDueStories(deps).finally(() => {
      running = undefined;
      if (!stopped) arm().catch(options.onError);
    });
    return running;
  };
  const timer = setInterval(() => {
    runOnce().catch(options.onError);
  }, options.intervalMs);
  timer.unref();
  return {
    runOnce,
    rearm: () => {
      if (!stopped) arm().catch(options.onError);
    },
    stop: () => {
      stopped = true;
      clearInterval(timer);
      if (wake) clearTimeout(wake);
    },
  };
}
