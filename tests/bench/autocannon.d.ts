// The part of autocannon 8 that `bench public-reads` uses (the package ships no types).
declare module 'autocannon' {
  interface Histogram {
    average: number;
    mean: number;
    total: number;
    p50: number;
    p90: number;
    p99: number;
    max: number;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    method?: 'GET' | 'POST';
    headers?: Record<string, string>;
    body?: string;
  }
  interface Result {
    requests: Histogram;
    latency: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
  }
  /** Resolves with the results; emits 'tick' ({ counter }: requests completed) every second. */
  function autocannon(
    options: Options,
  ): Promise<Result> & { on(event: 'tick', listener: (tick: { counter: number }) => void): void };
  export default autocannon;
}
