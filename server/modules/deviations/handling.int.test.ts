import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deviation, DeviationListItem } from '../../../contracts/deviations.ts';
import { auditLog } from '../../platform/tables.ts';
import { seedDemo } from '../../seed/demo.ts';
import type { Client, TestApp } from '../../test/harness.ts';
import { testApp } from '../../test/harness.ts';
import { insuranceMedicinePath, move, open, report, signedIn, typeId } from './deviation-test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.database.db, { password: 'loopen-demo' });
});
afterAll(async () => t.close());

async function list(browser: Client, query: string): Promise<DeviationListItem[]> {
  const answer = await browser.get<{ items: DeviationListItem[] }>(`/api/deviations?${query}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.items;
}

async function fileInsuranceCase(
  description: string,
): Promise<{ id: string; number: string; nurse: Client }> {
  const nurse = await signedIn(t, 'sjukskoterska');
  const receipt = await report(nurse, {
    categoryId: await typeId(nurse, ...insuranceMedicinePath),
    description,
    patientInvolved: true,
    patientIdentifier: '811228-9874',
  });
  return { id: receipt.id, number: receipt.number, nurse };
}

describe('handling a deviation through the escalation ladder of seed 002', () => {
  it('climbs from the manager through the committee and Avvikelseforum to the samverkansgrupp, and back to the reporter as feedback', async () => {
    const { id, number, nurse } = await fileInsuranceCase(
      'Intyget om sjukskrivning kom aldrig fram till handläggaren.',
    );

    // The manager finds it in her inbox and takes it on.
    const manager = await signedIn(t, 'chef.avd12');
    expect((await list(manager, 'view=inbox')).map((d) => d.number)).toContain(number);
    const managerTold = await manager.get<{ items: Array<{ title: string }> }>('/api/notifications');
    expect(managerTold.body.items.map((n) => n.title)).toContain(`Ny avvikelse att hantera: ${number}`);
    let seen = await open(manager, id);
    expect(seen.view).toBe('handler');
    expect(seen.patient).toEqual({ kind: 'se_personnummer', identifier: '811228-9874' });
    expect(seen.allowedActions).toEqual(expect.arrayContaining(['accept', 'forward']));
    expect(seen.allowedActions).not.toContain('escalate');
    seen = await move(manager, id, { action: 'accept', expectedVersion: seen.version });
    expect(seen.status).toBe('in_handling');

    // She calls the unit's contact person at Försäkringskassan, and marks it for the unit meeting.
    const unit = await manager.get<{ contacts: Array<{ id: string; name: string }> }>(
      `/api/units/${seen.unit.id}`,
    );
    const ward = unit.body.contacts;
    const clinic = await manager.get<{ items: Array<{ id: string; name: string }> }>('/api/units');
    const ortho = clinic.body.items.find((u) => u.name === 'Ortopedkliniken');
    const orthoContacts = (
      await manager.get<{ contacts: Array<{ id: string; name: string }> }>(`/api/units/${ortho?.id}`)
    ).body.contacts;
    const investigator = [...ward, ...orthoContacts].find((c) => c.name === 'Ulla Rask');
    const logged = await manager.post<Deviation>(`/api/deviations/${id}/contacts`, {
      unitContactId: investigator?.id,
      contactedOn: '2026-11-20',
      channel: 'phone',
      summary: 'Handläggaren hade inte fått intyget.',
      outcome: 'Ej löst; tas vidare enligt eskaleringsplanen.',
    });
    expect(logged.status).toBe(200);
    expect(logged.body.contacts[0]).toMatchObject({
      counterpartName: 'Ulla Rask (Försäkringsutredare, kontaktperson)',
      counterpartOrganisation: 'Försäkringskassan',
    });
    const marked = await manager.patch<Deviation>(`/api/deviations/${id}`, {
      raiseAtUnitMeeting: true,
      riskConsequence: 2,
      riskProbability: 3,
    });
    expect(marked.body.risk).toEqual({ consequence: 2, probability: 3, score: 6 });
    expect((await list(manager, 'view=meeting')).map((d) => d.number)).toContain(number);

    // It cannot be solved at her level: up to the committee, whose chair takes it to Avvikelseforum.
    seen = await move(manager, id, { action: 'escalate', reason: 'Kan inte lösas med handläggaren.' });
    expect(seen.currentBody?.name).toBe('Försäkringsmedicinska kommittén');
    expect((await list(manager, 'view=inbox')).map((d) => d.number)).not.toContain(number);
    const chair = await signedIn(t, 'kommitte.ordf');
    const told = await chair.get<{ items: Array<{ kind: string; title: string }> }>('/api/notifications');
    expect(told.body.items.map((n) => n.title)).toContain(
      `Avvikelse ${number} har eskalerats till Försäkringsmedicinska kommittén`,
    );
    const committeeId = seen.currentBody?.id ?? '';
    expect((await list(chair, `view=body&bodyId=${committeeId}`)).map((d) => d.number)).toContain(number);
    seen = await move(chair, id, { action: 'escalate', reason: 'Principiell fråga för Avvikelseforum.' });
    expect(seen.currentBody?.name).toBe('Avvikelseforum');

    // Försäkringskassan's member of the forum sees the case, without the patient or the reporter.
    const agency = await signedIn(t, 'fk.utredare');
    const forumId = seen.currentBody?.id ?? '';
    expect((await list(agency, `view=body&bodyId=${forumId}`)).map((d) => d.number)).toContain(number);
    const asAgency = await open(agency, id);
    expect(asAgency.view).toBe('body');
    expect(asAgency.patient).toBeNull();
    expect(asAgency.reporter).toBeNull();
    expect(JSON.stringify(asAgency)).not.toContain('811228');
    expect(JSON.stringify(asAgency)).not.toContain('Sofia Lindgren');
    expect(asAgency.contacts).toHaveLength(1);
    expect(asAgency.allowedActions).toEqual(
      expect.arrayContaining(['record_position', 'return', 'escalate', 'close']),
    );

    // The forum cannot resolve it either: the samverkansgrupp decides and sends it back.
    const forumChair = await signedIn(t, 'fm.radgivare');
    seen = await move(forumChair, id, {
      action: 'record_position',
      position: 'Behöver beslut om gemensam rutin.',
    });
    seen = await move(forumChair, id, { action: 'escalate', reason: 'Till samverkansgruppen.' });
    expect(seen.currentBody?.name).toBe('Försäkringsmedicinska samverkansgruppen');
    expect(seen.allowedActions).toEqual([]);
    const director = await signedIn(t, 'hsdirektor');
    seen = await move(director, id, {
      action: 'record_position',
      position: 'Beslut: intyg skickas elektroniskt från 1 januari.',
    });
    expect(seen.allowedActions).not.toContain('escalate');
    seen = await move(director, id, { action: 'return', instructions: 'Informera enheten om beslutet.' });
    expect(seen.status).toBe('in_handling');
    expect(seen.currentBody).toBeNull();

    // The manager closes it with feedback, which the nurse reads; internal notes stay internal.
    await manager.post(`/api/deviations/${id}/notes`, { text: 'Intern anteckning om handläggningen.' });
    seen = await move(manager, id, {
      action: 'close',
      feedback: 'Tack! Från 1 januari skickas intygen elektroniskt, beslutat i samverkansgruppen.',
    });
    expect(seen.status).toBe('closed');
    const nurseTold = await nurse.get<{ items: Array<{ kind: string }> }>('/api/notifications');
    expect(nurseTold.body.items.map((n) => n.kind)).toContain('deviation.closed');
    const asReporter = await open(nurse, id);
    expect(asReporter.view).toBe('reporter');
    expect(asReporter.feedback).toContain('elektroniskt');
    expect(JSON.stringify(asReporter)).not.toContain('Intern anteckning');
    expect(JSON.stringify(asReporter)).not.toContain('Principiell fråga');
    expect(asReporter.events.map((e) => e.action)).toEqual([
      'submitted',
      'accept',
      'escalate',
      'escalate',
      'escalate',
      'close',
    ]);
    expect(asReporter.events.at(-1)?.comment).toContain('elektroniskt');
    expect((await list(nurse, 'view=mine')).find((d) => d.number === number)?.status).toBe('closed');

    // Every step is in the audit log, and so is every read.
    const audit = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'deviation'), eq(auditLog.entityId, id)));
    const actions = audit.map((a) => a.action);
    for (const action of [
      'deviation.submitted',
      'deviation.accept',
      'deviation.escalate',
      'deviation.close',
      'deviation.read',
    ])
      expect(actions).toContain(action);
  });

  it('when the committee decides the case itself, it closes it with feedback, and the manager can no longer act on it', async () => {
    const { id, nurse } = await fileInsuranceCase('Kommittén avgör själv.');
    const manager = await signedIn(t, 'chef.avd12');
    await move(manager, id, { action: 'accept' });
    const atCommittee = await move(manager, id, { action: 'escalate', reason: 'Principfråga.' });
    expect(atCommittee.allowedActions).not.toContain('close');
    const refused = await manager.post<{ code: string }>(`/api/deviations/${id}/transitions`, {
      action: 'record_position',
      position: 'Chefen försöker tala för kommittén.',
    });
    expect(refused.status).toBe(409);
    const chair = await signedIn(t, 'kommitte.ordf');
    const closed = await move(chair, id, {
      action: 'close',
      feedback: 'Kommittén har beslutat om ny rutin.',
    });
    expect(closed.status).toBe('closed');
    expect(closed.currentBody).toBeNull();
    expect((await open(nurse, id)).feedback).toBe('Kommittén har beslutat om ny rutin.');
    expect((await open(manager, id)).allowedActions).toEqual(['reopen']);
  });

  it('when closing, feedback to the reporter is required', async () => {
    const { id } = await fileInsuranceCase('Utan återkoppling.');
    const manager = await signedIn(t, 'chef.avd12');
    const answer = await manager.post(`/api/deviations/${id}/transitions`, {
      action: 'close',
      feedback: '  ',
    });
    expect(answer.status).toBe(400);
    expect((await open(manager, id)).status).toBe('submitted');
  });

  it('when the manager forwards the report, then the other manager has it in the inbox and the reason is kept from the reporter', async () => {
    const { id, number, nurse } = await fileInsuranceCase('Gäller medicinkliniken egentligen.');
    const manager = await signedIn(t, 'chef.avd12');
    const people = await manager.get<{ items: Array<{ id: string; name: string }> }>(
      '/api/deviation-people?managersOnly=true&q=Falk',
    );
    const other = people.body.items.find((p) => p.name === 'Johan Falk');
    const missingReason = await manager.post(`/api/deviations/${id}/transitions`, {
      action: 'forward',
      toPersonId: other?.id,
    });
    expect(missingReason.status).toBe(400);
    const seen = await move(manager, id, {
      action: 'forward',
      toPersonId: other?.id,
      reason: 'Hände på avdelning 3.',
    });
    expect(seen.handler.name).toBe('Johan Falk');
    const ward3 = await signedIn(t, 'chef.avd3');
    expect((await list(ward3, 'view=inbox')).map((d) => d.number)).toContain(number);
    expect((await list(manager, 'view=inbox')).map((d) => d.number)).not.toContain(number);
    const timeline = (await open(nurse, id)).events;
    expect(timeline.map((e) => e.action)).toEqual(['submitted', 'forward']);
    expect(timeline.every((e) => e.comment === null)).toBe(true);
  });

  it('when a resolved case of principal importance is lifted for learning, then the committee holds it without it being unresolved', async () => {
    const { id, number } = await fileInsuranceCase('Löst lokalt men principiellt viktigt.');
    const manager = await signedIn(t, 'chef.avd12');
    await move(manager, id, { action: 'accept' });
    let seen = await move(manager, id, { action: 'resolve', summary: 'Rutinen förtydligad på enheten.' });
    expect(seen.allowedActions).toContain('lift_for_learning');
    seen = await move(manager, id, {
      action: 'lift_for_learning',
      reason: 'Andra enheter kan lära av detta.',
    });
    expect(seen.status).toBe('resolved');
    expect(seen.currentBody).toMatchObject({ name: 'Försäkringsmedicinska kommittén', purpose: 'learning' });
    expect(seen.allowedActions).not.toContain('close');

    const chair = await signedIn(t, 'kommitte.ordf');
    const inBody = await list(chair, `view=body&bodyId=${seen.currentBody?.id}`);
    expect(inBody.find((d) => d.number === number)?.status).toBe('resolved');
    const asChair = await open(chair, id);
    expect(asChair.allowedActions).toEqual(expect.arrayContaining(['record_position', 'return']));
    expect(asChair.allowedActions).not.toContain('escalate');
    await move(chair, id, {
      action: 'record_position',
      position: 'Tas upp som exempel på utbildningsdagen.',
    });
    seen = await move(chair, id, { action: 'return', instructions: 'Tack, vi sprider lärdomen.' });
    expect(seen.status).toBe('resolved');
    expect(seen.currentBody).toBeNull();
    seen = await move(manager, id, {
      action: 'close',
      feedback: 'Löst, och lyft i kommittén i lärande syfte.',
    });
    expect(seen.status).toBe('closed');
  });

  it('when two managers act on the same version, then the second gets 409 and the case is unchanged by it', async () => {
    const { id } = await fileInsuranceCase('Två chefer samtidigt.');
    const manager = await signedIn(t, 'chef.avd12');
    const clinicHead = await signedIn(t, 'chef.ortopedi');
    const version = (await open(manager, id)).version;
    await move(manager, id, { action: 'accept', expectedVersion: version });
    const late = await clinicHead.patch<{ code: string; status: number }>(`/api/deviations/${id}`, {
      raiseAtUnitMeeting: true,
      expectedVersion: version,
    });
    expect(late.status).toBe(409);
    // what changed rides beside the problem's own members, never over them
    expect(late.body).toMatchObject({
      status: 409,
      code: 'deviation.changed_meanwhile',
      currentVersion: version + 1,
      currentStatus: 'in_handling',
    });
    expect((await open(manager, id)).raiseAtUnitMeeting).toBe(false);
  });

  it('reopens a closed case, and refuses a transition that is not in the table', async () => {
    const { id } = await fileInsuranceCase('Stängd för tidigt.');
    const manager = await signedIn(t, 'chef.avd12');
    const early = await manager.post<{ code: string }>(`/api/deviations/${id}/transitions`, {
      action: 'resolve',
      summary: 'Inte ens mottagen.',
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('deviation.transition_not_allowed');
    await move(manager, id, { action: 'accept' });
    await move(manager, id, { action: 'close', feedback: 'Klart.' });
    const reopened = await move(manager, id, { action: 'reopen', reason: 'Felet kom tillbaka.' });
    expect(reopened.status).toBe('in_handling');
    expect(reopened.feedback).toBeNull();
  });

  it('lets the owner of an action mark it done, and nothing else', async () => {
    const { id } = await fileInsuranceCase('Åtgärd behövs.');
    const manager = await signedIn(t, 'chef.avd12');
    const nurseId = (
      await manager.get<{ items: Array<{ id: string; name: string }> }>('/api/deviation-people?q=Sofia')
    ).body.items[0]?.id;
    const withAction = await manager.post<Deviation>(`/api/deviations/${id}/actions`, {
      title: 'Uppdatera checklistan',
      ownerId: nurseId,
      dueOn: '2027-02-01',
    });
    const actionId = withAction.body.actions[0]?.id;
    const nurse = await signedIn(t, 'sjukskoterska');
    expect((await nurse.patch(`/api/deviation-actions/${actionId}`, { dueOn: '2027-12-31' })).status).toBe(
      403,
    );
    expect((await nurse.patch(`/api/deviation-actions/${actionId}`, { status: 'done' })).status).toBe(200);
    const action = (await open(manager, id)).actions[0];
    expect(action).toMatchObject({ status: 'done', overdue: false });
    expect(action?.completedAt).not.toBeNull();
  });

  it('records cases as raised at the unit meeting, all or none', async () => {
    const a = await fileInsuranceCase('Till enhetsmötet A.');
    const b = await fileInsuranceCase('Inte markerad B.');
    const manager = await signedIn(t, 'chef.avd12');
    await manager.patch(`/api/deviations/${a.id}`, { raiseAtUnitMeeting: true });
    const mixed = await manager.post('/api/unit-meetings/raised', {
      deviationIds: [a.id, b.id],
      raisedOn: '2026-11-25',
    });
    expect(mixed.status).toBe(409);
    expect((await open(manager, a.id)).unitMeetingRaisedOn).toBeNull();
    const ok = await manager.post('/api/unit-meetings/raised', {
      deviationIds: [a.id],
      raisedOn: '2026-11-25',
    });
    expect(ok.body).toEqual({ updated: 1 });
    expect((await list(manager, 'view=meeting')).map((d) => d.id)).not.toContain(a.id);
  });
});

describe('who sees which deviations', () => {
  it('keeps a case of ward 12 out of another clinic manager’s lists and case page, and in the clinic coordinator’s', async () => {
    const { id, number } = await fileInsuranceCase('Synlighetstest ortopeden.');
    const other = await signedIn(t, 'chef.medicin');
    expect((await list(other, 'view=unit')).map((d) => d.number)).not.toContain(number);
    expect((await list(other, `view=unit&q=${number}`)).length).toBe(0);
    expect((await other.get(`/api/deviations/${id}`)).status).toBe(404);
    const coordinator = await signedIn(t, 'kvalitet.ortopedi');
    expect((await list(coordinator, 'view=unit')).map((d) => d.number)).toContain(number);
    const asCoordinator = await open(coordinator, id);
    expect(asCoordinator.view).toBe('handler');
    expect(asCoordinator.allowedActions).toEqual([]);
    const staff = await signedIn(t, 'lakare');
    expect((await staff.get('/api/deviations?view=unit')).status).toBe(403);
    const notMember = await signedIn(t, 'fk.chef');
    const forum = (
      await notMember.get<{ items: Array<{ id: string; name: string }> }>('/api/bodies')
    ).body.items.find((b) => b.name === 'Avvikelseforum');
    expect((await notMember.get(`/api/deviations?view=body&bodyId=${forum?.id}`)).status).toBe(403);
  });

  it('finds reports by full-text search with Swedish stemming, and by number', async () => {
    const { number } = await fileInsuranceCase('Sjuksköterskorna saknade läkarintygen vid utskrivningen.');
    const manager = await signedIn(t, 'chef.avd12');
    expect(
      (await list(manager, `view=unit&q=${encodeURIComponent('läkarintyg')}`)).map((d) => d.number),
    ).toContain(number);
    expect(
      (await list(manager, `view=unit&q=${encodeURIComponent('sjuksköterska')}`)).map((d) => d.number),
    ).toContain(number);
    expect((await list(manager, `view=unit&q=${number.toLowerCase()}`)).map((d) => d.number)).toEqual([
      number,
    ]);
    expect(await list(manager, `view=unit&q=${encodeURIComponent('flygplan')}`)).toEqual([]);
  });

  it('pages, sorts and filters a list, and marks what is overdue', async () => {
    const manager = await signedIn(t, 'chef.avd12');
    await fileInsuranceCase('Sida ett.');
    await fileInsuranceCase('Sida två.');
    const page1 = await manager.get<{ items: DeviationListItem[]; total: number }>(
      '/api/deviations?view=unit&pageSize=2&sort=number&order=asc',
    );
    const page2 = await manager.get<{ items: DeviationListItem[]; total: number }>(
      '/api/deviations?view=unit&pageSize=2&page=2&sort=number&order=asc',
    );
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.total).toBeGreaterThanOrEqual(4);
    expect(page2.body.total).toBe(page1.body.total);
    expect((page1.body.items[1]?.number ?? '') < (page2.body.items[0]?.number ?? '')).toBe(true);
    expect(
      (await list(manager, 'view=unit&status=closed,resolved')).every((d) =>
        ['closed', 'resolved'].includes(d.status),
      ),
    ).toBe(true);
    const bad = await manager.get('/api/deviations?view=unit&status=lost');
    expect(bad.status).toBe(400);
    expect((await list(manager, 'view=unit&overdue=true')).every((d) => d.overdue)).toBe(true);
  });
});
