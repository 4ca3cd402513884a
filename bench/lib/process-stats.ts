import { readdir, readFile } from 'node:fs/promises';

// What a server process costs the machine, read from Linux's /proc (the bench runs on Linux):
// resident memory and CPU time, for the soak's "memory flat" and CPU figures.

async function childrenOf(pid: number): Promise<number[]> {
  // /proc/<pid>/task/<tid>/children lists the children each thread started.
  try {
    const tasks = await readdir(`/proc/${pid}/task`);
    const lists = await Promise.all(
      tasks.map((tid) => readFile(`/proc/${pid}/task/${tid}/children`, 'utf8').catch(() => '')),
    );
    return lists.flatMap((list) => list.split(/\s+/).filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

async function commandLine(pid: number): Promise<string> {
  return (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).replaceAll('\0', ' ');
}

/**
 * The process that runs server/main.ts under the launcher: `node scripts/start.mjs` (or the tsx
 * binary) starts a node child that does. The deepest such descendant, not the leaf: tsx may start
 * an esbuild service below it.
 */
export async function serverProcessId(launcherPid: number, entry = 'server/main.ts'): Promise<number> {
  let found: number | null = null;
  const queue = [launcherPid];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    if ((await commandLine(pid)).includes(entry)) found = pid;
    queue.push(...(await childrenOf(pid)));
  }
  if (found === null) throw new Error(`no process running ${entry} under ${launcherPid}`);
  return found;
}

/** Resident set size in MiB (VmRSS of /proc/<pid>/status). */
export async function residentMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1] ?? Number.NaN);
  return kib / 1024;
}

const ticksPerSecond = 100; // USER_HZ: 100 on every Linux the bench runs on

/** User plus system CPU seconds the process has used so far (/proc/<pid>/stat). */
export async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/**
 * Series of prom-client's default metrics from GET /metrics, named as the text format writes them
 * (`nodejs_heap_size_used_bytes`, `nodejs_heap_space_size_used_bytes{space="old"}`); NaN when absent.
 */
export async function promMetrics<Name extends string>(
  baseUrl: string,
  names: readonly Name[],
): Promise<Record<Name, number>> {
  const response = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET /metrics answered ${response.status}`);
  const lines = text.split('\n');
  const values = {} as Record<Name, number>;
  for (const name of names) {
    const line = lines.find((l) => l.startsWith(`${name} `));
    values[name] = Number(line?.split(' ').at(-1) ?? Number.NaN);
  }
  return values;
}

/** Least-squares slope of y over x; NaN with fewer than two distinct x. */
export function slope(points: ReadonlyArray<{ x: number; y: number }>): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - meanX) * (p.y - meanY);
    den += (p.x - meanX) ** 2;
  }
  return den === 0 ? Number.NaN : num / den;
}

/** The machine's CPU time so far, all cores (first line of /proc/stat), in clock ticks. */
export async function machineTicks(): Promise<{ busy: number; total: number }> {
  const line = (await readFile('/proc/stat', 'utf8')).split('\n', 1)[0] ?? '';
  // user nice system idle iowait irq softirq steal; guest time is already counted in user
  const values = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = values.reduce((sum, v) => sum + v, 0);
  // idle and iowait are the 4th and 5th values
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}
