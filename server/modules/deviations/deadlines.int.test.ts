import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deviation } from '../../../contracts/deviations.ts';
import { auditLog } from '../../platform/tables.ts';
import { seedDemo } from '../../seed/demo.ts';
import type { TestApp } from '../../test/harness.ts';
import { testApp } from '../../test/harness.ts';
import { notifications } from '../notifications/tables.ts';
import { people } from '../organisation/tables.ts';
import { runDueDeadlineChecks } from './deadlines.ts';
import { insuranceMedicinePath, move, report, signedIn, typeId } from './deviation-test-support.ts';
import { deviationCategories, deviations } from './tables.ts';

const DAY = 86_400_000;
let t: TestApp;
let categoryId = '';
const person: Record<string, string> = {};

beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.database.db, { password: 'loopen-demo' });
  const nurse = await signedIn(t, 'sjukskoterska');
  categoryId = await typeId(nurse, ...insuranceMedicinePath);
  // Deadlines are data per type: this type gives two days to take a report up, and four more
  // after a reminder before the manager's own manager is told.
  await t.database.db
    .update(deviationCategories)
    .set({ triageDays: 2, escalateReminderDays: 4 })
    .where(eq(deviationCategories.id, categoryId));
  const rows = await t.database.db
    .select({ id: people.id, username: people.username })
    .from(people)
    .where(inArray(people.username, ['sjukskoterska', 'chef.avd12', 'chef.ortopedi']));
  for (const r of rows) person[r.username] = r.id;
});
afterAll(async () => t.close());

async function newReport(description: string): Promise<{ id: string; reportedAt: Date }> {
  const nurse = await signedIn(t, 'sjukskoterska');
  const receipt = await report(nurse, { categoryId, description });
  const [row] = await t.database.db
    .select({ reportedAt: deviations.reportedAt })
    .from(deviations)
    .where(eq(deviations.id, receipt.id));
  return { id: receipt.id, reportedAt: row?.reportedAt ?? new Date() };
}

/** Who the deadline checks told what about this case (not the case's or an action's assignment). */
async function toldAbout(caseId: string): Promise<Array<{ to: string; kind: string }>> {
  const rows = await t.database.db
    .select({ to: people.username, kind: notifications.kind })
    .from(notifications)
    .innerJoin(people, eq(people.id, notifications.personId))
    .where(eq(notifications.entityId, caseId))
    .orderBy(notifications.createdAt);
  return rows.filter((r) => r.kind !== 'deviation.assigned' && r.kind !== 'deviation.action_assigned');
}

const at = (base: Date, ms: number): Date => new Date(base.getTime() + ms);

