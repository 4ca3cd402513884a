import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { median } from '../lib/load.ts';
import { errorMessage, numberFromEnv, type Part, progress } from '../lib/part.ts';
import {
  freePort,
  freshDataDir,
  inheritedSettings,
  type Launcher,
  productEnv,
  productLauncher,
  removeDir,
  repoRoot,
  type StopOutcome,
  spawnServer,
} from '../lib/server.ts';
import { type PartResult, type Row, round } from '../lib/table.ts';

const readyPath = '/health/ready';

const builtIndex = resolve(repoRoot, 'dist/web/index.html');

interface Start {
  readyMs: number;
  stop: StopOutcome;
  /** start.mjs rebuilt the web app during this start (its sources changed): not a server start-up time */
  rebuiltWeb: boolean;
}

function builtAt(): number {
  try {
    return statSync(builtIndex).mtimeMs;
  } catch {
    return 0;
  }
}

async function timedStart(launcher: Launcher, dataDir: string, timeoutMs: number): Promise<Start> {
  const builtBefore = builtAt();
  const port = await freePort();
  const server = spawnServer(launcher, port, productEnv({ port, dataDir }));
  let readyMs: number;
  try {
    readyMs = await server.waitReady(readyPath, timeoutMs);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const stop = await server.stop();
  return { readyMs, stop, rebuiltWeb: builtAt() !== builtBefore };
}

function summary(variant: string, samples: readonly number[]): Row {
  return {
    variant,
    runs: samples.length,
    'median ms': round(median(samples), 0),
    'min ms': samples.length > 0 ? round(Math.min(...samples), 0) : null,
    'max ms': samples.length > 0 ? round(Math.max(...samples), 0) : null,
  };
}

/** Time from spawn until /health/ready answers 200, on an empty data folder and on a used one. */
async function runStartup(): Promise<PartResult> {
  const runs = numberFromEnv('BENCH_STARTUP_RUNS', 3, { integer: true });
  const timeoutMs = numberFromEnv('BENCH_READY_TIMEOUT_S', 120) * 1000;
  const launcher = productLauncher();
  const notes = [
    `started as \`${launcher.label}\` with PORT in 3300–3399, HOST=127.0.0.1, LOG_LEVEL=warn, ` +
      'a fresh LOOPEN_DATA_DIR per run, DATABASE_URL unset (embedded PGlite)',
    'time = spawn → first 200 from GET /health/ready (polled every 20 ms); first start and restart alternate',
  ];
  if (launcher.fallback) {
    notes.push('!!! scripts/start.mjs does not exist yet: measured with the fallback (tsx server/main.ts)');
  }
  const inherited = inheritedSettings(['LOOPEN_DATA_DIR', 'LOOPEN_DEMO']);
  if (inherited.length > 0) notes.push(`from the caller's environment: ${inherited.join(', ')}`);
  const failures: string[] = [];
  const first: number[] = [];
  const restart: number[] = [];
  const stops: StopOutcome[] = [];

  // One untimed start first: builds dist/web if start.mjs finds it missing, fills tsx's compile
  // cache and the OS file cache, so every timed run starts from the same warm state.
  const primeDir = await freshDataDir();
  let primeMs: number | null = null;
  try {
    progress('startup: priming start (untimed)');
    primeMs = (await timedStart(launcher, primeDir, Math.max(timeoutMs, 600_000))).readyMs;
  } catch (error) {
    failures.push(`priming start failed: ${errorMessage(error)}`);
  } finally {
    await removeDir(primeDir);
  }

  // A start during which start.mjs rebuilt the web app (someone edited web/ meanwhile) measures the
  // build, not the server: it is discarded and repeated, up to twice.
  const rebuilds: number[] = [];
  for (let i = 1; i <= runs && failures.length === 0; i++) {
    let dataDir = await freshDataDir();
    try {
      for (let attempt = 1; attempt <= 3; attempt++) {
        progress(`startup: run ${i}/${runs}, first start${attempt > 1 ? ` (attempt ${attempt})` : ''}`);
        const fresh = await timedStart(launcher, dataDir, timeoutMs);
        stops.push(fresh.stop);
        if (!fresh.rebuiltWeb || attempt === 3) {
          first.push(fresh.readyMs);
          break;
        }
        rebuilds.push(fresh.readyMs);
        await removeDir(dataDir);
        dataDir = await freshDataDir();
      }
      for (let attempt = 1; attempt <= 3; attempt++) {
        progress(`startup: run ${i}/${runs}, restart${attempt > 1 ? ` (attempt ${attempt})` : ''}`);
        const again = await timedStart(launcher, dataDir, timeoutMs);
        stops.push(again.stop);
        if (!again.rebuiltWeb || attempt === 3) {
          restart.push(again.readyMs);
          break;
        }
        rebuilds.push(again.readyMs);
      }
    } catch (error) {
      failures.push(`start-up run ${i}: ${errorMessage(error)}`);
    } finally {
      await removeDir(dataDir);
    }
  }

  if (rebuilds.length > 0) {
    notes.push(
      `${rebuilds.length} start(s) rebuilt dist/web (web/ sources changed during the run) and were repeated: ` +
        `${rebuilds.map((ms) => round(ms, 0)).join(', ')} ms`,
    );
  }
  if (primeMs !== null) notes.push(`untimed priming start: ${round(primeMs, 0)} ms`);
  const forced = stops.filter((stop) => stop.forced).length;
  if (forced > 0)
    notes.push(
      `!!! ${forced} of ${stops.length} stops left processes running for 15 s after SIGINT and were SIGKILLed`,
    );
  const unclean = stops.filter((stop) => !stop.forced && stop.exitCode !== 0).length;
  if (unclean > 0)
    notes.push(
      `!!! ${unclean} of ${stops.length} stops ended with a non-zero exit code after SIGINT ` +
        '(the database may not have been closed cleanly before a restart)',
    );
  if (stops.length > 0) {
    notes.push(
      `shutdown after SIGINT to the launcher: median ${round(median(stops.map((s) => s.ms)), 0)} ms`,
    );
  }
  if (first.length > 0 && restart.length > 0) {
    notes.push(`first start / restart = ${round(median(first) / median(restart), 2)}`);
  }

  return {
    part: 'startup',
    title: 'Start-up time to /health/ready',
    database: 'pglite',
    rows: [
      summary('first start (empty data dir: migrations + demo seed)', first),
      summary('restart (same data dir)', restart),
    ],
    notes,
    failures,
    details: {
      launcher: launcher.label,
      fallback: launcher.fallback,
      primeMs,
      discardedBecauseOfWebBuildMs: rebuilds.map((ms) => round(ms, 1)),
      firstStartMs: first.map((ms) => round(ms, 1)),
      restartMs: restart.map((ms) => round(ms, 1)),
      stops: stops.map((stop) => ({
        ms: round(stop.ms, 1),
        forced: stop.forced,
        exitCode: stop.exitCode,
        exitSignal: stop.exitSignal,
      })),
    },
  };
}

export const startupPart: Part = {
  name: 'startup',
  describe: 'start-up time on the embedded database: first start and restart',
  run: runStartup,
};
