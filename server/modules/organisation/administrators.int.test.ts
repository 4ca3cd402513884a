import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/tables.ts';
import { Client, type TestApp, testApp } from '../../test/harness.ts';
import { bodies, bodyMembers, people, roleAssignments, units } from './tables.ts';
import { createOrg, createPerson, createRegion, signIn, TEST_PASSWORD } from './test-factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

interface PersonAnswer {
  id: string;
  allowedActions: string[];
}
interface OrganisationAnswer {
  id: string;
  rootUnitId: string;
  allowedActions: string[];
}

function tag(): string {
  return randomUUID().slice(0, 8);
}

/** An organisation with its own administrator, signed in. */
async function organisationWithAdministrator(kind: 'municipality' | 'agency' = 'municipality') {
  const org = await createOrg(t.database.db, { kind, name: `Kommun ${tag()}` });
  const admin = await createPerson(t.database.db, {
    organisationId: org.id,
    roles: [{ role: 'administrator', unit: org.root }],
  });
  return { org, admin, browser: await signIn(t, admin) };
}

describe('administrators keep their own organisation, and only that', () => {
  it("when the administrator of a newly created municipality turns on the region, then they can neither set the region administrator's password, deactivate or edit them, nor make themselves the region's administrator", async () => {
    const cast = await createRegion(t);
    const region = await signIn(t, cast.orgAdmin);
    const municipality = await region.post<OrganisationAnswer>('/api/organisations', {
      name: `Älvsunds kommun ${tag()}`,
      kind: 'municipality',
    });
    expect(municipality.status).toBe(201);
    // The region onboards the municipality by appointing its first administrator.
    const username = `kommunadmin-${tag()}`;
    const appointed = await region.post<PersonAnswer>('/api/people', {
      organisationId: municipality.body.id,
      username,
      name: 'Kim Kommunadmin',
      email: `${username}@exempel.example`,
      password: 'kommunens-eget-lösenord',
      roles: [{ role: 'administrator', unitId: municipality.body.rootUnitId }],
    });
    expect(appointed.status).toBe(201);
    const rogue = new Client(t.app);
    await rogue.login(username, 'kommunens-eget-lösenord');

    const password = await rogue.post(`/api/people/${cast.orgAdmin.id}/password`, {
      password: 'nu-är-kontot-mitt',
    });
    expect(password.status).toBe(403);
    expect(password.body.code).toBe('organisation.person_outside_scope');
    expect((await rogue.patch(`/api/people/${cast.orgAdmin.id}`, { active: false })).status).toBe(403);
    expect(
      (await rogue.patch(`/api/people/${cast.orgAdmin.id}`, { email: 'kapad@exempel.example' })).status,
    ).toBe(403);
    const promotion = await rogue.post(`/api/people/${appointed.body.id}/roles`, {
      role: 'administrator',
      unitId: cast.org.root.id,
    });
    expect(promotion.status).toBe(403);
    expect(promotion.body.code).toBe('organisation.unit_outside_scope');
    // Nor through the region's other registers.
    const intoRegion = await rogue.post('/api/people', {
      organisationId: cast.org.id,
      username: `inplanterad-${tag()}`,
      name: 'Inplanterad',
      email: 'inplanterad@exempel.example',
    });
    expect(intoRegion.status).toBe(403);
    expect(intoRegion.body.code).toBe('organisation.organisation_outside_scope');
    expect((await rogue.patch(`/api/organisations/${cast.org.id}`, { name: 'Kapad' })).status).toBe(403);
    expect(
      (await rogue.patch(`/api/people/${appointed.body.id}`, { organisationId: cast.org.id })).status,
    ).toBe(403);

    // The region's administrator is untouched: still active, still their own password.
    await new Client(t.app).login(cast.orgAdmin.username, TEST_PASSWORD);
    const seen = await rogue.get<PersonAnswer>(`/api/people/${cast.orgAdmin.id}`);
    expect(seen.body.allowedActions).toEqual(['assignRoles']);
  });

  it('when every administrator of the region has been deactivated, then the region still does not open to another organisation’s administrator', async () => {
    const cast = await createRegion(t);
    // e.g. an account closed by a script while the region's new administrator is yet to be appointed
    await t.database.db.update(people).set({ active: false }).where(eq(people.id, cast.orgAdmin.id));
    const municipality = await organisationWithAdministrator();
    const promotion = await municipality.browser.post(`/api/people/${municipality.admin.id}/roles`, {
      role: 'administrator',
      unitId: cast.org.root.id,
    });
    expect(promotion.status).toBe(403);
    const edit = await municipality.browser.patch(`/api/people/${cast.staff.id}`, { name: 'Kapad' });
    expect(edit.status).toBe(403);
  });

  it("when the region onboards a partner agency, then its administrators look after the agency's staff until they appoint its first administrator, which the audit records; from then on the staff are the agency's business", async () => {
    const cast = await createRegion(t);
    const region = await signIn(t, cast.orgAdmin);
    const agency = await region.post<OrganisationAnswer>('/api/organisations', {
      name: `Försäkringskassan ${tag()}`,
      kind: 'agency',
    });
    expect(agency.body.allowedActions).toEqual(['edit']);
    const officer = await region.post<PersonAnswer>('/api/people', {
      organisationId: agency.body.id,
      username: `handlaggare-${tag()}`,
      name: 'Hanna Handläggare',
      email: 'hanna@exempel.example',
    });
    expect(officer.status).toBe(201);
    expect(officer.body.allowedActions).toEqual(['edit', 'assignRoles', 'resetPassword']);
    const officerUrl = `/api/people/${officer.body.id}`;
    expect((await region.patch(officerUrl, { profession: 'Försäkringsutredare' })).status).toBe(200);
    expect((await region.post(`${officerUrl}/password`, { password: 'ett-första-lösenord' })).status).toBe(
      204,
    );

    const chiefName = `chef-${tag()}`;
    const chief = await region.post<PersonAnswer>('/api/people', {
      organisationId: agency.body.id,
      username: chiefName,
      name: 'Bengt Chef',
      email: 'bengt@exempel.example',
      password: 'agenturens-lösenord',
      roles: [{ role: 'administrator', unitId: agency.body.rootUnitId }],
    });
    expect(chief.status).toBe(201);
    const bootstrap = await t.database.db
      .select({ actorId: auditLog.actorId, summary: auditLog.summary })
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'organisation.first_administrator'), eq(auditLog.entityId, agency.body.id)),
      );
    expect(bootstrap).toEqual([
      {
        actorId: cast.orgAdmin.id,
        summary: { personId: chief.body.id, unitId: agency.body.rootUnitId },
      },
    ]);

    // Caretaking is over: the region keeps its hands off the agency's people and register.
    const refused = await region.patch(officerUrl, { profession: 'Något annat' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('organisation.person_outside_scope');
    expect((await region.post(`${officerUrl}/password`, { password: 'regionens-lösenord' })).status).toBe(
      403,
    );
    expect((await region.patch(`/api/organisations/${agency.body.id}`, { orgNumber: '1' })).status).toBe(403);
    const read = await region.get<PersonAnswer>(officerUrl);
    expect(read.body.allowedActions).toEqual(['assignRoles']);
    const second = await region.post(`/api/people/${cast.staff.id}/roles`, {
      role: 'administrator',
      unitId: agency.body.rootUnitId,
    });
    expect(second.status).toBe(403);

    const agencyAdmin = new Client(t.app);
    await agencyAdmin.login(chiefName, 'agenturens-lösenord');
    expect((await agencyAdmin.patch(officerUrl, { profession: 'Områdeschef' })).status).toBe(200);
  });

  it("when a caretaker would take over an agency's officer who sits on another organisation's forum, then it is refused; the forum's own organisation may", async () => {
    const cast = await createRegion(t);
    const db = t.database.db;
    const agency = await createOrg(db, { kind: 'agency', name: `Arbetsförmedlingen ${tag()}` });
    const officer = await createPerson(db, { organisationId: agency.id });
    const [forum] = await db
      .insert(bodies)
      .values({ organisationId: cast.org.id, name: `Avvikelseforum ${tag()}`, kind: 'forum' })
      .returning({ id: bodies.id });
    if (!forum) throw new Error('forum');
    await db.insert(bodyMembers).values({ bodyId: forum.id, personId: officer.id, role: 'member' });

    // Another organisation's administrator also looks after an agency without administrators, but
    // may not take over someone through whom they would reach into the region's forum.
    const municipality = await organisationWithAdministrator();
    const takeover = await municipality.browser.post(`/api/people/${officer.id}/password`, {
      password: 'kommunens-lösenord',
    });
    expect(takeover.status).toBe(403);
    expect(takeover.body.code).toBe('organisation.person_outside_scope');
    const region = await signIn(t, cast.orgAdmin);
    expect(
      (await region.post(`/api/people/${officer.id}/password`, { password: 'regionens-lösenord' })).status,
    ).toBe(204);
  });

  it("when administrators give roles on their units to another organisation's staff, then only someone who may change that person can", async () => {
    const cast = await createRegion(t);
    const municipality = await organisationWithAdministrator();
    // Planting a role on the region's administrator would put them beyond their colleagues' reach.
    const planted = await municipality.browser.post(`/api/people/${cast.orgAdmin.id}/roles`, {
      role: 'staff',
      unitId: municipality.org.root.id,
    });
    expect(planted.status).toBe(403);
    expect(planted.body.code).toBe('organisation.person_outside_scope');
    const stored = await t.database.db
      .select()
      .from(roleAssignments)
      .where(eq(roleAssignments.personId, cast.orgAdmin.id));
    expect(stored).toHaveLength(1);
  });
});

