import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestApp, testApp } from '../../test/harness.ts';
import { createRegion, signIn } from '../organisation/test-factories.ts';

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
  it('when an administrator renames a unit twice, then both changes are found by entity, action, actor and time, newest first', async () => {
    const cast = await createRegion(t);
    const admin = await signIn(t, cast.clinicAdmin);
    const before = new Date().toISOString();
    await admin.patch(`/api/units/${cast.wardA.id}`, { name: 'Avdelning 31 A' });
    await admin.patch(`/api/units/${cast.wardA.id}`, { name: 'Avdelning 31 B' });

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
});
