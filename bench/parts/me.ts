import { type LoadResult, measureLoad, median } from '../lib/load.ts';
import { errorMessage, numberFromEnv, type Part, progress } from '../lib/part.ts';
import {
  freePort,
  freshDataDir,
  inheritedSettings,
  productEnv,
  productLauncher,
  removeDir,
  type ServerProcess,
  spawnServer,
  tsxLauncher,
} from '../lib/server.ts';
import { type JsonValue, type PartResult, type Row, round } from '../lib/table.ts';

// The global limit (default 600 a minute per address) would answer most benchmark requests with 429.
const benchRateLimit = '100000000';

function cookiesFrom(response: Response, jar: Map<string, string>): void {
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(';', 1)[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

/** Signs in as a browser does (CSRF cookie and header, then the login); returns the cookie header. */
async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  cookiesFrom(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (csrf.status !== 200 || !csrfToken) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: cookieHeader(jar) },
    body: JSON.stringify({ username, password }),
  });
  cookiesFrom(login, jar);
  const text = await login.text();
  if (login.status !== 200) throw new Error(`POST /api/auth/login answered ${login.status}: ${text}`);
  if (!jar.has('loopen_session')) throw new Error('POST /api/auth/login set no loopen_session cookie');
  return cookieHeader(jar);
}

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
  bodyBytes: number;
  rounds: LoadResult[];
}

function targetRow(target: Target): Row {
  const { rounds } = target;
  return {
    target: target.name,
    rounds: rounds.length,
    'req/s': round(median(rounds.map((r) => r.rps)), 0),
    'p50 ms': round(median(rounds.map((r) => r.p50)), 2),
    'p95 ms': round(median(rounds.map((r) => r.p95)), 2),
    'p99 ms': round(median(rounds.map((r) => r.p99)), 2),
    errors: rounds.reduce((sum, r) => sum + r.errors + r.warmup.errors, 0),
    'non-2xx': rounds.reduce((sum, r) => sum + r.non2xx + r.warmup.non2xx, 0),
    'body bytes': target.bodyBytes,
  };
}

function ratio(a: Row, b: Row, column: string): number | null {
  const x = a[column];
  const y = b[column];
  return typeof x === 'number' && typeof y === 'number' && y > 0 ? round(x / y, 2) : null;
}

function roundsJson(rounds: readonly LoadResult[]): JsonValue {
  return rounds.map((r) => ({
    rps: round(r.rps, 1),
    p50: round(r.p50, 3),
    p95: round(r.p95, 3),
    p99: round(r.p99, 3),
    requests: r.requests,
    durationS: r.durationS,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statusCodes: r.statusCodes,
    warmup: r.warmup,
  }));
}

