import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentTemplate, DocumentTemplates, DocumentTypes } from '../../../contracts/documents.ts';
import { auditLog } from '../../platform/tables.ts';
import { seedDemo } from '../../seed/demo.ts';
import { Client, type TestApp, testApp } from '../../test/harness.ts';
import { rowsOf } from '../../test/write-journal.ts';
import { createRegion, signIn } from '../organisation/test-factories.ts';
import { documentEvents, documents, documentTemplates, documentTypes, documentVersions } from './tables.ts';

const DEMO_PASSWORD = 'loopen-demo';
let t: TestApp;
let admin: Client;
let nurse: Client;
let routineTypeId: string;

async function demoUser(username: string, language?: string): Promise<Client> {
  const browser = new Client(t.app, language ? { language } : {});
  await browser.login(username, DEMO_PASSWORD);
  return browser;
}

const text = (sv: string, nb: string, en: string) => ({ sv, nb, en });
const section = (
  sv: string,
  nb: string,
  en: string,
  guidance = text('Vad som hör hit.', 'Hva som hører hjemme her.', 'What belongs here.'),
) => ({
  title: text(sv, nb, en),
  guidance,
});

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: Array<{ path: string; code: string; message: string }>;
}

beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.database.db, { password: DEMO_PASSWORD });
  admin = await demoUser('admin');
  nurse = await demoUser('sjukskoterska');
  const types = await nurse.get<DocumentTypes>('/api/document-types');
  const routine = types.body.items.find((type) => type.name.sv === 'Rutin');
  if (!routine) throw new Error('the demo has the type Rutin');
  routineTypeId = routine.id;
});
afterAll(async () => t.close());

/** The transaction that last wrote the row: rows written in one transaction share it. */
async function writtenBy(
  table: 'document_templates' | 'audit_log',
  column: string,
  id: string,
): Promise<string> {
  const rows = rowsOf<{ xmin: string }>(
    await t.database.db.execute(
      sql`select xmin::text as xmin from ${sql.identifier(table)} where ${sql.identifier(column)} = ${id}`,
    ),
  );
  const [row] = rows;
  if (!row) throw new Error(`no ${table} row for ${id}`);
  return row.xmin;
}

async function auditFor(
  entityId: string,
): Promise<Array<{ action: string; summary: Record<string, unknown> }>> {
  return t.database.db
    .select({ action: auditLog.action, summary: auditLog.summary })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'document_template'), eq(auditLog.entityId, entityId)))
    .orderBy(auditLog.id);
}

describe('staff read the document types and templates in their own language', () => {
  it('when the nurse opens the templates, then the seed 000 routine shows its five sections in Swedish with guidance', async () => {
    const answer = await nurse.get<DocumentTemplates>('/api/document-templates');
    expect(answer.status).toBe(200);
    const routine = answer.body.items.find((template) => template.label === 'Rutin');
    expect(routine?.type.label).toBe('Rutin');
    expect(routine?.sections.map((s) => s.label)).toEqual([
      'Revidering i denna version',
      'Bakgrund',
      'Vilka berörs',
      'Syfte',
      'Åtgärder',
    ]);
    expect(routine?.sections.every((s) => s.guidanceText.length > 0)).toBe(true);
    expect(routine?.allowedActions).toEqual([]);
    const support = answer.body.items.find((template) => template.type.isKnowledgeSupport);
    expect(support?.label).toBe('Kliniskt kunskapsstöd');
    expect(support?.sections.map((s) => s.label)).toContain('Regionalt tillägg');
  });

  it('when a colleague reads in Norwegian, then types, template and sections come in Norwegian, and a type filter narrows the list', async () => {
    const colleague = await demoUser('lakare');
    expect((await colleague.put('/api/me/language', { language: 'nb' })).status).toBe(200);
    const types = await colleague.get<DocumentTypes>('/api/document-types');
    expect(types.body.items.map((type) => type.label).sort()).toEqual(
      ['Behandlingsprogram', 'Klinisk kunnskapsstøtte', 'PM', 'Retningslinje', 'Rutine'].sort(),
    );
    const routines = await colleague.get<DocumentTemplates>(
      `/api/document-templates?typeId=${routineTypeId}`,
    );
    expect(routines.body.items.map((template) => template.label)).toEqual(['Rutine']);
    const [routine] = routines.body.items;
    expect(routine?.sections.map((s) => s.label)).toEqual([
      'Revisjon i denne versjonen',
      'Bakgrunn',
      'Hvem berøres',
      'Formål',
      'Tiltak',
    ]);
    const one = await colleague.get<DocumentTemplate>(`/api/document-templates/${routine?.id}`);
    expect(one.body.sections[4]?.guidanceText).toContain('Hva som skal gjøres');
  });
});

