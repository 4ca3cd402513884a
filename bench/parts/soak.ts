import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type Cast,
  idempotencyKey,
  inboxPath,
  nurse,
  qualityCoordinator,
  readHeaders,
  reportBody,
  signInCast,
  statsPath,
  wardManager,
  writeHeaders,
} from '../lib/deviation-traffic.ts';
import { percentile } from '../lib/load.ts';
import { apiOnly, quickMode, scaled, startLoopenOn, verdict } from '../lib/loopen-pg.ts';
import { errorMessage, numberFromEnv, type Part, progress } from '../lib/part.ts';
import { databaseUrl, recreateDatabase, serverVersion, withClient } from '../lib/postgres.ts';
import {
  cpuSeconds,
  machineTicks,
  promMetrics,
  residentMiB,
  serverProcessId,
  slope,
} from '../lib/process-stats.ts';
import { type JsonValue, type PartResult, type Row, round } from '../lib/table.ts';
import { seedDeviations } from '../seed-deviations.ts';

// Ten minutes of a ward's work at a fixed, moderate rate against one Loopen process on PostgreSQL:
// reports, the manager's inbox, the manager moving each report on (accept, resolve, close) and the
// region's statistics now and then. Every answer must be 2xx, and the server's memory must stay flat.

const database = 'loopen_bench_soak';
const kinds = ['report', 'inbox', 'transition', 'statistics'] as const;
type Kind = (typeof kinds)[number];
type Phase = 'warmup' | 'measured';

const describeKind: Record<Kind, string> = {
  report: `POST /api/deviations (${nurse})`,
  inbox: `GET inbox (${wardManager})`,
  transition: `POST …/transitions (${wardManager})`,
  statistics: `GET stats by entry (${qualityCoordinator})`,
};

interface Tally {
  sent: number;
  ok: number;
  failed: number;
  statusCodes: Record<string, number>;
  latencies: number[];
  /** ticks with nothing to send (no case waiting for its next step) */
  idle: number;
  /** ticks that had to wait because maxInFlight requests of the kind were still open */
  delayed: number;
}

function emptyTally(): Tally {
  return { sent: 0, ok: 0, failed: 0, statusCodes: {}, latencies: [], idle: 0, delayed: 0 };
}

/** Each case goes accept → resolve → close, with the version its last answer carried. */
const steps = [
  { action: 'accept' },
  { action: 'resolve', summary: 'Beställningsrutinen är ändrad; förrådet kontrolleras varje måndag.' },
  { action: 'close', feedback: 'Tack för rapporten. Rutinen för beställning är nu ändrad.' },
] as const;

interface WaitingCase {
  id: string;
  version: number;
  step: number;
}

interface Sample {
  /** seconds since the load began (negative: before it) */
  t: number;
  phase: 'idle' | Phase | 'after';
  rssMiB: number;
  heapUsedMiB: number;
  heapTotalMiB: number;
  oldSpaceUsedMiB: number;
  externalMiB: number;
  cpuS: number;
  /** the whole machine's CPU ticks so far (/proc/stat): busy and total, all cores */
  machineBusyTicks: number;
  machineTotalTicks: number;
}

const maxInFlight = 64;
const requestTimeoutMs = 10_000;
const mib = 1024 * 1024;

