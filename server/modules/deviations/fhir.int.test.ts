import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../seed/demo.ts';
import type { TestApp } from '../../test/harness.ts';
import { testApp } from '../../test/harness.ts';
import { insuranceMedicinePath, report, signedIn, typeId } from './deviation-test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.database.db, { password: 'loopen-demo' });
});
afterAll(async () => t.close());

describe('a deviation as FHIR R5 AdverseEvent', () => {
  it('gives the handler a fall with injury as an actual AdverseEvent about the identified patient', async () => {
    const nurse = await signedIn(t, 'sjukskoterska');
    const receipt = await report(nurse, {
      categoryId: await typeId(nurse, 'Vårdavvikelse', 'Fall', 'Fall med skada'),
      description: 'Patienten föll på väg till toaletten och fick ett sår på pannan.',
      immediateAction: 'Såret lades om, läkare tillkallad.',
      patientHarmed: true,
      patientIdentifier: '811228-9874',
    });
    const manager = await signedIn(t, 'chef.avd12');
    const answer = await manager.get<Record<string, unknown>>(`/api/deviations/${receipt.id}/fhir`);
    expect(answer.status).toBe(200);
    expect(String(answer.headers['content-type'])).toContain('application/fhir+json');
    expect(answer.body).toMatchObject({
      resourceType: 'AdverseEvent',
      id: receipt.id,
      identifier: [{ system: 'urn:loopen:deviation-number', value: receipt.number }],
      status: 'in-progress',
      actuality: 'actual',
      code: { text: 'Fall med skada' },
      subject: {
        type: 'Patient',
        identifier: { system: 'urn:oid:1.2.752.129.2.1.3.1', value: '811228-9874' },
      },
      location: { display: 'Ortopedisk vårdavdelning 12' },
      mitigatingAction: [{ itemCodeableConcept: { text: 'Såret lades om, läkare tillkallad.' } }],
    });
    // The reporter's own view does not carry the patient, and neither does a FHIR answer to them.
    expect((await nurse.get(`/api/deviations/${receipt.id}/fhir`)).status).toBe(403);
    expect((await (await signedIn(t, 'chef.medicin')).get(`/api/deviations/${receipt.id}/fhir`)).status).toBe(
      404,
    );
  });

  it('answers a clear 422 for an organisational deviation, which has no subject', async () => {
    const nurse = await signedIn(t, 'sjukskoterska');
    const receipt = await report(nurse, {
      categoryId: await typeId(nurse, ...insuranceMedicinePath),
      description: 'Intyget kom inte fram.',
    });
    const manager = await signedIn(t, 'chef.avd12');
    const answer = await manager.get<{ code: string; detail: string }>(`/api/deviations/${receipt.id}/fhir`);
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('deviation.fhir_not_patient_related');
    expect(answer.body.detail).toContain('inte patientrelaterad');
  });

  it('answers 422 for a care deviation without an identified patient', async () => {
    const nurse = await signedIn(t, 'sjukskoterska');
    const receipt = await report(nurse, {
      categoryId: await typeId(nurse, 'Vårdavvikelse', 'Fall', 'Fall utan skada'),
      description: 'Någon halkade nästan i korridoren.',
    });
    const manager = await signedIn(t, 'chef.avd12');
    const answer = await manager.get<{ code: string }>(`/api/deviations/${receipt.id}/fhir`);
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('deviation.fhir_no_patient');
  });
});