describe('administrators keep the templates', () => {
  it('when the administrator creates a template and then edits it, then staff see the change, section ids stay, and each audit row is written in the same transaction as the change', async () => {
    const created = await admin.post<DocumentTemplate>('/api/document-templates', {
      name: text('Rutin för fallprevention', 'Rutine for fallforebygging', 'Fall prevention routine'),
      typeId: routineTypeId,
      sections: [section('Bakgrund', 'Bakgrunn', 'Background'), section('Åtgärder', 'Tiltak', 'Actions')],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.allowedActions).toEqual(['edit']);
    const templateId = created.body.id;
    expect(await writtenBy('document_templates', 'id', templateId)).toBe(
      await writtenBy('audit_log', 'entity_id', templateId),
    );

    const [background, actions] = created.body.sections;
    const edited = await admin.patch<DocumentTemplate>(`/api/document-templates/${templateId}`, {
      sections: [
        {
          id: actions?.id,
          title: text('Åtgärder vid fallrisk', 'Tiltak ved fallrisiko', 'Actions on fall risk'),
        },
        section('Syfte', 'Formål', 'Purpose'),
        { id: background?.id, title: text('Bakgrund', 'Bakgrunn', 'Background') },
      ],
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    // The new section gets an id of its own; the kept ones keep theirs.
    const newId = edited.body.sections[1]?.id;
    expect(newId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([actions?.id, background?.id]).not.toContain(newId);
    expect(edited.body.sections.map((s) => s.id)).toEqual([actions?.id, newId, background?.id]);

    const [createdRow, updatedRow] = await auditFor(templateId);
    expect(createdRow?.action).toBe('document_template.created');
    expect(updatedRow?.action).toBe('document_template.updated');
    expect(updatedRow?.summary.sections).toEqual([
      ['Bakgrund', 'Åtgärder'],
      ['Åtgärder vid fallrisk', 'Syfte', 'Bakgrund'],
    ]);
    // The template row's last writer is the transaction that wrote the update's audit row.
    const [updateAudit] = rowsOf<{ xmin: string }>(
      await t.database.db.execute(
        sql`select xmin::text as xmin from audit_log where entity_id = ${templateId} and action = 'document_template.updated'`,
      ),
    );
    expect(await writtenBy('document_templates', 'id', templateId)).toBe(updateAudit?.xmin);

    const seen = await nurse.get<DocumentTemplate>(`/api/document-templates/${templateId}`);
    expect(seen.body.sections.map((s) => s.label)).toEqual(['Åtgärder vid fallrisk', 'Syfte', 'Bakgrund']);
  });

  it('when the administrator deactivates a template and adds a type, then authors no longer see the template but the administrator still can, and nothing is deleted', async () => {
    const type = await admin.post<{ id: string; isKnowledgeSupport: boolean }>('/api/document-types', {
      name: text('Instruktion', 'Instruks', 'Instruction'),
    });
    expect(type.status, JSON.stringify(type.body)).toBe(201);
    const template = await admin.post<DocumentTemplate>('/api/document-templates', {
      name: text('Instruktion, kort', 'Instruks, kort', 'Instruction, short'),
      typeId: type.body.id,
      sections: [section('Instruktion', 'Instruks', 'Instruction')],
    });
    expect(template.status).toBe(201);
    const off = await admin.patch<DocumentTemplate>(`/api/document-templates/${template.body.id}`, {
      active: false,
    });
    expect(off.body.active).toBe(false);
    const forAuthors = await nurse.get<DocumentTemplates>(`/api/document-templates?typeId=${type.body.id}`);
    expect(forAuthors.body.items).toEqual([]);
    const forAdmin = await admin.get<DocumentTemplates>(
      `/api/document-templates?typeId=${type.body.id}&includeInactive=true`,
    );
    expect(forAdmin.body.items.map((item) => item.id)).toEqual([template.body.id]);
    const typeOff = await admin.patch(`/api/document-types/${type.body.id}`, { active: false });
    expect(typeOff.status).toBe(200);
    const typesForNurse = await nurse.get<DocumentTypes>('/api/document-types?includeInactive=true');
    expect(typesForNurse.body.items.map((item) => item.id)).not.toContain(type.body.id);
    const [kept] = await t.database.db.select().from(documentTypes).where(eq(documentTypes.id, type.body.id));
    expect(kept?.active).toBe(false);
  });
});

describe('who may change types and templates', () => {
  it('when staff, a manager or a clinic administrator try to change a template or add a type, then they are refused 403 and nothing is written', async () => {
    const [routine] = (await nurse.get<DocumentTemplates>(`/api/document-templates?typeId=${routineTypeId}`))
      .body.items;
    if (!routine) throw new Error('the demo routine template');
    const before = await auditFor(routine.id);
    const manager = await demoUser('chef.avd12');
    const cast = await createRegion(t);
    const clinicAdmin = await signIn(t, cast.clinicAdmin);
    for (const browser of [nurse, manager]) {
      const refused = await browser.patch<Problem>(`/api/document-templates/${routine.id}`, {
        active: false,
      });
      expect(refused.status).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    const notRoot = await clinicAdmin.post<Problem>('/api/document-types', {
      name: text('Rutin', 'Rutine', 'Routine'),
    });
    expect(notRoot.status).toBe(403);
    expect(notRoot.body.code).toBe('document.admin_required');
    expect(notRoot.body.detail).toBe(
      'Bara organisationens administratörer kan ändra dokumenttyper och mallar.',
    );
    const [row] = await t.database.db
      .select()
      .from(documentTemplates)
      .where(eq(documentTemplates.id, routine.id));
    expect(row?.active).toBe(true);
    expect(await auditFor(routine.id)).toEqual(before);
  });
});

describe('a template that cannot be used is refused, in the caller’s language', () => {
  it('when the sections repeat a title, are missing, or the type is unknown, then the answer is a 400 problem+json in Swedish, and in Norwegian for a Norwegian administrator; nothing is written', async () => {
    const cast = await createRegion(t);
    const swedish = await signIn(t, cast.orgAdmin);
    const type = await swedish.post<{ id: string }>('/api/document-types', {
      name: text('PM', 'PM', 'Memo'),
    });
    expect(type.status).toBe(201);
    const base = { name: text('PM, kort', 'PM, kort', 'Memo, short'), typeId: type.body.id };

    const twice = await swedish.post<Problem>('/api/document-templates', {
      ...base,
      sections: [section('Syfte', 'Formål', 'Purpose'), section(' syfte ', 'Formål 2', 'Purpose 2')],
    });
    expect(twice.status).toBe(400);
    expect(twice.headers['content-type']).toContain('application/problem+json');
    expect(twice.body.code).toBe('document.section_title_duplicate');
    expect(twice.body.errors).toEqual([
      {
        path: 'sections.1.title.sv',
        code: 'document.section_title_duplicate',
        message: 'Ett annat avsnitt i mallen har redan den rubriken.',
      },
    ]);

    const none = await swedish.post<Problem>('/api/document-templates', { ...base, sections: [] });
    expect(none.status).toBe(400);
    expect(none.body.errors).toEqual([
      { path: 'sections', code: 'document.sections_required', message: 'En mall behöver minst ett avsnitt.' },
    ]);

    const unknown = await swedish.post<Problem>('/api/document-templates', {
      ...base,
      typeId: routineTypeId, // the demo region's, not this organisation's
      sections: [section('Syfte', 'Formål', 'Purpose')],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      {
        path: 'typeId',
        code: 'document.type_not_found',
        message: 'Dokumenttypen finns inte i er organisation.',
      },
    ]);

    expect((await swedish.put('/api/me/language', { language: 'nb' })).status).toBe(200);
    const norwegian = await swedish.post<Problem>('/api/document-templates', {
      ...base,
      sections: [section('Syfte', 'Formål', 'Purpose'), section('Mål', 'formål', 'Aim')],
    });
    expect(norwegian.status).toBe(400);
    expect(norwegian.body.errors).toEqual([
      {
        path: 'sections.1.title.nb',
        code: 'document.section_title_duplicate',
        message: 'En annen del i malen har allerede den overskriften.',
      },
    ]);
    const noneNb = await swedish.post<Problem>('/api/document-templates', { ...base, sections: [] });
    expect(noneNb.body.errors?.[0]?.message).toBe('En mal trenger minst én del.');
    const unknownNb = await swedish.post<Problem>('/api/document-templates', {
      ...base,
      typeId: routineTypeId,
      sections: [section('Syfte', 'Formål', 'Purpose')],
    });
    expect(unknownNb.body.detail).toBe('Dokumenttypen finnes ikke i organisasjonen deres.');

    const written = await t.database.db
      .select({ id: documentTemplates.id })
      .from(documentTemplates)
      .where(eq(documentTemplates.organisationId, cast.org.id));
    expect(written).toEqual([]);
  });
});

describe('organisations keep their document types and templates apart', () => {
  it('when another organisation makes its own template, then the demo region does not see it, and that organisation does not see the region’s', async () => {
    const cast = await createRegion(t);
    const otherAdmin = await signIn(t, cast.orgAdmin);
    const type = await otherAdmin.post<{ id: string }>('/api/document-types', {
      name: text('Rutin', 'Rutine', 'Routine'),
    });
    expect(type.status).toBe(201);
    const theirs = await otherAdmin.post<DocumentTemplate>('/api/document-templates', {
      name: text('Vår rutin', 'Vår rutine', 'Our routine'),
      typeId: type.body.id,
      sections: [section('Syfte', 'Formål', 'Purpose')],
    });
    expect(theirs.status).toBe(201);

    const regionList = await nurse.get<DocumentTemplates>('/api/document-templates');
    expect(regionList.body.items.map((item) => item.id)).not.toContain(theirs.body.id);
    expect((await nurse.get<Problem>(`/api/document-templates/${theirs.body.id}`)).status).toBe(404);
    const regionTypes = await nurse.get<DocumentTypes>('/api/document-types');
    expect(regionTypes.body.items.map((item) => item.id)).not.toContain(type.body.id);
    // Not even the region's administrator may reach it: they keep their own organisation only.
    const reach = await admin.patch<Problem>(`/api/document-templates/${theirs.body.id}`, { active: false });
    expect(reach.status).toBe(404);
    expect(reach.body.code).toBe('document.template_not_found');

    const staff = await signIn(t, cast.staff);
    const theirList = await staff.get<DocumentTemplates>('/api/document-templates');
    expect(theirList.body.items.map((item) => item.label)).toEqual(['Vår rutin']);
    const [regionRoutine] = regionList.body.items;
    expect((await staff.get(`/api/document-templates/${regionRoutine?.id}`)).status).toBe(404);
  });
});

describe('the demo’s document configuration', () => {
  it('when the demo is started again, then its document types and templates are not duplicated', async () => {
    const count = async (): Promise<number[]> => [
      (await t.database.db.select({ id: documentTypes.id }).from(documentTypes)).length,
      (await t.database.db.select({ id: documentTemplates.id }).from(documentTemplates)).length,
    ];
    const before = await count();
    expect(await seedDemo(t.database.db, { password: DEMO_PASSWORD })).toBe(false);
    expect(await count()).toEqual(before);
  });

  it('when a demo seeded before documents existed starts again, then it gets the types and templates once', async () => {
    const earlier = await testApp();
    try {
      const db = earlier.database.db;
      await seedDemo(db, { password: DEMO_PASSWORD });
      await db.delete(documentEvents);
      await db.delete(documentVersions);
      await db.delete(documents);
      await db.delete(documentTemplates);
      await db.delete(documentTypes);
      expect(await seedDemo(db, { password: DEMO_PASSWORD })).toBe(false);
      expect(await seedDemo(db, { password: DEMO_PASSWORD })).toBe(false);
      expect((await db.select().from(documentTypes)).map((type) => type.name.en).sort()).toEqual([
        'Care programme',
        'Clinical knowledge support',
        'Guideline',
        'Memo',
        'Routine',
      ]);
      expect(await db.select({ id: documentTemplates.id }).from(documentTemplates)).toHaveLength(2);
      const topUps = await db
        .select({ id: auditLog.id })
        .from(auditLog)
        .where(eq(auditLog.action, 'demo.documents_seeded'));
      expect(topUps).toHaveLength(1);
    } finally {
      await earlier.close();
    }
  });
});
