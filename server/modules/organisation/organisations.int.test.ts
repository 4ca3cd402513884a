import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestApp, testApp } from '../../test/harness.ts';
import { createPerson, createRegion, signIn } from './test-factories.ts';

let t: TestApp;
let cast: Awaited<ReturnType<typeof createRegion>>;
beforeAll(async () => {
  t = await testApp();
  cast = await createRegion(t);
});
afterAll(async () => t.close());

interface OrganisationAnswer {
  id: string;
  name: string;
  kind: string;
  orgNumber: string | null;
  rootUnitId: string;
  allowedActions: string[];
}

describe('organisations', () => {
  it('when the organisation administrator adds a partner agency, then everyone signed in sees it and only administrators may edit it', async () => {
    const admin = await signIn(t, cast.orgAdmin);
    const created = await admin.post<OrganisationAnswer>('/api/organisations', {
      name: 'Försäkringskassan (test)',
      kind: 'agency',
      orgNumber: '202100-5521',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'agency',
      orgNumber: '202100-5521',
      allowedActions: ['edit'],
    });

    const staff = await signIn(t, cast.staff);
    const list = await staff.get<{ items: OrganisationAnswer[] }>('/api/organisations');
    expect(list.status).toBe(200);
    const seen = list.body.items.find((o) => o.id === created.body.id);
    expect(seen?.name).toBe('Försäkringskassan (test)');
    expect(seen?.allowedActions).toEqual([]);
  });

  it('when the administrator renames an organisation, then the change is saved and audited', async () => {
    const admin = await signIn(t, cast.orgAdmin);
    const created = await admin.post<OrganisationAnswer>('/api/organisations', {
      name: 'Kommun A',
      kind: 'municipality',
    });
    const renamed = await admin.patch<OrganisationAnswer>(`/api/organisations/${created.body.id}`, {
      name: 'Kommun B',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Kommun B');
    const audit = await admin.get<{ items: Array<{ action: string; summary: Record<string, unknown> }> }>(
      `/api/audit?entityType=organisation&entityId=${created.body.id}`,
    );
    expect(audit.body.items.map((e) => e.action)).toEqual(['organisation.updated', 'organisation.created']);
    expect(audit.body.items[0]?.summary).toEqual({ name: ['Kommun A', 'Kommun B'] });
  });

  it('when the name is already taken, then the answer is 409 naming the problem', async () => {
    const admin = await signIn(t, cast.orgAdmin);
    const answer = await admin.post<{ code: string; detail: string }>('/api/organisations', {
      name: cast.org.name,
      kind: 'region',
    });
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('organisation.organisation_name_taken');
    expect(answer.body.detail).toBe('Det finns redan en organisation med det namnet.');
  });

  it('when a clinic administrator (not on a root unit) or a manager adds an organisation, then it is refused', async () => {
    const cases = [
      [cast.clinicAdmin, 'organisation.organisation_admin_required'],
      [cast.manager, 'access.denied'],
    ] as const;
    for (const [person, code] of cases) {
      const browser = await signIn(t, person);
      const answer = await browser.post('/api/organisations', {
        name: `Nej ${person.username}`,
        kind: 'other',
      });
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe(code);
    }
  });

  it('when no one is signed in, then reading and writing both answer 401', async () => {
    const anonymous = new Client(t.app);
    expect((await anonymous.get('/api/organisations')).status).toBe(401);
    // 401 even for an invalid body: the caller is turned away before the form is judged.
    expect((await anonymous.post('/api/organisations', { nonsense: true })).status).toBe(401);
  });

  it('when a Norwegian administrator sends an invalid form, then the problem lists each field in Norwegian', async () => {
    const norwegian = await createPerson(t.database.db, {
      organisationId: cast.org.id,
      language: 'nb',
      roles: [{ role: 'administrator', unit: cast.org.root }],
    });
    const admin = await signIn(t, norwegian, { language: 'nb-NO,nb;q=0.9' });
    const answer = await admin.post<{
      status: number;
      detail: string;
      errors: Array<{ path: string; message: string }>;
    }>('/api/organisations', { name: '', kind: 'castle' });
    expect(answer.status).toBe(400);
    expect(String(answer.headers['content-type'])).toContain('application/problem+json');
    expect(answer.body.detail).toBe('Noen opplysninger må rettes.');
    expect(answer.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'name', message: 'Feltet er påkrevd.' }),
        expect.objectContaining({ path: 'kind', message: expect.stringContaining('Ugyldig verdi') }),
      ]),
    );
  });

  it('when the API description is fetched, then every organisation and audit route is documented with tags and a summary', async () => {
    const doc = await new Client(t.app).get<{
      paths: Record<string, Record<string, { tags?: string[]; summary?: string }>>;
    }>('/api/openapi.json');
    expect(doc.status).toBe(200);
    const expected = [
      ['get', '/api/organisations'],
      ['post', '/api/units/{id}/move'],
      ['put', '/api/bodies/{id}/members/{personId}'],
      ['delete', '/api/people/{id}/roles/{roleId}'],
      ['post', '/api/import/units'],
      ['get', '/api/audit'],
    ] as const;
    for (const [method, path] of expected) {
      const operation = doc.body.paths[path]?.[method];
      expect(operation?.summary, `${method} ${path}`).toBeTruthy();
      expect(operation?.tags?.length, `${method} ${path}`).toBeGreaterThan(0);
    }
  });
});
