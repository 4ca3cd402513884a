import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../seed/demo.ts';
import { Client, type TestApp, testApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ LOOPEN_LOGIN_MAX_FAILURES: '3' });
  await seedDemo(t.database.db, { password: 'loopen-demo' });
});
afterAll(async () => t.close());

describe('signing in', () => {
  it('when the administrator signs in, then /api/me shows them, their organisation and roles', async () => {
    const browser = new Client(t.app);
    const login = await browser.post('/api/auth/login', { username: 'admin', password: 'loopen-demo' });
    expect(login.status).toBe(200);
    const me = await browser.get<{
      person: { username: string };
      roles: Array<{ role: string }>;
      allowedActions: string[];
    }>('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.person.username).toBe('admin');
    expect(me.body.roles.map((r) => r.role)).toContain('administrator');
    expect(me.body.allowedActions).toEqual(['administer', 'viewAudit']);
    const nurse = new Client(t.app);
    await nurse.login('sjukskoterska', 'loopen-demo');
    expect((await nurse.get<{ allowedActions: string[] }>('/api/me')).body.allowedActions).toEqual([]);
  });

  it("when the password is wrong, then the answer is 401 problem+json in the caller's language", async () => {
    const browser = new Client(t.app, { language: 'nb-NO,nb;q=0.9' });
    const answer = await browser.post<{ detail: string; status: number }>('/api/auth/login', {
      username: 'admin',
      password: 'wrong',
    });
    expect(answer.status).toBe(401);
    expect(String(answer.headers['content-type'])).toContain('application/problem+json');
    expect(answer.body.detail).toBe('Feil brukernavn eller passord.');
  });

  it('when a state-changing request lacks the CSRF header, then it is refused', async () => {
    const browser = new Client(t.app, { csrf: false });
    const answer = await browser.post('/api/auth/login', { username: 'admin', password: 'loopen-demo' });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('auth.csrf_failed');
  });

  it('when someone fails three times, then the username is locked even with the right password', async () => {
    const browser = new Client(t.app);
    await seedLockTarget();
    for (let i = 0; i < 3; i++) {
      expect(
        (await browser.post('/api/auth/login', { username: 'locktarget', password: 'nope' })).status,
      ).toBe(401);
    }
    const locked = await browser.post('/api/auth/login', { username: 'locktarget', password: 'loopen-demo' });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('auth.locked');
  });

  it('when a person signs out, then the old session cookie no longer works', async () => {
    const browser = new Client(t.app);
    await browser.login('admin', 'loopen-demo');
    const token = browser.cookie('loopen_session');
    expect((await browser.post('/api/auth/logout', {})).status).toBe(204);
    const replay = new Client(t.app);
    replay.setCookie('loopen_session', token ?? '');
    expect((await replay.get('/api/me')).status).toBe(401);
  });

  it('when no one is signed in, then /api/me answers 401 in Swedish by default', async () => {
    const answer = await new Client(t.app).get<{ detail: string }>('/api/me');
    expect(answer.status).toBe(401);
    expect(answer.body.detail).toBe('Du behöver logga in.');
  });

  it('when many wrong passwords arrive at once, then no more than the limit are ever checked', async () => {
    await seedPerson('racetarget');
    const attempts = await Promise.all(
      Array.from({ length: 12 }, () =>
        new Client(t.app).post('/api/auth/login', { username: 'racetarget', password: 'nope' }),
      ),
    );
    const checked = attempts.filter((a) => a.status === 401).length;
    expect(checked).toBeLessThanOrEqual(3);
    expect(attempts.filter((a) => a.status === 429).length).toBe(12 - checked);
  });

  it('when a signed-in session guesses the current password, then after the limit the session ends', async () => {
    await seedPerson('guesser');
    const browser = new Client(t.app);
    await browser.login('guesser', 'loopen-demo');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const answer = await browser.post('/api/me/password', {
        currentPassword: `guess-${i}`,
        newPassword: 'a-new-long-password',
      });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([400, 400, 400, 429]);
    expect((await browser.get('/api/me')).status).toBe(401);
  });

  it('when someone types a password into the username field, then it is not kept in the audit log', async () => {
    const { auditLog } = await import('../../platform/tables.ts');
    const { eq } = await import('drizzle-orm');
    await new Client(t.app).post('/api/auth/login', { username: 'Sommar2024!hemligt', password: 'x' });
    const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login_failed'));
    expect(JSON.stringify(rows.map((r) => r.summary))).not.toContain('Sommar2024');
    expect(rows.some((r) => r.summary.unknownUsername === true)).toBe(true);
  });
});

async function seedLockTarget(): Promise<void> {
  await seedPerson('locktarget');
}

async function seedPerson(username: string): Promise<void> {
  const { people } = await import('../organisation/tables.ts');
  const { hashPassword } = await import('../../platform/passwords.ts');
  const { organisations } = await import('../organisation/tables.ts');
  const [org] = await t.database.db.select().from(organisations).limit(1);
  if (!org) throw new Error('no organisation');
  await t.database.db.insert(people).values({
    organisationId: org.id,
    username,
    name: `Person ${username}`,
    email: `${username}@exempel.example`,
    passwordHash: await hashPassword('loopen-demo'),
  });
}
