import type { DatelineEvent } from './events.js';

export type EventListener = (event: DatelineEvent) => void | Promise<void>;

/**
 * In-process event bus. The store publishes each transaction's emitted events once it has
 * committed (see `Store.transaction`); a failing listener is reported, never thrown back into
 * the write. Events of other processes sharing the database are published into it by the
 * event relay, which polls the event log.
 */
export interface EventBus {
  publish(event: DatelineEvent): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(onListenerError: (error: unknown, event: DatelineEvent) => void): EventBus {
  const listeners = new Set<EventListener>();
  return {
    publish(event) {
      for (const listener of listeners) {
        try {
          const result = listener(event);
          if (result instanceof Promise) result.catch((error: unknown) => onListenerError(error, event));
        } catch (error) {
          onListenerError(error, event);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
