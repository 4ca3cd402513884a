import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviationReceipt } from '../../../contracts/deviations.ts';
import { auditLog } from '../../platform/tables.ts';
import { seedDemo } from '../../seed/demo.ts';
import type { TestApp } from '../../test/harness.ts';
import { testApp } from '../../test/harness.ts';
import { insuranceMedicinePath, open, report, signedIn, typeId } from './deviation-test-support.ts';
import { deviationPatients, deviations } from './tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.database.db, { password: 'loopen-demo' });
});
afterAll(async () => t.close());

describe('reporting a deviation', () => {
  it('when the nurse reports an insurance-medicine deviation, then it gets a number and goes to her nearest manager', async () => {
    const nurse = await signedIn(t, 'sjukskoterska');
    const categoryId = await typeId(nurse, ...insuranceMedicinePath);
    const receipt = await report(nurse, {
      categoryId,
      description: 'Läkarintyget skickades inte till Försäkringskassan trots påminnelse.',
      immediateAction: 'Ringde handläggaren.',
      patientInvolved: true,
      patientIdentifier: '19811228-9874',
    });
    expect(receipt.number).toMatch(/^AV-\d{4}-\d{6}$/);
    expect(receipt.handler.name).toBe('Maria Ek');
    expect(receipt.companion).toBeNull();

    // The identifier sits in the protected field, not in the case row; the audit row does not carry it.
    const [patient] = await t.database.db
      .select()
      .from(deviationPatients)
      .where(eq(deviationPatients.deviationId, receipt.id));
    expect(patient).toMatchObject({ kind: 'se_personnummer', identifier: '19811228-9874' });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, receipt.id), eq(auditLog.action, 'deviation.submitted')));
    expect(JSON.stringify(audit?.summary)).not.toContain('9874');

    const mine = await open(nurse, receipt.id);
    expect(mine.view).toBe('reporter');
    expect(mine.category.path.map((n) => n.sv)).toEqual(['Verksamhet/organisation', 'Försäkringsmedicin']);
    expect(mine.unit.name).toBe('Ortopedisk vårdavdelning 12');
    expect(mine.patient).toBeNull();
    expect(mine.events.map((e) => e.action)).toEqual(['submitted']);
  });

  it('numbers reports one after another within the year', async () => {
    const nurse = await signedIn(t, 'sjukskoterska');
    const categoryId = await typeId(nurse, ...insuranceMedicinePath);
    const first = await report(nurse, { categoryId, description: 'Första.' });
    const second = await report(nurse, { categoryId, description: 'Andra.' });
    const n = (r: DeviationReceipt): number => Number(r.number.slice(-6));
    expect(n(second)).toBe(n(first) + 1);
  });

  it('gives reports filed at the same moment numbers of their own, with none skipped', async () => {
    const nurse = await signedIn(t, 'sjukskoterska');
    const categoryId = await typeId(nurse, ...insuranceMedicinePath);
    const receipts = await Promise.all(
      Array.from({ length: 8 }, (_, i) => report(nurse, { categoryId, description: `Samtidigt ${i}.` })),
    );
    const numbers = receipts.map((r) => Number(r.number.slice(-6))).sort((a, b) => a - b);
    const first = numbers[0] ?? 0;
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => first + i));
  });

  it('when the manager reports from her own unit, then the report comes to herself', async () => {
    const manager = await signedIn(t, 'chef.avd12');
    const categoryId = await typeId(manager, 'Vårdavvikelse', 'Fall', 'Fall med skada');
    const receipt = await report(manager, {
      categoryId,
      unitId: (await manager.get<{ roles: Array<{ unitId: string }> }>('/api/me')).body.roles[0]?.unitId,
      description: 'Patient föll vid förflyttning.',
    });
    expect(receipt.handler.name).toBe('Maria Ek');
  });

  it('when a report names another unit, then it goes to that unit’s nearest manager', async () => {
    const surgeon = await signedIn(t, 'lakare');
    const units = (await surgeon.get<{ items: Array<{ id: string; name: string }> }>('/api/units')).body
      .items;
    const ward3 = units.find((u) => u.name === 'Medicinavdelning 3');
    const categoryId = await typeId(surgeon, ...insuranceMedicinePath);
    const receipt = await report(surgeon, { categoryId, unitId: ward3?.id, description: 'Remiss försvann.' });
    expect(receipt.handler.name).toBe('Johan Falk');
  });

  it('when a personnummer is typed into the narrative, then the report is refused in the reader’s language and nothing is stored', async () => {
    const before = await t.database.db.$count(deviations);
    for (const [language, needle] of [
      ['sv', 'skyddade patientfältet'],
      ['nb', 'beskyttede pasientfeltet'],
    ] as const) {
      const nurse = await signedIn(t, 'sjukskoterska', language);
      // A signed-in person's own language wins over the browser's.
      await nurse.put('/api/me/language', { language });
      const categoryId = await typeId(nurse, ...insuranceMedicinePath);
      const answer = await nurse.post<{ errors: Array<{ path: string; message: string }> }>(
        '/api/deviations',
        {
          categoryId,
          occurredAt: new Date().toISOString(),
          description: 'Patienten 811228-9874 fick fel intyg.',
          suggestion: 'Ring 15076500565',
        },
      );
      expect(answer.status).toBe(400);
      expect(answer.body.errors.map((e) => e.path).sort()).toEqual(['description', 'suggestion']);
      expect(answer.body.errors[0]?.message).toContain(needle);
      await nurse.put('/api/me/language', { language: 'sv' });
    }
    expect(await t.database.db.$count(deviations)).toBe(before);
  });

  it('refuses an invalid identifier in the protected field, one without a patient, a future time and a non-selectable type', async () => {
    const nurse = await signedIn(t, 'sjukskoterska', 'en');
    const categoryId = await typeId(nurse, ...insuranceMedicinePath);
    const areaId = (
      await nurse.get<{ categories: Array<{ id: string; name: { sv: string } }> }>('/api/deviation-config')
    ).body.categories.find((c) => c.name.sv === 'Verksamhet/organisation')?.id;
    const base = { categoryId, occurredAt: new Date().toISOString(), description: 'Något hände.' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base, patientInvolved: true, patientIdentifier: '811228-9875' }, 'patientIdentifier'],
      [{ ...base, patientIdentifier: '811228-9874' }, 'patientIdentifier'],
      [{ ...base, occurredAt: new Date(Date.now() + 86_400_000).toISOString() }, 'occurredAt'],
      [{ ...base, categoryId: areaId }, 'categoryId'],
    ];
    for (const [body, path] of cases) {
      const answer = await nurse.post<{ errors: Array<{ path: string }> }>('/api/deviations', body);
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      expect(answer.body.errors.map((e) => e.path)).toEqual([path]);
    }
  });

  it('when the browser retries with the same idempotency key, then the report is stored once and answered alike', async () => {
    const nurse = await signedIn(t, 'sjukskoterska');
    const categoryId = await typeId(nurse, ...insuranceMedicinePath);
    const headers = { 'idempotency-key': 'retry-3f6a1c' };
    const body = { categoryId, description: 'Wi-Fi föll bort när jag skickade.' };
    const [a, b] = await Promise.all([report(nurse, body, headers), report(nurse, body, headers)]);
    const c = await report(nurse, body, headers);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(await t.database.db.$count(deviations, eq(deviations.idempotencyKey, 'retry-3f6a1c'))).toBe(1);
  });

  it('when a patient was harmed on an organisational report, then the care report is offered and the two are linked both ways', async () => {
    const nurse = await signedIn(t, 'sjukskoterska');
    const organisational = await report(nurse, {
      categoryId: await typeId(nurse, ...insuranceMedicinePath),
      description: 'Sjukskrivningen bröts; patienten blev utan ersättning och mådde sämre.',
      patientHarmed: true,
    });
    expect(organisational.companion?.entryName.sv).toBe('Vårdavvikelse');
    const first = await open(nurse, organisational.id);
    expect(first.companionEntryId).toBe(organisational.companion?.entryId);

    const care = await report(nurse, {
      categoryId: await typeId(
        nurse,
        'Vårdavvikelse',
        'Informationsöverföring',
        'Brister i överrapportering',
      ),
      description: 'Sjukskrivningen bröts; patienten blev utan ersättning och mådde sämre.',
      patientHarmed: true,
      companionOf: organisational.id,
    });
    expect(care.linkedDeviation).toEqual({ id: organisational.id, number: organisational.number });
    expect(care.companion).toBeNull();
    expect((await open(nurse, organisational.id)).linkedDeviation).toEqual({
      id: care.id,
      number: care.number,
    });
    expect((await open(nurse, organisational.id)).companionEntryId).toBeNull();

    // A report can be the companion of only one, and only of one's own.
    const again = await nurse.post('/api/deviations', {
      categoryId: await typeId(nurse, ...insuranceMedicinePath),
      occurredAt: new Date().toISOString(),
      description: 'Tredje.',
      companionOf: organisational.id,
    });
    expect(again.status).toBe(400);
  });

  it('is for signed-in people only', async () => {
    const { Client } = await import('../../test/harness.ts');
    expect((await new Client(t.app).post('/api/deviations', {})).status).toBe(401);
  });
});
