import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ContentNode, SectionContent } from '../../contracts/documents.ts';
import {
  documentEvents,
  documents,
  documentTemplates,
  documentTypes,
  documentVersions,
  versionSectionsOf,
} from '../modules/documents/index.ts';
import { people, units } from '../modules/organisation/tables.ts';
import type { Db } from '../platform/db.ts';

// The demo region's document types and two templates: the routine of seed 000 (Revidering i denna
// version, Bakgrund, Vilka berörs, Syfte, Åtgärder) and a clinical knowledge support after seed 003
// (national supports for primary and specialised care, review rounds, indicators, regional additions).
// Data like any organisation's own; the code names none of it.

interface Text {
  sv: string;
  nb: string;
  en: string;
}

const demoTypes: Array<{ key: string; name: Text; isKnowledgeSupport?: boolean }> = [
  { key: 'routine', name: { sv: 'Rutin', nb: 'Rutine', en: 'Routine' } },
  { key: 'guideline', name: { sv: 'Riktlinje', nb: 'Retningslinje', en: 'Guideline' } },
  { key: 'care-programme', name: { sv: 'Vårdprogram', nb: 'Behandlingsprogram', en: 'Care programme' } },
  { key: 'memo', name: { sv: 'PM', nb: 'PM', en: 'Memo' } },
  {
    key: 'knowledge-support',
    name: { sv: 'Kliniskt kunskapsstöd', nb: 'Klinisk kunnskapsstøtte', en: 'Clinical knowledge support' },
    isKnowledgeSupport: true,
  },
];

type Section = [title: Text, guidance: Text];

const routineSections: Section[] = [
  [
    { sv: 'Revidering i denna version', nb: 'Revisjon i denne versjonen', en: 'Changes in this version' },
    {
      sv: 'Vad som ändrats sedan förra versionen och varför, t.ex. efter en avvikelse.',
      nb: 'Hva som er endret siden forrige versjon og hvorfor, f.eks. etter et avvik.',
      en: 'What changed since the previous version and why, e.g. after a deviation.',
    },
  ],
  [
    { sv: 'Bakgrund', nb: 'Bakgrunn', en: 'Background' },
    {
      sv: 'Varför rutinen finns: sammanhanget och det behov den möter.',
      nb: 'Hvorfor rutinen finnes: sammenhengen og behovet den dekker.',
      en: 'Why the routine exists: the context and the need it meets.',
    },
  ],
  [
    { sv: 'Vilka berörs', nb: 'Hvem berøres', en: 'Who it applies to' },
    {
      sv: 'Enheter och yrkesgrupper som ska följa rutinen.',
      nb: 'Enheter og yrkesgrupper som skal følge rutinen.',
      en: 'The units and professions that must follow the routine.',
    },
  ],
  [
    { sv: 'Syfte', nb: 'Formål', en: 'Purpose' },
    {
      sv: 'Vad rutinen ska uppnå, kort och mätbart om möjligt.',
      nb: 'Hva rutinen skal oppnå, kort og målbart om mulig.',
      en: 'What the routine should achieve, briefly and measurably where possible.',
    },
  ],
  [
    { sv: 'Åtgärder', nb: 'Tiltak', en: 'Actions' },
    {
      sv: 'Vad som ska göras, av vem och när, gärna som punktlista.',
      nb: 'Hva som skal gjøres, av hvem og når, gjerne som punktliste.',
      en: 'What is to be done, by whom and when, preferably as a bulleted list.',
    },
  ],
];

