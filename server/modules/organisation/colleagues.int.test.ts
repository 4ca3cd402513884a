import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestApp, testApp } from '../../test/harness.ts';
import { people, units } from './tables.ts';
import { createOrg, createPerson, createRegion, createUnit, signIn } from './test-factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

interface Colleagues {
  items: Array<{ id: string; name: string; profession: string | null; units: string[] }>;
  more: boolean;
}
interface Problem {
  code: string;
  detail: string;
  errors: Array<{ path: string; code: string; message: string }>;
}

const search = (q: string): string => `/api/colleagues?q=${encodeURIComponent(q)}`;

describe('finding a colleague to pick', () => {
  it('when a staff member types part of a name in any case, with å, ä or ö, then they find the active colleagues of their own organisation with profession and units', async () => {
    const db = t.database.db;
    const cast = await createRegion(t);
    const asa = await createPerson(db, {
      organisationId: cast.org.id,
      name: 'Åsa Östergren',
      roles: [
        { role: 'staff', unit: cast.wardB },
        { role: 'manager', unit: cast.wardA },
      ],
    });
    await db.update(people).set({ profession: 'Specialistsjuksköterska' }).where(eq(people.id, asa.id));
    const arne = await createPerson(db, {
      organisationId: cast.org.id,
      name: 'Arne Älvström',
      roles: [{ role: 'staff', unit: cast.wardA }],
    });
    // Someone who has left, and a namesake in another organisation: neither is ever offered.
    const left = await createPerson(db, { organisationId: cast.org.id, name: 'Åsa Lämnat' });
    await db.update(people).set({ active: false }).where(eq(people.id, left.id));
    const elsewhere = await createOrg(db);
    await createPerson(db, { organisationId: elsewhere.id, name: 'Åsa Östergren' });
    // A role on a unit that was closed down does not name that unit.
    const closed = await createUnit(db, cast.clinic, { name: 'Nedlagd avdelning' });
    await db.update(units).set({ active: false }).where(eq(units.id, closed.id));
    await createPerson(db, {
      organisationId: cast.org.id,
      name: 'Bertil Öhman',
      roles: [{ role: 'staff', unit: closed }],
    });

    const staff = await signIn(t, cast.staff);
    const bySmall = await staff.get<Colleagues>(search('åsa'));
    expect(bySmall.status).toBe(200);
    expect(bySmall.body).toEqual({
      items: [
        {
          id: asa.id,
          name: 'Åsa Östergren',
          profession: 'Specialistsjuksköterska',
          units: ['Avdelning 31', 'Avdelning 32'],
        },
      ],
      more: false,
    });
    expect((await staff.get<Colleagues>(search('ÖSTERG'))).body.items.map((p) => p.id)).toEqual([asa.id]);
    expect((await staff.get<Colleagues>(search('  älv '))).body.items.map((p) => p.id)).toEqual([arne.id]);
    // By profession and by username too.
    expect((await staff.get<Colleagues>(search('SJUKSKÖT'))).body.items.map((p) => p.id)).toEqual([asa.id]);
    expect((await staff.get<Colleagues>(search(arne.username))).body.items.map((p) => p.id)).toEqual([
      arne.id,
    ]);
    const ohman = await staff.get<Colleagues>(search('öhman'));
    expect(ohman.body.items.map((p) => [p.name, p.units])).toEqual([['Bertil Öhman', []]]);

    // Without q: the organisation's active people by name, never the one who left nor the namesake.
    const all = await staff.get<Colleagues>('/api/colleagues');
    expect(all.body.items.map((p) => p.name)).toContain('Åsa Östergren');
    expect(all.body.items.map((p) => p.id)).not.toContain(left.id);
    expect(all.body.items.filter((p) => p.name === 'Åsa Östergren')).toHaveLength(1);
    expect(all.body.more).toBe(false);
    const names = all.body.items.map((p) => p.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    // Signed out, nobody is found.
    expect((await new Client(t.app).get(search('åsa'))).status).toBe(401);
  });

  it('when more than twenty match, then twenty are answered by name and more says to type more', async () => {
    const db = t.database.db;
    const org = await createOrg(db);
    for (let n = 1; n <= 22; n++) {
      await createPerson(db, { organisationId: org.id, name: `Lindqvist ${String(n).padStart(2, '0')}` });
    }
    const asker = await createPerson(db, { organisationId: org.id, name: 'Frågande Person' });
    const browser = await signIn(t, asker);
    const many = await browser.get<Colleagues>(search('lindqvist'));
    expect(many.status).toBe(200);
    expect(many.body.items).toHaveLength(20);
    expect(many.body.items[0]?.name).toBe('Lindqvist 01');
    expect(many.body.items[19]?.name).toBe('Lindqvist 20');
    expect(many.body.more).toBe(true);
    const fewer = await browser.get<Colleagues>(search('lindqvist 2'));
    expect(fewer.body.items.map((p) => p.name)).toEqual(['Lindqvist 20', 'Lindqvist 21', 'Lindqvist 22']);
    expect(fewer.body.more).toBe(false);
    // A LIKE wildcard is a letter like any other.
    expect((await browser.get<Colleagues>(search('%'))).body.items).toEqual([]);
  });

  it('when the search is empty or too long, then the answer is 400 naming q, in the reader’s language', async () => {
    const db = t.database.db;
    const cast = await createRegion(t);
    const norwegian = await createPerson(db, { organisationId: cast.org.id, language: 'nb' });
    const english = await createPerson(db, { organisationId: cast.org.id, language: 'en' });

    const swedishAnswer = await (await signIn(t, cast.staff)).get<Problem>(search('   '));
    expect(swedishAnswer.status).toBe(400);
    expect(swedishAnswer.body.code).toBe('error.validation');
    expect(swedishAnswer.body.detail).toBe('Några uppgifter behöver rättas.');
    expect(swedishAnswer.body.errors).toEqual([
      { path: 'querystring.q', code: 'validation.too_small_string', message: 'Måste vara minst 1 tecken.' },
    ]);

    const norwegianAnswer = await (await signIn(t, norwegian)).get<Problem>(search('x'.repeat(101)));
    expect(norwegianAnswer.status).toBe(400);
    expect(norwegianAnswer.body.detail).toBe('Noen opplysninger må rettes.');
    expect(norwegianAnswer.body.errors).toEqual([
      { path: 'querystring.q', code: 'validation.too_big_string', message: 'Kan være høyst 100 tegn.' },
    ]);

    const englishBrowser = await signIn(t, english);
    const withNul = await englishBrowser.get<Problem>(search('Å\u0000sa'));
    expect(withNul.status).toBe(400);
    expect(withNul.body.errors[0]?.message).toBe('Contains control characters that are not allowed.');
    const unknown = await englishBrowser.get<Problem>('/api/colleagues?organisationId=x');
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toBe('Some details need correcting.');
  });

  it('when a manager forwards a case, then the deviation people are the same search narrowed to managers', async () => {
    const db = t.database.db;
    const cast = await createRegion(t);
    const other = await createPerson(db, {
      organisationId: cast.org.id,
      name: 'Örjan Åkesson',
      roles: [
        { role: 'manager', unit: cast.wardB },
        { role: 'staff', unit: cast.wardA },
      ],
    });
    const nurse = await createPerson(db, {
      organisationId: cast.org.id,
      name: 'Örjan Ågren',
      roles: [{ role: 'staff', unit: cast.wardA }],
    });
    const manager = await signIn(t, cast.manager);
    const managers = await manager.get<{ items: Colleagues['items'] }>(
      '/api/deviation-people?managersOnly=true&q=örjan',
    );
    expect(managers.body.items.map((p) => [p.id, p.units])).toEqual([[other.id, ['Avdelning 32']]]);
    const anyone = await manager.get<{ items: Colleagues['items'] }>('/api/deviation-people?q=ÖRJAN');
    expect(anyone.body.items.map((p) => p.id)).toEqual([nurse.id, other.id]);
  });
});
