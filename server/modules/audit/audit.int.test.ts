import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestApp, testApp } from '../../test/harness.ts';
import { createPerson, createRegion, signIn } from '../organisation/test-factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

interface AuditPage {
  items: Array<{
    id: number;
    at: string;
    actorId: string | null;
    actorName: string | null;
    action: string;
    entityType: string;
    entityId: string | null;
    summary: Record<string, unknown>;
    requestId: string | null;
  }>;
  total: number;
  page: number;
  pageSize: number;
}

describe('browsing the audit trail', () => {
  it("when a clinic administrator renames a unit twice, then the organisation's administrator finds both changes by entity, action, actor and time, newest first", async () => {
    const cast = await createRegion(t);
    const clinicAdmin = await signIn(t, cast.clinicAdmin);
    const before = new Date().toISOString();
    await clinicAdmin.patch(`/api/units/${cast.wardA.id}`, { name: 'Avdelning 31 A' });
    await clinicAdmin.patch(`/api/units/${cast.wardA.id}`, { name: 'Avdelning 31 B' });
    const admin = await signIn(t, cast.orgAdmin);

    const page = await admin.get<AuditPage>(`/api/audit?entityType=unit&entityId=${cast.wardA.id}`);
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(2);
    expect(page.body.items.map((e) => e.summary)).toEqual([
      { name: ['Avdelning 31 A', 'Avdelning 31 B'] },
      { name: ['Avdelning 31', 'Avdelning 31 A'] },
    ]);
    const [newest] = page.body.items;
    expect(newest).toMatchObject({
      action: 'unit.updated',
      actorId: cast.clinicAdmin.id,
      actorName: cast.clinicAdmin.name,
    });
    expect(newest?.requestId).toEqual(expect.any(String));

    const byActor = await admin.get<AuditPage>(
      `/api/audit?actorId=${cast.clinicAdmin.id}&action=unit.updated&from=${encodeURIComponent(before)}`,
    );
    expect(byActor.body.total).toBe(2);
    const secondPage = await admin.get<AuditPage>(
      `/api/audit?actorId=${cast.clinicAdmin.id}&action=unit.updated&pageSize=1&page=2`,
    );
    expect(secondPage.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(secondPage.body.items[0]?.summary).toEqual({ name: ['Avdelning 31', 'Avdelning 31 A'] });
    const past = await admin.get<AuditPage>(
      `/api/audit?actorId=${cast.clinicAdmin.id}&to=${encodeURIComponent('2000-01-01T00:00:00Z')}`,
    );
    expect(past.body.total).toBe(0);
  });

  it('when the range is upside down, then the answer is 400 naming the field', async () => {
    const cast = await createRegion(t);
    const admin = await signIn(t, cast.orgAdmin);
    const answer = await admin.get<{ code: string; errors: Array<{ path: string }> }>(
      '/api/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ path: 'from' })]);
    const malformed = await admin.get('/api/audit?from=yesterday');
    expect(malformed.status).toBe(400);
  });

  it('when a manager or a staff member asks, then the answer is 403; signed out it is 401', async () => {
    const cast = await createRegion(t);
    for (const person of [cast.manager, cast.staff]) {
      expect((await (await signIn(t, person)).get('/api/audit')).status).toBe(403);
    }
    expect((await new Client(t.app).get('/api/audit')).status).toBe(401);
  });

  it('when a clinic administrator asks, then the answer is 403: the log is for administrators of a whole organisation', async () => {
    const cast = await createRegion(t);
    const clinicAdmin = await signIn(t, cast.clinicAdmin);
    const answer = await clinicAdmin.get<{ code: string; detail: string }>('/api/audit');
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('audit.organisation_admin_required');
    expect(answer.body.detail).toBe('Bara administratörer för en hel organisation får läsa händelseloggen.');
  });

  it("when an agency's administrator reads the log, then they see what happened to the agency, including the region's onboarding of it, and nothing of the region's own business; the region's administrator sees none of the agency's", async () => {
    const cast = await createRegion(t);
    const region = await signIn(t, cast.orgAdmin);
    const agency = await region.post<{ id: string; rootUnitId: string }>('/api/organisations', {
      name: `Arbetsförmedlingen ${cast.org.id.slice(0, 6)}`,
      kind: 'agency',
    });
    const officer = await region.post<{ id: string }>('/api/people', {
      organisationId: agency.body.id,
      username: `officer-${cast.org.id.slice(0, 6)}`,
      name: 'Olle Officer',
      email: 'olle@exempel.example',
    });
    const chief = await createPerson(t.database.db, { organisationId: agency.body.id, name: 'Chef Agentur' });
    await region.post(`/api/people/${chief.id}/roles`, {
      role: 'administrator',
      unitId: agency.body.rootUnitId,
    });
    await region.patch(`/api/units/${cast.wardA.id}`, { name: 'Avdelning 31 (ny)' });
    const agencyAdmin = await signIn(t, chief);
    await agencyAdmin.patch(`/api/units/${agency.body.rootUnitId}`, { name: 'Arbetsförmedlingen Älvsund' });

    const agencyView = await agencyAdmin.get<AuditPage>('/api/audit?pageSize=200');
    expect(agencyView.status).toBe(200);
    const seenByAgency = agencyView.body.items.map((e) => `${e.action} ${e.entityId}`);
    expect(seenByAgency).toEqual(
      expect.arrayContaining([
        `organisation.created ${agency.body.id}`,
        `person.created ${officer.body.id}`,
        `person.role_added ${chief.id}`,
        `organisation.first_administrator ${agency.body.id}`,
        `unit.updated ${agency.body.rootUnitId}`,
      ]),
    );
    expect(seenByAgency).not.toContain(`unit.updated ${cast.wardA.id}`);
    expect(agencyView.body.total).toBe(agencyView.body.items.length);
    // Filtering by the region's administrator shows only what they did to the agency.
    const byRegion = await agencyAdmin.get<AuditPage>(`/api/audit?actorId=${cast.orgAdmin.id}&pageSize=200`);
    expect(byRegion.body.items.every((e) => e.entityId !== cast.wardA.id)).toBe(true);
    expect(byRegion.body.total).toBeGreaterThan(0);

    const regionView = await region.get<AuditPage>('/api/audit?pageSize=200');
    const seenByRegion = regionView.body.items.map((e) => `${e.action} ${e.entityId}`);
    expect(seenByRegion).toContain(`unit.updated ${cast.wardA.id}`);
    expect(seenByRegion).not.toContain(`unit.updated ${agency.body.rootUnitId}`);
  });
});
