import { randomUUID } from 'node:crypto';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/tables.ts';
import { type TestApp, testApp } from '../../test/harness.ts';
import { people, roleAssignments, units } from './tables.ts';
import { createOrg, createPerson, createRegion, signIn } from './test-factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

const csv = { 'content-type': 'text/csv; charset=utf-8' };

interface ImportAnswer {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
}
interface ImportProblem {
  status: number;
  code: string;
  detail: string;
  lines: Array<{ line: number; column: string | null; message: string }>;
}

/** A prefix per story: external ids are unique across the whole database. */
function prefix(): string {
  return `T${randomUUID().slice(0, 6)}`;
}

describe('importing people', () => {
  it('when people with two roles are imported twice, then they are created once with both roles, and the second run changes nothing', async () => {
    const cast = await createRegion(t);
    const p = prefix().toLowerCase();
    await t.database.db
      .update(units)
      .set({ externalId: `${p}-31` })
      .where(eq(units.id, cast.wardA.id));
    await t.database.db
      .update(units)
      .set({ externalId: `${p}-32` })
      .where(eq(units.id, cast.wardB.id));
    const file =
      'username,name,email,profession,language,organisation,unit_external_id,role\n' +
      `${p}.anna,Anna Andersson,anna@exempel.example,Sjuksköterska,sv,${cast.org.name},${p}-31,staff\n` +
      `${p}.anna,Anna Andersson,anna@exempel.example,Sjuksköterska,sv,${cast.org.name},${p}-32,quality_coordinator\n` +
      `${p}.ola,Ola Nordmann,ola@exempel.example,,nb,${cast.org.name},,\n`;
    const admin = await signIn(t, cast.orgAdmin);
    const first = await admin.post<ImportAnswer>('/api/import/people', file, csv);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ dryRun: false, created: 2, updated: 0, unchanged: 0 });
    const [anna] = await t.database.db
      .select()
      .from(people)
      .where(eq(people.username, `${p}.anna`));
    const roles = await t.database.db
      .select({ role: roleAssignments.role })
      .from(roleAssignments)
      .where(eq(roleAssignments.personId, anna?.id ?? ''));
    expect(roles.map((r) => r.role).sort()).toEqual(['quality_coordinator', 'staff']);
    expect(anna?.passwordHash).toBeNull();

    expect((await admin.post<ImportAnswer>('/api/import/people', file, csv)).body).toEqual({
      dryRun: false,
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    const changed = file.replace(
      'Ola Nordmann,ola@exempel.example',
      'Ola Nordmann,ola.nordmann@exempel.example',
    );
    expect((await admin.post<ImportAnswer>('/api/import/people', changed, csv)).body).toMatchObject({
      updated: 1,
    });
  });

  it('when one line has a bad e-mail, a bad role and a unit that does not exist, then every problem is listed and nobody is created', async () => {
    const cast = await createRegion(t);
    const p = prefix().toLowerCase();
    const admin = await signIn(t, cast.orgAdmin);
    const answer = await admin.post<ImportProblem>(
      '/api/import/people',
      'username;name;email;organisation;role;unit_external_id\n' +
        `${p}.ok;Ok Person;ok@exempel.example;${cast.org.name};;\n` +
        `${p}.bad;Bad Person;inte-en-adress;${cast.org.name};chef;x\n` +
        `Ä!;Tecken;t@exempel.example;${cast.org.name};;\n`,
      csv,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.lines.map((l) => [l.line, l.column])).toEqual([
      [3, 'email'],
      [3, 'role'],
      [4, 'username'],
    ]);
    expect(answer.body.lines[1]?.message).toBe(
      'Rollen chef finns inte; tillåtna är: staff, manager, quality_coordinator, administrator.',
    );
    const created = await t.database.db
      .select()
      .from(people)
      .where(like(people.username, `${p}%`));
    expect(created).toEqual([]);
  });

  it('when a role is on a unit of an organisation the importer does not administer, then that line is refused', async () => {
    const cast = await createRegion(t);
    const other = await createOrg(t.database.db);
    await createPerson(t.database.db, {
      organisationId: other.id,
      roles: [{ role: 'administrator', unit: other.root }],
    });
    const p = prefix().toLowerCase();
    await t.database.db
      .update(units)
      .set({ externalId: `${p}-other` })
      .where(eq(units.id, other.root.id));
    const admin = await signIn(t, cast.orgAdmin);
    const answer = await admin.post<ImportProblem>(
      '/api/import/people',
      `username,name,email,organisation,unit_external_id,role\n${p}.x,X,x@exempel.example,${other.name},${p}-other,manager\n`,
      csv,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.lines).toEqual([
      { line: 2, column: 'organisation', message: `Du administrerar inte organisationen ”${other.name}”.` },
      { line: 2, column: 'unit_external_id', message: `Du administrerar inte enheten ${p}-other.` },
    ]);
  });
});

