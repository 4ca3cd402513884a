import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviationStats } from '../../contracts/deviation-stats.ts';
import type { DeviationConfig } from '../../contracts/deviations.ts';
import { report, signedIn } from '../modules/deviations/deviation-test-support.ts';
import { seedDemo } from '../seed/demo.ts';
import type { Client, TestApp } from './harness.ts';
import { testApp } from './harness.ts';

/**
 * Scoping on data, not only on endpoints: with one report in every unit of the region, each
 * manager and quality coordinator sees exactly the reports of the units they answer for, in every
 * list, in search, in statistics and in the exports, and nothing of the others'.
 */

let t: TestApp;
interface ListPage {
  items: { id: string }[];
}
const word = 'zebrafinken';

interface Filed {
  id: string;
  number: string;
  unitId: string;
  unitName: string;
  unitPath: string;
}
const filed: Filed[] = [];

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The unit paths a person manages or coordinates quality for. */
async function scopeOf(username: string): Promise<string[]> {
  const found = await rows<{ path: string }>(sql`select u.path from role_assignments r
    join people p on p.id = r.person_id join units u on u.id = r.unit_id
    where p.username = ${username} and r.role in ('manager', 'quality_coordinator')`);
  return found.map((r) => r.path);
}

/** Every id a list shows, page by page; a list the person may not have at all shows none. */
async function everyPage(browser: Client, query: string): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; page < 50; page++) {
    const answer = await browser.get<ListPage>(`/api/deviations?${query}&pageSize=200&page=${page}`);
    if (answer.status === 403 && query.startsWith('view=meeting')) return [];
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    ids.push(...answer.body.items.map((i) => i.id));
    if (answer.body.items.length < 200) break;
  }
  return ids;
}

beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.database.db, { password: 'loopen-demo' });
  const nurse = await signedIn(t, 'sjukskoterska');
  const config = (await nurse.get<DeviationConfig>('/api/deviation-config')).body;
  const type = config.categories.find((c) => c.selectable && !c.patientRelated) ?? config.categories[0];
  if (!type) throw new Error('no type to report');
  const regionUnits = await rows<{ id: string; name: string; path: string }>(sql`select u.id, u.name, u.path
    from units u join people p on p.organisation_id = u.organisation_id
    where p.username = 'sjukskoterska' and u.active order by u.path`);
  for (const unit of regionUnits) {
    const receipt = await report(nurse, {
      categoryId: type.id,
      unitId: unit.id,
      description: `Larmet från ${word} i ${unit.name} hördes inte.`,
      patientInvolved: false,
    });
    filed.push({
      id: receipt.id,
      number: receipt.number,
      unitId: unit.id,
      unitName: unit.name,
      unitPath: unit.path,
    });
  }
}, 120_000);
afterAll(async () => t.close());

const people = [
  'chef.avd12',
  'chef.avd3',
  'chef.medicin',
  'chef.ortopedi',
  'chef.hoft',
  'kvalitet.ortopedi',
  'chef.primarvard',
  'chef.akut',
];

describe('each manager sees the reports of their own units, and nothing of the others’', () => {
  it('files one report in every unit of the region', () => {
    expect(filed.length).toBeGreaterThan(10);
  });

  for (const username of people) {
    it(`when ${username} lists, searches, counts and exports, then only their units’ reports appear`, async () => {
      const roots = await scopeOf(username);
      expect(roots.length, `${username} answers for some unit`).toBeGreaterThan(0);
      const inScope = (f: Filed) => roots.some((root) => f.unitPath.startsWith(root));
      const mine = filed.filter(inScope);
      const others = filed.filter((f) => !inScope(f));
      expect(mine.length).toBeGreaterThan(0);
      expect(others.length).toBeGreaterThan(0);
      const browser = await signedIn(t, username);

      // The units list, searched for the word every report carries: exactly theirs.
      const listed = await everyPage(browser, `view=unit&q=${word}`);
      expect(new Set(listed)).toEqual(new Set(mine.map((f) => f.id)));
      // The inbox and the unit meeting list hold nothing of the others'.
      for (const view of ['inbox', 'unit', 'meeting']) {
        const ids = new Set(await everyPage(browser, `view=${view}`));
        expect(
          others.filter((f) => ids.has(f.id)).map((f) => f.unitName),
          view,
        ).toEqual([]);
      }
      // A report of a unit neither theirs nor above theirs is not found by its number, nor opened,
      // nor exported as FHIR, nor listed or counted when asked for by its unit.
      const stranger = others.find((f) => !roots.some((root) => root.startsWith(f.unitPath)));
      if (!stranger) throw new Error('no report outside the scope');
      expect(await everyPage(browser, `view=unit&q=${stranger.number}`)).toEqual([]);
      expect((await browser.get(`/api/deviations/${stranger.id}`)).status).toBe(404);
      expect((await browser.get(`/api/deviations/${stranger.id}/fhir`)).status).toBe(404);
      expect(await everyPage(browser, `view=unit&unitId=${stranger.unitId}`)).toEqual([]);
      // Asked for a unit above their own, they get their own part of it only.
      const outsideIds = new Set(others.map((f) => f.id));
      for (const above of others.filter((f) => roots.some((root) => root.startsWith(f.unitPath))))
        expect(
          (await everyPage(browser, `view=unit&unitId=${above.unitId}`)).filter((id) => outsideIds.has(id)),
        ).toEqual([]);

      // Statistics count exactly their reports, split by unit within their scope only.
      const expected = (
        await rows<{
          n: number;
        }>(sql`select count(*)::int as n from deviations d join units u on u.id = d.unit_id
          where ${sql.join(
            roots.map((root) => sql`u.path like ${`${root}%`}`),
            sql` or `,
          )}`)
      )[0]?.n;
      const stats = await browser.get<DeviationStats>('/api/deviations/stats?groupBy=category');
      expect(stats.status).toBe(200);
      expect(stats.body.totals.count).toBe(expected);
      const foreign = await browser.get<DeviationStats>(
        `/api/deviations/stats?groupBy=unit&unitId=${stranger.unitId}`,
      );
      expect(foreign.body.totals.count).toBe(0);

      // The CSV export names no unit outside the scope and counts the same total.
      const csv = await browser.get<string>('/api/deviations/stats/export?format=csv&groupBy=unit');
      expect(csv.status).toBe(200);
      const lines = csv.body.slice(1).trim().split('\r\n');
      const outside = new Set(others.map((f) => f.unitName));
      const insideNames = new Set(mine.map((f) => f.unitName));
      for (const line of lines.slice(1, -1)) {
        const name = line.split(';')[0] ?? '';
        if (outside.has(name) && !insideNames.has(name))
          throw new Error(`${username} sees ${name} in the export`);
      }
      expect(Number(lines.at(-1)?.split(';')[1])).toBe(expected);
      const xlsx = await browser.get('/api/deviations/stats/export?format=xlsx&groupBy=unit');
      expect(xlsx.status).toBe(200);
    });
  }
});
