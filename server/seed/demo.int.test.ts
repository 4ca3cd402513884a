import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestApp, testApp } from '../test/harness.ts';
import { seedDemo } from './demo.ts';
import { demoBodies, demoPeople } from './demo-data.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

describe('the demo organisation', () => {
  it('is seeded once: a second start finds it and leaves it be', async () => {
    expect(await seedDemo(t.database.db, { password: 'loopen-demo' })).toBe(true);
    expect(await seedDemo(t.database.db, { password: 'loopen-demo' })).toBe(false);
  });

  it('lets every demo user sign in with the shared password and see their roles', async () => {
    for (const person of demoPeople) {
      const browser = new Client(t.app);
      await browser.login(person.username, 'loopen-demo');
      const me = await browser.get<{ roles: Array<{ role: string }> }>('/api/me');
      expect(me.body.roles.map((r) => r.role).sort()).toEqual(person.roles.map((r) => r.role).sort());
    }
  });

  it('has every role, and bodies with members from all three organisations on the escalation ladder', async () => {
    const roles = new Set(demoPeople.flatMap((p) => p.roles.map((r) => r.role)));
    expect([...roles].sort()).toEqual(['administrator', 'manager', 'quality_coordinator', 'staff']);
    const forum = demoBodies.find((b) => b.name === 'Avvikelseforum');
    const orgsInForum = new Set(
      forum?.members.map((m) => demoPeople.find((p) => p.username === m.username)?.organisation),
    );
    expect([...orgsInForum].sort()).toEqual(['af', 'fk', 'region']);
    const browser = new Client(t.app);
    await browser.login('fk.utredare', 'loopen-demo');
    const me = await browser.get<{ bodies: Array<{ name: string }>; organisation: { name: string } }>(
      '/api/me',
    );
    expect(me.body.organisation.name).toBe('Försäkringskassan');
    expect(me.body.bodies.map((b) => b.name)).toContain('Avvikelseforum');
  });
});
