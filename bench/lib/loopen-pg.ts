import { numberFromEnv, progress } from './part.ts';
import {
  freePort,
  freshDataDir,
  productEnv,
  productLauncher,
  removeDir,
  type ServerProcess,
  spawnServer,
} from './server.ts';

// What the deviation benchmarks share: the quick mode, a Loopen server on a scratch PostgreSQL
// database, and how a figure is set against its goal.

/** BENCH_QUICK=1: fewer rows and shorter runs, to smoke-test the bench itself; not for the figures. */
export function quickMode(): boolean {
  return process.env.BENCH_QUICK === '1';
}

/**
 * For parts that call the API only: start.mjs would otherwise build the web app when its sources
 * changed, a minute of both cores in the middle of the measurement (and a dist/web others may be using).
 */
export const apiOnly: Record<string, string> = { LOOPEN_SKIP_BUILD: '1' };

/** A number from the environment, with a smaller default in quick mode. */
export function scaled(
  name: string,
  full: number,
  quick: number,
  options: { integer?: boolean } = {},
): number {
  return numberFromEnv(name, quickMode() ? quick : full, options);
}

// The global limit (default 600 a minute per address) would answer most benchmark requests with 429.
export const benchRateLimit = '100000000';

export interface RunningLoopen {
  server: ServerProcess;
  stop(): Promise<string[]>;
}

/**
 * Starts Loopen on the database (it migrates and seeds the demo organisation once) and waits until it
 * is ready. `env` adds to the server's environment (e.g. LOOPEN_SKIP_BUILD=1 for a part that calls
 * the API only).
 */
export async function startLoopenOn(
  databaseUrl: string,
  label: string,
  env: Record<string, string> = {},
): Promise<RunningLoopen> {
  const dataDir = await freshDataDir();
  const port = await freePort();
  const server = spawnServer(
    productLauncher(),
    port,
    productEnv({
      port,
      dataDir,
      databaseUrl,
      extra: { LOOPEN_RATE_LIMIT_PER_MINUTE: benchRateLimit, ...env },
    }),
  );
  progress(`${label}: starting Loopen on PostgreSQL`);
  try {
    await server.waitReady('/health/ready', 600_000);
  } catch (error) {
    await server.stop();
    await removeDir(dataDir);
    throw error;
  }
  return {
    server,
    async stop(): Promise<string[]> {
      const outcome = await server.stop();
      await removeDir(dataDir);
      return outcome.forced
        ? [`!!! ${server.label} was still running 15 s after SIGINT and was SIGKILLed`]
        : [];
    },
  };
}

/** "met" or "MISSED", for a figure that should be at most (or at least) the goal. */
export function verdict(value: number, goal: number, kind: 'max' | 'min'): string {
  if (!Number.isFinite(value)) return 'n/a';
  return (kind === 'max' ? value <= goal : value >= goal) ? 'met' : 'MISSED';
}