const knowledgeSupportSections: Section[] = [
  [
    { sv: 'Avgränsning och målgrupp', nb: 'Avgrensning og målgruppe', en: 'Scope and audience' },
    {
      sv: 'Tillståndet som stödet gäller och för vilka: primärvård, specialiserad vård eller båda.',
      nb: 'Tilstanden støtten gjelder og for hvem: primærhelsetjeneste, spesialisthelsetjeneste eller begge.',
      en: 'The condition the support covers and for whom: primary care, specialised care or both.',
    },
  ],
  [
    { sv: 'Bakgrund', nb: 'Bakgrunn', en: 'Background' },
    {
      sv: 'Förekomst, orsaker och förlopp, kort.',
      nb: 'Forekomst, årsaker og forløp, kort.',
      en: 'Prevalence, causes and course, briefly.',
    },
  ],
  [
    { sv: 'Symtom och undersökningsfynd', nb: 'Symptomer og funn', en: 'Symptoms and findings' },
    {
      sv: 'Vad patienten söker för och vad undersökningen visar.',
      nb: 'Hva pasienten søker for og hva undersøkelsen viser.',
      en: 'What the patient presents with and what the examination shows.',
    },
  ],
  [
    { sv: 'Utredning', nb: 'Utredning', en: 'Assessment' },
    {
      sv: 'Vilken utredning som behövs och var den görs.',
      nb: 'Hvilken utredning som trengs og hvor den gjøres.',
      en: 'Which investigations are needed and where they are done.',
    },
  ],
  [
    { sv: 'Behandling', nb: 'Behandling', en: 'Treatment' },
    {
      sv: 'Rekommenderad behandling i primärvård och i specialiserad vård, med evidensgrad.',
      nb: 'Anbefalt behandling i primærhelsetjenesten og i spesialisthelsetjenesten, med evidensgrad.',
      en: 'Recommended treatment in primary and in specialised care, with the level of evidence.',
    },
  ],
  [
    { sv: 'Remissindikationer', nb: 'Henvisningskriterier', en: 'When to refer' },
    {
      sv: 'När och vart patienten remitteras, t.ex. från primärvården till ortopedin.',
      nb: 'Når og hvor pasienten henvises, f.eks. fra primærhelsetjenesten til ortopedien.',
      en: 'When and where to refer the patient, e.g. from primary care to orthopaedics.',
    },
  ],
  [
    { sv: 'Uppföljning', nb: 'Oppfølging', en: 'Follow-up' },
    {
      sv: 'Vem följer upp, när och hur.',
      nb: 'Hvem følger opp, når og hvordan.',
      en: 'Who follows up, when and how.',
    },
  ],
  [
    { sv: 'Indikatorer', nb: 'Indikatorer', en: 'Indicators' },
    {
      sv: 'Indikatorer för nationella jämförelser, om sådana är beslutade.',
      nb: 'Indikatorer for nasjonale sammenligninger, om slike er besluttet.',
      en: 'Indicators for national comparisons, where any have been agreed.',
    },
  ],
  [
    { sv: 'Regionalt tillägg', nb: 'Regionalt tillegg', en: 'Regional addition' },
    {
      sv: 'Hur regionen tillämpar stödet: vilka enheter gör vad, flöden och snabbspår.',
      nb: 'Hvordan regionen anvender støtten: hvilke enheter gjør hva, forløp og hurtigspor.',
      en: 'How the region applies the support: which units do what, pathways and fast tracks.',
    },
  ],
  [
    { sv: 'Referenser', nb: 'Referanser', en: 'References' },
    {
      sv: 'Källor och länkar, t.ex. det nationella kunskapsstödet på 1177 för vårdpersonal.',
      nb: 'Kilder og lenker, f.eks. den nasjonale kunnskapsstøtten.',
      en: 'Sources and links, e.g. the national knowledge support on 1177 for healthcare staff.',
    },
  ],
];

const demoTemplates: Array<{ type: string; name: Text; sections: Section[] }> = [
  { type: 'routine', name: { sv: 'Rutin', nb: 'Rutine', en: 'Routine' }, sections: routineSections },
  {
    type: 'knowledge-support',
    name: { sv: 'Kliniskt kunskapsstöd', nb: 'Klinisk kunnskapsstøtte', en: 'Clinical knowledge support' },
    sections: knowledgeSupportSections,
  },
];

/**
 * Seeds the region's document types and templates once: when the region has any document type
 * already (seeded before, or made by its administrators), it leaves them be. So a database seeded
 * before documents existed gets them on its next start, and a restart never duplicates them.
 */
