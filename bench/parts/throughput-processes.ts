import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  idempotencyKey,
  inboxPath,
  nurse,
  readHeaders,
  reportBody,
  signInCast,
  wardManager,
  writeHeaders,
} from '../lib/deviation-traffic.ts';
import { type LoadResult, measureLoad, median, percentile } from '../lib/load.ts';
import { apiOnly, quickMode, type RunningLoopen, scaled, startLoopenOn } from '../lib/loopen-pg.ts';
import { errorMessage, type Part, progress } from '../lib/part.ts';
import { databaseUrl, recreateDatabase, serverVersion, withClient } from '../lib/postgres.ts';
import { cpuSeconds, machineTicks, serverProcessId } from '../lib/process-stats.ts';
import { type JsonValue, type PartResult, type Row, round } from '../lib/table.ts';

// Throughput of one Loopen process against two on the same PostgreSQL database, with the load
// spread over both: what the "many servers" promises on this machine.

const database = 'loopen_bench_processes';
const setups = ['one process', 'two processes'] as const;
type SetupName = (typeof setups)[number];
const kinds = ['POST /api/deviations', 'GET inbox'] as const;
type Kind = (typeof kinds)[number];

interface Figures {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  /** connection errors and non-2xx answers, warm-up included */
  failed: number;
  statusCodes: Record<string, number>;
}

interface SetupRun {
  setup: SetupName;
  round: number;
  byKind: Record<Kind, Figures>;
  all: Figures;
  /** CPU of each Loopen process, in % of one core, over warm-up and measured run */
  serverCpu: number[];
  /** CPU of the PostgreSQL backends serving the database, in % of one core, over the same time */
  postgresCpu: number;
  /** CPU of the bench process itself (autocannon and the samplers), in % of one core */
  benchCpu: number;
  /** the whole machine busy, in % of one core (at most 100 × cores), over the same time */
  machineBusy: number;
  /** what the database's active sessions were doing, sampled every 250 ms */
  waits: Waits;
}

interface Waits {
  /** samples taken */
  ticks: number;
  /** active sessions seen over all samples, by wait event and the start of their statement */
  byWait: Record<string, number>;
  /** CPU seconds the database's backends used while sampled (a backend that ends between samples loses its last 250 ms) */
  backendCpuS: number;
}

/**
 * What PostgreSQL's active sessions on the database wait on, and the CPU its backends use, sampled
 * until `done` settles. The backends are read from /proc: PostgreSQL runs on this machine.
 */
async function sampleWaits(url: string, done: Promise<unknown>): Promise<Waits> {
  let finished = false;
  const stop = (): void => {
    finished = true;
  };
  done.then(stop, stop);
  return withClient(url, async (client) => {
    const waits: Waits = { ticks: 0, byWait: {}, backendCpuS: 0 };
    // per backend: its CPU when first seen (0 for one that connected during the run) and when last seen
    const backends = new Map<number, { first: number; last: number }>();
    while (!finished) {
      const { rows } = await client.query<{ pid: number; active: boolean; label: string }>(
        `select pid, state = 'active' as active,
                coalesce(wait_event_type || ':' || wait_event, 'on CPU') || ' · ' ||
                left(regexp_replace(query, '\\s+', ' ', 'g'), 44) as label
         from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid()`,
      );
      const firstTick = waits.ticks === 0;
      waits.ticks++;
      for (const { pid, active, label } of rows) {
        if (active) waits.byWait[label] = (waits.byWait[label] ?? 0) + 1;
        const cpu = await cpuSeconds(pid).catch(() => null);
        if (cpu === null) continue;
        const known = backends.get(pid);
        if (known) known.last = cpu;
        else backends.set(pid, { first: firstTick ? cpu : 0, last: cpu });
      }
      await sleep(250);
    }
    for (const { first, last } of backends.values()) waits.backendCpuS += last - first;
    return waits;
  });
}

/** The commonest waits of a setup over its rounds, in words. */
function describeWaits(setup: SetupName, runs: readonly SetupRun[]): string {
  const byWait: Record<string, number> = {};
  let ticks = 0;
  for (const run of runs) {
    ticks += run.waits.ticks;
    for (const [label, count] of Object.entries(run.waits.byWait))
      byWait[label] = (byWait[label] ?? 0) + count;
  }
  const active = Object.values(byWait).reduce((sum, n) => sum + n, 0);
  const top = Object.entries(byWait)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([label, count]) => `${round((count / Math.max(1, active)) * 100, 0)} % ${label}`);
  return (
    `${setup}: on average ${round(active / Math.max(1, ticks), 1)} PostgreSQL sessions active; ` +
    `of them ${top.join('; ')}`
  );
}

interface Server {
  loopen: RunningLoopen;
  pid: number;
}

