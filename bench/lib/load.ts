import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  durationS: number;
  /** a discarded run of this length first, so that JIT and caches are warm */
  warmupS?: number;
  /** GET by default */
  method?: 'GET' | 'POST';
  /** per request: a fresh body and extra headers (e.g. a new Idempotency-Key for each submission) */
  nextRequest?: () => { body?: string; headers?: Record<string, string> };
  /** keep every response time of the measured run in the result (to merge runs made side by side) */
  keepLatencies?: boolean;
}

export interface LoadResult {
  /** completed requests per second over the measured run */
  rps: number;
  /** latency percentiles in milliseconds, over every response of the measured run */
  p50: number;
  p95: number;
  p99: number;
  /** connection errors, timeouts included */
  errors: number;
  timeouts: number;
  non2xx: number;
  requests: number;
  durationS: number;
  statusCodes: Record<string, number>;
  /** errors and non-2xx answers seen during the warm-up (they count as failures too) */
  warmup: { errors: number; non2xx: number };
  /** every response time of the measured run, sorted, when keepLatencies was asked for */
  latencies?: Float64Array;
}

interface RawRun {
  result: autocannon.Result;
  latencies: Float64Array;
}

/** An autocannon request whose body and headers are made anew for every request sent. */
function perRequest(next: NonNullable<LoadOptions['nextRequest']>): autocannon.RequestSpec {
  return {
    setupRequest: (request) => {
      const made = next();
      return {
        ...request,
        headers: { ...request.headers, ...made.headers },
        ...(made.body === undefined ? {} : { body: made.body }),
      };
    },
  };
}

function runOnce(options: LoadOptions, durationS: number): Promise<RawRun> {
  // autocannon's own histogram has whole milliseconds and no p95, so every response time is kept.
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  return new Promise((resolveRun, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: durationS,
        headers: options.headers ?? {},
        timeout: 10,
        ...(options.method ? { method: options.method } : {}),
        ...(options.nextRequest ? { requests: [perRequest(options.nextRequest)] } : {}),
      },
      (error, result) => {
        if (error) reject(error);
        else resolveRun({ result, latencies: latencies.slice(0, count) });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      if (count === latencies.length) {
        const grown = new Float64Array(latencies.length * 2);
        grown.set(latencies);
        latencies = grown;
      }
      latencies[count++] = responseTime;
    });
  });
}

/** Nearest-rank percentile of sorted values; NaN when there are none. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  if (sorted.length % 2 === 1) return upper;
  return ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

/** Warms up, then loads the URL for durationS seconds and summarises the answers. */
export async function measureLoad(options: LoadOptions): Promise<LoadResult> {
  let warmup = { errors: 0, non2xx: 0 };
  if (options.warmupS && options.warmupS > 0) {
    const { result } = await runOnce(options, options.warmupS);
    warmup = { errors: result.errors, non2xx: result.non2xx };
  }
  const { result, latencies } = await runOnce(options, options.durationS);
  latencies.sort();
  const statusCodes: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) statusCodes[code] = count;
  return {
    rps: result.duration > 0 ? result.requests.total / result.duration : 0,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
    durationS: result.duration,
    statusCodes,
    warmup,
    ...(options.keepLatencies ? { latencies } : {}),
  };
}