describe("importing into other organisations' registers", () => {
  it("when a municipality's administrator imports lines about the region's people, then each of those lines is refused and nothing is written; their own people go through", async () => {
    const cast = await createRegion(t);
    const db = t.database.db;
    const municipality = await createOrg(db, { kind: 'municipality' });
    const municipalityAdmin = await createPerson(db, {
      organisationId: municipality.id,
      roles: [{ role: 'administrator', unit: municipality.root }],
    });
    const p = prefix().toLowerCase();
    await db
      .update(units)
      .set({ externalId: `${p}-kommun` })
      .where(eq(units.id, municipality.root.id));
    await db
      .update(units)
      .set({ externalId: `${p}-31` })
      .where(eq(units.id, cast.wardA.id));
    const head = 'username,name,email,organisation,unit_external_id,role\n';
    const own = `${p}.egen,Egen Person,egen@exempel.example,${municipality.name},${p}-kommun,staff\n`;
    const file =
      head +
      // a new person in the region
      `${p}.ny,Ny Person,ny@exempel.example,${cast.org.name},,\n` +
      // the region's staff member, renamed and moved into the municipality
      `${cast.staff.username},Kapad Person,${cast.staff.username}@exempel.example,${municipality.name},,\n` +
      // a role on the region's ward for the municipality's own administrator
      `${municipalityAdmin.username},${municipalityAdmin.name},${municipalityAdmin.username}@exempel.example,${municipality.name},${p}-31,staff\n` +
      own;
    const admin = await signIn(t, municipalityAdmin);
    const answer = await admin.post<ImportProblem>('/api/import/people', file, csv);
    expect(answer.status).toBe(400);
    expect(answer.body.lines).toEqual([
      {
        line: 2,
        column: 'organisation',
        message: `Du administrerar inte organisationen ”${cast.org.name}”.`,
      },
      {
        line: 3,
        column: 'username',
        message: `Du får inte ändra ${cast.staff.username}: personen tillhör en organisation du inte administrerar, eller har roller eller medlemskap utanför ditt område.`,
      },
      { line: 4, column: 'unit_external_id', message: `Du administrerar inte enheten ${p}-31.` },
    ]);
    const written = await db
      .select()
      .from(people)
      .where(like(people.username, `${p}%`));
    expect(written).toEqual([]);
    const [staff] = await db.select().from(people).where(eq(people.id, cast.staff.id));
    expect(staff?.organisationId).toBe(cast.org.id);

    const ownOnly = await admin.post<ImportAnswer>('/api/import/people', head + own, csv);
    expect(ownOnly.body).toEqual({ dryRun: false, created: 1, updated: 0, unchanged: 0 });
  });

  it("when a file appoints an agency's first administrator twice, then only the first line may, and the audit names the agency", async () => {
    const cast = await createRegion(t);
    const db = t.database.db;
    const agency = await createOrg(db, { kind: 'agency' });
    const p = prefix().toLowerCase();
    await db
      .update(units)
      .set({ externalId: `${p}-fk` })
      .where(eq(units.id, agency.root.id));
    const head = 'username,name,email,organisation,unit_external_id,role\n';
    const line = (who: string): string =>
      `${p}.${who},${who},${who}@exempel.example,${agency.name},${p}-fk,administrator\n`;
    const admin = await signIn(t, cast.orgAdmin);
    const twice = await admin.post<ImportProblem>('/api/import/people', head + line('a') + line('b'), csv);
    expect(twice.status).toBe(400);
    expect(twice.body.lines.map((l) => [l.line, l.column])).toEqual([[3, 'unit_external_id']]);

    const once = await admin.post<ImportAnswer>('/api/import/people', head + line('a'), csv);
    expect(once.body).toMatchObject({ created: 1 });
    const recorded = await db
      .select({ entityId: auditLog.entityId })
      .from(auditLog)
      .where(eq(auditLog.action, 'organisation.first_administrator'));
    expect(recorded.map((r) => r.entityId)).toContain(agency.id);
  });
});
