import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseConflictProblem, Deviation } from '../../../contracts/deviations.ts';
import { auditLog } from '../../platform/tables.ts';
import { seedDemo } from '../../seed/demo.ts';
import type { Client, TestApp } from '../../test/harness.ts';
import { testApp } from '../../test/harness.ts';
import { insuranceMedicinePath, move, open, report, signedIn, typeId } from './deviation-test-support.ts';
import { deviations } from './tables.ts';

// Issue 4, nothing lost: two people change the same case. Every change sent with the version its
// sender saw is refused when the case has moved on since, with what changed — never applied over
// the other person's change.

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.database.db, { password: 'loopen-demo' });
});
afterAll(async () => t.close());

async function fileInsuranceCase(description: string, extra: Record<string, unknown> = {}) {
  const nurse = await signedIn(t, 'sjukskoterska');
  const receipt = await report(nurse, {
    categoryId: await typeId(nurse, ...insuranceMedicinePath),
    description,
    ...extra,
  });
  return { id: receipt.id, nurse };
}

async function ok(answer: Promise<{ status: number; body: unknown }>): Promise<Deviation> {
  const { status, body } = await answer;
  expect(status, JSON.stringify(body)).toBe(200);
  return body as Deviation;
}

async function auditRowsBy(client: Client): Promise<number> {
  const me = await client.get<{ person: { id: string } }>('/api/me');
  return t.database.db.$count(auditLog, and(eq(auditLog.actorId, me.body.person.id)));
}

