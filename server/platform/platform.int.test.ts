import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../modules/organisation/index.ts';
import { Client, type TestApp, testApp, testConfig } from '../test/harness.ts';
import { AppError } from './errors.ts';
import { createPlatform } from './http.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

describe('the platform', () => {
  it('answers liveness and readiness, the latter checking the database', async () => {
    const browser = new Client(t.app);
    expect((await browser.get('/health/live')).status).toBe(200);
    const ready = await browser.get<{ status: string; database: string }>('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.database).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
  });

  it('exposes Prometheus metrics including request durations', async () => {
    const browser = new Client(t.app);
    await browser.get('/health/live');
    const metrics = await browser.get<string>('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('loopen_http_request_duration_seconds');
    expect(metrics.body).toContain('process_cpu_user_seconds_total');
  });

  it('publishes an OpenAPI 3.1 document that lists the API', async () => {
    const spec = await new Client(t.app).get<{ openapi: string; paths: Record<string, unknown> }>(
      '/api/openapi.json',
    );
    expect(spec.status).toBe(200);
    expect(spec.body.openapi).toBe('3.1.0');
    expect(Object.keys(spec.body.paths)).toContain('/api/auth/login');
    expect(Object.keys(spec.body.paths)).toContain('/api/me');
    const docs = await new Client(t.app).get<string>('/api/docs/');
    expect(docs.status).toBe(200);
  });

  it('sends security headers with a strict Content-Security-Policy and a request id', async () => {
    const answer = await new Client(t.app).get('/health/live');
    const csp = String(answer.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['x-request-id']).toBeTruthy();
  });

  it('gives every request an id of its own, whatever id the caller sends, so audit references cannot be forged', async () => {
    const answer = await t.app.inject({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers unknown paths with problem+json 404 in the caller's language", async () => {
    const answer = await new Client(t.app, { language: 'en' }).get<{ title: string; status: number }>(
      '/api/nothing-here',
    );
    expect(answer.status).toBe(404);
    expect(String(answer.headers['content-type'])).toContain('application/problem+json');
    expect(answer.body.title).toBe('Not found');
  });

  it('answers broken JSON with 400, not 500, in Norwegian when asked', async () => {
    const browser = new Client(t.app, { language: 'nb' });
    const answer = await browser.post<{ detail: string }>('/api/auth/login', '{"username": ', {
      'content-type': 'application/json',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.detail).toBe('Forespørselen kunne ikke leses: ugyldig JSON.');
  });

  it('lists each invalid field with a translated message', async () => {
    const browser = new Client(t.app, { language: 'sv' });
    const answer = await browser.post<{ errors: Array<{ path: string; message: string }> }>(
      '/api/auth/login',
      {
        username: '',
        extra: 1,
      },
    );
    expect(answer.status).toBe(400);
    const paths = answer.body.errors.map((e) => e.path);
    expect(paths).toContain('password');
    expect(answer.body.errors.find((e) => e.path === 'password')?.message).toBe('Uppgiften krävs.');
  });

  it('refuses too many requests from one address once the limit is reached', async () => {
    const limited = await testApp({ LOOPEN_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const browser = new Client(limited.app, { language: 'en' });
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await browser.get('/api/me')).status);
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses[4]).toBe(429);
      // Outside the API nothing is counted: a page load's static files do not eat the budget.
      expect((await browser.get('/health/live')).status).toBe(200);
      // A made-up session cookie buys no fresh budget: the key is the address, not what the caller sends.
      const sameAddress = new Client(limited.app, { language: 'en' });
      sameAddress.setCookie('loopen_session', 'invented-token-1');
      expect((await sameAddress.get('/api/me')).status).toBe(429);
      // Nor does spelling /api differently: the matched route decides, not the URL text.
      expect((await sameAddress.get('/%61pi/me')).status).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('refuses to build an app with an API route that declares no access rule (deny by default)', async () => {
    const app = await createPlatform({
      config: testConfig(),
      database: t.database,
      loadActor,
      logger: false,
    });
    try {
      expect(() => app.get('/api/forgotten', async () => ({ secret: true }))).toThrow(
        /declares no access rule/,
      );
      app.get('/api/declared', { config: { access: 'public' } }, async () => ({ open: true }));
      await app.ready();
      expect((await new Client(app).get('/api/declared')).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it("when an error carries members of its own named like the problem's, then RFC 9457's members keep their meaning and the others ride beside them", async () => {
    const app = await createPlatform({
      config: testConfig(),
      database: t.database,
      loadActor,
      logger: false,
    });
    try {
      app.get('/api/clash', { config: { access: 'public' } }, async () => {
        throw new AppError('error.conflict', 'conflict', {
          extra: {
            status: 'in_handling',
            type: 'case',
            title: 'x',
            detail: 'x',
            code: 'x',
            currentVersion: 3,
          },
        });
      });
      await app.ready();
      const answer = await new Client(app, { language: 'en' }).get<Record<string, unknown>>('/api/clash');
      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({
        type: 'urn:loopen:problem:error.conflict',
        status: 409,
        code: 'error.conflict',
        currentVersion: 3,
      });
      expect(answer.body.title).not.toBe('x');
      expect(answer.body.detail).not.toBe('x');
    } finally {
      await app.close();
    }
  });

  it('answers a wrong type as a wrong type, and a missing field as missing', async () => {
    const browser = new Client(t.app, { language: 'en' });
    const answer = await browser.post<{ errors: Array<{ path: string; message: string }> }>(
      '/api/auth/login',
      {
        username: 5,
      },
    );
    expect(answer.status).toBe(400);
    const byPath = Object.fromEntries(answer.body.errors.map((e) => [e.path, e.message]));
    expect(byPath.username).toBe('Wrong type of value: expected string.');
    expect(byPath.password).toBe('This is required.');
  });

  it('refuses a NUL byte or a broken character with 400, never 500', async () => {
    const browser = new Client(t.app, { language: 'en' });
    for (const username of ['adm\u0000in', '\ud800']) {
      const answer = await browser.post('/api/auth/login', { username, password: 'x' });
      expect(answer.status).toBe(400);
    }
  });

  it('names the content type it does not accept', async () => {
    const browser = new Client(t.app, { language: 'en' });
    const answer = await browser.post<{ detail: string }>('/api/auth/login', 'username=admin', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(answer.status).toBe(415);
    expect(answer.body.detail).toContain('application/x-www-form-urlencoded');
  });

  it("when a path has a broken %-escape or a segment too long for an id, then the router answers problem+json in the caller's language", async () => {
    const browser = new Client(t.app, { language: 'en' });
    const broken = await browser.get<{ status: number; code: string; detail: string }>('/api/units/%zz');
    expect(broken.status).toBe(400);
    expect(String(broken.headers['content-type'])).toContain('application/problem+json');
    expect(broken.body).toMatchObject({ status: 400, code: 'error.bad_url' });
    expect(broken.body.detail).toBe('The address could not be read: it contains an invalid %-escape.');
    const long = await browser.get<{ status: number; code: string }>(`/api/units/${'a'.repeat(201)}`);
    expect(long.status).toBe(414);
    expect(String(long.headers['content-type'])).toContain('application/problem+json');
    expect(long.body).toMatchObject({ status: 414, code: 'error.uri_too_long' });
  });

  it('does not let a percent-encoded path slip past the CSRF check', async () => {
    const browser = new Client(t.app, { csrf: false });
    const answer = await browser.post('/%61pi/auth/login', { username: 'admin', password: 'x' });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('auth.csrf_failed');
  });
});
