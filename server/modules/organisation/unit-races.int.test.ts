import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test/harness.ts';
import { units } from './tables.ts';
import { createRegion, createUnit, signIn } from './test-factories.ts';

// Races between requests. On PGlite (one connection) they run one after another and pass trivially;
// on PostgreSQL (DATABASE_URL) they run side by side and show that the locks hold.

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

const pairs = 30;

describe('the unit tree under concurrent changes', () => {
  it('when units are deactivated at the same moment as children are created or moved under them, then no active unit is ever left under an inactive one', async () => {
    const cast = await createRegion(t);
    const db = t.database.db;
    const deactivating = await signIn(t, cast.orgAdmin);
    const building = await signIn(t, cast.orgAdmin);
    const answers: number[][] = [];
    for (let i = 0; i < pairs; i++) {
      const parent = await createUnit(db, cast.clinic, { name: `Avdelning ${i}` });
      // Half the pairs create a child under the unit, half move an existing one there.
      const child =
        i % 2 === 0
          ? building.post('/api/units', {
              organisationId: cast.org.id,
              parentId: parent.id,
              name: `Sal ${i}`,
            })
          : createUnit(db, cast.clinic, { name: `Flyttas ${i}` }).then((unit) =>
              building.post(`/api/units/${unit.id}/move`, { parentId: parent.id }),
            );
      const both = await Promise.all([
        deactivating.patch(`/api/units/${parent.id}`, { active: false }),
        child,
      ]);
      answers.push(both.map((a) => a.status));
    }
    // Each pair: one wins, and the loser is told why (400: parent inactive, or active children).
    for (const statuses of answers) {
      expect(
        statuses.filter((s) => s === 200 || s === 201),
        JSON.stringify(answers),
      ).toHaveLength(1);
      expect(
        statuses.filter((s) => s === 400),
        JSON.stringify(answers),
      ).toHaveLength(1);
    }
    const parent = alias(units, 'parent');
    const orphans = await db
      .select({ id: units.id })
      .from(units)
      .innerJoin(parent, eq(parent.id, units.parentId))
      .where(and(eq(units.organisationId, cast.org.id), eq(units.active, true), eq(parent.active, false)));
    expect(orphans).toEqual([]);
  });
});