export async function seedDemoDocumentConfig(tx: Db, regionId: string): Promise<boolean> {
  const [existing] = await tx
    .select({ id: documentTypes.id })
    .from(documentTypes)
    .where(eq(documentTypes.organisationId, regionId))
    .limit(1);
  if (existing) return false;
  const typeIds = new Map<string, string>();
  for (const type of demoTypes) {
    const [row] = await tx
      .insert(documentTypes)
      .values({
        organisationId: regionId,
        name: type.name,
        isKnowledgeSupport: type.isKnowledgeSupport ?? false,
      })
      .returning({ id: documentTypes.id });
    if (!row) throw new Error('demo seed: document type insert failed');
    typeIds.set(type.key, row.id);
  }
  for (const template of demoTemplates) {
    const typeId = typeIds.get(template.type);
    if (!typeId) throw new Error(`demo data: unknown document type '${template.type}'`);
    await tx.insert(documentTemplates).values({
      organisationId: regionId,
      typeId,
      name: template.name,
      sections: template.sections.map(([title, guidance]) => ({ id: randomUUID(), title, guidance })),
    });
  }
  return true;
}

// ---------- the published routine of seed 000 ----------

const ROUTINE_TITLE = 'Rutin för implementering av innovationer och forskningsresultat, Ortopedkliniken';

const plain = (text: string): ContentNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** Seed 000's routine, section by section in the routine template's order, as JSON nodes (decision 0006). */
const routineContent: Record<string, ContentNode[]> = {
  'Revidering i denna version': [plain('Dokumentet har uppdaterats.')],
  Bakgrund: [
    plain(
      'Som del i det systematiska kvalitet- och utvecklingsarbetet på ortopedkliniken NU-sjukvården har en rutin framtagits med målet att stödja implementering och utveckling av innovationer och forskningsresultat samt främja allmänt informationsutbyte bland kliniskt verksam personal.',
    ),
  ],
  'Vilka berörs': [plain('Ortopedkliniken')],
  Syfte: [
    plain('Implementera innovationer och forskningsresultat'),
    plain('Främja utveckling och lärande i arbetet'),
  ],
  Åtgärder: [
    {
      type: 'bulletList',
      content: [
        'Ortopedkliniken har kontinuerliga möten där (komplicerade) fall diskuteras och där alternativa/nya behandlingsåtgärder kan bli aktuellt. Detta följs sedan upp och underlag baserat på tidigare/andras erfarenhet och evidens som i sin tur kan leda till ändrat omhändertagande och rutiner.',
        'Varje sektion inom ortopedkliniken utarbetar i samarbete med samtliga berörda professioner gemensamma riktlinjer och vårdprogram som grundar sig på evidens och beprövad erfarenhet. De följs upp och uppdateras kontinuerligt.',
        'Övergripande för NU-sjukvården är läkarnas internutbildning, Medicinskt Forum, där företrädare från olika kliniker och verksamheter presenterar aktuella ämnen varje vecka. Motsvarande finns även för sjuksköterskor och undersköterskor i form av Vård Forum. Även externa föreläsare inbjuds.',
        'Medarbetare inom Ortopedkliniken erbjuds att åka på både nationella (SOF) och internationella konferenser (ESSKA, AAOS) med fokus på ortopedi. Utöver föreläsningar och workshops skapas möjlighet till kontakter som leder till samarbete inför nya innovationer och forskningsfrågor.',
        'Regelbundna sektormöten inom VGR är forum där verksamheterna diskuteras övergripande, ny kunskap presenteras och förmedlas av olika företrädare. Mötena öppnar också upp för hur subspecialiteter ska handläggas och hur man på bästa sätt tar till vara kompetens och erfarenhet.',
      ].map((text) => ({ type: 'listItem', content: [plain(text)] })),
    },
  ],
};

/**
 * Publishes seed 000's routine once as version 1 of a document of the orthopaedic clinic, owned by
 * its quality coordinator and approved by its head. It finds its own document by title and leaves it
 * be, so a database seeded before documents existed gets it on its next start, and never twice.
 * Returns false (nothing written) when it is there already or the demo lacks what it needs.
 */
