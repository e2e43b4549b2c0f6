/** The counters this process keeps, with what each counts (the HELP line of the text format). */
const COUNTERS = {
  dateline_page_cache_hits_total: 'Reader pages answered from the in-memory page cache, before routing (304s included).',
} as const;

export type CounterName = keyof typeof COUNTERS;

/** In-process counters, built once in compose.ts; served as Prometheus text at /metrics. */
export interface Metrics {
  increment(name: CounterName): void;
  /** The Prometheus text exposition format (version 0.0.4). */
  render(): string;
}

export function createMetrics(): Metrics {
  const values = new Map<CounterName, number>((Object.keys(COUNTERS) as CounterName[]).map((name) => [name, 0]));
  return {
    increment(name) {
      values.set(name, (values.get(name) ?? 0) + 1);
    },
    render() {
      return [...values]
        .map(([name, value]) => `# HELP ${name} ${COUNTERS[name]}\n# TYPE ${name} counter\n${name} ${value}\n`)
        .join('');
    },
  };
}
