import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tsxBin = resolve(repoRoot, 'node_modules/.bin/tsx');

/** How to start a process: the command, its arguments and a label for the report. */
export interface Launcher {
  command: string;
  args: string[];
  label: string;
  /** true when scripts/start.mjs was absent and the server was started with tsx directly */
  fallback: boolean;
}

/**
 * The product as a user starts it (`npm start` runs `node scripts/start.mjs`). While that script
 * does not exist yet, server/main.ts through the local tsx binary: what `npx tsx` would run,
 * without npm's own start-up time in the measurement.
 */
export function productLauncher(): Launcher {
  const startScript = resolve(repoRoot, 'scripts/start.mjs');
  if (existsSync(startScript)) {
    return {
      command: process.execPath,
      args: [startScript],
      label: 'node scripts/start.mjs',
      fallback: false,
    };
  }
  return {
    command: tsxBin,
    args: [resolve(repoRoot, 'server/main.ts')],
    label: 'tsx server/main.ts (FALLBACK: scripts/start.mjs is absent)',
    fallback: true,
  };
}

/** A TypeScript file of the bench itself, run with tsx. */
export function tsxLauncher(relativePath: string): Launcher {
  return {
    command: tsxBin,
    args: [resolve(repoRoot, relativePath)],
    label: `tsx ${relativePath}`,
    fallback: false,
  };
}

const portsInUse = new Set<number>();

/** A port in 3300–3399 that nothing listens on and that this run has not handed out yet. */
export async function freePort(from = 3300, to = 3399): Promise<number> {
  for (let port = from; port <= to; port++) {
    if (portsInUse.has(port)) continue;
    if (await portIsFree(port)) {
      portsInUse.add(port);
      return port;
    }
  }
  throw new Error(`no free port in ${from}–${to}`);
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const probe = createServer();
    probe.once('error', () => resolvePromise(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      probe.close(() => resolvePromise(true));
    });
  });
}

export async function freshDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'loopen-bench-'));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export interface ProductEnvOptions {
  port: number;
  dataDir: string;
  /** PostgreSQL to run on; PGlite in dataDir when absent (DATABASE_URL is always removed first) */
  databaseUrl?: string | undefined;
  extra?: Record<string, string>;
}

/** The environment for a Loopen server under test: the caller's, with the bench's settings on top. */
export function productEnv(options: ProductEnvOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  Object.assign(env, {
    PORT: String(options.port),
    // Loopback only: a benchmark server with the demo password should not be reachable from outside.
    HOST: '127.0.0.1',
    LOOPEN_DATA_DIR: options.dataDir,
    LOG_LEVEL: 'warn',
    LOOPEN_DEMO: '1',
    ...options.extra,
  });
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  return env;
}

/**
 * The caller's LOOPEN_* settings that reach the server unchanged (e.g. LOOPEN_SKIP_BUILD=1), for the
 * report's notes: they change what is measured. Secrets are masked.
 */
export function inheritedSettings(overridden: readonly string[]): string[] {
  return Object.entries(process.env)
    .filter(([name, value]) => name.startsWith('LOOPEN_') && value && !overridden.includes(name))
    .map(([name, value]) => `${name}=${/PASSWORD|SECRET|TOKEN/.test(name) ? '***' : value}`)
    .sort();
}

export interface StopOutcome {
  /** milliseconds from the signal until the whole process group was gone */
  ms: number;
  /** true when the group was still there after the grace period and was SIGKILLed */
  forced: boolean;
  exitCode: number | null;
  exitSignal: string | null;
}

export interface ServerProcess {
  readonly label: string;
  readonly port: number;
  readonly baseUrl: string;
  /** the launcher's process id (also its process group); the server itself may be a child of it */
  readonly pid: number | undefined;
  /** the last lines the process wrote to stdout and stderr */
  output(): string;
  /** milliseconds from spawn until GET path answers 200; throws if the process exits first */
  waitReady(path: string, timeoutMs: number): Promise<number>;
  /**
   * SIGINT to the launcher, which forwards it to the server (start.mjs and tsx both do), then waits
   * until the whole process group is gone; SIGKILL to the group after the grace period. Not SIGINT to
   * the group as Ctrl-C does: the server would get it twice and may die before closing its database.
   */
  stop(graceMs?: number): Promise<StopOutcome>;
}

const liveGroups = new Set<number>();

/** Last resort on an abnormal exit of the bench: kill every process group it started. */
export function killAllNow(): void {
  for (const pgid of liveGroups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  liveGroups.clear();
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const outputLimit = 64 * 1024;

/** Starts a server in its own process group, so that stop() can make sure nothing of it is left. */
export function spawnServer(launcher: Launcher, port: number, env: NodeJS.ProcessEnv): ServerProcess {
  let output = '';
  const append = (chunk: Buffer | string): void => {
    output += chunk.toString();
    if (output.length > outputLimit) output = output.slice(-outputLimit);
  };
  const startedAt = performance.now();
  const child = spawn(launcher.command, launcher.args, {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid !== undefined) liveGroups.add(pid);
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);

  let exit: { code: number | null; signal: string | null } | null = null;
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolveExit) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolveExit(exit);
    });
    child.once('error', (error) => {
      append(`\n[bench] could not start ${launcher.label}: ${error.message}\n`);
      exit = { code: null, signal: null };
      resolveExit(exit);
    });
  });
  const baseUrl = `http://127.0.0.1:${port}`;

  const waitReady = async (path: string, timeoutMs: number): Promise<number> => {
    const deadline = startedAt + timeoutMs;
    while (performance.now() < deadline) {
      if (exit) {
        throw new Error(
          `${launcher.label} exited (code ${exit.code}, signal ${exit.signal}) before ${path} answered 200\n${tail(output)}`,
        );
      }
      try {
        const response = await fetch(`${baseUrl}${path}`, { signal: AbortSignal.timeout(2000) });
        await response.arrayBuffer();
        if (response.status === 200) return performance.now() - startedAt;
      } catch {
        // not listening yet
      }
      await sleep(20);
    }
    throw new Error(`${launcher.label}: ${path} did not answer 200 within ${timeoutMs} ms\n${tail(output)}`);
  };

  const stop = async (graceMs = 15_000): Promise<StopOutcome> => {
    const signalledAt = performance.now();
    let forced = false;
    if (pid !== undefined) {
      if (!exit) {
        try {
          process.kill(pid, 'SIGINT');
        } catch {
          // already gone
        }
      }
      const deadline = signalledAt + graceMs;
      await Promise.race([exited, sleep(graceMs, undefined, { ref: false })]);
      while (groupAlive(pid) && performance.now() < deadline) await sleep(20);
      if (!exit || groupAlive(pid)) {
        forced = true;
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // gone in the meantime
        }
        await exited;
      }
      liveGroups.delete(pid);
    }
    portsInUse.delete(port);
    const final = await exited;
    return { ms: performance.now() - signalledAt, forced, exitCode: final.code, exitSignal: final.signal };
  };

  return { label: launcher.label, port, baseUrl, pid, output: () => output, waitReady, stop };
}

function tail(text: string, lines = 30): string {
  return stripVTControlCharacters(text).trimEnd().split('\n').slice(-lines).join('\n');
}
