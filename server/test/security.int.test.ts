import { randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { Database } from '../platform/db.ts';
import type { App } from '../platform/http.ts';
import { newToken } from '../platform/sessions.ts';
import { seedDemo } from '../seed/demo.ts';
import { Client, testConfig, testDatabase } from './harness.ts';

/**
 * Issue 4, hostile input, authentication: session fixation, CSRF on every state-changing route,
 * and signing out — with two app instances on one database, as two server processes behind a load
 * balancer would be. The endpoints come from the OpenAPI document, so a new one is covered at once.
 * (Throttling of failed sign-ins is told in modules/auth/auth.int.test.ts; here only across instances.)
 */

const PASSWORD = 'loopen-demo';
let database: Database;
let serverA: App;
let serverB: App;

beforeAll(async () => {
  database = await testDatabase();
  const config = testConfig({ LOOPEN_LOGIN_MAX_FAILURES: '3' });
  serverA = await buildApp({ config, database, logger: false, serveWeb: false });
  serverB = await buildApp({ config, database, logger: false, serveWeb: false });
  await Promise.all([serverA.ready(), serverB.ready()]);
  await seedDemo(database.db, { password: PASSWORD });
});
afterAll(async () => {
  await serverA.close();
  await serverB.close();
  await database.close();
});

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Endpoint {
  method: Method;
  /** the OpenAPI path, e.g. /api/units/{id} */
  path: string;
}

function endpoints(app: App): Endpoint[] {
  const spec = app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(spec.paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => ({ method: method.toUpperCase() as Method, path })),
  );
}

const stateChanging = (e: Endpoint): boolean => e.method !== 'GET';

/** A concrete URL for an OpenAPI path: every path parameter a fresh, well-formed id. */
function urlOf(path: string): string {
  return path.replace(/\{[^}]+\}/g, () => randomUUID());
}

const describeEndpoint = (e: Endpoint): string => `${e.method} ${e.path}`;

async function signedIn(app: App, username: string): Promise<Client> {
  const browser = new Client(app);
  await browser.login(username, PASSWORD);
  return browser;
}

/** A browser that carries exactly these cookies and never adds the CSRF header by itself. */
function browserWith(app: App, cookies: Record<string, string>): Client {
  const browser = new Client(app, { csrf: false });
  for (const [name, value] of Object.entries(cookies)) browser.setCookie(name, value);
  return browser;
}

/**
 * Every row of every table, as one fingerprint per table. A session's last_seen_at is left out: it
 * records use (at most once a minute), not a change anyone asked for.
 */
async function snapshot(): Promise<Record<string, string>> {
  const rows = async <T>(query: SQL): Promise<T[]> =>
    ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
  const tables = await rows<{ schema: string; name: string }>(
    sql`select table_schema as schema, table_name as name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
        order by 1, 2`,
  );
  const result: Record<string, string> = {};
  for (const table of tables) {
    const name = sql.raw(`"${table.schema}"."${table.name}"`);
    const [row] = await rows<{ n: number; fingerprint: string | null }>(
      sql`select count(*)::int as n,
                 md5(string_agg((to_jsonb(t) - 'last_seen_at')::text, '|' order by (to_jsonb(t) - 'last_seen_at')::text)) as fingerprint
          from ${name} t`,
    );
    result[`${table.schema}.${table.name}`] = `${row?.n ?? 0}:${row?.fingerprint ?? ''}`;
  }
  return result;
}

describe('session fixation', () => {
  it('when an attacker plants a session cookie of their choosing before the victim signs in, then sign-in sets a new one and the planted value signs no one in', async () => {
    const planted = newToken();
    const victim = browserWith(serverA, { loopen_session: planted });
    const before = await victim.get('/api/auth/csrf');
    expect(before.status).toBe(200);
    const csrfBefore = victim.cookie('loopen_csrf') ?? '';
    const login = await victim.post(
      '/api/auth/login',
      { username: 'chef.avd12', password: PASSWORD },
      { 'x-csrf-token': csrfBefore },
    );
    expect(login.status).toBe(200);
    const issued = victim.cookie('loopen_session');
    expect(issued).toBeDefined();
    expect(issued).not.toBe(planted);
    // The CSRF token turns over at sign-in too: one read before it is worth nothing after.
    expect(victim.cookie('loopen_csrf')).not.toBe(csrfBefore);

    expect((await browserWith(serverA, { loopen_session: planted }).get('/api/me')).status).toBe(401);
    expect((await browserWith(serverB, { loopen_session: planted }).get('/api/me')).status).toBe(401);
    const me = await browserWith(serverB, { loopen_session: issued ?? '' }).get<{
      person: { username: string };
    }>('/api/me');
    expect(me.body.person.username).toBe('chef.avd12');
  });

  it("when an attacker plants their own live session in the victim's browser, then the victim's sign-in ends it and makes a session of its own", async () => {
    const attacker = await signedIn(serverA, 'sjukskoterska');
    const attackersSession = attacker.cookie('loopen_session') ?? '';
    const victim = browserWith(serverA, {
      loopen_session: attackersSession,
      loopen_csrf: attacker.cookie('loopen_csrf') ?? '',
    });
    const login = await victim.post(
      '/api/auth/login',
      { username: 'chef.avd12', password: PASSWORD },
      { 'x-csrf-token': attacker.cookie('loopen_csrf') ?? '' },
    );
    expect(login.status).toBe(200);
    expect(victim.cookie('loopen_session')).not.toBe(attackersSession);

    // The session the attacker knows neither became the manager's nor stayed the nurse's.
    expect((await attacker.get('/api/me')).status).toBe(401);
    for (const server of [serverA, serverB]) {
      expect((await browserWith(server, { loopen_session: attackersSession }).get('/api/me')).status).toBe(
        401,
      );
    }
    const me = await victim.get<{ person: { username: string } }>('/api/me');
    expect(me.body.person.username).toBe('chef.avd12');
  });
});

