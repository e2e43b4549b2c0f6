/** An action with its dependencies already given: the same call without its first argument. */
export type Bound<F> = F extends (deps: never, ...args: infer A) => infer R ? (...args: A) => R : never;

/** Actions of a set, each bound to the same dependencies. */
export type BoundActions<T> = { readonly [K in keyof T]: Bound<T[K]> };

/**
 * Binds each action of a set to `deps`, so whoever is given the result can call the actions
 * but never reach what they were given (the store above all).
 */
export function bindActions<D, T extends Record<string, (deps: D, ...args: never[]) => unknown>>(deps: D, actions: T): BoundActions<T> {
  const bound: Record<string, unknown> = {};
  for (const [name, action] of Object.entries(actions)) {
    const call = action as (deps: D, ...args: unknown[]) => unknown;
    bound[name] = (...args: unknown[]) => call(deps, ...args);
  }
  return Object.freeze(bound) as BoundActions<T>;
}