export async function seedDemoDocuments(tx: Db, regionId: string): Promise<boolean> {
  const [existing] = await tx
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.organisationId, regionId), eq(documents.title, ROUTINE_TITLE)));
  if (existing) return false;
  const [template] = await tx
    .select()
    .from(documentTemplates)
    .where(
      and(eq(documentTemplates.organisationId, regionId), sql`${documentTemplates.name}->>'sv' = 'Rutin'`),
    );
  const staff = await tx
    .select({ id: people.id, username: people.username })
    .from(people)
    .where(
      and(
        eq(people.organisationId, regionId),
        inArray(people.username, ['kvalitet.ortopedi', 'chef.ortopedi']),
      ),
    );
  const owner = staff.find((p) => p.username === 'kvalitet.ortopedi');
  const approver = staff.find((p) => p.username === 'chef.ortopedi');
  const [clinic] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.organisationId, regionId), eq(units.name, 'Ortopedkliniken')));
  if (!template || !owner || !approver || !clinic) return false;
  const content: SectionContent[] = template.sections.map((section) => ({
    sectionId: section.id,
    nodes: routineContent[section.title.sv] ?? [],
  }));
  const now = new Date();
  const reviewBy = new Date(now);
  reviewBy.setUTCFullYear(reviewBy.getUTCFullYear() + 2);
  const readBy = new Date(now);
  readBy.setUTCDate(readBy.getUTCDate() + 30);
  const [doc] = await tx
    .insert(documents)
    .values({
      organisationId: regionId,
      typeId: template.typeId,
      templateId: template.id,
      title: ROUTINE_TITLE,
      ownerId: owner.id,
      approverId: approver.id,
      audienceUnitIds: [clinic.id],
      audienceProfessions: ['lakare', 'sjukskoterska', 'underskoterska'],
      status: 'published',
      reviewBy: reviewBy.toISOString().slice(0, 10),
      readBy: readBy.toISOString().slice(0, 10),
    })
    .returning({ id: documents.id });
  if (!doc) throw new Error('demo seed: document insert failed');
  const [version] = await tx
    .insert(documentVersions)
    .values({
      documentId: doc.id,
      number: 1,
      status: 'published',
      content,
      sections: versionSectionsOf(template.sections),
      revisionNote: 'Dokumentet har uppdaterats.',
      createdById: owner.id,
      publishedAt: now,
      publishedById: approver.id,
      // the way the lifecycle leaves it: submitted by its owner, approved as the first (significant) version
      stage: 'awaiting_approval',
      changeKind: 'significant',
    })
    .returning({ id: documentVersions.id });
  if (!version) throw new Error('demo seed: document version insert failed');
  await tx
    .update(documents)
    .set({ currentVersionId: version.id, readVersionId: version.id })
    .where(eq(documents.id, doc.id));
  // Its history as the lifecycle writes it: written, submitted by its owner, approved and published.
  const at = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  await tx.insert(documentEvents).values([
    { documentId: doc.id, versionId: version.id, kind: 'created', actorId: owner.id, at: at(3) },
    {
      documentId: doc.id,
      versionId: version.id,
      kind: 'submitted_for_approval',
      actorId: owner.id,
      at: at(2),
    },
    {
      documentId: doc.id,
      versionId: version.id,
      kind: 'published',
      actorId: approver.id,
      reason: 'Dokumentet har uppdaterats.',
      at: at(1),
    },
  ]);
  return true;
}

// ---------- the knowledge supports of seed 003 ----------

/**
 * Seed 003's national clinical knowledge supports for foot and ankle problems, at their places in
 * the pipeline: two published (hallux rigidus, hallux valgus), two out on review round 2 (Morton,
 * hammer toe), one in progress, three on the list (fasciopathy, drop foot, flat foot) and a regional
 * addition. Owned by the foot section's head (a fictional demo person). Months from today, so the
 * demo's "what is next" stays in the future.
 */