describe('two people changing the same case', () => {
  it('when the owner marked the action done while the manager was rewording it, then her stale change is refused with what he did, and the action stays done', async () => {
    const { id } = await fileInsuranceCase('En åtgärd, två händer.');
    const manager = await signedIn(t, 'chef.avd12');
    const seen = await open(manager, id);
    await ok(
      manager.post(`/api/deviations/${id}/transitions`, { action: 'accept', expectedVersion: seen.version }),
    );
    const physicianId = (
      await manager.get<{ items: Array<{ id: string }> }>('/api/deviation-people?q=Nyström')
    ).body.items[0]?.id;
    const withAction = await ok(
      manager.post(`/api/deviations/${id}/actions`, {
        title: 'Ny checklista',
        ownerId: physicianId,
        dueOn: '2030-05-01',
      }),
    );
    const actionId = withAction.actions[0]?.id;

    const physician = await signedIn(t, 'lakare');
    const his = await open(physician, id);
    await ok(
      physician.patch(`/api/deviation-actions/${actionId}`, { status: 'done', expectedVersion: his.version }),
    );

    const late = await manager.patch<CaseConflictProblem>(`/api/deviation-actions/${actionId}`, {
      title: 'Ny checklista för intyg',
      dueOn: '2030-06-01',
      expectedVersion: withAction.version,
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'deviation.changed_meanwhile', yourVersion: withAction.version });
    expect(late.body.changes?.map((c) => [c.action, c.actor?.name])).toEqual([
      ['action_updated', 'Lars Nyström'],
    ]);
    expect((await open(manager, id)).actions[0]).toMatchObject({ title: 'Ny checklista', status: 'done' });
  });

  it('when the clinic head saves on a case the ward manager changed meanwhile, then he gets 409 with what she did since his version, in his own language, and nothing of his is saved', async () => {
    const { id } = await fileInsuranceCase('Två chefer i samma ärende.');
    const manager = await signedIn(t, 'chef.avd12');
    const clinicHead = await signedIn(t, 'chef.ortopedi');
    expect((await clinicHead.put('/api/me/language', { language: 'nb' })).status).toBe(200);
    const seenByHim = (await open(clinicHead, id)).version;

    // She takes it on, assesses the risk and writes a note, each from the version she has.
    let hers = await open(manager, id);
    hers = await ok(
      manager.post(`/api/deviations/${id}/transitions`, { action: 'accept', expectedVersion: hers.version }),
    );
    hers = await ok(
      manager.patch(`/api/deviations/${id}`, {
        riskConsequence: 2,
        riskProbability: 3,
        expectedVersion: hers.version,
      }),
    );
    hers = await ok(
      manager.post(`/api/deviations/${id}/notes`, { text: 'Ringde handläggaren, inget svar.' }),
    );

    const auditBefore = await auditRowsBy(clinicHead);
    const late = await clinicHead.patch<CaseConflictProblem>(`/api/deviations/${id}`, {
      raiseAtUnitMeeting: true,
      expectedVersion: seenByHim,
    });
    expect(late.status).toBe(409);
    expect(String(late.headers['content-type'])).toContain('application/problem+json');
    expect(late.body).toMatchObject({
      status: 409,
      code: 'deviation.changed_meanwhile',
      currentVersion: hers.version,
      yourVersion: seenByHim,
      currentStatus: 'in_handling',
    });
    expect(late.body.changes?.map((c) => [c.action, c.actor?.name, c.fromStatus, c.toStatus])).toEqual([
      ['accept', 'Maria Ek', 'submitted', 'in_handling'],
      ['risk_assessed', 'Maria Ek', null, null],
      ['note', 'Maria Ek', null, null],
    ]);
    expect(late.body.detail).toBe(
      'Noen andre har endret saken siden du åpnet den: tatt til behandling (Maria Ek); risiko vurdert (Maria Ek); ' +
        'notat (Maria Ek). Endringen din ble ikke lagret; last inn saken på nytt og gjør den igjen.',
    );
    // What changed, not what was written: the note's text is read by opening the case (and logged).
    expect(JSON.stringify(late.body)).not.toContain('Ringde handläggaren');

    // Nothing of his was saved, not even an audit row; her case is as she left it.
    const after = await open(manager, id);
    expect(after.version).toBe(hers.version);
    expect(after.raiseAtUnitMeeting).toBe(false);
    expect(await auditRowsBy(clinicHead)).toBe(auditBefore);

    // A transition from a version in between lists only what came after it.
    const between = await clinicHead.post<CaseConflictProblem>(`/api/deviations/${id}/transitions`, {
      action: 'escalate',
      reason: 'Till kommittén.',
      expectedVersion: seenByHim + 1,
    });
    expect(between.status).toBe(409);
    expect(between.body.changes?.map((c) => c.action)).toEqual(['risk_assessed', 'note']);

    // From the version he now reads, his change goes through.
    const fresh = await open(clinicHead, id);
    const saved = await ok(
      clinicHead.patch(`/api/deviations/${id}`, { raiseAtUnitMeeting: true, expectedVersion: fresh.version }),
    );
    expect(saved.raiseAtUnitMeeting).toBe(true);
    expect(saved.version).toBe(fresh.version + 1);
  });

  it('when the case was closed while he had it open, then his late change is told the closing, not just "closed"', async () => {
    const { id } = await fileInsuranceCase('Stängd under tiden.');
    const manager = await signedIn(t, 'chef.avd12');
    const clinicHead = await signedIn(t, 'chef.ortopedi', 'sv');
    await move(manager, id, { action: 'accept' });
    const seenByHim = (await open(clinicHead, id)).version;
    await move(manager, id, { action: 'close', feedback: 'Löst direkt med handläggaren.' });
    const late = await clinicHead.patch<CaseConflictProblem>(`/api/deviations/${id}`, {
      riskConsequence: 1,
      riskProbability: 1,
      expectedVersion: seenByHim,
    });
    expect(late.status).toBe(409);
    expect(late.body.currentStatus).toBe('closed');
    expect(late.body.changes?.map((c) => [c.action, c.toStatus])).toEqual([['close', 'closed']]);
    expect(JSON.stringify(late.body)).not.toContain('Löst direkt');
    // Without a version, a change to a closed case is refused as before.
    const plain = await clinicHead.patch<{ code: string }>(`/api/deviations/${id}`, {
      raiseAtUnitMeeting: true,
    });
    expect(plain.body.code).toBe('deviation.closed');
  });

  it("when a forum member acts on a stale version, then the changes are told as a member may see them: without the manager's notes", async () => {
    const { id } = await fileInsuranceCase('Till forumet.', {
      patientInvolved: true,
      patientIdentifier: '811228-9874',
    });
    const manager = await signedIn(t, 'chef.avd12');
    await move(manager, id, { action: 'accept' });
    await move(manager, id, { action: 'escalate', reason: 'Till kommittén.' });
    await move(await signedIn(t, 'kommitte.ordf'), id, { action: 'escalate', reason: 'Till forumet.' });
    const agency = await signedIn(t, 'fk.utredare', 'en');
    expect((await agency.put('/api/me/language', { language: 'en' })).status).toBe(200);
    const seen = (await open(agency, id)).version;

    await ok(
      manager.post(`/api/deviations/${id}/notes`, { text: 'Intern: patienten har ringt två gånger.' }),
    );
    await move(await signedIn(t, 'fm.radgivare'), id, {
      action: 'record_position',
      position: 'Forumet ser ett mönster.',
      expectedVersion: seen + 1,
    });
    const late = await agency.post<CaseConflictProblem>(`/api/deviations/${id}/transitions`, {
      action: 'record_position',
      position: 'Försäkringskassan instämmer.',
      expectedVersion: seen,
    });
    expect(late.status).toBe(409);
    expect(late.body.changes?.map((c) => [c.action, c.actor?.name, c.body?.name])).toEqual([
      ['record_position', 'Tomas Ahlgren', 'Avvikelseforum'],
    ]);
    expect(late.body.detail).toBe(
      'Someone else changed the case since you opened it: position recorded (Tomas Ahlgren). ' +
        'Your change was not saved; reload the case and make it again.',
    );
    expect(JSON.stringify(late.body)).not.toMatch(/Intern|patienten|811228|Sofia Lindgren/);
  });

  it('when the case changed in a way its history does not list (a companion report linked to it), then 409 still tells that it changed', async () => {
    const { id, nurse } = await fileInsuranceCase('Patienten blev utan ersättning.', { patientHarmed: true });
    const manager = await signedIn(t, 'chef.avd12');
    const seen = (await open(manager, id)).version;
    await report(nurse, {
      categoryId: await typeId(
        nurse,
        'Vårdavvikelse',
        'Informationsöverföring',
        'Brister i överrapportering',
      ),
      description: 'Samma händelse, som vårdavvikelse.',
      patientHarmed: true,
      companionOf: id,
    });
    const late = await manager.post<CaseConflictProblem>(`/api/deviations/${id}/transitions`, {
      action: 'accept',
      expectedVersion: seen,
    });
    expect(late.status).toBe(409);
    expect(late.body.changes).toEqual([]);
    expect(late.body.currentVersion).toBe(seen + 1);
    expect(late.body.detail).toBe(
      'Någon annan har ändrat ärendet sedan du öppnade det: se ärendets historik. Din ändring sparades inte; ' +
        'ladda om ärendet och gör om den.',
    );
  });

  it('when someone who may not read the case sends any version, then the case does not exist for them (its version and status are not told)', async () => {
    const { id } = await fileInsuranceCase('Inte för andra kliniker.');
    const stranger = await signedIn(t, 'chef.medicin');
    for (const answer of [
      await stranger.post<{ code: string }>(`/api/deviations/${id}/transitions`, {
        action: 'accept',
        expectedVersion: 99,
      }),
      await stranger.patch<{ code: string }>(`/api/deviations/${id}`, {
        raiseAtUnitMeeting: true,
        expectedVersion: 99,
      }),
    ]) {
      expect(answer.status).toBe(404);
      expect(answer.body.code).toBe('deviation.not_found');
      expect(JSON.stringify(answer.body)).not.toMatch(/currentVersion|currentStatus|changes/);
    }
    const [row] = await t.database.db
      .select({ version: deviations.version })
      .from(deviations)
      .where(eq(deviations.id, id));
    expect(row?.version).toBe(1);
  });

  it('documents the 409 and what it carries in the OpenAPI document', () => {
    const spec = t.app.swagger() as {
      paths: Record<
        string,
        Record<
          string,
          {
            responses?: Record<
              string,
              { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> }
            >;
          }
        >
      >;
    };
    for (const [path, method] of [
      ['/api/deviations/{id}/transitions', 'post'],
      ['/api/deviations/{id}', 'patch'],
      ['/api/deviation-actions/{id}', 'patch'],
    ] as const) {
      const conflict = spec.paths[path]?.[method]?.responses?.['409'];
      const properties = conflict?.content?.['application/problem+json']?.schema?.properties ?? {};
      expect(Object.keys(properties), `${method} ${path}`).toEqual(
        expect.arrayContaining([
          'status',
          'code',
          'detail',
          'currentVersion',
          'yourVersion',
          'currentStatus',
          'changes',
        ]),
      );
    }
  });
});