describe('deadline checks', () => {
  it('when a report waits past its triage days, the handler is reminded once, and four days later her own manager is told', async () => {
    const { id, reportedAt } = await newReport('Intyget till Försäkringskassan saknades.');

    await runDueDeadlineChecks(t.database.db, at(reportedAt, 2 * DAY - 60_000));
    expect(await toldAbout(id)).toEqual([]);

    const reminded = at(reportedAt, 2 * DAY + 60_000);
    await runDueDeadlineChecks(t.database.db, reminded);
    expect(await toldAbout(id)).toEqual([{ to: 'chef.avd12', kind: 'deviation.triage_reminder' }]);
    // Running again, as the next scheduled run would, tells nobody anything new.
    await runDueDeadlineChecks(t.database.db, at(reminded, 60_000));
    expect(await toldAbout(id)).toHaveLength(1);

    await runDueDeadlineChecks(t.database.db, at(reminded, 4 * DAY - 60_000));
    expect(await toldAbout(id)).toHaveLength(1);
    await runDueDeadlineChecks(t.database.db, at(reminded, 4 * DAY + 60_000));
    await runDueDeadlineChecks(t.database.db, at(reminded, 5 * DAY));
    expect(await toldAbout(id)).toEqual([
      { to: 'chef.avd12', kind: 'deviation.triage_reminder' },
      { to: 'chef.ortopedi', kind: 'deviation.triage_overdue_to_manager' },
    ]);

    const head = await signedIn(t, 'chef.ortopedi');
    const list = await head.get<{ items: Array<{ title: string; detail: string | null; link: string }> }>(
      '/api/notifications',
    );
    const told = list.body.items.find((i) => i.link === `/deviations/${id}`);
    expect(told?.detail).toBe('Maria Ek har påmints men inte tagit ställning till avvikelsen.');

    const audit = await t.database.db
      .select({ action: auditLog.action, actorName: auditLog.actorName })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id)))
      .orderBy(auditLog.at);
    expect(audit.filter((a) => a.action.startsWith('deviation.triage'))).toEqual([
      { action: 'deviation.triage_reminder', actorName: 'system' },
      { action: 'deviation.triage_overdue_to_manager', actorName: 'system' },
    ]);
  });

  it('a report the manager accepts in time is never chased', async () => {
    const { id, reportedAt } = await newReport('Remissen kom inte fram.');
    const manager = await signedIn(t, 'chef.avd12');
    await move(manager, id, { action: 'accept' });
    await runDueDeadlineChecks(t.database.db, at(reportedAt, 30 * DAY));
    expect(await toldAbout(id)).toEqual([]);
  });

  it('when an action passes its due day, its owner is reminded, then the handler’s manager is told; a done action is left alone', async () => {
    const { id } = await newReport('Kontaktvägen till handläggaren var oklar.');
    const manager = await signedIn(t, 'chef.avd12');
    await move(manager, id, { action: 'accept' });
    const withActions = await manager.post<Deviation>(`/api/deviations/${id}/actions`, {
      title: 'Ta fram en kontaktlista',
      ownerId: person.sjukskoterska,
      dueOn: '2031-03-10',
    });
    expect(withActions.status, JSON.stringify(withActions.body)).toBe(200);
    const done = await manager.post<Deviation>(`/api/deviations/${id}/actions`, {
      title: 'Gå igenom rutinen på APT',
      ownerId: person.sjukskoterska,
      dueOn: '2031-03-10',
    });
    const doneId = done.body.actions.find((a) => a.title === 'Gå igenom rutinen på APT')?.id;
    expect((await manager.patch(`/api/deviation-actions/${doneId}`, { status: 'done' })).status).toBe(200);

    await runDueDeadlineChecks(t.database.db, new Date('2031-03-10T23:59:00Z'));
    expect(await toldAbout(id)).toEqual([]);
    await runDueDeadlineChecks(t.database.db, new Date('2031-03-11T00:01:00Z'));
    expect(await toldAbout(id)).toEqual([{ to: 'sjukskoterska', kind: 'deviation.action_reminder' }]);
    await runDueDeadlineChecks(t.database.db, new Date('2031-03-15T00:02:00Z'));
    await runDueDeadlineChecks(t.database.db, new Date('2031-03-16T00:00:00Z'));
    expect(await toldAbout(id)).toEqual([
      { to: 'sjukskoterska', kind: 'deviation.action_reminder' },
      { to: 'chef.ortopedi', kind: 'deviation.action_overdue_to_manager' },
    ]);

    const nurse = await signedIn(t, 'sjukskoterska');
    const list = await nurse.get<{ items: Array<{ title: string; detail: string | null; link: string }> }>(
      '/api/notifications',
    );
    const reminder = list.body.items.find((i) => i.link === `/deviations/${id}`);
    expect(reminder?.detail).toBe('”Ta fram en kontaktlista” skulle vara klar 2031-03-10.');
  });

  it('two checks running at the same moment remind each handler exactly once', async () => {
    const cases = [
      await newReport('Första av tre.'),
      await newReport('Andra av tre.'),
      await newReport('Tredje av tre.'),
    ];
    const latest = Math.max(...cases.map((c) => c.reportedAt.getTime()));
    const now = new Date(latest + 2 * DAY + 60_000);
    // On PostgreSQL the two run on separate connections of the pool, truly at once.
    const [a, b] = await Promise.all([
      runDueDeadlineChecks(t.database.db, now),
      runDueDeadlineChecks(t.database.db, now),
    ]);
    expect((a?.triageReminders ?? 0) + (b?.triageReminders ?? 0)).toBe(3);
    for (const c of cases) {
      expect(await toldAbout(c.id)).toEqual([{ to: 'chef.avd12', kind: 'deviation.triage_reminder' }]);
    }
  });
});