const knowledgeSupports: Array<{
  title: string;
  status: 'published' | 'review_round_2' | 'in_progress' | 'on_list' | 'regional_addition';
  months: number | null;
}> = [
  { title: 'Hallux rigidus – kliniskt kunskapsstöd', status: 'published', months: null },
  { title: 'Hallux valgus – kliniskt kunskapsstöd', status: 'published', months: null },
  { title: 'Mortons neurom – kliniskt kunskapsstöd', status: 'review_round_2', months: 2 },
  { title: 'Hammartå – kliniskt kunskapsstöd', status: 'review_round_2', months: 3 },
  { title: 'Hälsenetendinopati – kliniskt kunskapsstöd', status: 'in_progress', months: 8 },
  { title: 'Plantar fasciopati – kliniskt kunskapsstöd', status: 'on_list', months: 12 },
  { title: 'Droppfot – kliniskt kunskapsstöd', status: 'on_list', months: 15 },
  { title: 'Plattfot – kliniskt kunskapsstöd', status: 'on_list', months: null },
  { title: 'Hallux valgus – regionalt tillägg, Region Älvsund', status: 'regional_addition', months: null },
];

function monthsFrom(now: Date, months: number): string {
  const day = new Date(now);
  day.setUTCMonth(day.getUTCMonth() + months);
  return day.toISOString().slice(0, 10);
}

/**
 * Seeds the knowledge supports once: when the region has any document of a knowledge-support type
 * already, it leaves them be. Returns false (nothing written) then, or when the demo lacks what it needs.
 */
export async function seedDemoKnowledgeSupports(tx: Db, regionId: string): Promise<boolean> {
  const [template] = await tx
    .select({ template: documentTemplates })
    .from(documentTemplates)
    .innerJoin(documentTypes, eq(documentTypes.id, documentTemplates.typeId))
    .where(and(eq(documentTemplates.organisationId, regionId), eq(documentTypes.isKnowledgeSupport, true)))
    .limit(1);
  if (!template) return false;
  const [existing] = await tx
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.organisationId, regionId), eq(documents.typeId, template.template.typeId)))
    .limit(1);
  if (existing) return false;
  const staff = await tx
    .select({ id: people.id, username: people.username })
    .from(people)
    .where(and(eq(people.organisationId, regionId), inArray(people.username, ['chef.fot', 'chef.ortopedi'])));
  const owner = staff.find((p) => p.username === 'chef.fot');
  const approver = staff.find((p) => p.username === 'chef.ortopedi');
  const [section] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.organisationId, regionId), eq(units.name, 'Sektion fot och fotled')));
  if (!owner || !approver || !section) return false;
  const now = new Date();
  for (const support of knowledgeSupports) {
    const published = support.status === 'published' || support.status === 'regional_addition';
    const content: SectionContent[] = template.template.sections.map((s, i) => ({
      sectionId: s.id,
      nodes:
        i === 0 ? [plain('Nationellt kliniskt kunskapsstöd för primärvård och specialiserad vård.')] : [],
    }));
    const [doc] = await tx
      .insert(documents)
      .values({
        organisationId: regionId,
        typeId: template.template.typeId,
        templateId: template.template.id,
        title: support.title,
        ownerId: owner.id,
        approverId: approver.id,
        audienceUnitIds: [section.id],
        status: published ? 'published' : 'draft',
        reviewBy: published ? monthsFrom(now, 24) : null,
        pipelineStatus: support.status,
        plannedPublication: support.months === null ? null : monthsFrom(now, support.months),
      })
      .returning({ id: documents.id });
    if (!doc) throw new Error('demo seed: knowledge support insert failed');
    const [version] = await tx
      .insert(documentVersions)
      .values({
        documentId: doc.id,
        number: 1,
        status: published ? 'published' : 'draft',
        content,
        sections: versionSectionsOf(template.template.sections),
        createdById: owner.id,
        publishedAt: published ? now : null,
        publishedById: published ? approver.id : null,
      })
      .returning({ id: documentVersions.id });
    if (!version) throw new Error('demo seed: knowledge support version insert failed');
    if (published)
      await tx.update(documents).set({ currentVersionId: version.id }).where(eq(documents.id, doc.id));
  }
  return true;
}
