import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deviation } from '../../../contracts/deviations.ts';
import { auditLog } from '../../platform/tables.ts';
import { seedDemo } from '../../seed/demo.ts';
import type { TestApp } from '../../test/harness.ts';
import { testApp } from '../../test/harness.ts';
import { insuranceMedicinePath, move, open, report, signedIn, typeId } from './deviation-test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.database.db, { password: 'loopen-demo' });
});
afterAll(async () => t.close());

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(32, 1),
]);

// An action is often given to someone who neither reported the case nor handles it: a physician on
// another section asked to change a checklist. They must be able to find and read the case to do
// their part, and learn no more than the reporter would: not the patient, not the contact log, not
// other people's actions, and not who reported it.

describe('the owner of an action who did not report the case', () => {
  it('is told, reads the case as a reporter would without learning who reported it, and may only mark the action done', async () => {
    const nurse = await signedIn(t, 'sjukskoterska');
    const receipt = await report(nurse, {
      categoryId: await typeId(nurse, ...insuranceMedicinePath),
      description: 'Läkarintyget saknade diagnoskod.',
      patientInvolved: true,
      patientIdentifier: '811228-9874',
    });
    const boundary = '----loopen-owner-boundary';
    const uploaded = await nurse.request(
      'POST',
      `/api/deviations/${receipt.id}/attachments`,
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="intyg.png"\r\nContent-Type: image/png\r\n\r\n`,
        ),
        png,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
      { 'content-type': `multipart/form-data; boundary=${boundary}` },
    );
    expect(uploaded.status).toBe(201);

    const physician = await signedIn(t, 'lakare');
    expect((await physician.get(`/api/deviations/${receipt.id}`)).status).toBe(404);

    const manager = await signedIn(t, 'chef.avd12');
    let seen = await open(manager, receipt.id);
    seen = await move(manager, receipt.id, { action: 'accept', expectedVersion: seen.version });
    const person = async (q: string) =>
      (
        await manager.get<{ items: Array<{ id: string }> }>(
          `/api/deviation-people?q=${encodeURIComponent(q)}`,
        )
      ).body.items[0]?.id;
    const physicianId = await person('Nyström');
    const nurseId = await person('Sofia');
    for (const [title, ownerId] of [
      ['Lägg till diagnoskod i intygsmallen', physicianId],
      ['Gå igenom intygen med avdelningen', nurseId],
    ] as const) {
      const added = await manager.post<Deviation>(`/api/deviations/${receipt.id}/actions`, {
        title,
        ownerId,
        dueOn: '2030-03-01',
      });
      expect(added.status, JSON.stringify(added.body)).toBe(200);
    }
    await manager.post(`/api/deviations/${receipt.id}/contacts`, {
      counterpartName: 'Handläggare på Försäkringskassan',
      contactedOn: '2026-11-30',
      channel: 'phone',
      summary: 'Intyget kompletteras.',
    });

    // He is told in his own inbox of notifications, with the case's number.
    const told = await physician.get<{ items: Array<{ title: string; link: string | null }> }>(
      '/api/notifications',
    );
    expect(told.body.items[0]).toMatchObject({
      title: `Du har fått en åtgärd i avvikelse ${receipt.number}`,
      link: `/deviations/${receipt.id}`,
    });

    // He reads the case as a reporter does: the narrative and his own action, nothing more.
    const asOwner = await open(physician, receipt.id);
    expect(asOwner).toMatchObject({
      view: 'reporter',
      description: 'Läkarintyget saknade diagnoskod.',
      patient: null,
      reporter: null,
      contacts: [],
      attachments: [],
      allowedActions: [],
    });
    expect(asOwner.actions.map((a) => a.title)).toEqual(['Lägg till diagnoskod i intygsmallen']);
    expect(JSON.stringify(asOwner)).not.toContain('Sofia Lindgren');
    const readLogged = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'deviation.read'), eq(auditLog.entityId, receipt.id)));
    expect(readLogged.length).toBeGreaterThan(0);

    // The reporter still sees who she is and her photo.
    const asReporter = await open(nurse, receipt.id);
    expect(asReporter.reporter?.name).toBe('Sofia Lindgren');
    expect(asReporter.attachments).toHaveLength(1);
    const photo = await physician.request(
      'GET',
      `/api/deviation-attachments/${asReporter.attachments[0]?.id}`,
    );
    expect(photo.status).toBe(403);

    // He may mark his action done, and nothing else.
    const actionId = asOwner.actions[0]?.id;
    expect(
      (await physician.patch(`/api/deviation-actions/${actionId}`, { dueOn: '2031-01-01' })).status,
    ).toBe(403);
    const transition = await physician.post(`/api/deviations/${receipt.id}/transitions`, {
      action: 'resolve',
      summary: 'Klart.',
      expectedVersion: asOwner.version,
    });
    expect(transition.status).toBe(403);
    expect((await physician.patch(`/api/deviation-actions/${actionId}`, { status: 'done' })).status).toBe(
      200,
    );
    const after = await open(manager, receipt.id);
    expect(after.actions.find((a) => a.id === actionId)?.status).toBe('done');
  });

  it('when the manager gives an action to someone else, then the new owner is told and the manager is not told of their own step', async () => {
    const nurse = await signedIn(t, 'sjukskoterska');
    const receipt = await report(nurse, {
      categoryId: await typeId(nurse, ...insuranceMedicinePath),
      description: 'Remissen skickades till fel mottagning.',
    });
    const manager = await signedIn(t, 'chef.avd12');
    const meId = (await manager.get<{ person: { id: string } }>('/api/me')).body.person.id;
    const added = await manager.post<Deviation>(`/api/deviations/${receipt.id}/actions`, {
      title: 'Se över remissrutinen',
      ownerId: meId,
      dueOn: '2030-04-01',
    });
    expect(added.status).toBe(200);
    const managerNotes = async () =>
      (await manager.get<{ items: Array<{ title: string }> }>('/api/notifications')).body.items.filter((n) =>
        n.title.startsWith('Du har fått en åtgärd'),
      );
    expect(await managerNotes()).toEqual([]);

    const physicianId = (
      await manager.get<{ items: Array<{ id: string }> }>('/api/deviation-people?q=Nyström')
    ).body.items[0]?.id;
    const actionId = added.body.actions[0]?.id;
    const moved = await manager.patch(`/api/deviation-actions/${actionId}`, { ownerId: physicianId });
    expect(moved.status).toBe(200);
    const physician = await signedIn(t, 'lakare');
    const told = await physician.get<{ items: Array<{ title: string; detail: string | null }> }>(
      '/api/notifications',
    );
    expect(told.body.items[0]).toMatchObject({
      title: `Du har fått en åtgärd i avvikelse ${receipt.number}`,
      detail: '”Se över remissrutinen”, klar senast 2030-04-01.',
    });
    expect((await open(physician, receipt.id)).actions.map((a) => a.title)).toEqual([
      'Se över remissrutinen',
    ]);
    expect(await managerNotes()).toEqual([]);
  });
});