/** Merges runs made side by side (one per server) into one set of figures. */
function merge(results: readonly LoadResult[]): Figures {
  const total = results.reduce((sum, r) => sum + (r.latencies?.length ?? 0), 0);
  const all = new Float64Array(total);
  let at = 0;
  for (const r of results) {
    if (r.latencies) all.set(r.latencies, at);
    at += r.latencies?.length ?? 0;
  }
  all.sort();
  const statusCodes: Record<string, number> = {};
  for (const r of results)
    for (const [code, count] of Object.entries(r.statusCodes))
      statusCodes[code] = (statusCodes[code] ?? 0) + count;
  return {
    rps: results.reduce((sum, r) => sum + r.rps, 0),
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    p99: percentile(all, 99),
    requests: results.reduce((sum, r) => sum + r.requests, 0),
    failed: results.reduce((sum, r) => sum + r.errors + r.non2xx + r.warmup.errors + r.warmup.non2xx, 0),
    statusCodes,
  };
}

async function measureSetup(
  setup: SetupName,
  round: number,
  servers: readonly Server[],
  /** every Loopen process running, loaded or not: each one's CPU is measured */
  running: readonly Server[],
  load: { connections: number; durationS: number; warmupS: number; databaseUrl: string },
  requestFor: (kind: Kind) => Omit<Parameters<typeof measureLoad>[0], 'connections' | 'durationS'>,
): Promise<SetupRun> {
  // Half the connections report, half read the inbox; each half is split evenly over the servers.
  const perServer = Math.max(1, Math.floor(load.connections / 2 / servers.length));
  const cpuBefore = await Promise.all(running.map((s) => cpuSeconds(s.pid)));
  const machineBefore = await machineTicks();
  const benchBefore = process.cpuUsage();
  const startedAt = performance.now();
  const loading = Promise.all(
    kinds.flatMap((kind) =>
      servers.map(async (server) => {
        const request = requestFor(kind);
        const result = await measureLoad({
          ...request,
          url: `${server.loopen.server.baseUrl}${request.url}`,
          connections: perServer,
          durationS: load.durationS,
          warmupS: load.warmupS,
          keepLatencies: true,
        });
        return { kind, result };
      }),
    ),
  );
  const [runs, waits] = await Promise.all([loading, sampleWaits(load.databaseUrl, loading)]);
  const elapsedS = (performance.now() - startedAt) / 1000;
  const cpuAfter = await Promise.all(running.map((s) => cpuSeconds(s.pid)));
  const machineAfter = await machineTicks();
  const bench = process.cpuUsage(benchBefore);
  const percentOfCore = (seconds: number): number => (seconds / elapsedS) * 100;
  const byKind = Object.fromEntries(
    kinds.map((kind) => [kind, merge(runs.filter((r) => r.kind === kind).map((r) => r.result))]),
  ) as Record<Kind, Figures>;
  return {
    setup,
    round,
    byKind,
    all: merge(runs.map((r) => r.result)),
    serverCpu: cpuAfter.map((after, i) => percentOfCore(after - (cpuBefore[i] ?? after))),
    postgresCpu: percentOfCore(waits.backendCpuS),
    benchCpu: percentOfCore((bench.user + bench.system) / 1e6),
    waits,
    machineBusy:
      ((machineAfter.busy - machineBefore.busy) / Math.max(1, machineAfter.total - machineBefore.total)) *
      100 *
      cpus().length,
  };
}

function figuresJson(f: Figures): JsonValue {
  return {
    rps: round(f.rps, 1),
    p50: round(f.p50, 3),
    p95: round(f.p95, 3),
    p99: round(f.p99, 3),
    requests: f.requests,
    failed: f.failed,
    statusCodes: f.statusCodes,
  };
}

function summaryRow(
  setup: string,
  request: string,
  runs: readonly SetupRun[],
  pick: (r: SetupRun) => Figures,
): Row {
  const figures = runs.map(pick);
  return {
    setup,
    request,
    'req/s': round(median(figures.map((f) => f.rps)), 0),
    'p50 ms': round(median(figures.map((f) => f.p50)), 2),
    'p95 ms': round(median(figures.map((f) => f.p95)), 2),
    'p99 ms': round(median(figures.map((f) => f.p99)), 2),
    'errors/non-2xx': figures.reduce((sum, f) => sum + f.failed, 0),
  };
}

/**
 * Where the machine's CPU went during a setup, in % of one core (medians of the rounds): each Loopen
 * process, the PostgreSQL backends of the database, the bench process (autocannon), and the rest
 * (PostgreSQL's WAL writer and checkpointer, and whatever else runs on the shared machine).
 */
