import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestApp, testApp } from '../test/harness.ts';
import { seedDemo } from './demo.ts';
import { seedDemoCases } from './demo-cases.ts';
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

describe('the demo’s example reports', () => {
  it('when they are filed, then inboxes, a committee, the unit meeting, my reports and statistics show them', async () => {
    expect(await seedDemoCases(t.database.db)).toBe(6);
    const nurse = new Client(t.app);
    await nurse.login('sjukskoterska', 'loopen-demo');
    const mine = await nurse.get<{ items: { status: string; number: string }[] }>(
      '/api/deviations?view=mine',
    );
    expect(mine.body.items.map((i) => i.status).sort()).toEqual(['closed', 'escalated', 'in_handling']);

    const manager = new Client(t.app);
    await manager.login('chef.avd12', 'loopen-demo');
    const inbox = await manager.get<{ items: { status: string }[] }>('/api/deviations?view=inbox');
    expect(inbox.body.items.map((i) => i.status)).toEqual(['in_handling']);
    const meeting = await manager.get<{ items: unknown[] }>('/api/deviations?view=meeting');
    expect(meeting.body.items).toHaveLength(1);

    const chair = new Client(t.app);
    await chair.login('kommitte.ordf', 'loopen-demo');
    const me = await chair.get<{ bodies: { bodyId: string; name: string }[] }>('/api/me');
    const committee = me.body.bodies.find((b) => b.name === 'Försäkringsmedicinska kommittén');
    if (!committee) throw new Error('the chair sits on the committee');
    const atCommittee = await chair.get<{ items: unknown[] }>(
      `/api/deviations?view=body&bodyId=${committee.bodyId}`,
    );
    expect(atCommittee.body.items).toHaveLength(1);

    // The region's statistics: reported over the last months, two handled, with their handling time.
    const coordinator = new Client(t.app);
    await coordinator.login('kvalitet', 'loopen-demo');
    const stats = await coordinator.get<{
      rows: { key: string; count: number }[];
      totals: { count: number; closed: number; medianHandlingDays: number | null };
    }>('/api/deviations/stats?groupBy=month');
    expect(stats.body.totals).toMatchObject({ count: 6, closed: 1, medianHandlingDays: 6.5 });
    expect(stats.body.rows.filter((r) => r.count > 0).length).toBeGreaterThan(1);
  });
});
