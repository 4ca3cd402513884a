import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { percentile } from './load.ts';

const run = promisify(execFile);

/** pgbench on the PATH, else the one beside a Debian PostgreSQL; null when there is none. */
export async function findPgbench(): Promise<string | null> {
  try {
    const { stdout } = await run('sh', ['-c', 'command -v pgbench']);
    const found = stdout.trim();
    if (found) return found;
  } catch {
    // not on the PATH
  }
  for (const version of ['17', '16', '15', '14', '13']) {
    const candidate = `/usr/lib/postgresql/${version}/bin/pgbench`;
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

export interface PgbenchOptions {
  binary: string;
  /** a libpq connection string or URL */
  url: string;
  script: string;
  clients: number;
  threads: number;
  durationS: number;
  /** -D name=value */
  defines: Record<string, string>;
}

export interface PgbenchResult {
  /** transactions per second over the run (pgbench's own figure, without the connection time) */
  tps: number;
  /** latency percentiles in milliseconds, from the per-transaction log */
  p50: number;
  p95: number;
  p99: number;
  transactions: number;
  failed: number;
  command: string;
}

/**
 * Runs a custom pgbench script with -M extended (what node-postgres does: unnamed statements with
 * parameters) and a per-transaction log, from which the percentiles come.
 */
export async function runPgbench(options: PgbenchOptions): Promise<PgbenchResult> {
  const dir = await mkdtemp(join(tmpdir(), 'loopen-pgbench-'));
  try {
    const scriptFile = join(dir, 'script.sql');
    await writeFile(scriptFile, options.script);
    const args = [
      '-n',
      '-M',
      'extended',
      '-c',
      String(options.clients),
      '-j',
      String(options.threads),
      '-T',
      String(Math.max(1, Math.round(options.durationS))),
      '-f',
      scriptFile,
      '-l',
      `--log-prefix=${join(dir, 'log')}`,
      ...Object.entries(options.defines).flatMap(([name, value]) => ['-D', `${name}=${value}`]),
      options.url,
    ];
    const { stdout } = await run(options.binary, args, { maxBuffer: 16 * 1024 * 1024, cwd: dir });
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1] ?? Number.NaN);
    const transactions = Number(/number of transactions actually processed: (\d+)/.exec(stdout)?.[1] ?? 0);
    const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
    const latencies: number[] = [];
    for (const file of await readdir(dir)) {
      if (!file.startsWith('log')) continue;
      // client_id transaction_no time_us script_no time_epoch time_us_fraction …
      for (const line of (await readFile(join(dir, file), 'utf8')).split('\n')) {
        const micros = Number(line.split(' ')[2]);
        if (Number.isFinite(micros) && line.length > 0) latencies.push(micros / 1000);
      }
    }
    const sorted = Float64Array.from(latencies).sort();
    return {
      tps,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      transactions,
      failed,
      command: `pgbench ${args.slice(0, -1).join(' ')} <url>`,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