class Soak {
  readonly tallies: Record<Phase, Record<Kind, Tally>> = {
    warmup: Object.fromEntries(kinds.map((k) => [k, emptyTally()])) as Record<Kind, Tally>,
    measured: Object.fromEntries(kinds.map((k) => [k, emptyTally()])) as Record<Kind, Tally>,
  };
  readonly firstErrors: string[] = [];
  readonly waiting: WaitingCase[] = [];
  closed = 0;
  reportsAnswered = 0;
  transitionsAnswered = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly cast: Cast,
    private readonly measureFrom: number,
  ) {}

  private phaseNow(): Phase {
    return performance.now() < this.measureFrom ? 'warmup' : 'measured';
  }

  /** One request, timed from send to the last byte of the answer, tallied under the phase it began in. */
  private async send(
    kind: Kind,
    path: string,
    init: { method?: 'POST'; headers: Record<string, string>; body?: string },
  ): Promise<{ status: number; text: string } | null> {
    const tally = this.tallies[this.phaseNow()][kind];
    tally.sent++;
    const started = performance.now();
    let code: string;
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        ...init,
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
      const text = await response.text();
      tally.latencies.push(performance.now() - started);
      code = String(response.status);
      tally.statusCodes[code] = (tally.statusCodes[code] ?? 0) + 1;
      if (response.status >= 200 && response.status < 300) {
        tally.ok++;
        return { status: response.status, text };
      }
      tally.failed++;
      this.noteError(`${kind} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
      return null;
    } catch (error) {
      code = 'error';
      tally.statusCodes[code] = (tally.statusCodes[code] ?? 0) + 1;
      tally.failed++;
      this.noteError(`${kind} ${path}: ${errorMessage(error)}`);
      return null;
    }
  }

  private noteError(message: string): void {
    if (this.firstErrors.length < 10) this.firstErrors.push(message);
  }

  async report(sequence: number): Promise<void> {
    const answer = await this.send('report', '/api/deviations', {
      method: 'POST',
      headers: { ...writeHeaders(this.cast.nurse), 'idempotency-key': idempotencyKey('soak') },
      body: reportBody(this.cast.categoryId, sequence),
    });
    if (!answer) return;
    this.reportsAnswered++;
    const receipt = JSON.parse(answer.text) as { id: string };
    // A new report has version 1 (the column's default).
    this.waiting.push({ id: receipt.id, version: 1, step: 0 });
  }

  async inbox(): Promise<void> {
    await this.send('inbox', inboxPath, { headers: readHeaders(this.cast.manager) });
  }

  /** The next step of the case that has waited longest; an idle tick when none waits. */
  transition(): Promise<void> | null {
    const next = this.waiting.shift();
    if (!next) {
      this.tallies[this.phaseNow()].transition.idle++;
      return null;
    }
    return this.move(next);
  }

  private async move(waiting: WaitingCase): Promise<void> {
    const step = steps[waiting.step];
    if (!step) return;
    const answer = await this.send('transition', `/api/deviations/${waiting.id}/transitions`, {
      method: 'POST',
      headers: writeHeaders(this.cast.manager),
      body: JSON.stringify({ ...step, expectedVersion: waiting.version }),
    });
    if (!answer) return;
    this.transitionsAnswered++;
    const moved = JSON.parse(answer.text) as { version: number };
    if (waiting.step + 1 < steps.length)
      this.waiting.push({ id: waiting.id, version: moved.version, step: waiting.step + 1 });
    else this.closed++;
  }

  async statistics(): Promise<void> {
    await this.send('statistics', statsPath, { headers: readHeaders(this.cast.coordinator) });
  }

  /**
   * Fires at a fixed rate until endAt whatever the answers take (an open model: a slow answer does
   * not slow the load down), with at most maxInFlight open at once; waits for the last answers.
   */
  async pace(kind: Kind, perSecond: number, endAt: number, fire: () => Promise<void> | null): Promise<void> {
    const interval = 1000 / perSecond;
    const open = new Set<Promise<void>>();
    // Start each kind at a different point of its interval, so that the kinds do not fire in step.
    let next = performance.now() + Math.random() * interval;
    while (next < endAt) {
      const wait = next - performance.now();
      if (wait > 0) await sleep(wait);
      if (open.size >= maxInFlight) {
        this.tallies[this.phaseNow()][kind].delayed++;
        await Promise.race(open);
      }
      const request = fire();
      if (request) {
        open.add(request);
        void request.finally(() => open.delete(request));
      }
      next += interval;
    }
    await Promise.all(open);
  }
}

async function sampleServer(
  baseUrl: string,
  pid: number,
  t: number,
  phase: Sample['phase'],
): Promise<Sample> {
  const [rss, metrics, cpu, machine] = await Promise.all([
    residentMiB(pid),
    promMetrics(baseUrl, [
      'nodejs_heap_size_used_bytes',
      'nodejs_heap_size_total_bytes',
      'nodejs_heap_space_size_used_bytes{space="old"}',
      'nodejs_external_memory_bytes',
    ]),
    cpuSeconds(pid),
    machineTicks(),
  ]);
  return {
    t: round(t, 1),
    phase,
    rssMiB: round(rss, 1),
    heapUsedMiB: round(metrics.nodejs_heap_size_used_bytes / mib, 1),
    heapTotalMiB: round(metrics.nodejs_heap_size_total_bytes / mib, 1),
    oldSpaceUsedMiB: round(metrics['nodejs_heap_space_size_used_bytes{space="old"}'] / mib, 1),
    externalMiB: round(metrics.nodejs_external_memory_bytes / mib, 1),
    cpuS: round(cpu, 2),
    machineBusyTicks: machine.busy,
    machineTotalTicks: machine.total,
  };
}

function kindRow(kind: Kind, askedPerS: number, tally: Tally, warmup: Tally, durationS: number): Row {
  const sorted = Float64Array.from(tally.latencies).sort();
  return {
    request: describeKind[kind],
    'asked /s': round(askedPerS, 2),
    requests: tally.sent,
    'per s': round(tally.ok / durationS, 2),
    'p50 ms': round(percentile(sorted, 50), 1),
    'p95 ms': round(percentile(sorted, 95), 1),
    'p99 ms': round(percentile(sorted, 99), 1),
    'max ms': round(sorted.length > 0 ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN, 1),
    'errors/non-2xx': tally.failed + warmup.failed,
  };
}

type MemoryField = 'rssMiB' | 'heapUsedMiB' | 'oldSpaceUsedMiB' | 'heapTotalMiB' | 'externalMiB';

const memoryFields: ReadonlyArray<{ field: MemoryField; name: string }> = [
  { field: 'rssMiB', name: 'RSS (VmRSS), MiB' },
  { field: 'heapUsedMiB', name: 'V8 heap used, MiB' },
  { field: 'oldSpaceUsedMiB', name: 'V8 old space used, MiB' },
  { field: 'heapTotalMiB', name: 'V8 heap total, MiB' },
  { field: 'externalMiB', name: 'external (buffers), MiB' },
];

async function runSoak(): Promise<PartResult> {
  const quick = quickMode();
  const soakS = scaled('BENCH_SOAK_S', 600, 20);
  const warmupS = scaled('BENCH_SOAK_WARMUP_S', 30, 5);
  const sampleS = scaled('BENCH_SOAK_SAMPLE_S', 5, 1);
  const reportRate = numberOr('BENCH_SOAK_REPORTS_PER_S', 5);
  const inboxRate = numberOr('BENCH_SOAK_INBOX_PER_S', reportRate * 2);
  // Three steps per report (accept, resolve, close), so that the cases do not pile up.
  const transitionRate = numberOr('BENCH_SOAK_TRANSITIONS_PER_S', reportRate * steps.length);
  const statsEveryS = numberOr('BENCH_SOAK_STATS_EVERY_S', 5);
  // Unset: the demo organisation's own reports only; a number seeds that many with bench/seed-deviations.ts.
  const history = numberFromEnv('BENCH_SOAK_HISTORY', 0, { integer: true });
  const rates: Record<Kind, number> = {
    report: reportRate,
    inbox: inboxRate,
    transition: transitionRate,
    statistics: 1 / statsEveryS,
  };
  const url = databaseUrl(database);
  const notes: string[] = [];
  const failures: string[] = [];
  const samples: Sample[] = [];
  let soak: Soak | null = null;
  let stored: { reports: number; moves: number; audits: number } | null = null;

  progress(`soak: fresh database ${database}`);
  await recreateDatabase(database);
  const loopen = await startLoopenOn(url, 'soak', apiOnly);
  try {
    if (history > 0) {
      const outcome = await seedDeviations({
        databaseUrl: url,
        count: history,
        log: (message) => progress(`soak: seed: ${message}`),
      });
      notes.push(`a history of ${outcome.inserted} deviations seeded first (BENCH_SOAK_HISTORY)`);
    }
    if (loopen.server.pid === undefined) throw new Error('the Loopen process has no pid');
    const pid = await serverProcessId(loopen.server.pid);
    const baseUrl = loopen.server.baseUrl;
    const cast = await signInCast(baseUrl);
    const loadStart = performance.now();
    const measureFrom = loadStart + warmupS * 1000;
    const endAt = measureFrom + soakS * 1000;
    const since = (): number => (performance.now() - loadStart) / 1000;
    samples.push(await sampleServer(baseUrl, pid, since(), 'idle'));
    const running = new Soak(baseUrl, cast, measureFrom);
    soak = running;
    progress(
      `soak: ${warmupS} s warm-up, then ${soakS} s at ${kinds.map((k) => `${round(rates[k], 2)}/s ${k}`).join(', ')}`,
    );

    let sampling = true;
    const sampler = (async (): Promise<void> => {
      let nextSample = performance.now() + sampleS * 1000;
      let nextProgress = measureFrom + 60_000;
      while (sampling) {
        await sleep(Math.max(0, nextSample - performance.now()));
        if (!sampling) break;
        const phase: Phase = performance.now() < measureFrom ? 'warmup' : 'measured';
        samples.push(await sampleServer(baseUrl, pid, since(), phase));
        nextSample += sampleS * 1000;
        if (performance.now() >= nextProgress) {
          const last = samples.at(-1);
          const m = running.tallies.measured;
          progress(
            `soak: ${Math.round(since() - warmupS)} s: ${m.report.ok} reports, ${m.transition.ok} transitions, ` +
              `${kinds.reduce((sum, k) => sum + m[k].failed, 0)} failed; RSS ${last?.rssMiB} MiB, heap ${last?.heapUsedMiB} MiB`,
          );
          nextProgress += 60_000;
        }
      }
    })();
    let sequence = 0;
    await Promise.all([
      running.pace('report', rates.report, endAt, () => running.report(sequence++)),
      running.pace('inbox', rates.inbox, endAt, () => running.inbox()),
      running.pace('transition', rates.transition, endAt, () => running.transition()),
      running.pace('statistics', rates.statistics, endAt, () => running.statistics()),
    ]);
    sampling = false;
    await sampler;
    samples.push(await sampleServer(baseUrl, pid, since(), 'measured'));
    // And once more after a pause without load: what stays when the requests are gone.
    await sleep(Math.min(10, soakS / 4) * 1000);
    samples.push(await sampleServer(baseUrl, pid, since(), 'after'));

    stored = await withClient(url, async (client) => {
      const { rows } = await client.query<{ reports: string; moves: string; audits: string }>(
        `select (select count(*) from deviations where idempotency_key like 'soak-%') as reports,
                (select count(*) from deviation_events e join deviations d on d.id = e.deviation_id
                  where d.idempotency_key like 'soak-%' and e.action in ('accept', 'resolve', 'close')) as moves,
                (select count(*) from audit_log a join deviations d on d.id::text = a.entity_id
                  where d.idempotency_key like 'soak-%'
                    and a.action in ('deviation.submitted', 'deviation.accept', 'deviation.resolve', 'deviation.close')) as audits`,
      );
      const row = rows[0];
      return { reports: Number(row?.reports), moves: Number(row?.moves), audits: Number(row?.audits) };
    });
    if (stored.reports !== running.reportsAnswered)
      failures.push(`${running.reportsAnswered} reports answered 201 but ${stored.reports} are stored`);
    if (stored.moves !== running.transitionsAnswered)
      failures.push(
        `${running.transitionsAnswered} transitions answered 200 but ${stored.moves} events are stored`,
      );
    if (stored.audits !== stored.reports + stored.moves)
      failures.push(
        `${stored.audits} audit rows for ${stored.reports} reports and ${stored.moves} transitions`,
      );
    notes.push(`PostgreSQL ${await serverVersion(url)}, scratch database ${database} (dropped and created)`);
  } catch (error) {
    failures.push(errorMessage(error));
  } finally {
    notes.push(...(await loopen.stop()));
  }

  const rows: Row[] = [];
  const memoryRows: Row[] = [];
  if (soak) {
    const { measured, warmup } = soak.tallies;
    for (const kind of kinds) rows.push(kindRow(kind, rates[kind], measured[kind], warmup[kind], soakS));
    const failed = kinds.reduce((sum, k) => sum + measured[k].failed + warmup[k].failed, 0);
    if (failed > 0) failures.push(`${failed} requests failed; the first: ${soak.firstErrors.join(' | ')}`);
    const delayed = kinds.reduce((sum, k) => sum + measured[k].delayed + warmup[k].delayed, 0);
    notes.unshift(
      `goal: no error → ${failed} ${failed === 0 ? 'met' : 'MISSED'}; report throughput ` +
        `${round(measured.report.ok / soakS, 2)}/s (asked ${rates.report}/s)`,
    );
    notes.push(
      `${round(soakS / 60, 1)} min measured after a ${warmupS} s warm-up at the same rates (not in the table; ` +
        'its errors are counted). Fixed rates, an open model: each kind fires on its own clock whatever the ' +
        `answers take (at most ${maxInFlight} open per kind${delayed > 0 ? `; ${delayed} ticks had to wait for that` : ''}); ` +
        `latency from send to the last byte, timeout ${requestTimeoutMs / 1000} s; fetch from the bench process`,
      `each report goes accept → resolve → close by its manager, with the expectedVersion of the answer before; ` +
        `${soak.closed} cases closed, ${soak.waiting.length} still waiting for a step at the end, ` +
        `${measured.transition.idle} transition ticks found no case waiting (not sent)`,
    );
    if (stored)
      notes.push(
        `stored afterwards: ${stored.reports} reports (= ${soak.reportsAnswered} answered 201), ` +
          `${stored.moves} transition events (= ${soak.transitionsAnswered} answered 200), ${stored.audits} audit rows for them`,
      );
  }
  const measuredSamples = samples.filter((s) => s.phase === 'measured');
  const first = measuredSamples[0];
  const last = measuredSamples.at(-1);
  const idle = samples.find((s) => s.phase === 'idle');
  const after = samples.find((s) => s.phase === 'after');
  const slopes: Record<string, { whole: number; secondHalf: number }> = {};
  if (first && last) {
    const middle = (first.t + last.t) / 2;
    // The second half alone: growth that goes on after the heap has settled is what a leak looks like.
    const slopesOf = (
      points: ReadonlyArray<{ t: number; y: number }>,
    ): { whole: number; secondHalf: number } => ({
      whole: slope(points.map((p) => ({ x: p.t / 60, y: p.y }))),
      secondHalf: slope(points.filter((p) => p.t >= middle).map((p) => ({ x: p.t / 60, y: p.y }))),
    });
    const addRow = (
      key: string,
      name: string,
      points: ReadonlyArray<{ t: number; y: number }>,
      idleValue: number | null,
      afterValue: number | null,
    ): void => {
      const figures = slopesOf(points);
      slopes[key] = figures;
      memoryRows.push({
        measure: name,
        'idle, before load': idleValue,
        'after warm-up': points[0]?.y ?? null,
        'end of soak': points.at(-1)?.y ?? null,
        'idle, after': afterValue,
        'slope MiB/min': round(figures.whole, 2),
        'slope, 2nd half': round(figures.secondHalf, 2),
      });
    };
    for (const { field, name } of memoryFields) {
      const points = measuredSamples.map((sample) => ({ t: sample.t, y: sample[field] }));
      addRow(field, name, points, idle?.[field] ?? null, after?.[field] ?? null);
    }
    // A sample of the heap lands anywhere on the collector's saw-tooth; the lowest of each window is
    // close to what survives a collection, the live set, whose growth a leak would show.
    const windowS = Math.max(3 * sampleS, soakS / 10);
    addRow(
      'heapFloor',
      `V8 heap used, lowest of each ${round(windowS, 0)} s`,
      windowFloors(measuredSamples, first.t, windowS),
      null,
      null,
    );
    const cpuPercent = ((last.cpuS - first.cpuS) / Math.max(0.001, last.t - first.t)) * 100;
    const cores = cpus().length;
    const machinePercent =
      ((last.machineBusyTicks - first.machineBusyTicks) /
        Math.max(1, last.machineTotalTicks - first.machineTotalTicks)) *
      100 *
      cores;
    const judge = (key: string): string => {
      const value = slopes[key]?.whole ?? Number.NaN;
      return `${round(value, 2)} ${verdict(value, flatSlope, 'max')}`;
    };
    notes.push(
      `memory goal: flat, taken as a least-squares slope over the measured run of at most ${flatSlope} MiB/min ` +
        `(${flatSlope * 10} MiB in ten minutes) → RSS ${judge('rssMiB')}, lowest heap ${judge('heapFloor')}; ` +
        `${measuredSamples.length} samples every ${sampleS} s: RSS of the server process from /proc/<pid>/status, ` +
        'heap figures from its GET /metrics (prom-client); every sample is in the JSON',
      `CPU over the measured run, in % of one core: Loopen ${round(cpuPercent, 0)}; the whole machine ` +
        `${round(machinePercent, 0)} of ${cores * 100} (/proc/stat: Loopen, PostgreSQL, the bench process ` +
        'and anything else running on this shared machine)',
    );
  }
  if (quick) notes.push('!!! BENCH_QUICK=1: a short soak, a smoke test, not the figures');
  return {
    part: 'soak',
    title: `Soak: ${round(soakS / 60, 1)} min of reports, inbox, transitions and statistics at a fixed rate`,
    database: 'postgres',
    rows,
    tables: memoryRows.length > 0 ? [{ title: "The server's memory", rows: memoryRows }] : [],
    notes,
    failures,
    details: {
      soakS,
      warmupS,
      history,
      sampleS,
      quick,
      rates,
      tallies: soak
        ? (Object.fromEntries(
            (['warmup', 'measured'] as const).map((phase) => [
              phase,
              Object.fromEntries(
                kinds.map((k) => {
                  const { latencies: _latencies, ...rest } = soak?.tallies[phase][k] ?? emptyTally();
                  return [k, rest];
                }),
              ),
            ]),
          ) as JsonValue)
        : null,
      slopesMiBPerMin: Object.fromEntries(
        Object.entries(slopes).map(([k, v]) => [
          k,
          { whole: round(v.whole, 3), secondHalf: round(v.secondHalf, 3) },
        ]),
      ),
      samples: samples.map((s) => ({ ...s })),
    },
  };
}

/** The lowest heap used in each window of windowS seconds from `from`, at the window's middle. */
function windowFloors(
  samples: readonly Sample[],
  from: number,
  windowS: number,
): Array<{ t: number; y: number }> {
  const floors = new Map<number, number>();
  for (const sample of samples) {
    const index = Math.floor((sample.t - from) / windowS);
    floors.set(index, Math.min(floors.get(index) ?? Number.POSITIVE_INFINITY, sample.heapUsedMiB));
  }
  return [...floors].map(([index, y]) => ({ t: from + (index + 0.5) * windowS, y }));
}

/** Memory counts as flat when it grows by at most this much a minute (10 MiB over the 10-minute soak). */
const flatSlope = 1;

function numberOr(name: string, fallback: number): number {
  return scaled(name, fallback, fallback);
}

export const soakPart: Part = {
  name: 'soak',
  describe: 'ten minutes of reports, inbox reads, transitions and statistics at a fixed rate; memory flat?',
  run: runSoak,
};
