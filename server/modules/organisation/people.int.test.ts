import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/tables.ts';
import { Client, type TestApp, testApp } from '../../test/harness.ts';
import { people } from './tables.ts';
import { createOrg, createPerson, createRegion, signIn, TEST_PASSWORD } from './test-factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

interface PersonAnswer {
  id: string;
  username: string;
  name: string;
  active: boolean;
  roles: Array<{ id: string; role: string; unitId: string; unitName: string }>;
  allowedActions: string[];
}
interface PageAnswer {
  items: PersonAnswer[];
  total: number;
  page: number;
  pageSize: number;
}

describe('finding people', () => {
  it('when an administrator searches, then name, username and e-mail match, a unit narrows to its subtree, and pages add up', async () => {
    const cast = await createRegion(t);
    const admin = await signIn(t, cast.orgAdmin);
    const byName = await admin.get<PageAnswer>(
      `/api/people?q=${encodeURIComponent(cast.manager.name.toUpperCase())}`,
    );
    expect(byName.status).toBe(200);
    expect(byName.body.items.map((p) => p.id)).toEqual([cast.manager.id]);
    const byEmail = await admin.get<PageAnswer>(`/api/people?q=${cast.staff.username}@exempel`);
    expect(byEmail.body.items.map((p) => p.id)).toEqual([cast.staff.id]);

    const inClinic = await admin.get<PageAnswer>(`/api/people?unitId=${cast.clinic.id}`);
    expect(inClinic.body.items.map((p) => p.id).sort()).toEqual(
      [cast.clinicAdmin.id, cast.manager.id, cast.staff.id].sort(),
    );
    const firstPage = await admin.get<PageAnswer>(`/api/people?unitId=${cast.clinic.id}&pageSize=2`);
    const secondPage = await admin.get<PageAnswer>(`/api/people?unitId=${cast.clinic.id}&pageSize=2&page=2`);
    expect(firstPage.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(firstPage.body.items).toHaveLength(2);
    expect(secondPage.body.items).toHaveLength(1);
    expect(firstPage.body.items[0]?.allowedActions).toEqual(['edit', 'assignRoles', 'resetPassword']);
  });

  it('when a manager looks, then they see people with a role in their ward only', async () => {
    const cast = await createRegion(t);
    const manager = await signIn(t, cast.manager);
    const list = await manager.get<PageAnswer>(`/api/people?organisationId=${cast.org.id}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((p) => p.id).sort()).toEqual([cast.manager.id, cast.staff.id].sort());
    expect(list.body.items[0]?.allowedActions).toEqual([]);
    expect((await manager.get(`/api/people/${cast.staff.id}`)).status).toBe(200);
    const outside = await manager.get(`/api/people/${cast.clinicAdmin.id}`);
    expect(outside.status).toBe(403);
  });

  it("when a manager opens someone else's record, then the read is in the audit log; their own is not", async () => {
    const cast = await createRegion(t);
    const manager = await signIn(t, cast.manager);
    expect((await manager.get(`/api/people/${cast.staff.id}`)).status).toBe(200);
    expect((await manager.get(`/api/people/${cast.manager.id}`)).status).toBe(200);
    const reads = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'person.read'));
    const mine = reads.filter((r) => r.actorId === cast.manager.id);
    expect(mine.map((r) => r.entityId)).toEqual([cast.staff.id]);
  });

  it('when a manager searches the list, then every record it shows them is in the audit log as a read, in one entry each; their own is not', async () => {
    const cast = await createRegion(t);
    const manager = await signIn(t, cast.manager);
    const list = await manager.get<PageAnswer>(`/api/people?organisationId=${cast.org.id}`);
    expect(list.body.items.map((p) => p.id).sort()).toEqual([cast.manager.id, cast.staff.id].sort());
    const reads = await t.database.db
      .select({ entityId: auditLog.entityId, summary: auditLog.summary, requestId: auditLog.requestId })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'person.read'), eq(auditLog.actorId, cast.manager.id)));
    expect(reads.map((r) => [r.entityId, r.summary])).toEqual([[cast.staff.id, { via: 'list' }]]);
    expect(reads[0]?.requestId).toEqual(expect.any(String));

    // The administrator's page of the whole organisation: one read per person on the page.
    const admin = await signIn(t, cast.orgAdmin);
    const page = await admin.get<PageAnswer>(`/api/people?organisationId=${cast.org.id}&pageSize=3`);
    const adminReads = await t.database.db
      .select({ entityId: auditLog.entityId })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'person.read'), eq(auditLog.actorId, cast.orgAdmin.id)));
    expect(adminReads.map((r) => r.entityId).sort()).toEqual(
      page.body.items
        .map((p) => p.id)
        .filter((id) => id !== cast.orgAdmin.id)
        .sort(),
    );
  });

  it('when a staff member looks, then the answer is 403; signed out it is 401', async () => {
    const cast = await createRegion(t);
    const staff = await signIn(t, cast.staff);
    expect((await staff.get('/api/people')).status).toBe(403);
    expect((await staff.get(`/api/people/${cast.manager.id}`)).status).toBe(403);
    expect((await new Client(t.app).get('/api/people')).status).toBe(401);
  });
});

describe('adding and changing people', () => {
  it('when the administrator adds a person with a password and a role, then they can sign in with a lowercase username', async () => {
    const cast = await createRegion(t);
    const admin = await signIn(t, cast.orgAdmin);
    const username = `Nya.Person-${cast.org.id.slice(0, 6)}`;
    const created = await admin.post<PersonAnswer>('/api/people', {
      organisationId: cast.org.id,
      username,
      name: 'Nya Personen',
      email: 'nya@exempel.example',
      profession: 'Sjuksköterska',
      password: 'ett-långt-lösenord',
      roles: [{ role: 'manager', unitId: cast.wardB.id }],
    });
    expect(created.status).toBe(201);
    expect(created.body.username).toBe(username.toLowerCase());
    expect(created.body.roles).toEqual([
      expect.objectContaining({ role: 'manager', unitName: 'Avdelning 32' }),
    ]);
    await new Client(t.app).login(username.toLowerCase(), 'ett-långt-lösenord');

    const again = await admin.post<{ detail: string }>('/api/people', {
      organisationId: cast.org.id,
      username: username.toUpperCase(),
      name: 'Dubblett',
      email: 'dubblett@exempel.example',
    });
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('Användarnamnet är redan upptaget.');

    // The audit row says a password was set, never what it is.
    const [row] = await t.database.db
      .select({ summary: auditLog.summary })
      .from(auditLog)
      .where(eq(auditLog.entityId, created.body.id));
    expect(row?.summary).toMatchObject({ passwordSet: true });
    expect(JSON.stringify(row?.summary)).not.toContain('argon2');
  });

  it('when two administrators add the same username at the same moment, then one wins and the other gets 409, not 500', async () => {
    const cast = await createRegion(t);
    const [first, second] = [await signIn(t, cast.orgAdmin), await signIn(t, cast.orgAdmin)];
    const body = {
      organisationId: cast.org.id,
      username: `samtidig-${cast.org.id.slice(0, 6)}`,
      name: 'Samtidig',
      email: 'samtidig@exempel.example',
    };
    const answers = await Promise.all([first.post('/api/people', body), second.post('/api/people', body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)?.body.code).toBe('organisation.username_taken');
  });

  it('when roles are asked for on units of another organisation, then only a first administrator of an organisation without one is allowed', async () => {
    const cast = await createRegion(t);
    const db = t.database.db;
    const agency = await createOrg(db, { kind: 'agency' });
    const governed = await createOrg(db);
    await createPerson(db, {
      organisationId: governed.id,
      roles: [{ role: 'administrator', unit: governed.root }],
    });
    const admin = await signIn(t, cast.orgAdmin);
    const person = (username: string, unitId: string): Record<string, unknown> => ({
      organisationId: agency.id,
      username,
      name: 'Agnes Agentur',
      email: `${username}@exempel.example`,
      roles: [{ role: 'administrator', unitId }],
    });
    const refused = await admin.post(
      '/api/people',
      person(`gov-${governed.id.slice(0, 6)}`, governed.root.id),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('organisation.unit_outside_scope');
    const bootstrap = await admin.post(
      '/api/people',
      person(`agency-${agency.id.slice(0, 6)}`, agency.root.id),
    );
    expect(bootstrap.status).toBe(201);
    // Now the agency has an administrator, the door closes again.
    const second = await admin.post(
      '/api/people',
      person(`agency2-${agency.id.slice(0, 6)}`, agency.root.id),
    );
    expect(second.status).toBe(403);
  });

  it('when the administrator deactivates a person, then their sessions end at once and it is audited', async () => {
    const cast = await createRegion(t);
    const victim = await signIn(t, cast.staff);
    expect((await victim.get('/api/me')).status).toBe(200);
    const admin = await signIn(t, cast.orgAdmin);
    const changed = await admin.patch<PersonAnswer>(`/api/people/${cast.staff.id}`, {
      active: false,
      profession: 'Undersköterska',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.active).toBe(false);
    expect((await victim.get('/api/me')).status).toBe(401);
    await expect(new Client(t.app).login(cast.staff.username, TEST_PASSWORD)).rejects.toThrow();
    const audit = await admin.get<{ items: Array<{ action: string; summary: Record<string, unknown> }> }>(
      `/api/audit?entityType=person&entityId=${cast.staff.id}&action=person.updated`,
    );
    expect(audit.body.items[0]?.summary).toEqual({
      active: [true, false],
      profession: [null, 'Undersköterska'],
      sessionsEnded: 1,
    });
  });

  it('when administrators try to deactivate themselves, then it is refused', async () => {
    const cast = await createRegion(t);
    const admin = await signIn(t, cast.orgAdmin);
    const answer = await admin.patch(`/api/people/${cast.orgAdmin.id}`, { active: false });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('organisation.cannot_deactivate_self');
  });

  it('when the administrator sets a new password, then the old sessions end and the new password works', async () => {
    const cast = await createRegion(t);
    const old = await signIn(t, cast.manager);
    const admin = await signIn(t, cast.orgAdmin);
    const answer = await admin.post(`/api/people/${cast.manager.id}/password`, {
      password: 'helt-nytt-lösenord',
    });
    expect(answer.status).toBe(204);
    expect((await old.get('/api/me')).status).toBe(401);
    await new Client(t.app).login(cast.manager.username, 'helt-nytt-lösenord');
    const [person] = await t.database.db
      .select({ hash: people.passwordHash })
      .from(people)
      .where(eq(people.id, cast.manager.id));
    const rows = await t.database.db
      .select({ summary: auditLog.summary })
      .from(auditLog)
      .where(eq(auditLog.action, 'person.password_set'));
    expect(JSON.stringify(rows)).not.toContain(person?.hash ?? 'no hash');
  });

  it('when only a clinic administrator edits people, then they may not: editing people is for organisation administrators', async () => {
    const cast = await createRegion(t);
    const clinicAdmin = await signIn(t, cast.clinicAdmin);
    expect((await clinicAdmin.patch(`/api/people/${cast.staff.id}`, { name: 'X' })).status).toBe(403);
    expect(
      (await clinicAdmin.post(`/api/people/${cast.staff.id}/password`, { password: 'x'.repeat(12) })).status,
    ).toBe(403);
  });
});

describe('roles', () => {
  it('when a clinic administrator gives and takes a role in the clinic, then it shows on the person; outside the clinic it is refused', async () => {
    const cast = await createRegion(t);
    const admin = await signIn(t, cast.clinicAdmin);
    const added = await admin.post<PersonAnswer>(`/api/people/${cast.staff.id}/roles`, {
      role: 'quality_coordinator',
      unitId: cast.wardB.id,
    });
    expect(added.status).toBe(201);
    const role = added.body.roles.find((r) => r.role === 'quality_coordinator');
    expect(role?.unitId).toBe(cast.wardB.id);

    const twice = await admin.post(`/api/people/${cast.staff.id}/roles`, {
      role: 'quality_coordinator',
      unitId: cast.wardB.id,
    });
    expect(twice.status).toBe(409);
    const outside = await admin.post(`/api/people/${cast.staff.id}/roles`, {
      role: 'manager',
      unitId: cast.org.root.id,
    });
    expect(outside.status).toBe(403);

    expect((await admin.delete(`/api/people/${cast.staff.id}/roles/${role?.id}`)).status).toBe(204);
    expect((await admin.delete(`/api/people/${cast.staff.id}/roles/${role?.id}`)).status).toBe(404);
    // The audit log is the organisation administrators' to read.
    const orgAdmin = await signIn(t, cast.orgAdmin);
    const audit = await orgAdmin.get<{ items: Array<{ action: string }> }>(
      `/api/audit?entityType=person&entityId=${cast.staff.id}`,
    );
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((e) => e.action).slice(0, 2)).toEqual([
      'person.role_removed',
      'person.role_added',
    ]);
  });

  it('when a manager tries to hand out a role, then it is refused', async () => {
    const cast = await createRegion(t);
    const manager = await signIn(t, cast.manager);
    const answer = await manager.post(`/api/people/${cast.staff.id}/roles`, {
      role: 'manager',
      unitId: cast.wardA.id,
    });
    expect(answer.status).toBe(403);
  });

  it('when a role points at a unit that does not exist, then the field is named', async () => {
    const cast = await createRegion(t);
    const admin = await signIn(t, cast.orgAdmin);
    const answer = await admin.post<{ errors: Array<{ path: string }> }>(
      `/api/people/${cast.staff.id}/roles`,
      {
        role: 'manager',
        unitId: '00000000-0000-4000-8000-000000000000',
      },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ path: 'unitId' })]);
  });
});
