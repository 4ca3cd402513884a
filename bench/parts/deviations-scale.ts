import { performance } from 'node:perf_hooks';
import { type LoadResult, measureLoad, median, percentile } from '../lib/load.ts';
import { quickMode, type RunningLoopen, scaled, startLoopenOn, verdict } from '../lib/loopen-pg.ts';
import { errorMessage, type Part, progress } from '../lib/part.ts';
import { databaseUrl, ensureDatabase, recreateDatabase, withClient } from '../lib/postgres.ts';
import { getJson, type Session, signIn } from '../lib/session.ts';
import { type JsonValue, type PartResult, type Row, round } from '../lib/table.ts';
import { seedDeviations } from '../seed-deviations.ts';
import { searchWords } from '../seed-narratives.ts';

// The manager's inbox, region-wide statistics and full-text search with a million deviations in a
// database of their own (seeded once by bench/seed-deviations.ts and reused by later runs).

interface ListAnswer {
  items: unknown[];
  total: number;
}

async function countDeviations(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const exists = await client.query("select to_regclass('public.deviations') as t");
    if (!exists.rows[0]?.t) return 0;
    const { rows } = await client.query<{ n: string }>('select count(*) as n from deviations');
    return Number(rows[0]?.n ?? 0);
  });
}

async function databaseSize(url: string): Promise<string> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ size: string }>(
      "select pg_size_pretty(pg_total_relation_size('deviations')) as size",
    );
    return rows[0]?.size ?? '?';
  });
}

/** Reuses the seeded database when it holds the rows asked for; otherwise seeds it afresh. */
async function preparedLoopen(
  name: string,
  target: number,
  notes: string[],
): Promise<{ loopen: RunningLoopen; seededNow: boolean }> {
  const url = databaseUrl(name);
  const reseed = process.env.BENCH_RESEED === '1';
  await ensureDatabase(name);
  const existing = await countDeviations(url);
  if (!reseed && existing >= target && existing < target * 1.05) {
    notes.push(`reused the database ${name} with ${existing} deviations (BENCH_RESEED=1 seeds it afresh)`);
    return { loopen: await startLoopenOn(url, 'deviations-scale'), seededNow: false };
  }
  progress(`deviations-scale: database ${name} holds ${existing} deviations; seeding ${target} afresh`);
  await recreateDatabase(name);
  // Loopen migrates and seeds the demo organisation; the deviations go in beside it.
  const loopen = await startLoopenOn(url, 'deviations-scale');
  try {
    const outcome = await seedDeviations({
      databaseUrl: url,
      count: target,
      log: (message) => progress(`deviations-scale: seed: ${message}`),
    });
    notes.push(
      `seeded ${outcome.inserted} deviations into ${name} in ${Math.round(outcome.seconds)} s ` +
        `(of which ${Math.round(outcome.indexSeconds)} s rebuilding indexes)`,
    );
  } catch (error) {
    await loopen.stop();
    throw error;
  }
  return { loopen, seededNow: true };
}

interface LoadTarget {
  name: string;
  path: string;
  session: Session;
  goalP95: number;
}

function loadRow(target: LoadTarget, result: LoadResult, total: number): Row {
  return {
    request: target.name,
    'rows matched': total,
    'req/s': round(result.rps, 0),
    'p50 ms': round(result.p50, 2),
    'p95 ms': round(result.p95, 2),
    'p99 ms': round(result.p99, 2),
    goal: `p95 ≤ ${target.goalP95} ms: ${verdict(result.p95, target.goalP95, 'max')}`,
    'errors/non-2xx': result.errors + result.non2xx + result.warmup.errors + result.warmup.non2xx,
  };
}

/** Sequential requests, one at a time, timed from the bench: the latency of one user's page. */
async function timeSequential(
  baseUrl: string,
  path: string,
  session: Session,
  count: number,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count + 1; i++) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${path}`, { headers: { cookie: session.cookie } });
    const text = await response.text();
    if (response.status !== 200)
      throw new Error(`GET ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    // The first request is a warm-up: connection, caches.
    if (i > 0) times.push(performance.now() - started);
  }
  return times;
}

