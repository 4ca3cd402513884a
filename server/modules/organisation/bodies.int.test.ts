import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestApp, testApp } from '../../test/harness.ts';
import { createOrg, createPerson, createRegion, signIn } from './test-factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

interface BodyAnswer {
  id: string;
  name: string;
  kind: string;
  active: boolean;
  chair: { personId: string; name: string } | null;
  members: Array<{ personId: string; role: string; organisationName: string }>;
  allowedActions: string[];
}

describe('committees, forums and groups', () => {
  it('when the administrator forms a committee with members from two organisations, then a new chair steps the old one down', async () => {
    const cast = await createRegion(t);
    const agency = await createOrg(t.database.db, { kind: 'agency' });
    const investigator = await createPerson(t.database.db, {
      organisationId: agency.id,
      name: 'Ivar Utredare',
    });
    const admin = await signIn(t, cast.orgAdmin);
    const created = await admin.post<BodyAnswer>('/api/bodies', {
      organisationId: cast.org.id,
      name: `Försäkringsmedicinska kommittén ${cast.org.id.slice(0, 6)}`,
      kind: 'committee',
      description: 'Tar emot ärenden som enheterna inte kan lösa.',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      chair: null,
      members: [],
      allowedActions: ['edit', 'manageMembers'],
    });
    const bodyUrl = `/api/bodies/${created.body.id}`;

    const first = await admin.put<BodyAnswer>(`${bodyUrl}/members/${cast.manager.id}`, { role: 'chair' });
    expect(first.status).toBe(200);
    expect(first.body.chair?.personId).toBe(cast.manager.id);
    await admin.put(`${bodyUrl}/members/${investigator.id}`, { role: 'member' });
    const second = await admin.put<BodyAnswer>(`${bodyUrl}/members/${investigator.id}`, { role: 'chair' });
    expect(second.body.chair).toEqual({ personId: investigator.id, name: 'Ivar Utredare' });
    expect(second.body.members.filter((m) => m.role === 'chair')).toHaveLength(1);
    expect(second.body.members.find((m) => m.personId === cast.manager.id)?.role).toBe('member');
    expect(second.body.members.find((m) => m.personId === investigator.id)?.organisationName).toBe(
      agency.name,
    );

    const audit = await admin.get<{ items: Array<{ summary: Record<string, unknown> }> }>(
      `/api/audit?entityType=body&entityId=${created.body.id}&action=body.member_set`,
    );
    expect(audit.body.items[0]?.summary).toEqual({
      personId: investigator.id,
      role: ['member', 'chair'],
      previousChairs: [cast.manager.id],
    });

    // Everyone signed in may see where cases go, but not change it.
    const staff = await signIn(t, cast.staff);
    const seen = await staff.get<BodyAnswer>(bodyUrl);
    expect(seen.status).toBe(200);
    expect(seen.body.allowedActions).toEqual([]);
    expect((await staff.put(`${bodyUrl}/members/${cast.staff.id}`, { role: 'member' })).status).toBe(403);
    const list = await staff.get<{ items: BodyAnswer[] }>(`/api/bodies?organisationId=${cast.org.id}`);
    expect(list.body.items.map((b) => b.id)).toEqual([created.body.id]);
  });

  it('when a member leaves and a body is renamed and closed, then the changes show and closed bodies drop out of the list', async () => {
    const cast = await createRegion(t);
    const admin = await signIn(t, cast.orgAdmin);
    const created = await admin.post<BodyAnswer>('/api/bodies', {
      organisationId: cast.org.id,
      name: `Avvikelseforum ${cast.org.id.slice(0, 6)}`,
      kind: 'forum',
    });
    const bodyUrl = `/api/bodies/${created.body.id}`;
    await admin.put(`${bodyUrl}/members/${cast.staff.id}`, { role: 'secretary' });
    expect((await admin.delete(`${bodyUrl}/members/${cast.staff.id}`)).status).toBe(204);
    const gone = await admin.delete(`${bodyUrl}/members/${cast.staff.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('organisation.member_not_found');

    const renamed = await admin.patch<BodyAnswer>(bodyUrl, {
      name: `Avvikelseforum Väst ${cast.org.id.slice(0, 6)}`,
      active: false,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ active: false, members: [] });
    const list = await admin.get<{ items: BodyAnswer[] }>(`/api/bodies?organisationId=${cast.org.id}`);
    expect(list.body.items).toEqual([]);
    const all = await admin.get<{ items: BodyAnswer[] }>(
      `/api/bodies?organisationId=${cast.org.id}&includeInactive=true`,
    );
    expect(all.body.items.map((b) => b.id)).toEqual([created.body.id]);
  });

  it('when names clash or people and bodies do not exist, then the answers are 409 and 404, never 500', async () => {
    const cast = await createRegion(t);
    const admin = await signIn(t, cast.orgAdmin);
    const name = `Samverkansgruppen ${cast.org.id.slice(0, 6)}`;
    const body = { organisationId: cast.org.id, name, kind: 'collaboration_group' };
    const created = await admin.post<BodyAnswer>('/api/bodies', body);
    expect(created.status).toBe(201);
    expect((await admin.post('/api/bodies', body)).status).toBe(409);
    const nobody = '00000000-0000-4000-8000-000000000000';
    expect(
      (await admin.put(`/api/bodies/${created.body.id}/members/${nobody}`, { role: 'member' })).status,
    ).toBe(404);
    expect(
      (await admin.put(`/api/bodies/${nobody}/members/${cast.staff.id}`, { role: 'member' })).status,
    ).toBe(404);
    expect((await admin.get(`/api/bodies/${nobody}`)).status).toBe(404);
    const badOrg = await admin.post('/api/bodies', { ...body, name: 'Annan', organisationId: nobody });
    expect(badOrg.status).toBe(400);
    expect(badOrg.body.code).toBe('organisation.organisation_not_found');
  });

  it("when a municipality's administrator forms a forum, then they may seat the region's staff on it but may not touch the region's own bodies", async () => {
    const cast = await createRegion(t);
    const db = t.database.db;
    const municipality = await createOrg(db, { kind: 'municipality' });
    const municipalityAdmin = await createPerson(db, {
      organisationId: municipality.id,
      roles: [{ role: 'administrator', unit: municipality.root }],
    });
    const region = await signIn(t, cast.orgAdmin);
    const regionForum = await region.post<BodyAnswer>('/api/bodies', {
      organisationId: cast.org.id,
      name: `Regionens forum ${cast.org.id.slice(0, 6)}`,
      kind: 'forum',
    });

    const admin = await signIn(t, municipalityAdmin);
    const own = await admin.post<BodyAnswer>('/api/bodies', {
      organisationId: municipality.id,
      name: `Samverkansgrupp ${municipality.id.slice(0, 6)}`,
      kind: 'collaboration_group',
    });
    expect(own.status).toBe(201);
    expect(own.body.allowedActions).toEqual(['edit', 'manageMembers']);
    const seated = await admin.put<BodyAnswer>(`/api/bodies/${own.body.id}/members/${cast.staff.id}`, {
      role: 'member',
    });
    expect(seated.status).toBe(200);
    expect(seated.body.members.map((m) => m.organisationName)).toEqual([cast.org.name]);

    const forRegion = await admin.post('/api/bodies', {
      organisationId: cast.org.id,
      name: `Annans forum ${cast.org.id.slice(0, 6)}`,
      kind: 'forum',
    });
    expect(forRegion.status).toBe(403);
    expect(forRegion.body.code).toBe('organisation.organisation_outside_scope');
    const forumUrl = `/api/bodies/${regionForum.body.id}`;
    expect((await admin.patch(forumUrl, { active: false })).status).toBe(403);
    expect((await admin.put(`${forumUrl}/members/${municipalityAdmin.id}`, { role: 'chair' })).status).toBe(
      403,
    );
    await region.put(`${forumUrl}/members/${cast.staff.id}`, { role: 'member' });
    expect((await admin.delete(`${forumUrl}/members/${cast.staff.id}`)).status).toBe(403);
    // Nor hand their own body over to the region.
    expect((await admin.patch(`/api/bodies/${own.body.id}`, { organisationId: cast.org.id })).status).toBe(
      403,
    );
    const seen = await admin.get<BodyAnswer>(forumUrl);
    expect(seen.body).toMatchObject({ active: true, allowedActions: [] });
    expect(seen.body.members.map((m) => m.personId)).toEqual([cast.staff.id]);
  });

  it('when a clinic administrator or someone signed out tries to form a body, then it is refused', async () => {
    const cast = await createRegion(t);
    const clinicAdmin = await signIn(t, cast.clinicAdmin);
    const body = { organisationId: cast.org.id, name: 'Nej', kind: 'forum' };
    expect((await clinicAdmin.post('/api/bodies', body)).status).toBe(403);
    expect((await new Client(t.app).post('/api/bodies', body)).status).toBe(401);
    expect((await new Client(t.app).get('/api/bodies')).status).toBe(401);
  });
});