function cpuRow(setup: SetupName, runs: readonly SetupRun[], cores: number): Row {
  const med = (pick: (r: SetupRun) => number): number => round(median(runs.map(pick)), 0);
  const loopen = (r: SetupRun): number => r.serverCpu.reduce((sum, v) => sum + v, 0);
  const first = med((r) => r.serverCpu[0] ?? Number.NaN);
  const second = med((r) => r.serverCpu[1] ?? Number.NaN);
  const row: Row = {
    setup,
    'Loopen, first process': first,
    // With one process the second runs too, without load: its own timers and job polling.
    'Loopen, second process': setup === 'one process' ? `${second} (not loaded)` : second,
  };
  row['Loopen together'] = med(loopen);
  row['PostgreSQL backends'] = med((r) => r.postgresCpu);
  row['bench (autocannon)'] = med((r) => r.benchCpu);
  row['rest of machine'] = med((r) => r.machineBusy - loopen(r) - r.postgresCpu - r.benchCpu);
  row[`machine busy (of ${cores * 100})`] = med((r) => r.machineBusy);
  return row;
}

function ratioRow(request: string, one: Row, two: Row): Row {
  const ratio = (column: string): number => round(Number(two[column]) / Number(one[column]), 2);
  return {
    setup: 'ratio two / one',
    request,
    'req/s': ratio('req/s'),
    'p50 ms': ratio('p50 ms'),
    'p95 ms': ratio('p95 ms'),
    'p99 ms': ratio('p99 ms'),
    'errors/non-2xx': null,
  };
}