async function runScale(): Promise<PartResult> {
  const quick = quickMode();
  const target = scaled('BENCH_DEVIATIONS', 1_000_000, 20_000, { integer: true });
  const connections = scaled('BENCH_READ_CONCURRENCY', 4, 2, { integer: true });
  const durationS = scaled('BENCH_READ_DURATION_S', 10, 2);
  const warmupS = scaled('BENCH_READ_WARMUP_S', 2, 1);
  const statsRequests = scaled('BENCH_STATS_REQUESTS', 10, 2, { integer: true });
  const password = process.env.LOOPEN_DEMO_PASSWORD || 'loopen-demo';
  const name = quick ? 'loopen_bench_quick' : 'loopen_bench';
  const notes: string[] = [];
  const failures: string[] = [];
  const rows: Row[] = [];
  const details: { [key: string]: JsonValue } = {};

  const { loopen } = await preparedLoopen(name, target, notes);
  const baseUrl = loopen.server.baseUrl;
  try {
    const manager = await signIn(baseUrl, 'chef.avd12', password);
    const clinicHead = await signIn(baseUrl, 'chef.ortopedi', password);
    const coordinator = await signIn(baseUrl, 'kvalitet', password);
    const q = (word: string): string => encodeURIComponent(word);
    const loadTargets: LoadTarget[] = [
      {
        name: 'inbox, ward manager (chef.avd12)',
        path: '/api/deviations?view=inbox',
        session: manager,
        goalP95: 25,
      },
      {
        name: 'inbox, clinic head (chef.ortopedi)',
        path: '/api/deviations?view=inbox',
        session: clinicHead,
        goalP95: 25,
      },
      ...Object.entries(searchWords).map(([kind, word]) => ({
        name: `search "${word}" (${kind}), region (kvalitet)`,
        path: `/api/deviations?view=unit&q=${q(word)}`,
        session: coordinator,
        goalP95: 50,
      })),
      {
        name: `search "${searchWords.middling}", clinic (chef.ortopedi)`,
        path: `/api/deviations?view=unit&q=${q(searchWords.middling)}`,
        session: clinicHead,
        goalP95: 50,
      },
    ];
    const loadDetails: JsonValue[] = [];
    for (const t of loadTargets) {
      const probe = await getJson<ListAnswer>(baseUrl, t.path, t.session);
      progress(`deviations-scale: ${t.name}`);
      const result = await measureLoad({
        url: `${baseUrl}${t.path}`,
        headers: { cookie: t.session.cookie },
        connections,
        durationS,
        warmupS,
      });
      const row = loadRow(t, result, probe.total);
      rows.push(row);
      if (row['errors/non-2xx'] !== 0)
        failures.push(
          `${t.name}: ${result.timeouts + result.warmup.errors} requests timed out (10 s) or failed to connect, ` +
            `${result.errors} errors, status codes ${JSON.stringify(result.statusCodes)}`,
        );
      loadDetails.push({
        name: t.name,
        path: t.path,
        total: probe.total,
        rps: round(result.rps, 1),
        p50: round(result.p50, 3),
        p95: round(result.p95, 3),
        p99: round(result.p99, 3),
        requests: result.requests,
      });
    }
    details.load = loadDetails;

    const statsDetails: JsonValue[] = [];
    for (const groupBy of ['entry', 'area', 'category', 'unit', 'month', 'status']) {
      const path = `/api/deviations/stats?groupBy=${groupBy}`;
      progress(`deviations-scale: statistics by ${groupBy}, ${statsRequests} requests one at a time`);
      const probe = await getJson<{ totals: { count: number } }>(baseUrl, path, coordinator);
      const times = await timeSequential(baseUrl, path, coordinator, statsRequests);
      const sorted = Float64Array.from(times).sort();
      const mid = median(times);
      rows.push({
        request: `statistics by ${groupBy}, region (kvalitet), one at a time`,
        'rows matched': probe.totals.count,
        'req/s': round(1000 / mid, 1),
        'p50 ms': round(mid, 2),
        'p95 ms': round(percentile(sorted, 95), 2),
        'p99 ms': round(percentile(sorted, 99), 2),
        goal: `≤ 200 ms: ${verdict(mid, 200, 'max')}`,
        'errors/non-2xx': 0,
      });
      statsDetails.push({ groupBy, times: times.map((t) => round(t, 2)) });
    }
    details.stats = statsDetails;
    notes.push(
      `${await countDeviations(databaseUrl(name))} deviations in ${name} (table with indexes ${await databaseSize(databaseUrl(name))}); ` +
        'Loopen on PostgreSQL with LOOPEN_RATE_LIMIT_PER_MINUTE raised',
      `lists and searches: autocannon, ${connections} connections, ${warmupS} s warm-up then ${durationS} s; ` +
        'every list request also writes its audit row (deviation.listed), as in production',
      `statistics: ${statsRequests} requests one after another per grouping (after one warm-up); ` +
        'the goal is set against the median; "req/s" is 1000 / median',
      '"rows matched" is the list\'s total (the inbox, or the cases the search finds in scope), or the statistics\' total count',
    );
  } catch (error) {
    failures.push(errorMessage(error));
  } finally {
    notes.push(...(await loopen.stop()));
  }
  if (quick) notes.push(`!!! BENCH_QUICK=1: ${target} rows and short runs, a smoke test, not the figures`);
  return {
    part: 'deviations-scale',
    title: `Inbox, statistics and full-text search with ${target.toLocaleString('en')} deviations`,
    database: 'postgres',
    rows,
    notes,
    failures,
    details: { target, connections, durationS, warmupS, statsRequests, quick, ...details },
  };
}

export const deviationsScalePart: Part = {
  name: 'deviations-scale',
  describe: 'inbox, region statistics and full-text search with 1,000,000 seeded deviations (PostgreSQL)',
  run: runScale,
};
