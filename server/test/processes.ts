import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

// Support for the tests that run Loopen as real server processes (crash, many servers, backup and
// restore): start `server/main.ts` as a child, talk to it over HTTP like a browser, and make sure
// no child outlives the test run.

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The local PostgreSQL the suite uses (trust auth), unless DATABASE_URL names another. */
export const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

/** A port nobody listens on now: the kernel picks one for a moment, and we give it back. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

const running = new Set<ChildProcess>();

/**
 * Kills every server this test file started and has not seen exit: for afterAll, so that a test
 * that failed half-way (even while starting two at once) leaves nothing running.
 */
export async function killAllServers(): Promise<void> {
  const gone = [...running].map(
    (child) =>
      new Promise<void>((done) =>
        child.exitCode !== null || child.signalCode !== null ? done() : child.once('exit', () => done()),
      ),
  );
  for (const child of running) killGroup(child);
  await Promise.all(gone);
}

/** SIGKILL to the child's whole process group (it leads one: spawned detached). */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

// A test that throws before its afterAll, or a worker that exits, must not leave servers behind.
process.once('exit', () => {
  for (const child of running) killGroup(child);
});

export interface ServerProcess {
  url: string;
  port: number;
  pid: number;
  /** what the process wrote to stdout and stderr (the last 200 kB) */
  output(): string;
  /** SIGTERM, as an operator stops it: waits for the clean exit (and kills it after 20 s) */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL to the process group, as a crash: waits until it is gone */
  kill(): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts Loopen's server as `node --import tsx server/main.ts` with only the given settings (plus
 * PATH and HOME), waits until /health/ready answers 200, and returns a handle. The child leads its
 * own process group so that a kill reaches anything it started.
 */
export async function startServer(
  settings: Record<string, string>,
  options: { readyTimeoutMs?: number } = {},
): Promise<ServerProcess> {
  const port = Number(settings.PORT ?? (await freePort()));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    LOOPEN_RATE_LIMIT_PER_MINUTE: '1000000',
    LOOPEN_LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    ...settings,
    PORT: String(port),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-200_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // 'close', not 'exit': it comes after the pipes are drained, so output() then holds all the
  // process wrote, its last words before a refusal to start included.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    child.on('close', (code, signal) => {
      running.delete(child);
      done({ code, signal });
    });
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('the server process did not start');
  const url = `http://127.0.0.1:${port}`;

  const handle: ServerProcess = {
    url,
    port,
    pid,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => killGroup(child), 20_000);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
    async kill() {
      killGroup(child);
      await exited;
    },
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  for (;;) {
    if (gone) {
      const { code, signal } = await exited;
      throw new Error(`the server exited (code ${code}, signal ${signal}) before it was ready:\n${output}`);
    }
    try {
      const answer = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (answer.status === 200) return handle;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await handle.kill();
      throw new Error(`the server was not ready within the time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface HttpAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A browser over real HTTP: keeps its cookies, sends the CSRF cookie back in the header on
 * state-changing requests. The base address can change (another process of the same installation).
 */
export class HttpClient {
  private readonly cookies = new Map<string, string>();
  constructor(public baseUrl: string) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** The same person in another browser tab pointed at another server: same cookies. */
  pointedAt(baseUrl: string): HttpClient {
    const other = new HttpClient(baseUrl);
    for (const [name, value] of this.cookies) other.cookies.set(name, value);
    return other;
  }

  async request<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpAnswer<T>> {
    if (method !== 'GET' && !this.cookies.has('loopen_csrf')) await this.request('GET', '/api/auth/csrf');
    const all: Record<string, string> = { 'accept-language': 'sv', ...headers };
    const csrf = this.cookies.get('loopen_csrf');
    if (method !== 'GET' && csrf) all['x-csrf-token'] = csrf;
    // A form (a file upload) sets its own multipart content type.
    const form = body instanceof FormData;
    if (body !== undefined && !form) all['content-type'] = 'application/json';
    if (this.cookies.size > 0) all.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: all,
      ...(body === undefined ? {} : { body: form ? body : JSON.stringify(body) }),
      signal: AbortSignal.timeout(30_000),
    });
    this.keepCookies(response);
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    const parsed = (type.includes('json') && text ? JSON.parse(text) : text) as T;
    return { status: response.status, body: parsed, headers: response.headers };
  }

  /** A download, as bytes. */
  async bytes(path: string): Promise<{ status: number; body: Buffer }> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(`${this.baseUrl}${path}`, { headers, signal: AbortSignal.timeout(30_000) });
    this.keepCookies(response);
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
  }

  private keepCookies(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (value === '' || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get<T = Record<string, unknown>>(path: string): Promise<HttpAnswer<T>> {
    return this.request<T>('GET', path);
  }

  post<T = Record<string, unknown>>(
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<HttpAnswer<T>> {
    return this.request<T>('POST', path, body, headers);
  }

  async login(username: string, password = 'loopen-demo'): Promise<void> {
    const answer = await this.post('/api/auth/login', { username, password });
    if (answer.status !== 200)
      throw new Error(`login as ${username} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** The URL of another database on the same PostgreSQL server. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new, empty database on the PostgreSQL server of `serverUrl`, dropped (with force) by drop(). */
export async function scratchDatabase(serverUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await adminQuery(serverUrl, `create database ${name}`);
  return {
    name,
    url: databaseUrl(serverUrl, name),
    drop: () => dropDatabase(serverUrl, name),
  };
}

/** Drops a database of the PostgreSQL server of `serverUrl`, ending its sessions. */
export function dropDatabase(serverUrl: string, name: string): Promise<void> {
  return adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}
