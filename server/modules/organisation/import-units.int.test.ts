import { randomUUID } from 'node:crypto';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestApp, testApp } from '../../test/harness.ts';
import { units } from './tables.ts';
import { createOrg, createPerson, createRegion, createUnit, signIn } from './test-factories.ts';

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

async function unitsWithPrefix(
  p: string,
): Promise<
  Array<{ externalId: string | null; name: string; path: string; parentId: string | null; id: string }>
> {
  return t.database.db
    .select({
      id: units.id,
      externalId: units.externalId,
      name: units.name,
      path: units.path,
      parentId: units.parentId,
    })
    .from(units)
    .where(like(units.externalId, `${p}%`));
}

describe('importing units', () => {
  it('when a spreadsheet export (BOM, semicolons, parents defined later) is imported twice, then the first run creates and the second changes nothing', async () => {
    const cast = await createRegion(t);
    const p = prefix();
    const file =
      '\uFEFFexternal_id;name;parent_external_id;organisation\r\n' +
      `${p}-31;Avdelning 31;${p}-ORT;${cast.org.name}\r\n` +
      `${p}-ORT;"Ortopedi; Sunne";${p}-ROOT;${cast.org.name}\r\n` +
      `${p}-ROOT;Sjukhuset i Sunne;;${cast.org.name}\r\n`;
    const admin = await signIn(t, cast.orgAdmin);
    const first = await admin.post<ImportAnswer>('/api/import/units', file, csv);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ dryRun: false, created: 3, updated: 0, unchanged: 0 });
    const stored = await unitsWithPrefix(p);
    const byExt = new Map(stored.map((u) => [u.externalId, u]));
    const ward = byExt.get(`${p}-31`);
    const clinic = byExt.get(`${p}-ORT`);
    const root = byExt.get(`${p}-ROOT`);
    expect(clinic?.name).toBe('Ortopedi; Sunne');
    // Top-level lines land under the organisation's root unit.
    expect(ward?.path).toBe(`${cast.org.root.path}${root?.id}/${clinic?.id}/${ward?.id}/`);

    const second = await admin.post<ImportAnswer>('/api/import/units', file, csv);
    expect(second.body).toEqual({ dryRun: false, created: 0, updated: 0, unchanged: 3 });

    const audit = await admin.get<{ items: Array<{ action: string; summary: Record<string, unknown> }> }>(
      '/api/audit?entityType=import&action=import.units&pageSize=2',
    );
    expect(audit.body.items.map((e) => e.summary)).toEqual([
      { created: 0, updated: 0, unchanged: 3, lines: 3 },
      { created: 3, updated: 0, unchanged: 0, lines: 3 },
    ]);
    const created = await admin.get<{ total: number }>(`/api/audit?entityType=unit&entityId=${ward?.id}`);
    expect(created.body.total).toBe(1);
  });

  it('when a later file renames a unit and moves it with its subtree, then both are updated and the paths follow', async () => {
    const cast = await createRegion(t);
    const p = prefix();
    const admin = await signIn(t, cast.orgAdmin);
    const head = 'external_id,name,parent_external_id,organisation\n';
    await admin.post(
      '/api/import/units',
      `${head}${p}-A,Division A,,${cast.org.name}\n${p}-B,Division B,,${cast.org.name}\n` +
        `${p}-K,Klinik,${p}-A,${cast.org.name}\n${p}-W,Avdelning,${p}-K,${cast.org.name}\n`,
      csv,
    );
    const moved = await admin.post<ImportAnswer>(
      '/api/import/units',
      `${head}${p}-A,Division A,,${cast.org.name}\n${p}-B,Division B,,${cast.org.name}\n` +
        `${p}-K,Kliniken,${p}-B,${cast.org.name}\n${p}-W,Avdelning,${p}-K,${cast.org.name}\n`,
      csv,
    );
    expect(moved.body).toEqual({ dryRun: false, created: 0, updated: 1, unchanged: 3 });
    const byExt = new Map((await unitsWithPrefix(p)).map((u) => [u.externalId, u]));
    const b = byExt.get(`${p}-B`);
    const k = byExt.get(`${p}-K`);
    const w = byExt.get(`${p}-W`);
    expect(k).toMatchObject({ name: 'Kliniken', parentId: b?.id });
    expect(w?.path).toBe(`${cast.org.root.path}${b?.id}/${k?.id}/${w?.id}/`);
  });

  it('when a file turns a clinic and its ward upside down, then every path in the tree still matches its parents', async () => {
    const cast = await createRegion(t);
    const p = prefix();
    const admin = await signIn(t, cast.orgAdmin);
    const head = 'external_id,name,parent_external_id,organisation\n';
    await admin.post(
      '/api/import/units',
      `${head}${p}-K,Klinik,,${cast.org.name}\n${p}-W,Avdelning,${p}-K,${cast.org.name}\n${p}-S,Sal,${p}-W,${cast.org.name}\n`,
      csv,
    );
    const swapped = await admin.post<ImportAnswer>(
      '/api/import/units',
      `${head}${p}-W,Avdelning,,${cast.org.name}\n${p}-K,Klinik,${p}-W,${cast.org.name}\n${p}-S,Sal,${p}-K,${cast.org.name}\n`,
      csv,
    );
    // An empty parent never tears a stored unit out, so W would stay under K while K went under W.
    expect(swapped.status).toBe(400);
    expect(swapped.body).toMatchObject({ code: 'import.invalid_file' });
    expect(await unitsWithPrefix(p)).toHaveLength(3);
    const explicit = await admin.post<ImportAnswer>(
      '/api/import/units',
      `${head}${p}-W,Avdelning,${p}-ROOT,${cast.org.name}\n${p}-ROOT,Rot,,${cast.org.name}\n` +
        `${p}-K,Klinik,${p}-W,${cast.org.name}\n${p}-S,Sal,${p}-K,${cast.org.name}\n`,
      csv,
    );
    expect(explicit.body).toEqual({ dryRun: false, created: 1, updated: 3, unchanged: 0 });
    const byExt = new Map((await unitsWithPrefix(p)).map((u) => [u.externalId, u]));
    const [root, w, k, s] = [`${p}-ROOT`, `${p}-W`, `${p}-K`, `${p}-S`].map((e) => byExt.get(e));
    expect(s?.path).toBe(`${cast.org.root.path}${root?.id}/${w?.id}/${k?.id}/${s?.id}/`);
  });

  it('when one line among good ones is bad, then the answer is 400 listing that line, and nothing is written', async () => {
    const cast = await createRegion(t);
    const p = prefix();
    const admin = await signIn(t, cast.orgAdmin);
    const file =
      'external_id,name,parent_external_id,organisation\n' +
      `${p}-1,Enhet ett,,${cast.org.name}\n` +
      `${p}-2,,${p}-1,${cast.org.name}\n` +
      `${p}-3,Enhet tre,${p}-saknas,${cast.org.name}\n` +
      `${p}-4,Enhet fyra,,Region Ingenstans\n`;
    const answer = await admin.post<ImportProblem>('/api/import/units', file, csv);
    expect(answer.status).toBe(400);
    expect(String(answer.headers['content-type'])).toContain('application/problem+json');
    expect(answer.body.code).toBe('import.invalid_file');
    expect(answer.body.detail).toBe('Filen har 2 felaktiga rader; ingenting har sparats.');
    expect(answer.body.lines).toEqual([
      { line: 3, column: 'name', message: 'Kolumnen name måste fyllas i.' },
      { line: 5, column: 'organisation', message: 'Organisationen ”Region Ingenstans” finns inte i Loopen.' },
    ]);
    expect(await unitsWithPrefix(p)).toEqual([]);

    // Cell errors come first; once the cells are right, references are checked.
    const references = await admin.post<ImportProblem>(
      '/api/import/units',
      `external_id,name,parent_external_id,organisation\n${p}-1,Ett,,${cast.org.name}\n${p}-3,Tre,${p}-saknas,${cast.org.name}\n`,
      csv,
    );
    expect(references.body.lines).toEqual([
      {
        line: 3,
        column: 'parent_external_id',
        message: `Den överordnade enheten ${p}-saknas finns varken i filen eller i Loopen.`,
      },
    ]);
    expect(await unitsWithPrefix(p)).toEqual([]);
  });

  it('when a Norwegian administrator imports a file with a bad line, then the lines are explained in Norwegian', async () => {
    const cast = await createRegion(t);
    const norwegian = await createPerson(t.database.db, {
      organisationId: cast.org.id,
      language: 'nb',
      roles: [{ role: 'administrator', unit: cast.org.root }],
    });
    const admin = await signIn(t, norwegian, { language: 'nb' });
    const p = prefix();
    const answer = await admin.post<ImportProblem>(
      '/api/import/units',
      `external_id;name;organisation\n${p}-1;Enhet;${cast.org.name}\n${p}-1;Samme id;${cast.org.name}\n`,
      csv,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.detail).toBe('Filen har 1 rader med feil; ingenting er lagret.');
    expect(answer.body.lines).toEqual([
      { line: 3, column: 'external_id', message: `${p}-1 forekommer allerede på rad 2.` },
    ]);
  });

  it('when units would form a loop, or a unit would change organisation, then those lines are refused', async () => {
    const cast = await createRegion(t);
    const other = await createOrg(t.database.db);
    const p = prefix();
    await createUnit(t.database.db, cast.clinic, { name: 'Befintlig', externalId: `${p}-E` });
    const admin = await signIn(t, cast.orgAdmin);
    const answer = await admin.post<ImportProblem>(
      '/api/import/units',
      'external_id,name,parent_external_id,organisation\n' +
        `${p}-X,X,${p}-Y,${cast.org.name}\n${p}-Y,Y,${p}-X,${cast.org.name}\n${p}-Z,Z,${p}-Z,${cast.org.name}\n` +
        `${p}-E,Befintlig,,${other.name}\n`,
      csv,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.lines.map((l) => [l.line, l.column])).toEqual([
      [2, 'parent_external_id'],
      [3, 'parent_external_id'],
      [4, 'parent_external_id'],
      [5, 'organisation'],
    ]);
    const loop = await admin.post<ImportProblem>(
      '/api/import/units',
      `external_id,name,parent_external_id,organisation\n${p}-X,X,${p}-Y,${cast.org.name}\n${p}-Y,Y,${p}-X,${cast.org.name}\n`,
      csv,
    );
    expect(loop.body.lines).toEqual([
      { line: 2, column: 'parent_external_id', message: `Enheten ${p}-X skulle hamna under sig själv.` },
      { line: 3, column: 'parent_external_id', message: `Enheten ${p}-Y skulle hamna under sig själv.` },
    ]);
    // An existing unit may not be put under its own descendant either.
    const child = await createUnit(t.database.db, cast.wardA, { name: 'Barn', externalId: `${p}-C` });
    await t.database.db
      .update(units)
      .set({ externalId: `${p}-W` })
      .where(eq(units.id, cast.wardA.id));
    const under = await admin.post<ImportProblem>(
      '/api/import/units',
      `external_id,name,parent_external_id,organisation\n${p}-W,${cast.wardA.name},${child.id && `${p}-C`},${cast.org.name}\n`,
      csv,
    );
    expect(under.status).toBe(400);
    expect(under.body.lines[0]?.message).toBe(`Enheten ${p}-W skulle hamna under sig själv.`);
  });

  it('when a file brings top-level units, then they go under the organisation root; a new organisation gets exactly one root', async () => {
    const cast = await createRegion(t);
    const p = prefix();
    const admin = await signIn(t, cast.orgAdmin);
    const top = await admin.post<ImportAnswer>(
      '/api/import/units',
      `external_id,name,organisation\n${p}-1,Primärvården,${cast.org.name}\n`,
      csv,
    );
    expect(top.status).toBe(200);
    const [stored] = await unitsWithPrefix(p);
    expect(stored?.parentId).toBe(cast.org.root.id);

    const agency = await admin.post<{ id: string; rootUnitId: string }>('/api/organisations', {
      name: `Arbetsförmedlingen ${p}`,
      kind: 'agency',
    });
    // The region administrator appoints themselves the agency's first administrator, then imports.
    await admin.post(`/api/people/${cast.orgAdmin.id}/roles`, {
      role: 'administrator',
      unitId: agency.body.rootUnitId,
    });
    const agencyName = `Arbetsförmedlingen ${p}`;
    const twoRoots = await admin.post<ImportProblem>(
      '/api/import/units',
      `external_id,name,organisation\n${p}-A,Kontor A,${agencyName}\n${p}-B,Kontor B,${agencyName}\n`,
      csv,
    );
    expect(twoRoots.status).toBe(200);
    const offices = await unitsWithPrefix(`${p}-`);
    expect(offices.filter((u) => u.parentId === agency.body.rootUnitId)).toHaveLength(2);
  });

  it('when a file has more than 20 000 data lines, then it is refused at once naming the limit, in the reader’s language, and nothing is written', async () => {
    const cast = await createRegion(t);
    const p = prefix();
    const lines = Array.from({ length: 20_001 }, (_, i) => `${p}-${i},Enhet ${i},,${cast.org.name}\n`);
    const file = `external_id,name,parent_external_id,organisation\n${lines.join('')}`;
    const admin = await signIn(t, cast.orgAdmin);
    const refused = await admin.post<ImportProblem>('/api/import/units', file, csv);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('import.too_many_lines');
    expect(refused.body.detail).toBe(
      'Filen har fler än 20000 datarader. Dela upp den i filer med högst 20000 rader var.',
    );
    const english = await createPerson(t.database.db, {
      organisationId: cast.org.id,
      language: 'en',
      roles: [{ role: 'administrator', unit: cast.org.root }],
    });
    const inEnglish = await (await signIn(t, english)).post<ImportProblem>('/api/import/people', file, csv);
    expect(inEnglish.body.detail).toBe(
      'The file has more than 20000 data lines. Split it into files of at most 20000 lines each.',
    );
    expect(await unitsWithPrefix(p)).toEqual([]);
  });

  it('when a file renames many units at once, then each gets its new name and its own audit entry', async () => {
    const cast = await createRegion(t);
    const p = prefix();
    const count = 620; // more than one batch
    const file = (name: (i: number) => string): string =>
      `external_id,name,organisation\n${Array.from({ length: count }, (_, i) => `${p}-${i},${name(i)},${cast.org.name}\n`).join('')}`;
    const admin = await signIn(t, cast.orgAdmin);
    expect(
      (
        await admin.post(
          '/api/import/units',
          file((i) => `Enhet ${i}`),
          csv,
        )
      ).status,
    ).toBe(200);
    const renamed = await admin.post<ImportAnswer>(
      '/api/import/units',
      file((i) => (i % 2 === 0 ? `Omdöpt ${i}` : `Enhet ${i}`)),
      csv,
    );
    expect(renamed.body).toEqual({ dryRun: false, created: 0, updated: count / 2, unchanged: count / 2 });
    const stored = await unitsWithPrefix(p);
    expect(stored).toHaveLength(count);
    for (const unit of stored) {
      const i = Number(unit.externalId?.slice(p.length + 1));
      expect(unit.name).toBe(i % 2 === 0 ? `Omdöpt ${i}` : `Enhet ${i}`);
    }
    const audit = await admin.get<{ total: number }>(
      '/api/audit?action=unit.updated&entityType=unit&pageSize=1',
    );
    expect(audit.body.total).toBeGreaterThanOrEqual(count / 2);
  });

  it('when the file is only checked (dryRun), then the counts come back and nothing is written', async () => {
    const cast = await createRegion(t);
    const p = prefix();
    const admin = await signIn(t, cast.orgAdmin);
    const answer = await admin.post<ImportAnswer>(
      '/api/import/units?dryRun=true',
      `external_id,name,organisation\n${p}-1,Ett,${cast.org.name}\n${p}-2,Två,${cast.org.name}\n`,
      csv,
    );
    expect(answer.body).toEqual({ dryRun: true, created: 2, updated: 0, unchanged: 0 });
    expect(await unitsWithPrefix(p)).toEqual([]);
  });

  it('when a clinic administrator imports, or the file is not CSV or too large, then it is refused before anything is read', async () => {
    const cast = await createRegion(t);
    const clinicAdmin = await signIn(t, cast.clinicAdmin);
    const refused = await clinicAdmin.post('/api/import/units', 'external_id,name,organisation\n', csv);
    expect(refused.status).toBe(403);
    expect((await new Client(t.app).post('/api/import/units', 'x', csv)).status).toBe(401);
    const admin = await signIn(t, cast.orgAdmin);
    expect((await admin.post('/api/import/units', { not: 'csv' })).status).toBe(400);
    const big = `external_id,name,organisation\n${'x,y,z\n'.repeat(900_000)}`;
    expect((await admin.post('/api/import/units', big, csv)).status).toBe(413);
    const empty = await admin.post<ImportProblem>('/api/import/units', '', csv);
    expect(empty.status).toBe(400);
    const unknownColumn = await admin.post<ImportProblem>(
      '/api/import/units',
      'external_id,namn,organisation\n1,a,b\n',
      csv,
    );
    expect(unknownColumn.body.lines.map((l) => l.column)).toEqual(['name', 'namn']);
  });
});
