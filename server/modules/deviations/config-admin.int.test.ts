import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AdminConfig,
  AdminConfigCategory,
  AdminConfigEntry,
} from '../../../contracts/deviation-config-admin.ts';
import type { DeviationConfig } from '../../../contracts/deviations.ts';
import { auditLog } from '../../platform/tables.ts';
import { seedDemo } from '../../seed/demo.ts';
import type { Client, TestApp } from '../../test/harness.ts';
import { testApp } from '../../test/harness.ts';
import { bodies, people } from '../organisation/tables.ts';
import { report, signedIn } from './deviation-test-support.ts';

let t: TestApp;
let admin: Client;
let nurse: Client;
let bodyIds: { council: string; committee: string };

const names = (sv: string, nb: string, en: string) => ({ sv, nb, en });

beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.database.db, { password: 'loopen-demo' });
  admin = await signedIn(t, 'admin');
  nurse = await signedIn(t, 'sjukskoterska');
  const found = await t.database.db
    .select({ id: bodies.id, name: bodies.name })
    .from(bodies)
    .where(inArray(bodies.name, ['Patientsäkerhetsrådet', 'Försäkringsmedicinska kommittén']));
  const idOf = (name: string): string => {
    const body = found.find((b) => b.name === name);
    if (!body) throw new Error(`no body ${name}`);
    return body.id;
  };
  bodyIds = { council: idOf('Patientsäkerhetsrådet'), committee: idOf('Försäkringsmedicinska kommittén') };
});
afterAll(async () => t.close());

async function adminConfig(): Promise<AdminConfig> {
  const answer = await admin.get<AdminConfig>('/api/deviation-config/admin');
  expect(answer.status).toBe(200);
  return answer.body;
}

async function reporterConfig(): Promise<DeviationConfig> {
  return (await nurse.get<DeviationConfig>('/api/deviation-config')).body;
}

async function created<T>(answer: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await answer;
  expect(status, JSON.stringify(body)).toBe(201);
  return body;
}

/** A new entry with an area and a type under it, made through the API as an administrator would. */
async function entryWithType(key: string): Promise<{
  entry: AdminConfigEntry;
  area: AdminConfigCategory;
  type: AdminConfigCategory;
}> {
  const entry = await created(
    admin.post<AdminConfigEntry>('/api/deviation-entries', {
      key,
      name: names(`Läkemedelshantering ${key}`, `Legemiddelhåndtering ${key}`, `Medicines ${key}`),
      sortOrder: 40,
    }),
  );
  const area = await created(
    admin.post<AdminConfigCategory>('/api/deviation-categories', {
      entryId: entry.id,
      parentId: null,
      key: 'medication',
      name: names('Läkemedel', 'Legemidler', 'Medication'),
    }),
  );
  const type = await created(
    admin.post<AdminConfigCategory>('/api/deviation-categories', {
      entryId: entry.id,
      parentId: area.id,
      key: 'wrong-dose',
      name: names('Fel dos', 'Feil dose', 'Wrong dose'),
      help: names('Fel mängd gavs.', 'Feil mengde ble gitt.', 'The wrong amount was given.'),
      patientRelated: true,
      handlingDays: 10,
    }),
  );
  return { entry, area, type };
}

async function auditActionsFor(entityIds: string[]): Promise<string[]> {
  const rows = await t.database.db
    .select({ action: auditLog.action, actorId: auditLog.actorId })
    .from(auditLog)
    .where(inArray(auditLog.entityId, entityIds))
    .orderBy(auditLog.id);
  return rows.map((r) => r.action);
}

