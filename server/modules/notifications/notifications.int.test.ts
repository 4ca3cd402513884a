import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationList } from '../../../contracts/notifications.ts';
import { auditLog } from '../../platform/tables.ts';
import { seedDemo } from '../../seed/demo.ts';
import { Client, type TestApp, testApp } from '../../test/harness.ts';
import { people } from '../organisation/tables.ts';
import { notify } from './index.ts';
import { notifications } from './tables.ts';

let t: TestApp;
const ids: Record<string, string> = {};

async function personId(username: string): Promise<string> {
  const [row] = await t.database.db
    .select({ id: people.id })
    .from(people)
    .where(eq(people.username, username));
  if (!row) throw new Error(`no ${username}`);
  return row.id;
}

async function signedIn(username: string): Promise<Client> {
  const browser = new Client(t.app);
  await browser.login(username, 'loopen-demo');
  return browser;
}

beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.database.db, { password: 'loopen-demo' });
  for (const u of ['chef.avd12', 'chef.ortopedi', 'sjukskoterska']) ids[u] = await personId(u);
  // The clinic head reads Loopen in Norwegian bokmål.
  await t.database.db
    .update(people)
    .set({ language: 'nb' })
    .where(eq(people.id, ids['chef.ortopedi'] ?? ''));
});
afterAll(async () => t.close());

const caseId = '00000000-0000-4000-8000-000000000001';

describe('notifications in the app', () => {
  it('when a report is forwarded to the clinic head, he reads it in Norwegian with a link to the case', async () => {
    await t.database.db.transaction((tx) =>
      notify(tx, {
        personIds: [ids['chef.ortopedi'] ?? ''],
        kind: 'deviation.forwarded',
        params: { number: 'AV-2026-000007', by: 'Maria Ek', reason: 'Gäller hela kliniken' },
        entityType: 'deviation',
        entityId: caseId,
      }),
    );
    const head = await signedIn('chef.ortopedi');
    const count = await head.get<{ unread: number }>('/api/notifications/unread-count');
    expect(count.body).toEqual({ unread: 1 });
    const list = await head.get<NotificationList>('/api/notifications');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    const [item] = list.body.items;
    expect(item?.title).toBe('Avvik AV-2026-000007 er sendt videre til deg');
    expect(item?.detail).toBe('Sendt av Maria Ek. Begrunnelse: Gäller hela kliniken');
    expect(item?.link).toBe(`/deviations/${caseId}`);
    expect(item?.readAt).toBeNull();
  });

  it('when the change that caused a notification rolls back, nobody is told', async () => {
    await expect(
      t.database.db.transaction(async (tx) => {
        await notify(tx, {
          personIds: [ids.sjukskoterska ?? ''],
          kind: 'deviation.closed',
          params: { number: 'AV-2026-000008' },
          entityType: 'deviation',
          entityId: caseId,
        });
        throw new Error('the transition failed after notifying');
      }),
    ).rejects.toThrow('the transition failed');
    const nurse = await signedIn('sjukskoterska');
    const list = await nurse.get<NotificationList>('/api/notifications');
    expect(list.body.items).toEqual([]);
  });

  it('tells each person once even when named twice, newest first, and refuses a kind not in the catalogue', async () => {
    const manager = ids['chef.avd12'] ?? '';
    await t.database.db.transaction(async (tx) => {
      await notify(tx, {
        personIds: [manager],
        kind: 'deviation.assigned',
        params: { number: 'AV-2026-000010' },
        entityType: 'deviation',
        entityId: caseId,
      });
    });
    await t.database.db.transaction(async (tx) => {
      await notify(tx, {
        personIds: [manager, manager],
        kind: 'deviation.triage_reminder',
        params: { number: 'AV-2026-000010' },
        entityType: 'deviation',
        entityId: caseId,
      });
    });
    await expect(
      t.database.db.transaction((tx) =>
        notify(tx, { personIds: [manager], kind: 'deviation.made_up', params: {} }),
      ),
    ).rejects.toThrow('unknown notification kind');
    const browser = await signedIn('chef.avd12');
    const list = await browser.get<NotificationList>('/api/notifications?pageSize=1');
    expect(list.body.total).toBe(2);
    expect(list.body.unread).toBe(2);
    expect(list.body.items.map((i) => i.title)).toEqual([
      'Påminnelse: avvikelse AV-2026-000010 väntar på att du tar ställning',
    ]);
    const page2 = await browser.get<NotificationList>('/api/notifications?pageSize=1&page=2');
    expect(page2.body.items.map((i) => i.title)).toEqual(['Ny avvikelse att hantera: AV-2026-000010']);
  });

  it('when the manager marks one read, then all, the count falls to zero and one audit row per request is kept', async () => {
    const browser = await signedIn('chef.avd12');
    const list = await browser.get<NotificationList>('/api/notifications');
    const first = list.body.items[0]?.id ?? '';
    // Someone else's notification is passed over without saying whether it exists.
    const [others] = await t.database.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(eq(notifications.personId, ids['chef.ortopedi'] ?? ''));
    const one = await browser.post('/api/notifications/read', { ids: [first, others?.id ?? ''] });
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ updated: 1, unread: 1 });
    const all = await browser.post('/api/notifications/read', { all: true });
    expect(all.body).toEqual({ updated: 1, unread: 0 });
    const again = await browser.post('/api/notifications/read', { all: true });
    expect(again.body).toEqual({ updated: 0, unread: 0 });
    const audits = await t.database.db
      .select({ summary: auditLog.summary })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'notification.read'), eq(auditLog.actorId, ids['chef.avd12'] ?? '')));
    expect(audits.map((a) => a.summary)).toEqual([
      { count: 1, all: false },
      { count: 1, all: true },
    ]);
    const head = await signedIn('chef.ortopedi');
    expect((await head.get('/api/notifications/unread-count')).body).toEqual({ unread: 1 });
  });

  it('refuses a body that is neither ids nor all, and anonymous callers', async () => {
    const browser = await signedIn('chef.avd12');
    expect((await browser.post('/api/notifications/read', { all: false })).status).toBe(400);
    expect((await browser.post('/api/notifications/read', { ids: [] })).status).toBe(400);
    expect((await new Client(t.app).get('/api/notifications')).status).toBe(401);
  });
});
