import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../platform/config.ts';
import { type Database, openDatabase } from '../platform/db.ts';
import type { App } from '../platform/http.ts';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on
 * the PostgreSQL server named by DATABASE_URL (dropped again on close).
 */
export async function testDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ dataDir: 'memory://' });
    await database.migrate();
    return database;
  }
  const name = `loopen_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const database = await openDatabase({ url: testUrl.toString(), poolSize: 5 });
  await database.migrate();
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', LOOPEN_RATE_LIMIT_PER_MINUTE: '100000', ...overrides });
}

export interface TestApp {
  app: App;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

export async function testApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const database = await testDatabase();
  const config = testConfig(overrides);
  const app = await buildApp({ config, database, logger: false, serveWeb: false });
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

/**
 * A browser-like client over app.inject: keeps cookies, echoes the CSRF cookie in the header on
 * state-changing requests, and speaks a chosen language.
 */
export class Client {
  private cookies = new Map<string, string>();
  constructor(
    private readonly app: App,
    private readonly options: { language?: string; csrf?: boolean } = {},
  ) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async request<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    if (method !== 'GET' && this.options.csrf !== false && !this.cookies.has('loopen_csrf')) {
      await this.request('GET', '/api/auth/csrf');
    }
    const allHeaders: Record<string, string> = { ...headers };
    if (this.options.language) allHeaders['accept-language'] = this.options.language;
    const csrf = this.cookies.get('loopen_csrf');
    if (method !== 'GET' && csrf && this.options.csrf !== false) allHeaders['x-csrf-token'] = csrf;
    if (this.cookies.size > 0) {
      allHeaders.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    const response = await this.app.inject({
      method,
      url,
      headers: allHeaders,
      ...(payload === undefined
        ? {}
        : typeof payload === 'string'
          ? { payload }
          : { payload: payload as object }),
    });
    for (const c of response.cookies) {
      if (
        c.value === '' ||
        (c.maxAge !== undefined && c.maxAge <= 0) ||
        (c.expires && c.expires.getTime() < Date.now())
      ) {
        this.cookies.delete(c.name);
      } else {
        this.cookies.set(c.name, c.value);
      }
    }
    const type = String(response.headers['content-type'] ?? '');
    const body = (type.includes('json') && response.body ? response.json() : response.body) as T;
    return { status: response.statusCode, body, headers: response.headers };
  }

  get<T = Record<string, unknown>>(url: string): Promise<Answer<T>> {
    return this.request<T>('GET', url);
  }
  post<T = Record<string, unknown>>(
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<Answer<T>> {
    return this.request<T>('POST', url, payload, headers);
  }
  put<T = Record<string, unknown>>(url: string, payload?: unknown): Promise<Answer<T>> {
    return this.request<T>('PUT', url, payload);
  }
  patch<T = Record<string, unknown>>(url: string, payload?: unknown): Promise<Answer<T>> {
    return this.request<T>('PATCH', url, payload);
  }
  delete<T = Record<string, unknown>>(url: string): Promise<Answer<T>> {
    return this.request<T>('DELETE', url);
  }

  async login(username: string, password: string): Promise<Answer> {
    const answer = await this.post('/api/auth/login', { username, password });
    if (answer.status !== 200)
      throw new Error(`login as ${username} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer;
  }
}
