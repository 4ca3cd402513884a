import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviationConfig } from '../../../contracts/deviations.ts';
import { seedDemo } from '../../seed/demo.ts';
import { Client, type TestApp, testApp } from '../../test/harness.ts';
import { deviationCategories } from './tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.database.db, { password: 'loopen-demo' });
});
afterAll(async () => t.close());

async function configAs(username: string): Promise<DeviationConfig> {
  const browser = new Client(t.app);
  await browser.login(username, 'loopen-demo');
  const answer = await browser.get<DeviationConfig>('/api/deviation-config');
  expect(answer.status).toBe(200);
  return answer.body;
}

describe('the reporting configuration', () => {
  it("offers a nurse the three entries of the region, and seed 002's path to Försäkringsmedicin with its ladder", async () => {
    const config = await configAs('sjukskoterska');
    expect(config.entries.map((e) => e.name.sv)).toEqual([
      'Vårdavvikelse',
      'Arbetsmiljö',
      'Säkerhet, miljö och organisation',
    ]);
    const entry = config.entries.find((e) => e.name.sv === 'Säkerhet, miljö och organisation');
    const area = config.categories.find(
      (c) => c.entryId === entry?.id && c.name.sv === 'Verksamhet/organisation',
    );
    const type = config.categories.find((c) => c.parentId === area?.id && c.name.sv === 'Försäkringsmedicin');
    expect(area?.selectable).toBe(false);
    expect(type?.selectable).toBe(true);
    expect(type?.name.nb).toBe('Trygdemedisin');
    expect(type?.ladder.map((s) => s.bodyName)).toEqual([
      'Försäkringsmedicinska kommittén',
      'Avvikelseforum',
      'Försäkringsmedicinska samverkansgruppen',
    ]);
    // When a patient was harmed, the care report is offered as the companion.
    const care = config.entries.find((e) => e.name.sv === 'Vårdavvikelse');
    expect(type?.companionEntryId).toBe(care?.id);
  });

  it('marks care types as patient-related with their own ladder to the patient-safety council', async () => {
    const config = await configAs('chef.avd12');
    const fall = config.categories.find((c) => c.name.sv === 'Fall med skada');
    expect(fall?.patientRelated).toBe(true);
    expect(fall?.handlingDays).toBe(7);
    expect(fall?.ladder.map((s) => s.bodyName)).toEqual(['Patientsäkerhetsrådet']);
  });

  it('leaves out a deactivated area together with everything under it', async () => {
    const [area] = await t.database.db
      .select({ id: deviationCategories.id })
      .from(deviationCategories)
      .where(eq(deviationCategories.key, 'premises'));
    if (!area) throw new Error('no premises area');
    await t.database.db
      .update(deviationCategories)
      .set({ active: false })
      .where(eq(deviationCategories.id, area.id));
    const config = await configAs('sjukskoterska');
    expect(config.categories.some((c) => c.name.sv === 'Lokaler och utrustning')).toBe(false);
    expect(config.categories.some((c) => c.name.sv === 'Brandskydd')).toBe(false);
    expect(config.categories.some((c) => c.name.sv === 'Försäkringsmedicin')).toBe(true);
  });

  it("gives a partner agency's member the configuration of their own organisation, which has none", async () => {
    const config = await configAs('fk.utredare');
    expect(config).toEqual({ entries: [], categories: [] });
  });

  it('is for signed-in people only', async () => {
    expect((await new Client(t.app).get('/api/deviation-config')).status).toBe(401);
  });
});
