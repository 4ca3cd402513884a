import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestApp, testApp } from '../../test/harness.ts';
import { units } from './tables.ts';
import { createOrg, createPerson, createRegion, createUnit, signIn } from './test-factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

interface UnitAnswer {
  id: string;
  parentId: string | null;
  name: string;
  externalId: string | null;
  active: boolean;
  ancestorIds: string[];
  allowedActions: string[];
}

async function pathOf(id: string): Promise<string | undefined> {
  const [row] = await t.database.db.select({ path: units.path }).from(units).where(eq(units.id, id));
  return row?.path;
}

describe('the unit tree', () => {
  it('when a clinic administrator adds a ward, then everyone signed in sees it in the flat list with its ancestors', async () => {
    const cast = await createRegion(t);
    const admin = await signIn(t, cast.clinicAdmin);
    const created = await admin.post<UnitAnswer>('/api/units', {
      organisationId: cast.org.id,
      parentId: cast.clinic.id,
      name: 'Avdelning 33',
      externalId: `SE-${cast.clinic.id.slice(0, 8)}-33`,
    });
    expect(created.status).toBe(201);
    expect(created.body.ancestorIds).toEqual([cast.org.root.id, cast.clinic.id, created.body.id]);
    expect(created.body.allowedActions).toEqual(['edit', 'move', 'createChild']);

    const staff = await signIn(t, cast.staff);
    const list = await staff.get<{ items: UnitAnswer[] }>(`/api/units?organisationId=${cast.org.id}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((u) => u.name)).toEqual(
      expect.arrayContaining(['Ortopedkliniken', 'Avdelning 31', 'Avdelning 32', 'Avdelning 33']),
    );
    expect(list.body.items.every((u) => u.allowedActions.length === 0)).toBe(true);
  });

  it('when a clinic administrator tries to add a unit outside the clinic, then it is refused and nothing is written', async () => {
    const cast = await createRegion(t);
    const admin = await signIn(t, cast.clinicAdmin);
    const answer = await admin.post('/api/units', {
      organisationId: cast.org.id,
      parentId: cast.org.root.id,
      name: 'Psykiatrin',
    });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('organisation.unit_outside_scope');
    const list = await admin.get<{ items: UnitAnswer[] }>(`/api/units?organisationId=${cast.org.id}`);
    expect(list.body.items.some((u) => u.name === 'Psykiatrin')).toBe(false);
  });

  it('when a manager or a staff member tries to change a unit, then the answer is 403; signed out it is 401', async () => {
    const cast = await createRegion(t);
    for (const person of [cast.manager, cast.staff]) {
      const browser = await signIn(t, person);
      expect((await browser.patch(`/api/units/${cast.wardA.id}`, { name: 'Nytt namn' })).status).toBe(403);
    }
    const anonymous = new Client(t.app);
    expect((await anonymous.get('/api/units')).status).toBe(401);
    expect((await anonymous.get(`/api/units/${cast.wardA.id}`)).status).toBe(401);
  });

  it('when the unit page is opened, then it shows children, people, the nearest manager up the tree, contacts and assignments', async () => {
    const cast = await createRegion(t);
    const db = t.database.db;
    const clinicManager = await createPerson(db, {
      organisationId: cast.org.id,
      name: 'Karin Klinikchef',
      roles: [{ role: 'manager', unit: cast.clinic }],
    });
    const agency = await createOrg(db, { kind: 'agency' });
    const admin = await signIn(t, cast.clinicAdmin);
    const contact = await admin.post<{ id: string; organisationName: string }>(
      `/api/units/${cast.wardB.id}/contacts`,
      {
        organisationId: agency.id,
        name: 'Fia Försäkringsutredare',
        role: 'Försäkringsutredare',
        email: 'fia@exempel.example',
      },
    );
    expect(contact.status).toBe(201);
    expect(contact.body.organisationName).toBe(agency.name);
    const assignment = await admin.post<{ validFrom: string | null; validTo: string | null }>(
      `/api/units/${cast.wardB.id}/assignments`,
      { title: 'Nav för fotledsproteser', validFrom: '2025-01-01', validTo: '2026-12-31' },
    );
    expect(assignment.status).toBe(201);
    expect(assignment.body).toMatchObject({ validFrom: '2025-01-01', validTo: '2026-12-31' });

    const staff = await signIn(t, cast.staff);
    const ward = await staff.get<{
      organisationName: string;
      nearestManagers: Array<{ personId: string; unitId: string }>;
      contacts: Array<{ name: string }>;
      assignments: Array<{ title: string }>;
      allowedActions: string[];
    }>(`/api/units/${cast.wardB.id}`);
    expect(ward.status).toBe(200);
    expect(ward.body.organisationName).toBe(cast.org.name);
    // Ward B has no manager of its own, so reports go to the clinic's.
    expect(ward.body.nearestManagers).toEqual([
      { personId: clinicManager.id, name: 'Karin Klinikchef', unitId: cast.clinic.id },
    ]);
    expect(ward.body.contacts.map((c) => c.name)).toEqual(['Fia Försäkringsutredare']);
    expect(ward.body.assignments.map((a) => a.title)).toEqual(['Nav för fotledsproteser']);
    expect(ward.body.allowedActions).toEqual([]);

    const wardA = await staff.get<{
      people: Array<{ personId: string; role: string }>;
      nearestManagers: Array<{ personId: string }>;
    }>(`/api/units/${cast.wardA.id}`);
    expect(wardA.body.nearestManagers.map((m) => m.personId)).toEqual([cast.manager.id]);
    expect(wardA.body.people).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ personId: cast.manager.id, role: 'manager' }),
        expect.objectContaining({ personId: cast.staff.id, role: 'staff' }),
      ]),
    );

    const clinic = await staff.get<{ children: Array<{ name: string }> }>(`/api/units/${cast.clinic.id}`);
    expect(clinic.body.children.map((c) => c.name)).toEqual(['Avdelning 31', 'Avdelning 32']);
  });

  it('when a contact changes and then is removed, and an assignment ends, then each change is kept and audited', async () => {
    const cast = await createRegion(t);
    const admin = await signIn(t, cast.clinicAdmin);
    const contact = await admin.post<{ id: string }>(`/api/units/${cast.wardA.id}/contacts`, {
      organisationId: cast.org.id,
      name: 'Olle Kontakt',
      role: 'Samordnare',
    });
    const changed = await admin.patch<{ phone: string | null }>(`/api/unit-contacts/${contact.body.id}`, {
      phone: '010-123 45 67',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.phone).toBe('010-123 45 67');
    expect((await admin.delete(`/api/unit-contacts/${contact.body.id}`)).status).toBe(204);
    expect((await admin.delete(`/api/unit-contacts/${contact.body.id}`)).status).toBe(404);

    const assignment = await admin.post<{ id: string }>(`/api/units/${cast.wardA.id}/assignments`, {
      title: 'Regionalt barncentrum',
    });
    expect((await admin.delete(`/api/unit-assignments/${assignment.body.id}`)).status).toBe(204);

    const orgAdmin = await signIn(t, cast.orgAdmin);
    const audit = await orgAdmin.get<{ items: Array<{ action: string }> }>(
      `/api/audit?entityType=unit_contact&entityId=${contact.body.id}`,
    );
    expect(audit.body.items.map((e) => e.action)).toEqual([
      'unit_contact.deleted',
      'unit_contact.updated',
      'unit_contact.created',
    ]);
    const ward = await admin.get<{ contacts: unknown[]; assignments: unknown[] }>(
      `/api/units/${cast.wardA.id}`,
    );
    expect(ward.body.contacts).toEqual([]);
    expect(ward.body.assignments).toEqual([]);
  });

  it('when an assignment ends before it starts, then the field is named in the problem', async () => {
    const cast = await createRegion(t);
    const admin = await signIn(t, cast.clinicAdmin);
    const answer = await admin.post<{ errors: Array<{ path: string; code: string }> }>(
      `/api/units/${cast.wardA.id}/assignments`,
      { title: 'Baklänges', validFrom: '2026-01-01', validTo: '2025-01-01' },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ path: 'validTo', code: 'organisation.assignment_dates' }),
    ]);
  });

  it('when an assignment gets a new title and its period is extended, then the unit shows it and the log keeps old and new', async () => {
    const cast = await createRegion(t);
    const admin = await signIn(t, cast.clinicAdmin);
    const created = await admin.post<{ id: string }>(`/api/units/${cast.wardA.id}/assignments`, {
      title: 'Nav för fotledsprotes',
      validFrom: '2025-01-01',
      validTo: '2025-12-31',
    });
    const edited = await admin.patch<{ title: string; description: string | null; validTo: string | null }>(
      `/api/unit-assignments/${created.body.id}`,
      { title: 'Nav för fotledsproteser', description: 'Hela regionen', validTo: '2026-12-31' },
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toEqual({
      id: created.body.id,
      unitId: cast.wardA.id,
      title: 'Nav för fotledsproteser',
      description: 'Hela regionen',
      validFrom: '2025-01-01',
      validTo: '2026-12-31',
    });

    const staff = await signIn(t, cast.staff);
    const ward = await staff.get<{ assignments: Array<{ title: string; validTo: string | null }> }>(
      `/api/units/${cast.wardA.id}`,
    );
    expect(ward.body.assignments).toEqual([
      expect.objectContaining({ title: 'Nav för fotledsproteser', validTo: '2026-12-31' }),
    ]);

    const orgAdmin = await signIn(t, cast.orgAdmin);
    const audit = await orgAdmin.get<{ items: Array<{ action: string; summary: Record<string, unknown> }> }>(
      `/api/audit?entityType=unit_assignment&entityId=${created.body.id}`,
    );
    expect(audit.body.items.map((e) => e.action)).toEqual([
      'unit_assignment.updated',
      'unit_assignment.created',
    ]);
    // Only what changed, as days: the unchanged start date is not in the summary.
    expect(audit.body.items[0]?.summary).toEqual({
      unitId: cast.wardA.id,
      title: ['Nav för fotledsprotes', 'Nav för fotledsproteser'],
      description: [null, 'Hela regionen'],
      validTo: ['2025-12-31', '2026-12-31'],
    });
  });

  it('when a clinic administrator or a manager tries to change an assignment outside their scope, then it is refused and nothing changes', async () => {
    const cast = await createRegion(t);
    const other = await createUnit(t.database.db, cast.org.root, { name: 'Psykiatriska kliniken' });
    const orgAdmin = await signIn(t, cast.orgAdmin);
    const assignment = await orgAdmin.post<{ id: string }>(`/api/units/${other.id}/assignments`, {
      title: 'Regional psykiatrisk akutmottagning',
    });
    const clinicAdmin = await signIn(t, cast.clinicAdmin);
    const refused = await clinicAdmin.patch(`/api/unit-assignments/${assignment.body.id}`, {
      title: 'Kapat',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('organisation.unit_outside_scope');
    const manager = await signIn(t, cast.manager);
    expect(
      (await manager.patch(`/api/unit-assignments/${assignment.body.id}`, { title: 'Kapat' })).status,
    ).toBe(403);
    const unit = await orgAdmin.get<{ assignments: Array<{ title: string }> }>(`/api/units/${other.id}`);
    expect(unit.body.assignments.map((a) => a.title)).toEqual(['Regional psykiatrisk akutmottagning']);
  });

  it('when an unknown assignment is changed, then the answer is 404', async () => {
    const cast = await createRegion(t);
    const admin = await signIn(t, cast.orgAdmin);
    const answer = await admin.patch('/api/unit-assignments/00000000-0000-4000-8000-000000000000', {
      title: 'Finns inte',
    });
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('organisation.assignment_not_found');
  });

  it("when a change would make an assignment end before it starts, then it is refused naming the field, in the reader's language", async () => {
    const cast = await createRegion(t);
    const admin = await signIn(t, cast.clinicAdmin);
    const created = await admin.post<{ id: string }>(`/api/units/${cast.wardA.id}/assignments`, {
      title: 'Framfotskirurgi',
      validFrom: '2025-06-01',
      validTo: '2025-12-31',
    });
    const url = `/api/unit-assignments/${created.body.id}`;
    // The new end is checked against the stored start, and the new start against the stored end.
    const endTooEarly = await admin.patch<{ detail: string; errors: Array<{ path: string; code: string }> }>(
      url,
      { validTo: '2025-01-01' },
    );
    expect(endTooEarly.status).toBe(400);
    expect(endTooEarly.body.errors).toEqual([
      expect.objectContaining({ path: 'validTo', code: 'organisation.assignment_dates' }),
    ]);
    expect(endTooEarly.body.detail).toBe('Slutdatum får inte ligga före startdatum.');
    const startTooLate = await admin.patch<{ errors: Array<{ path: string; code: string }> }>(url, {
      validFrom: '2026-01-01',
    });
    expect(startTooLate.status).toBe(400);
    expect(startTooLate.body.errors).toEqual([
      expect.objectContaining({ path: 'validFrom', code: 'organisation.assignment_dates' }),
    ]);
    // The signed-in person's own language wins over the browser's.
    const englishAdmin = await createPerson(t.database.db, {
      organisationId: cast.org.id,
      language: 'en',
      roles: [{ role: 'administrator', unit: cast.clinic }],
    });
    const english = await signIn(t, englishAdmin);
    const inEnglish = await english.patch<{ detail: string }>(url, { validTo: '2025-01-01' });
    expect(inEnglish.body.detail).toBe('The end date cannot be before the start date.');

    const ward = await admin.get<{
      assignments: Array<{ validFrom: string | null; validTo: string | null }>;
    }>(`/api/units/${cast.wardA.id}`);
    expect(ward.body.assignments).toEqual([
      expect.objectContaining({ validFrom: '2025-06-01', validTo: '2025-12-31' }),
    ]);
  });

  it('when a unit with active children is deactivated, then it is refused; a leaf may be deactivated and drops out of the list', async () => {
    const cast = await createRegion(t);
    const admin = await signIn(t, cast.clinicAdmin);
    const refused = await admin.patch(`/api/units/${cast.clinic.id}`, { active: false });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('organisation.unit_has_active_children');
    const leaf = await admin.patch<UnitAnswer>(`/api/units/${cast.wardB.id}`, {
      active: false,
      name: 'Avd 32 (stängd)',
    });
    expect(leaf.status).toBe(200);
    expect(leaf.body).toMatchObject({ active: false, name: 'Avd 32 (stängd)' });
    const list = await admin.get<{ items: UnitAnswer[] }>(`/api/units?organisationId=${cast.org.id}`);
    expect(list.body.items.some((u) => u.id === cast.wardB.id)).toBe(false);
    const all = await admin.get<{ items: UnitAnswer[] }>(
      `/api/units?organisationId=${cast.org.id}&includeInactive=true`,
    );
    expect(all.body.items.some((u) => u.id === cast.wardB.id)).toBe(true);
  });

  it('when two units would share an external id, then the second gets 409', async () => {
    const cast = await createRegion(t);
    const admin = await signIn(t, cast.clinicAdmin);
    const externalId = `HSA-${cast.clinic.id.slice(0, 8)}`;
    expect((await admin.patch(`/api/units/${cast.wardA.id}`, { externalId })).status).toBe(200);
    const clash = await admin.patch(`/api/units/${cast.wardB.id}`, { externalId });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('organisation.unit_external_id_taken');
  });

  it('when an unknown unit is asked for, then the answer is 404, and a malformed id is 400', async () => {
    const cast = await createRegion(t);
    const staff = await signIn(t, cast.staff);
    expect((await staff.get('/api/units/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await staff.get('/api/units/not-a-uuid')).status).toBe(400);
  });
});

describe('moving units', () => {
  it('when a clinic is moved under another division, then the paths of its whole subtree are rewritten', async () => {
    const cast = await createRegion(t);
    const db = t.database.db;
    const division = await createUnit(db, cast.org.root, { name: 'Division Kirurgi' });
    const room = await createUnit(db, cast.wardA, { name: 'Sal 4' });
    const admin = await signIn(t, cast.orgAdmin);
    const moved = await admin.post<UnitAnswer>(`/api/units/${cast.clinic.id}/move`, {
      parentId: division.id,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.parentId).toBe(division.id);
    expect(moved.body.ancestorIds).toEqual([cast.org.root.id, division.id, cast.clinic.id]);
    expect(await pathOf(room.id)).toBe(`${division.path}${cast.clinic.id}/${cast.wardA.id}/${room.id}/`);
    expect(await pathOf(cast.wardB.id)).toBe(`${division.path}${cast.clinic.id}/${cast.wardB.id}/`);

    // The moved subtree is still in its administrator's scope, under the new path.
    const clinicAdmin = await signIn(t, cast.clinicAdmin);
    const renamed = await clinicAdmin.patch(`/api/units/${room.id}`, { name: 'Sal 4B' });
    expect(renamed.status).toBe(200);

    const audit = await admin.get<{ items: Array<{ summary: Record<string, unknown> }> }>(
      `/api/audit?action=unit.moved&entityId=${cast.clinic.id}`,
    );
    expect(audit.body.items[0]?.summary).toEqual({
      parentId: [cast.org.root.id, division.id],
      unitsMoved: 4,
    });
  });

  it('when a unit would be moved under itself or one of its descendants, then it is refused and nothing changes', async () => {
    const cast = await createRegion(t);
    const admin = await signIn(t, cast.orgAdmin);
    const intoChild = await admin.post<{ detail: string }>(`/api/units/${cast.clinic.id}/move`, {
      parentId: cast.wardA.id,
    });
    expect(intoChild.status).toBe(400);
    expect(intoChild.body.detail).toBe(
      'En enhet kan inte flyttas till sig själv eller till någon av sina underenheter.',
    );
    const intoSelf = await admin.post(`/api/units/${cast.clinic.id}/move`, { parentId: cast.clinic.id });
    expect(intoSelf.status).toBe(400);
    expect(await pathOf(cast.clinic.id)).toBe(cast.clinic.path);
  });

  it('when a unit would be moved into another organisation, then it is refused', async () => {
    const cast = await createRegion(t);
    const other = await createOrg(t.database.db);
    // Even an administrator of both organisations may not carry units across.
    const both = await createPerson(t.database.db, {
      organisationId: cast.org.id,
      roles: [
        { role: 'administrator', unit: cast.org.root },
        { role: 'administrator', unit: other.root },
      ],
    });
    const admin = await signIn(t, both);
    const answer = await admin.post(`/api/units/${cast.wardA.id}/move`, { parentId: other.root.id });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('organisation.move_across_organisations');
  });

  it('when a clinic administrator moves a ward out of the clinic, then it is refused: the target lies outside their scope', async () => {
    const cast = await createRegion(t);
    const admin = await signIn(t, cast.clinicAdmin);
    const answer = await admin.post(`/api/units/${cast.wardA.id}/move`, { parentId: cast.org.root.id });
    expect(answer.status).toBe(403);
    const within = await createUnit(t.database.db, cast.clinic, { name: 'Sektion' });
    const allowed = await admin.post<UnitAnswer>(`/api/units/${cast.wardA.id}/move`, { parentId: within.id });
    expect(allowed.status).toBe(200);
    expect(allowed.body.ancestorIds).toEqual([cast.org.root.id, cast.clinic.id, within.id, cast.wardA.id]);
  });
});