describe('administrators keep the reporting configuration', () => {
  it('when the administrator adds "Läkemedel → Fel dos" with a ladder of two bodies, then the nurse can report under it and each change is in the audit log', async () => {
    const { entry, area, type } = await entryWithType('medicines');
    const care = (await adminConfig()).entries.find((e) => e.key === 'care');
    const companion = await admin.patch<AdminConfigCategory>(`/api/deviation-categories/${type.id}`, {
      companionEntryId: care?.id,
    });
    expect(companion.status).toBe(200);
    const laddered = await admin.put<AdminConfigCategory>(`/api/deviation-categories/${type.id}/ladder`, {
      bodyIds: [bodyIds.council, bodyIds.committee],
    });
    expect(laddered.status, JSON.stringify(laddered.body)).toBe(200);
    expect(laddered.body.ladder.map((s) => [s.position, s.bodyName])).toEqual([
      [1, 'Patientsäkerhetsrådet'],
      [2, 'Försäkringsmedicinska kommittén'],
    ]);

    const config = await reporterConfig();
    expect(config.entries.find((e) => e.id === entry.id)?.name.nb).toBe('Legemiddelhåndtering medicines');
    const shown = config.categories.find((c) => c.id === type.id);
    expect(shown).toMatchObject({
      parentId: area.id,
      selectable: true,
      patientRelated: true,
      handlingDays: 10,
      companionEntryId: care?.id,
    });
    expect(shown?.ladder.map((s) => s.bodyName)).toEqual([
      'Patientsäkerhetsrådet',
      'Försäkringsmedicinska kommittén',
    ]);
    expect(config.categories.find((c) => c.id === area.id)?.selectable).toBe(false);

    const receipt = await report(nurse, { categoryId: type.id, description: 'Dubbel dos gavs av misstag.' });
    expect(receipt.number).toMatch(/^[A-Z]+-\d{4}-\d{6}$/);

    expect(await auditActionsFor([entry.id, area.id, type.id])).toEqual([
      'deviation_config.entry_created',
      'deviation_config.category_created',
      'deviation_config.category_created',
      'deviation_config.category_updated',
      'deviation_config.ladder_replaced',
    ]);
    const [adminPerson] = await t.database.db
      .select({ id: people.id })
      .from(people)
      .where(eq(people.username, 'admin'));
    const [ladderRow] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, type.id), eq(auditLog.action, 'deviation_config.ladder_replaced')));
    expect(ladderRow?.actorId).toBe(adminPerson?.id);
    expect(ladderRow?.summary).toEqual({ before: [], after: [bodyIds.council, bodyIds.committee] });
  });

  it('when the administrator deactivates an area, then reporters no longer see it nor its types, while the administrator still does and can bring it back', async () => {
    const { area, type } = await entryWithType('medicines-off');
    const off = await admin.patch<AdminConfigCategory>(`/api/deviation-categories/${area.id}`, {
      active: false,
    });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);

    const hidden = await reporterConfig();
    expect(hidden.categories.some((c) => c.id === area.id || c.id === type.id)).toBe(false);
    const listed = await adminConfig();
    expect(listed.categories.find((c) => c.id === area.id)?.active).toBe(false);
    expect(listed.categories.find((c) => c.id === type.id)?.active).toBe(true);

    await admin.patch(`/api/deviation-categories/${area.id}`, { active: true });
    const back = await reporterConfig();
    expect(back.categories.some((c) => c.id === type.id)).toBe(true);
  });

  it('when the administrator deactivates an entry, then reporters no longer see it', async () => {
    const { entry } = await entryWithType('medicines-entry-off');
    const off = await admin.patch<AdminConfigEntry>(`/api/deviation-entries/${entry.id}`, { active: false });
    expect(off.status).toBe(200);
    expect((await reporterConfig()).entries.some((e) => e.id === entry.id)).toBe(false);
    expect((await adminConfig()).entries.find((e) => e.id === entry.id)?.active).toBe(false);
  });

  it('refuses to move an area under itself or under its own type, or into another entry, and changes nothing', async () => {
    const { area, type } = await entryWithType('medicines-move');
    const other = await entryWithType('medicines-other');
    const before = await auditActionsFor([area.id]);

    const underOwnType = await admin.patch<{ errors: Array<{ path: string; code: string }> }>(
      `/api/deviation-categories/${area.id}`,
      { parentId: type.id },
    );
    expect(underOwnType.status).toBe(400);
    expect(underOwnType.body.errors).toEqual([
      expect.objectContaining({ path: 'parentId', code: 'deviation_config.parent_in_own_subtree' }),
    ]);
    const underItself = await admin.patch(`/api/deviation-categories/${area.id}`, { parentId: area.id });
    expect(underItself.status).toBe(400);
    const elsewhere = await admin.patch<{ code: string }>(`/api/deviation-categories/${type.id}`, {
      parentId: other.area.id,
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.code).toBe('deviation_config.parent_not_in_entry');

    const tree = await adminConfig();
    expect(tree.categories.find((c) => c.id === area.id)?.parentId).toBeNull();
    expect(tree.categories.find((c) => c.id === type.id)?.parentId).toBe(area.id);
    expect(await auditActionsFor([area.id])).toEqual(before);

    // A type moved to the top of its entry is fine.
    const moved = await admin.patch<AdminConfigCategory>(`/api/deviation-categories/${type.id}`, {
      parentId: null,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.parentId).toBeNull();
  });

  it('answers a clashing key with 409, and bad days, bodies and companions per field, in the caller’s language', async () => {
    const { entry, type } = await entryWithType('medicines-checks');
    // The person's own language wins over the browser's: the administrator switches to bokmål, then English.
    const norwegian = await signedIn(t, 'admin');
    expect((await norwegian.put('/api/me/language', { language: 'nb' })).status).toBe(200);
    const clash = await norwegian.post<{ detail: string; errors: Array<{ path: string }> }>(
      '/api/deviation-entries',
      { key: 'medicines-checks', name: names('A', 'B', 'C') },
    );
    expect(clash.status).toBe(409);
    expect(clash.body.detail).toContain('nøkkelen');
    expect(clash.body.errors.map((e) => e.path)).toEqual(['key']);
    const typeClash = await admin.post('/api/deviation-categories', {
      entryId: entry.id,
      parentId: null,
      key: 'wrong-dose',
      name: names('A', 'B', 'C'),
    });
    expect(typeClash.status).toBe(409);

    for (const handlingDays of [0, 366, 1.5, '7']) {
      const answer = await admin.patch(`/api/deviation-categories/${type.id}`, { handlingDays });
      expect(answer.status, String(handlingDays)).toBe(400);
    }
    const english = norwegian;
    expect((await english.put('/api/me/language', { language: 'en' })).status).toBe(200);
    const ladder = await english.put<{ detail: string; errors: Array<{ path: string; code: string }> }>(
      `/api/deviation-categories/${type.id}/ladder`,
      { bodyIds: [bodyIds.council, bodyIds.committee, bodyIds.council, crypto.randomUUID()] },
    );
    expect(ladder.status).toBe(400);
    expect(ladder.body.detail).toContain('already earlier in the ladder');
    expect(ladder.body.errors.map((e) => [e.path, e.code])).toEqual([
      ['bodyIds.2', 'deviation_config.ladder_duplicate'],
      ['bodyIds.3', 'deviation_config.body_not_found'],
    ]);
    expect((await english.put('/api/me/language', { language: 'sv' })).status).toBe(200);

    const ownEntry = await admin.patch<{ code: string }>(`/api/deviation-categories/${type.id}`, {
      companionEntryId: entry.id,
    });
    expect(ownEntry.body.code).toBe('deviation_config.companion_same_entry');
    const unknown = await admin.patch<{ code: string }>(`/api/deviation-categories/${type.id}`, {
      companionEntryId: crypto.randomUUID(),
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('deviation_config.companion_not_found');
    const badKey = await admin.post<{ errors: Array<{ code: string }> }>('/api/deviation-entries', {
      key: 'Fel Nyckel',
      name: names('A', 'B', 'C'),
    });
    expect(badKey.status).toBe(400);
    expect(badKey.body.errors[0]?.code).toBe('deviation_config.key_format');
    expect((await adminConfig()).categories.find((c) => c.id === type.id)?.ladder).toEqual([]);
  });

  it('refuses an inactive body in a ladder, and an unknown node, and never answers 5xx to odd input', async () => {
    const { type } = await entryWithType('medicines-odd');
    const [region] = await t.database.db
      .select({ id: people.organisationId })
      .from(people)
      .where(eq(people.username, 'admin'));
    if (!region) throw new Error('no admin');
    const [inactive] = await t.database.db
      .insert(bodies)
      .values({
        organisationId: region.id,
        name: 'Nedlagd arbetsgrupp',
        kind: 'forum',
        active: false,
      })
      .returning({ id: bodies.id });
    const refused = await admin.put<{ code: string }>(`/api/deviation-categories/${type.id}/ladder`, {
      bodyIds: [inactive?.id],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('deviation_config.body_inactive');
    expect(
      (await admin.patch(`/api/deviation-categories/${crypto.randomUUID()}`, { active: false })).status,
    ).toBe(404);
    expect(
      (await admin.patch(`/api/deviation-entries/${crypto.randomUUID()}`, { active: false })).status,
    ).toBe(404);

    const odd: Array<[string, string, unknown]> = [
      ['POST', '/api/deviation-entries', null],
      ['POST', '/api/deviation-entries', { key: 'x\u0000', name: names('a', 'b', 'c') }],
      ['POST', '/api/deviation-entries', { key: 'ok', name: { sv: 'a' } }],
      ['POST', '/api/deviation-entries', { key: 'ok2', name: names('a', 'b', 'c'), sortOrder: 1e12 }],
      [
        'POST',
        '/api/deviation-categories',
        { entryId: 'not-a-uuid', parentId: null, key: 'a', name: names('a', 'b', 'c') },
      ],
      ['PATCH', `/api/deviation-categories/${type.id}`, { entryId: crypto.randomUUID() }],
      ['PATCH', `/api/deviation-categories/${type.id}`, { help: names('\uD800', 'b', 'c') }],
      ['PUT', `/api/deviation-categories/${type.id}/ladder`, { bodyIds: 'all' }],
      ['PUT', `/api/deviation-categories/not-a-uuid/ladder`, { bodyIds: [] }],
      ['DELETE', `/api/deviation-categories/${type.id}`, undefined],
    ];
    for (const [method, url, body] of odd) {
      const answer = await admin.request(method as 'POST', url, body === null ? 'null' : body);
      expect(answer.status, `${method} ${url} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
      expect(answer.status, `${method} ${url}`).toBeLessThan(500);
    }
    // Nothing is ever deleted: there is no DELETE, and the type is still there.
    expect((await adminConfig()).categories.some((c) => c.id === type.id)).toBe(true);
  });

  it('gives a staff member, a manager and a quality coordinator 403 on every change and on the full listing, and writes nothing', async () => {
    const { entry, type } = await entryWithType('medicines-denied');
    const before = await auditActionsFor([entry.id, type.id]);
    for (const username of ['sjukskoterska', 'chef.avd12', 'kvalitet.ortopedi']) {
      const someone = await signedIn(t, username);
      const answers = await Promise.all([
        someone.get('/api/deviation-config/admin'),
        someone.post('/api/deviation-entries', {
          key: `by-${username.replace('.', '-')}`,
          name: names('a', 'b', 'c'),
        }),
        someone.patch(`/api/deviation-entries/${entry.id}`, { active: false }),
        someone.post('/api/deviation-categories', {
          entryId: entry.id,
          parentId: null,
          key: 'sneaky',
          name: names('a', 'b', 'c'),
        }),
        someone.patch(`/api/deviation-categories/${type.id}`, { active: false }),
        someone.put(`/api/deviation-categories/${type.id}/ladder`, { bodyIds: [] }),
      ]);
      expect(
        answers.map((a) => a.status),
        username,
      ).toEqual([403, 403, 403, 403, 403, 403]);
    }
    expect(await auditActionsFor([entry.id, type.id])).toEqual(before);
    expect((await adminConfig()).entries.find((e) => e.id === entry.id)?.active).toBe(true);
  });
});