async function runProcesses(): Promise<PartResult> {
  const quick = quickMode();
  const connections = scaled('BENCH_PROC_CONCURRENCY', 32, 8, { integer: true });
  const durationS = scaled('BENCH_PROC_DURATION_S', 15, 3);
  const warmupS = scaled('BENCH_PROC_WARMUP_S', 3, 1);
  const roundCount = scaled('BENCH_PROC_ROUNDS', 2, 1, { integer: true });
  const url = databaseUrl(database);
  const notes: string[] = [];
  const failures: string[] = [];
  const runs: SetupRun[] = [];
  const started: RunningLoopen[] = [];

  progress(`throughput-processes: fresh database ${database}`);
  await recreateDatabase(database);
  try {
    // The first migrates and seeds the demo; the second finds both done.
    for (const label of ['first', 'second']) {
      started.push(await startLoopenOn(url, `throughput-processes (${label} process)`, apiOnly));
    }
    const servers: Server[] = [];
    for (const loopen of started) {
      if (loopen.server.pid === undefined) throw new Error('a Loopen process has no pid');
      servers.push({ loopen, pid: await serverProcessId(loopen.server.pid) });
    }
    const [first, second] = servers;
    if (!first || !second) throw new Error('two Loopen processes did not start');
    const cast = await signInCast(first.loopen.server.baseUrl);
    // The sessions were made on the first process; the second must know them (they live in the database).
    const onSecond = await fetch(`${second.loopen.server.baseUrl}/api/me`, {
      headers: readHeaders(cast.nurse),
    });
    await onSecond.arrayBuffer();
    if (onSecond.status !== 200)
      throw new Error(`a session made on the first process answers ${onSecond.status} on the second`);

    let sequence = 0;
    const requestFor = (kind: Kind): Omit<Parameters<typeof measureLoad>[0], 'connections' | 'durationS'> => {
      switch (kind) {
        case 'POST /api/deviations':
          return {
            url: '/api/deviations',
            method: 'POST',
            headers: writeHeaders(cast.nurse),
            nextRequest: () => ({
              body: reportBody(cast.categoryId, sequence++),
              headers: { 'idempotency-key': idempotencyKey('tp') },
            }),
          };
        case 'GET inbox':
          return { url: inboxPath, headers: readHeaders(cast.manager) };
        default: {
          const unreachable: never = kind;
          throw new Error(`unknown request ${String(unreachable)}`);
        }
      }
    };
    for (let i = 1; i <= roundCount; i++) {
      // ABBA: one then two, then two then one, so that a slow drift (the table grows) hits both alike.
      const order = i % 2 === 1 ? setups : [...setups].reverse();
      for (const setup of order) {
        progress(`throughput-processes: round ${i}/${roundCount}, ${setup}`);
        const targets = setup === 'one process' ? [first] : [first, second];
        runs.push(
          await measureSetup(
            setup,
            i,
            targets,
            servers,
            { connections, durationS, warmupS, databaseUrl: url },
            requestFor,
          ),
        );
      }
    }
    const stored = await withClient(url, async (client) => {
      const { rows } = await client.query<{ n: string }>(
        "select count(*) as n from deviations where idempotency_key like 'tp-%'",
      );
      return rows[0]?.n ?? '?';
    });
    notes.push(
      `stored afterwards: ${stored} reports from the load (warm-ups included); ` +
        `PostgreSQL ${await serverVersion(url)}, scratch database ${database} (dropped and created)`,
    );
  } catch (error) {
    failures.push(errorMessage(error));
  } finally {
    for (const loopen of started) notes.push(...(await loopen.stop()));
  }

  const rows: Row[] = [];
  const byName = new Map<string, Row>();
  for (const setup of setups) {
    const mine = runs.filter((r) => r.setup === setup);
    if (mine.length === 0) continue;
    for (const kind of kinds) {
      const row = summaryRow(setup, kind, mine, (r) => r.byKind[kind]);
      byName.set(`${setup}/${kind}`, row);
      rows.push(row);
    }
    const all = summaryRow(setup, 'both', mine, (r) => r.all);
    byName.set(`${setup}/both`, all);
    rows.push(all);
  }
  for (const request of [...kinds, 'both']) {
    const one = byName.get(`one process/${request}`);
    const two = byName.get(`two processes/${request}`);
    if (one && two) rows.push(ratioRow(request, one, two));
  }
  const cores = cpus().length;
  const cpuRows = setups.flatMap((setup) => {
    const mine = runs.filter((r) => r.setup === setup);
    return mine.length > 0 ? [cpuRow(setup, mine, cores)] : [];
  });
  const failed = runs.reduce((sum, r) => sum + r.all.failed, 0);
  if (failed > 0)
    failures.push(
      `${failed} connection errors or non-2xx answers (${runs.map((r) => JSON.stringify(r.all.statusCodes)).join(', ')})`,
    );
  for (const setup of setups) {
    const mine = runs.filter((r) => r.setup === setup);
    if (mine.length > 0) notes.push(describeWaits(setup, mine));
  }
  const perServer = (servers: number): number => Math.max(1, Math.floor(connections / 2 / servers));
  notes.push(
    `${connections} connections (autocannon, in the bench process): half submit reports as ${nurse} ` +
      '(a fresh Idempotency-Key each, one in four with a personnummer), half read the inbox of ' +
      `${wardManager} (GET ${inboxPath}); with two processes each gets ${perServer(2)} + ${perServer(2)} ` +
      'connections, with one it gets them all. The sessions were made on the first process and are used on both',
    `${warmupS} s warm-up then ${durationS} s measured per setup, ${roundCount} round(s) in ABBA order ` +
      '(one, two, two, one …); medians of the rounds; errors summed over every run, warm-ups included',
    'each process has its own pool of DATABASE_POOL_SIZE (default 10) connections: 20 with two',
    'CPU in % of one core over warm-up and measured run, medians of the rounds: each Loopen process ' +
      '(/proc/<pid>/stat of the node running server/main.ts), the PostgreSQL backends of the database ' +
      '(their /proc/<pid>/stat, read every 250 ms), the bench process (process.cpuUsage(): autocannon and ' +
      "the samplers) and the rest of the machine (/proc/stat busy minus those: PostgreSQL's WAL writer and " +
      'checkpointer, the launchers, and anything else running on this shared machine)',
    `!!! this machine has ${cores} core${cores === 1 ? '' : 's'}: the Loopen processes, PostgreSQL and the ` +
      'load generator all run on them. When the machine is busy near its limit, the ratio two / one says ' +
      'how full the machine is more than how Loopen scales; with PostgreSQL and the load on other machines ' +
      'and a core per process, expect more from a second process.',
  );
  if (quick) notes.push('!!! BENCH_QUICK=1: short runs and fewer connections, a smoke test, not the figures');
  return {
    part: 'throughput-processes',
    title: 'Throughput with one Loopen process and with two on the same database',
    database: 'postgres',
    rows,
    tables: cpuRows.length > 0 ? [{ title: 'Where the CPU went, in % of one core', rows: cpuRows }] : [],
    notes,
    failures,
    details: {
      connections,
      durationS,
      warmupS,
      rounds: roundCount,
      quick,
      runs: runs.map((r) => ({
        setup: r.setup,
        round: r.round,
        serverCpu: r.serverCpu.map((v) => round(v, 1)),
        postgresCpu: round(r.postgresCpu, 1),
        benchCpu: round(r.benchCpu, 1),
        machineBusy: round(r.machineBusy, 1),
        waits: { ticks: r.waits.ticks, byWait: r.waits.byWait },
        all: figuresJson(r.all),
        byKind: Object.fromEntries(kinds.map((kind) => [kind, figuresJson(r.byKind[kind])])),
      })),
    },
  };
}

export const throughputProcessesPart: Part = {
  name: 'throughput-processes',
  describe: 'reports and inbox reads on PostgreSQL: one Loopen process against two on the same database',
  run: runProcesses,
};