describe("an organisation's last administrator", () => {
  it('when the last administrator gives up the role, then it is refused naming them, in their language; with a colleague appointed it is allowed', async () => {
    const org = await createOrg(t.database.db, { name: `Region ${tag()}` });
    const admin = await createPerson(t.database.db, {
      organisationId: org.id,
      language: 'en',
      name: 'Alva Admin',
      roles: [{ role: 'administrator', unit: org.root }],
    });
    const browser = await signIn(t, admin);
    const [role] = await t.database.db
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(eq(roleAssignments.personId, admin.id));
    const url = `/api/people/${admin.id}/roles/${role?.id}`;
    const refused = await browser.delete<{ code: string; detail: string }>(url);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('organisation.last_administrator');
    expect(refused.body.detail).toBe(
      `Alva Admin is the last active administrator of ${org.name}. Appoint another administrator first.`,
    );

    const colleague = await createPerson(t.database.db, { organisationId: org.id });
    const appointed = await browser.post(`/api/people/${colleague.id}/roles`, {
      role: 'administrator',
      unitId: org.root.id,
    });
    expect(appointed.status).toBe(201);
    expect((await browser.delete(url)).status).toBe(204);
  });

  it('when two administrators deactivate each other at the same moment, then at most one succeeds and the organisation keeps an active administrator', async () => {
    const pairs = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const org = await createOrg(t.database.db, { name: `Region ${tag()}` });
        const roles = [{ role: 'administrator' as const, unit: org.root }];
        const a = await createPerson(t.database.db, { organisationId: org.id, roles });
        const b = await createPerson(t.database.db, { organisationId: org.id, roles });
        return { org, a, b, browsers: [await signIn(t, a), await signIn(t, b)] as const };
      }),
    );
    for (const { a, b, browsers } of pairs) {
      const answers = await Promise.all([
        browsers[0].patch(`/api/people/${b.id}`, { active: false }),
        browsers[1].patch(`/api/people/${a.id}`, { active: false }),
      ]);
      const statuses = answers.map((x) => x.status);
      expect(
        statuses.filter((s) => s === 200),
        JSON.stringify(statuses),
      ).toHaveLength(1);
      // The other was refused as the last administrator, or had been signed out by the first.
      expect(
        statuses.every((s) => [200, 401, 409].includes(s)),
        JSON.stringify(statuses),
      ).toBe(true);
    }
    const active = await t.database.db
      .select({ organisationId: units.organisationId })
      .from(roleAssignments)
      .innerJoin(people, eq(people.id, roleAssignments.personId))
      .innerJoin(units, eq(units.id, roleAssignments.unitId))
      .where(
        and(
          eq(people.active, true),
          inArray(
            units.organisationId,
            pairs.map((p) => p.org.id),
          ),
        ),
      );
    expect(new Set(active.map((r) => r.organisationId)).size).toBe(pairs.length);
  });
});
