/**
 * Process-wide cleanup for benchmarks: child servers and temp dirs are registered here
 * and torn down on normal exit, on error and on SIGINT/SIGTERM/SIGHUP.
 * Every task is synchronous so it can also run from the 'exit' event.
 */
type Task = () => void;

const tasks = new Set<Task>();
let installed = false;

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

/** Registers a synchronous cleanup task; returns a function that unregisters it. */
export function onCleanup(task: Task): () => void {
  installHandlers();
  tasks.add(task);
  return () => {
    tasks.delete(task);
  };
}

/** Runs every registered task once, newest first. Never throws. */
export function runCleanup(): void {
  const pending = [...tasks].reverse();
  tasks.clear();
  for (const task of pending) {
    try {
      task();
    } catch (error) {
      console.error('bench cleanup:', error instanceof Error ? error.message : error);
    }
  }
}

function installHandlers(): void {
  if (installed) return;
  installed = true;
  process.once('exit', runCleanup);
  for (const [signal, number] of Object.entries(SIGNALS)) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping bench servers and removing temp dirs`);
      runCleanup();
      process.exit(128 + number);
    });
  }
}