describe('CSRF on every state-changing route', () => {
  it('when a signed-in request to any POST, PUT, PATCH or DELETE endpoint lacks the CSRF header or sends a wrong one, then it is refused with 403 problem+json and nothing is written', async () => {
    const admin = await signedIn(serverA, 'admin');
    const cookies = {
      loopen_session: admin.cookie('loopen_session') ?? '',
      loopen_csrf: admin.cookie('loopen_csrf') ?? '',
    };
    const targets = endpoints(serverA).filter(stateChanging);
    // The walk must cover the API as it is, not an empty or shrunken list.
    expect(targets.length).toBeGreaterThan(35);
    expect(targets.map(describeEndpoint)).toEqual(
      expect.arrayContaining([
        'POST /api/auth/logout',
        'POST /api/deviations',
        'POST /api/deviations/{id}/transitions',
        'DELETE /api/people/{id}/roles/{roleId}',
        'PUT /api/deviation-categories/{id}/ladder',
      ]),
    );

    const before = await snapshot();
    const accepted: string[] = [];
    for (const target of targets) {
      const url = urlOf(target.path);
      const attempts: Array<[string, Record<string, string>, Record<string, string>]> = [
        ['without the header', cookies, {}],
        ['with a wrong token', cookies, { 'x-csrf-token': newToken() }],
        // A cookie the server would never have given is replaced, not trusted, whatever the header says.
        ['with a malformed cookie echoed', { ...cookies, loopen_csrf: 'x' }, { 'x-csrf-token': 'x' }],
      ];
      for (const [how, jar, headers] of attempts) {
        const answer = await browserWith(serverA, jar).request<{ code?: string }>(
          target.method,
          url,
          {},
          headers,
        );
        const refused =
          answer.status === 403 &&
          String(answer.headers['content-type']).includes('application/problem+json') &&
          answer.body?.code === 'auth.csrf_failed';
        if (!refused)
          accepted.push(`${describeEndpoint(target)} ${how}: ${answer.status} ${answer.body?.code}`);
      }
    }
    expect(accepted).toEqual([]);
    expect(await snapshot()).toEqual(before);
    // The session survived every refused request, the sign-out among them.
    expect((await browserWith(serverA, cookies).get('/api/me')).status).toBe(200);
  });

  it('when the same requests carry the right token, then each reaches its route (so the refusals above are the CSRF check at work)', async () => {
    const admin = await signedIn(serverA, 'admin');
    // Signing out last: it ends the session the others use.
    const targets = endpoints(serverA)
      .filter(stateChanging)
      .sort((a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'));
    const reached: string[] = [];
    for (const target of targets) {
      const answer = await admin.request<{ code?: string }>(target.method, urlOf(target.path), {});
      expect(answer.status, describeEndpoint(target)).toBeLessThan(500);
      expect(answer.body?.code, describeEndpoint(target)).not.toBe('auth.csrf_failed');
      expect(answer.body?.code, `${describeEndpoint(target)} is routed`).not.toBe('error.not_found');
      reached.push(describeEndpoint(target));
    }
    expect(reached).toHaveLength(targets.length);
  });
});

describe('signing out', () => {
  it('when a person signs out on one server, then the old cookie is worth exactly nothing on every endpoint of either server', async () => {
    const nurse = await signedIn(serverA, 'sjukskoterska');
    const session = nurse.cookie('loopen_session') ?? '';
    const csrf = nurse.cookie('loopen_csrf') ?? '';
    // Before: the same cookie is a live session on the other server too.
    expect((await browserWith(serverB, { loopen_session: session }).get('/api/me')).status).toBe(200);
    expect((await nurse.post('/api/auth/logout', {})).status).toBe(204);
    expect(nurse.cookie('loopen_session')).toBeUndefined();

    // After: on every endpoint, the old cookie gets the very answer no cookie at all gets.
    const all = endpoints(serverA);
    expect(all.length).toBeGreaterThan(50);
    const differences: string[] = [];
    for (const server of [serverA, serverB]) {
      for (const target of all) {
        const url = urlOf(target.path);
        const headers: Record<string, string> = target.method === 'GET' ? {} : { 'x-csrf-token': csrf };
        const replay = await browserWith(server, { loopen_session: session, loopen_csrf: csrf }).request<{
          code?: string;
        }>(target.method, url, {}, headers);
        const nobody = await browserWith(server, { loopen_csrf: csrf }).request<{ code?: string }>(
          target.method,
          url,
          {},
          headers,
        );
        if (replay.status !== nobody.status || replay.body?.code !== nobody.body?.code) {
          differences.push(
            `${describeEndpoint(target)}: ${replay.status} ${replay.body?.code} (nobody: ${nobody.status} ${nobody.body?.code})`,
          );
        }
      }
    }
    expect(differences).toEqual([]);
    expect((await browserWith(serverB, { loopen_session: session }).get('/api/me')).status).toBe(401);
  });

  it("when a person signs out on one device, then only that device's session ends; when they sign out everywhere, every one of their sessions ends on both servers, and no one else's", async () => {
    const desktop = await signedIn(serverA, 'chef.ortopedi');
    const phone = await signedIn(serverB, 'chef.ortopedi');
    const colleague = await signedIn(serverB, 'chef.hoft');
    // The browser forgets a cookie it is told to clear; a thief who copied it does not.
    const stillWorks = async (server: App, browser: Client): Promise<boolean> =>
      (await browserWith(server, { loopen_session: browser.cookie('loopen_session') ?? '' }).get('/api/me'))
        .status === 200;
    const desktopCopy = browserWith(serverA, { loopen_session: desktop.cookie('loopen_session') ?? '' });
    expect((await desktop.post('/api/auth/logout', {})).status).toBe(204);
    expect((await desktopCopy.get('/api/me')).status).toBe(401);
    expect(await stillWorks(serverA, phone)).toBe(true);

    const laptop = await signedIn(serverA, 'chef.ortopedi');
    const copies = [phone, laptop].map((b) => b.cookie('loopen_session') ?? '');
    expect((await phone.post('/api/auth/logout', { everywhere: true })).status).toBe(204);
    for (const server of [serverA, serverB]) {
      for (const copy of copies) {
        expect((await browserWith(server, { loopen_session: copy }).get('/api/me')).status).toBe(401);
      }
    }
    expect(await stillWorks(serverB, colleague)).toBe(true);
  });
});

describe('the Content-Security-Policy', () => {
  it("when any answer is sent, then its policy lets scripts come from Loopen only: no 'unsafe-inline', no 'unsafe-eval', no inline handlers", async () => {
    for (const url of ['/api/auth/csrf', '/api/me', '/health/live', '/no-such-page']) {
      const answer = await new Client(serverA).get(url);
      const policy = String(answer.headers['content-security-policy'] ?? '');
      const directives = new Map(
        policy.split(';').map((d) => {
          const [name = '', ...values] = d.trim().split(/\s+/);
          return [name, values];
        }),
      );
      expect(directives.get('script-src'), `${url}: ${policy}`).toEqual(["'self'"]);
      expect(directives.get('script-src-attr'), policy).toEqual(["'none'"]);
      expect(directives.get('object-src'), policy).toEqual(["'none'"]);
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|strict-dynamic/);
    }
  });
});

describe('sign-in throttling across servers', () => {
  it('when someone fails three times on one server, then the username is locked on the other too', async () => {
    await seedDemoPerson('throttled.across');
    for (let i = 0; i < 3; i++) {
      const answer = await new Client(serverA).post('/api/auth/login', {
        username: 'throttled.across',
        password: `guess-${i}`,
      });
      expect(answer.status).toBe(401);
    }
    const onB = await new Client(serverB).post<{ code: string }>('/api/auth/login', {
      username: 'throttled.across',
      password: PASSWORD,
    });
    expect(onB.status).toBe(429);
    expect(onB.body.code).toBe('auth.locked');
  });
});

/** A person in the demo region with the demo password, who has no roles. */
async function seedDemoPerson(username: string): Promise<void> {
  const { organisations, people } = await import('../modules/organisation/tables.ts');
  const { hashPassword } = await import('../platform/passwords.ts');
  const [org] = await database.db.select().from(organisations).limit(1);
  if (!org) throw new Error('no organisation');
  await database.db.insert(people).values({
    organisationId: org.id,
    username,
    name: `Person ${username}`,
    email: `${username}@alvsund.example`,
    passwordHash: await hashPassword(PASSWORD),
  });
}