/** GET /api/me as the signed-in demo admin under concurrency, against a bare Fastify in the same run. */
async function runMe(): Promise<PartResult> {
  const connections = numberFromEnv('BENCH_CONCURRENCY', 32, { integer: true });
  const durationS = numberFromEnv('BENCH_DURATION_S', 10);
  const warmupS = numberFromEnv('BENCH_WARMUP_S', 2);
  const roundCount = numberFromEnv('BENCH_ROUNDS', 2, { integer: true });
  const databaseUrl = process.env.BENCH_DATABASE_URL || undefined;
  const password = process.env.LOOPEN_DEMO_PASSWORD || 'loopen-demo';
  const launcher = productLauncher();
  const failures: string[] = [];
  const notes = [
    `Loopen started as \`${launcher.label}\` with LOOPEN_RATE_LIMIT_PER_MINUTE=${benchRateLimit} ` +
      '(the default limit would throttle the benchmark), LOG_LEVEL=warn',
    `autocannon, ${connections} connections, ${warmupS} s warm-up then ${durationS} s measured per round; ` +
      `targets alternate (loopen, bare) × ${roundCount}; figures are medians of the rounds`,
    'p50/p95/p99 from every response time of a round (autocannon reports no p95); ' +
      'autocannon runs in the bench process and shares the CPUs with the server under test',
    'bare = bench/bare-server.ts, Fastify 5, no plugins, one route returning the same JSON as /api/me',
  ];
  if (launcher.fallback) {
    notes.push(
      '!!! scripts/start.mjs does not exist yet: Loopen started with the fallback (tsx server/main.ts)',
    );
  }
  const inherited = inheritedSettings(['LOOPEN_DATA_DIR', 'LOOPEN_DEMO', 'LOOPEN_RATE_LIMIT_PER_MINUTE']);
  if (inherited.length > 0) notes.push(`from the caller's environment: ${inherited.join(', ')}`);

  const dataDir = await freshDataDir();
  const servers: ServerProcess[] = [];
  const targets: Target[] = [];
  try {
    const loopenPort = await freePort();
    const loopen = spawnServer(
      launcher,
      loopenPort,
      productEnv({
        port: loopenPort,
        dataDir,
        databaseUrl,
        extra: { LOOPEN_RATE_LIMIT_PER_MINUTE: benchRateLimit },
      }),
    );
    servers.push(loopen);
    progress(`me: starting Loopen on ${databaseUrl ? 'PostgreSQL' : 'PGlite'}`);
    await loopen.waitReady('/health/ready', 600_000);
    const cookie = await signIn(loopen.baseUrl, 'admin', password);
    const me = await fetch(`${loopen.baseUrl}/api/me`, { headers: { cookie } });
    const meBody = await me.text();
    if (me.status !== 200) throw new Error(`GET /api/me answered ${me.status}: ${meBody}`);
    const { person } = JSON.parse(meBody) as { person?: { username?: string } };
    if (person?.username !== 'admin') throw new Error(`GET /api/me answered someone else: ${meBody}`);

    const barePort = await freePort();
    const bare = spawnServer(tsxLauncher('bench/bare-server.ts'), barePort, {
      ...process.env,
      PORT: String(barePort),
      BARE_BODY: meBody,
    });
    servers.push(bare);
    progress('me: starting the bare Fastify server');
    await bare.waitReady('/bare', 60_000);
    const bareBody = await (await fetch(`${bare.baseUrl}/bare`)).text();

    targets.push(
      {
        name: 'loopen GET /api/me',
        url: `${loopen.baseUrl}/api/me`,
        headers: { cookie },
        bodyBytes: Buffer.byteLength(meBody),
        rounds: [],
      },
      {
        name: 'bare Fastify GET /bare',
        url: `${bare.baseUrl}/bare`,
        headers: {},
        bodyBytes: Buffer.byteLength(bareBody),
        rounds: [],
      },
    );
    for (let i = 1; i <= roundCount; i++) {
      for (const target of targets) {
        progress(`me: round ${i}/${roundCount}, ${target.name}`);
        target.rounds.push(
          await measureLoad({ url: target.url, headers: target.headers, connections, durationS, warmupS }),
        );
      }
    }
  } catch (error) {
    failures.push(errorMessage(error));
  } finally {
    for (const server of servers) {
      const stop = await server.stop();
      if (stop.forced)
        notes.push(`!!! ${server.label} was still running 15 s after SIGINT and was SIGKILLed`);
    }
    await removeDir(dataDir);
  }

  const measured = targets.filter((target) => target.rounds.length > 0);
  const rows = measured.map(targetRow);
  for (const target of measured) {
    const row = targetRow(target);
    if (row.errors !== 0 || row['non-2xx'] !== 0) {
      const codes = target.rounds.map((r) => JSON.stringify(r.statusCodes)).join(', ');
      failures.push(
        `${target.name}: ${row.errors} connection errors and ${row['non-2xx']} non-2xx answers ` +
          `(status codes per round: ${codes})`,
      );
    }
  }
  const [loopenRow, bareRow] = rows;
  if (loopenRow && bareRow) {
    rows.push({
      target: 'ratio loopen / bare',
      rounds: null,
      'req/s': ratio(loopenRow, bareRow, 'req/s'),
      'p50 ms': ratio(loopenRow, bareRow, 'p50 ms'),
      'p95 ms': ratio(loopenRow, bareRow, 'p95 ms'),
      'p99 ms': ratio(loopenRow, bareRow, 'p99 ms'),
      errors: null,
      'non-2xx': null,
      'body bytes': ratio(loopenRow, bareRow, 'body bytes'),
    });
  }

  return {
    part: 'me',
    title: 'GET /api/me throughput and latency vs a bare Fastify',
    database: databaseUrl ? 'postgres' : 'pglite',
    rows,
    notes,
    failures,
    details: {
      launcher: launcher.label,
      fallback: launcher.fallback,
      connections,
      durationS,
      warmupS,
      rounds: roundCount,
      rateLimitPerMinute: Number(benchRateLimit),
      targets: targets.map((target) => ({ name: target.name, rounds: roundsJson(target.rounds) })),
    },
  };
}

export const mePart: Part = {
  name: 'me',
  describe: 'GET /api/me throughput and p95 under concurrency, against a bare Fastify server',
  run: runMe,
};
