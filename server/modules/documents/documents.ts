import { and, asc, count, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type {
  CreateDocumentBody,
  Document,
  DocumentList,
  DocumentListItem,
  DocumentVersion,
  DocumentVersions,
  PublishBody,
  PutDraftBody,
  SectionContent,
  UpdateDocumentBody,
} from '../../../contracts/documents.ts';
import type { Actor } from '../../platform/access.ts';
import { diffSummary, writeAudit } from '../../platform/audit.ts';
import { daysAfter, stockholmDay, twoYearsFrom } from '../../platform/days.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import type { Lang } from '../../platform/i18n.ts';
import { people, units } from '../organisation/tables.ts';
import { bump, justAfter, recordMove } from './moves.ts';
import {
  initialPipelineStatus,
  type PipelineStep,
  pipelineAudit,
  pipelineChanges,
  pipelineStep,
  recordPipelineChange,
} from './pipeline.ts';
import {
  type DocumentRoles,
  documentActions,
  mayDecideNow,
  mayEditDetails,
  mayEditDocument,
  mayPublishDocument,
  mayReadDrafts,
} from './policy.ts';
import { inLanguage } from './presenters.ts';
import { readableCondition, rolesOf, visibleDocument } from './readable.ts';
import { tellAudienceToRead } from './reading.ts';
import { type Change, definedOnly, fieldError } from './support.ts';
import {
  documentReviewComments,
  documentReviewRounds,
  documents,
  documentTemplates,
  documentTypes,
  documentVersions,
  type VersionSectionRow,
  versionSectionsOf,
} from './tables.ts';
import { isPastReviewDate, pastReviewDateFilter } from './validity.ts';

// Documents and their versions (issue 5, slice 2): a document is created from a template as draft
// version 1; publishing makes the draft the current version and the previous current superseded.
// Versions are never deleted; exactly one is current (published) once the document is published.

/** A document as read for its use cases: all but its search text and vector (documentRowColumns). */
export type DocumentRow = Omit<typeof documents.$inferSelect, 'searchText' | 'search'>;
export type VersionRow = typeof documentVersions.$inferSelect;

export function assertExpected(doc: DocumentRow, expected: number | undefined): void {
  if (expected !== undefined && expected !== doc.version)
    throw new AppError('document.stale', 'conflict', { extra: { version: doc.version } });
}

export async function namesOf(tx: Db, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await tx
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(inArray(people.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function ref(names: Map<string, string>, id: string | null): { id: string; name: string } | null {
  return id === null ? null : { id, name: names.get(id) ?? '' };
}

/** People named on a document must be active people of its organisation. */
export async function assertPeople(
  tx: Db,
  organisationId: string,
  fields: Array<[string, string]>,
): Promise<void> {
  if (fields.length === 0) return;
  const found = await tx
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        eq(people.organisationId, organisationId),
        eq(people.active, true),
        inArray(
          people.id,
          fields.map(([, id]) => id),
        ),
      ),
    );
  const known = new Set(found.map((r) => r.id));
  const errors: FieldError[] = fields
    .filter(([, id]) => !known.has(id))
    .map(([path]) => ({ path, key: 'document.person_not_found' }));
  const [first] = errors;
  if (first) throw new AppError(first.key, 'validation', { fields: errors });
}

async function assertUnits(tx: Db, organisationId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.organisationId, organisationId), inArray(units.id, ids)));
  const known = new Set(found.map((r) => r.id));
  const errors: FieldError[] = ids
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => !known.has(id))
    .map(({ i }) => ({ path: `audienceUnitIds.${i}`, key: 'document.unit_not_found' }));
  const [first] = errors;
  if (first) throw new AppError(first.key, 'validation', { fields: errors });
}

function personFields(input: {
  ownerId?: string | undefined;
  approverId?: string | null | undefined;
  reviewerIds?: string[] | undefined;
}): Array<[string, string]> {
  const fields: Array<[string, string]> = [];
  if (input.ownerId) fields.push(['ownerId', input.ownerId]);
  if (input.approverId) fields.push(['approverId', input.approverId]);
  input.reviewerIds?.forEach((id, i) => {
    fields.push([`reviewerIds.${i}`, id]);
  });
  return fields;
}

const unique = <T>(values: T[] | undefined): T[] | undefined => (values ? [...new Set(values)] : undefined);

/** A version's own section titles in the reader's language, in its order. */
export function sectionTitlesOf(row: VersionRow, lang: Lang): DocumentVersion['sectionTitles'] {
  return row.sections.map((s) => ({ id: s.id, label: inLanguage(s.label, lang) }));
}

function presentVersion(row: VersionRow, names: Map<string, string>, lang: Lang): DocumentVersion {
  return {
    number: row.number,
    status: row.status,
    sections: row.content,
    sectionTitles: sectionTitlesOf(row, lang),
    revisionNote: row.revisionNote,
    createdBy: ref(names, row.createdById),
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedBy: ref(names, row.publishedById),
  };
}

async function currentNumber(tx: Db, doc: DocumentRow): Promise<number | null> {
  if (doc.currentVersionId === null) return null;
  const [row] = await tx
    .select({ number: documentVersions.number })
    .from(documentVersions)
    .where(eq(documentVersions.id, doc.currentVersionId));
  return row?.number ?? null;
}

export async function presentDocument(
  tx: Db,
  actor: Actor,
  doc: DocumentRow,
  roles: DocumentRoles,
): Promise<Document> {
  const [type] = await tx.select().from(documentTypes).where(eq(documentTypes.id, doc.typeId));
  const versions = await tx
    .select()
    .from(documentVersions)
    .where(
      and(
        eq(documentVersions.documentId, doc.id),
        or(
          doc.currentVersionId ? eq(documentVersions.id, doc.currentVersionId) : sql`false`,
          mayReadDrafts(roles) ? eq(documentVersions.status, 'draft') : sql`false`,
        ),
      ),
    );
  const current = versions.find((v) => v.id === doc.currentVersionId) ?? null;
  const draft = versions.find((v) => v.status === 'draft') ?? null;
  const review = draft ? await draftReview(tx, draft.id) : { open: null, comments: 0 };
  const names = await namesOf(tx, [
    doc.ownerId,
    doc.approverId,
    ...doc.reviewerIds,
    ...versions.flatMap((v) => [v.createdById, v.publishedById]),
  ]);
  return {
    id: doc.id,
    title: doc.title,
    status: doc.status,
    type: { id: doc.typeId, label: type ? inLanguage(type.name, actor.language) : '' },
    templateId: doc.templateId,
    owner: ref(names, doc.ownerId) ?? { id: doc.ownerId, name: '' },
    approver: ref(names, doc.approverId),
    reviewers: doc.reviewerIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    audienceUnitIds: doc.audienceUnitIds,
    audienceProfessions: doc.audienceProfessions,
    currentVersion: current?.number ?? null,
    reviewBy: doc.reviewBy,
    pastReviewDate: isPastReviewDate(doc.reviewBy),
    pipelineStatus: doc.pipelineStatus,
    plannedPublication: doc.plannedPublication,
    updatedAt: doc.updatedAt.toISOString(),
    version: doc.version,
    current: current ? presentVersion(current, names, actor.language) : null,
    draft: draft ? presentVersion(draft, names, actor.language) : null,
    stage: draft?.stage ?? null,
    openRound: review.open
      ? {
          number: review.open.number,
          deadline: review.open.deadline,
          unansweredCount: review.open.unanswered,
        }
      : null,
    archivedReason: doc.archivedReason,
    allowedActions: documentActions(roles, actor.personId, {
      archived: doc.status === 'archived',
      stage: draft?.stage ?? null,
      openRoundReviewers: review.open?.reviewerIds ?? null,
      draftComments: review.comments,
    }),
  };
}

/** The draft's open round (with its unanswered comments) and how many comments its rounds have. */
async function draftReview(
  tx: Db,
  versionId: string,
): Promise<{
  open: { number: number; deadline: string; reviewerIds: string[]; unanswered: number } | null;
  comments: number;
}> {
  const rounds = await tx
    .select()
    .from(documentReviewRounds)
    .where(eq(documentReviewRounds.versionId, versionId));
  const comments =
    rounds.length === 0
      ? []
      : await tx
          .select({ roundId: documentReviewComments.roundId, answer: documentReviewComments.answer })
          .from(documentReviewComments)
          .where(
            inArray(
              documentReviewComments.roundId,
              rounds.map((r) => r.id),
            ),
          );
  const open = rounds.find((r) => r.closedAt === null);
  return {
    open: open
      ? {
          number: open.number,
          deadline: open.deadline,
          reviewerIds: open.reviewerIds,
          unanswered: comments.filter((c) => c.roundId === open.id && c.answer === null).length,
        }
      : null,
    comments: comments.length,
  };
}

export async function getDocument(options: { actor: Actor; documentId: string }, tx: Db): Promise<Document> {
  const { doc, roles } = await visibleDocument(tx, options.actor, options.documentId);
  return presentDocument(tx, options.actor, doc, roles);
}

export async function listDocuments(
  options: {
    actor: Actor;
    typeId?: string | undefined;
    status?: DocumentRow['status'] | undefined;
    pastReviewDate?: 'true' | 'false' | undefined;
    page: number;
    pageSize: number;
  },
  tx: Db,
): Promise<DocumentList> {
  const { actor, page, pageSize } = options;
  // Everyone sees the published ones; a never-published document only those who may read its draft.
  const readable = await readableCondition(tx, actor);
  const today = stockholmDay(new Date());
  const where = and(
    readable,
    options.typeId ? eq(documents.typeId, options.typeId) : undefined,
    options.status ? eq(documents.status, options.status) : undefined,
    pastReviewDateFilter(options.pastReviewDate, today),
  );
  const [total] = await tx.select({ n: count() }).from(documents).where(where);
  const rows = await tx
    .select({ doc: documents, type: documentTypes, owner: people.name, current: documentVersions.number })
    .from(documents)
    .innerJoin(documentTypes, eq(documentTypes.id, documents.typeId))
    .innerJoin(people, eq(people.id, documents.ownerId))
    .leftJoin(documentVersions, eq(documentVersions.id, documents.currentVersionId))
    .where(where)
    .orderBy(asc(documents.title), asc(documents.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const items: DocumentListItem[] = rows.map((r) => ({
    id: r.doc.id,
    title: r.doc.title,
    status: r.doc.status,
    type: { id: r.type.id, label: inLanguage(r.type.name, actor.language) },
    templateId: r.doc.templateId,
    owner: { id: r.doc.ownerId, name: r.owner },
    currentVersion: r.current ?? null,
    reviewBy: r.doc.reviewBy,
    pastReviewDate: isPastReviewDate(r.doc.reviewBy, today),
    updatedAt: r.doc.updatedAt.toISOString(),
  }));
  return { items, total: total?.n ?? 0, page, pageSize };
}

export async function createDocument(
  options: Change & { input: CreateDocumentBody },
  tx: Db,
): Promise<Document> {
  const { actor, input } = options;
  const organisationId = actor.organisationId;
  const [found] = await tx
    .select({ template: documentTemplates, type: documentTypes })
    .from(documentTemplates)
    .innerJoin(documentTypes, eq(documentTypes.id, documentTemplates.typeId))
    .where(
      and(eq(documentTemplates.id, input.templateId), eq(documentTemplates.organisationId, organisationId)),
    );
  if (!found) throw fieldError('document.template_not_found', 'validation', 'templateId');
  if (!found.template.active || !found.type.active)
    throw fieldError('document.template_not_found', 'validation', 'templateId');
  const reviewerIds = unique(input.reviewerIds) ?? [];
  const audienceUnitIds = unique(input.audienceUnitIds) ?? [];
  const ownerId = input.ownerId ?? actor.personId;
  await assertPeople(tx, organisationId, personFields({ ...input, ownerId, reviewerIds }));
  await assertUnits(tx, organisationId, audienceUnitIds);
  const [doc] = await tx
    .insert(documents)
    .values({
      organisationId,
      typeId: found.type.id,
      templateId: found.template.id,
      title: input.title,
      ownerId,
      approverId: input.approverId ?? null,
      reviewerIds,
      audienceUnitIds,
      audienceProfessions: unique(input.audienceProfessions) ?? [],
      pipelineStatus: initialPipelineStatus(found.type),
    })
    .returning();
  if (!doc) throw new AppError('error.internal', 'internal');
  const content: SectionContent[] = found.template.sections.map((s) => ({ sectionId: s.id, nodes: [] }));
  const sections = versionSectionsOf(found.template.sections);
  const [first] = await tx
    .insert(documentVersions)
    .values({ documentId: doc.id, number: 1, content, sections, createdById: actor.personId })
    .returning({ id: documentVersions.id });
  await recordMove(tx, options, doc, {
    versionId: first?.id ?? null,
    kind: 'created',
    action: 'document.created',
    summary: {
      title: doc.title,
      templateId: doc.templateId,
      ownerId: doc.ownerId,
      approverId: doc.approverId,
    },
  });
  return presentDocument(tx, actor, doc, await rolesOf(tx, actor, doc));
}

export async function updateDocument(
  options: Change & { documentId: string; changes: UpdateDocumentBody },
  tx: Db,
): Promise<Document> {
  const { actor, changes } = options;
  const { doc: before, roles } = await visibleDocument(tx, actor, options.documentId, true);
  if (!mayEditDocument(roles)) throw new AppError('document.edit_denied', 'forbidden');
  if (!mayEditDetails(roles, { archived: before.status === 'archived' }))
    throw new AppError('document.archived', 'conflict');
  assertExpected(before, changes.expectedVersion);
  const pipeline = await pipelineChanges(tx, before, changes);
  const set = definedOnly({
    title: changes.title,
    ownerId: changes.ownerId,
    approverId: changes.approverId,
    reviewerIds: unique(changes.reviewerIds),
    audienceUnitIds: unique(changes.audienceUnitIds),
    audienceProfessions: unique(changes.audienceProfessions),
    reviewBy: changes.reviewBy,
    ...pipeline,
  });
  await assertPeople(tx, before.organisationId, personFields(set));
  await assertUnits(tx, before.organisationId, set.audienceUnitIds ?? []);
  const diff = diffSummary(before, set);
  if (Object.keys(diff).length === 0) return presentDocument(tx, actor, before, roles);
  const [after] = await tx
    .update(documents)
    .set({ ...set, version: before.version + 1, updatedAt: new Date() })
    .where(eq(documents.id, before.id))
    .returning();
  if (!after) throw new AppError('error.internal', 'internal');
  await recordPipelineChange(tx, actor, before, after);
  await writeAudit(tx, options.audit, {
    action: 'document.updated',
    entityType: 'document',
    entityId: after.id,
    summary: diff,
  });
  return presentDocument(tx, actor, after, await rolesOf(tx, actor, after));
}

/**
 * The content in the template's order: every given section must be one of its sections, once. With it
 * the template's sections as they stand now, which the draft carries (and keeps once published).
 */
async function contentForTemplate(
  tx: Db,
  doc: DocumentRow,
  sections: PutDraftBody['sections'],
): Promise<{ content: SectionContent[]; sections: VersionSectionRow[] }> {
  const [template] = await tx
    .select()
    .from(documentTemplates)
    .where(eq(documentTemplates.id, doc.templateId));
  if (!template) throw new AppError('error.internal', 'internal');
  const order = template.sections.map((s) => s.id);
  const given = new Map<string, SectionContent['nodes']>();
  const errors: FieldError[] = [];
  sections.forEach((section, i) => {
    if (!order.includes(section.sectionId))
      errors.push({ path: `sections.${i}.sectionId`, key: 'document.content_section_unknown' });
    else if (given.has(section.sectionId))
      errors.push({ path: `sections.${i}.sectionId`, key: 'document.content_section_repeated' });
    given.set(section.sectionId, section.nodes as SectionContent['nodes']);
  });
  const [first] = errors;
  if (first) throw new AppError(first.key, 'validation', { fields: errors });
  return {
    content: order.map((sectionId) => ({ sectionId, nodes: given.get(sectionId) ?? [] })),
    sections: versionSectionsOf(template.sections),
  };
}

export async function draftOf(tx: Db, documentId: string): Promise<VersionRow | undefined> {
  const [draft] = await tx
    .select()
    .from(documentVersions)
    .where(and(eq(documentVersions.documentId, documentId), eq(documentVersions.status, 'draft')));
  return draft;
}

export async function putDraft(
  options: Change & { documentId: string; input: PutDraftBody },
  tx: Db,
): Promise<Document> {
  const { actor, input } = options;
  const { doc, roles } = await visibleDocument(tx, actor, options.documentId, true);
  if (!mayEditDocument(roles)) throw new AppError('document.edit_denied', 'forbidden');
  if (doc.status === 'archived') throw new AppError('document.archived', 'conflict');
  assertExpected(doc, input.expectedVersion);
  const { content, sections } = await contentForTemplate(tx, doc, input.sections);
  const revisionNote = input.revisionNote ?? '';
  let draft = await draftOf(tx, doc.id);
  const revision = !draft && doc.currentVersionId !== null;
  if (draft && draft.stage !== 'writing')
    throw new AppError(
      draft.stage === 'in_review' ? 'document.draft_in_review' : 'document.draft_awaiting_approval',
      'conflict',
    );
  if (draft) {
    await tx
      .update(documentVersions)
      .set({ content, sections, revisionNote })
      .where(eq(documentVersions.id, draft.id));
  } else {
    const [last] = await tx
      .select({ number: documentVersions.number })
      .from(documentVersions)
      .where(eq(documentVersions.documentId, doc.id))
      .orderBy(desc(documentVersions.number))
      .limit(1);
    [draft] = await tx
      .insert(documentVersions)
      .values({
        documentId: doc.id,
        number: (last?.number ?? 0) + 1,
        content,
        sections,
        revisionNote,
        createdById: actor.personId,
      })
      .returning();
  }
  if (!draft) throw new AppError('error.internal', 'internal');
  // A new draft after publication is a revision; the first content of a never-published one, its start.
  const written = content.some((s) => s.nodes.length > 0);
  const step: PipelineStep | null = revision
    ? { kind: 'revision_started' }
    : doc.currentVersionId === null && written
      ? { kind: 'writing_started' }
      : null;
  const [after] = await tx
    .update(documents)
    .set({
      version: doc.version + 1,
      updatedAt: new Date(),
      ...(step ? await pipelineStep(tx, doc, step) : {}),
    })
    .where(eq(documents.id, doc.id))
    .returning();
  if (!after) throw new AppError('error.internal', 'internal');
  await recordPipelineChange(tx, actor, doc, after);
  await writeAudit(tx, options.audit, {
    action: 'document.draft_saved',
    entityType: 'document',
    entityId: doc.id,
    summary: {
      versionNumber: draft.number,
      sections: content.filter((s) => s.nodes.length > 0).length,
      revisionNote,
      ...pipelineAudit(doc, after),
    },
  });
  return presentDocument(tx, actor, after, roles);
}

/**
 * The approver's approval: only a draft awaiting approval, by the approver or an administrator.
 * The draft becomes the current version, the previous one superseded. A significant change (always
 * so for the first version) asks the audience to read this version by readBy; a minor one leaves
 * the version to have read where it was.
 */
export async function publishDocument(
  options: Change & { documentId: string; input: PublishBody },
  tx: Db,
): Promise<Document> {
  const { actor, input } = options;
  const { doc, roles } = await visibleDocument(tx, actor, options.documentId, true);
  const draft = await draftOf(tx, doc.id);
  const state = {
    archived: doc.status === 'archived',
    stage: draft?.stage ?? null,
    openRoundReviewers: null,
    draftComments: 0,
  };
  if (!mayPublishDocument(roles)) throw new AppError('document.publish_denied', 'forbidden');
  if (doc.status === 'archived') throw new AppError('document.archived', 'conflict');
  assertExpected(doc, input.expectedVersion);
  if (!draft) throw new AppError('document.no_draft', 'conflict');
  if (!mayDecideNow(roles, state)) throw new AppError('document.not_awaiting_approval', 'conflict');
  const now = new Date();
  const changeKind = draft.number === 1 ? 'significant' : input.changeKind;
  if (!changeKind) throw fieldError('document.change_kind_required', 'validation', 'changeKind');
  if (input.readBy !== undefined && input.readBy < stockholmDay(now))
    throw fieldError('document.date_in_past', 'validation', 'readBy');
  const previous = await currentNumber(tx, doc);
  // The old current first: at most one published version per document (a partial unique index).
  await tx
    .update(documentVersions)
    .set({ status: 'superseded' })
    .where(and(eq(documentVersions.documentId, doc.id), eq(documentVersions.status, 'published')));
  await tx
    .update(documentVersions)
    .set({
      status: 'published',
      publishedAt: now,
      publishedById: actor.personId,
      changeKind,
      ...(input.revisionNote !== undefined ? { revisionNote: input.revisionNote } : {}),
    })
    .where(eq(documentVersions.id, draft.id));
  const significant = changeKind === 'significant';
  const readBy = significant ? (input.readBy ?? daysAfter(now, 30)) : doc.readBy;
  const after = await bump(
    tx,
    doc,
    {
      status: 'published',
      currentVersionId: draft.id,
      reviewBy: twoYearsFrom(now),
      ...(significant ? { readVersionId: draft.id, readBy } : {}),
      ...(await pipelineStep(tx, doc, { kind: 'published' })),
    },
    now,
  );
  // The audience is told in this transaction: the publication and its notices commit together.
  const told = significant ? await tellAudienceToRead(tx, { documentId: doc.id, versionId: draft.id }) : 0;
  await recordMove(tx, options, doc, {
    versionId: draft.id,
    kind: 'published',
    reason: input.revisionNote ?? draft.revisionNote,
    at: now,
    action: 'document.published',
    summary: {
      versionNumber: draft.number,
      superseded: previous,
      reviewBy: after.reviewBy,
      changeKind,
      readVersionNumber: significant ? draft.number : null,
      readBy: significant ? readBy : null,
      audienceTold: told,
      ...pipelineAudit(doc, after),
    },
    tell: {
      personIds: [doc.ownerId],
      kind: 'document.published',
      params: { title: doc.title, version: String(draft.number), by: actor.name },
    },
  });
  await recordPipelineChange(tx, actor, doc, after, justAfter(now));
  return presentDocument(tx, actor, after, roles);
}

export async function listVersions(
  options: { actor: Actor; documentId: string },
  tx: Db,
): Promise<DocumentVersions> {
  const { doc, roles } = await visibleDocument(tx, options.actor, options.documentId);
  const rows = await tx
    .select()
    .from(documentVersions)
    .where(
      and(
        eq(documentVersions.documentId, doc.id),
        mayReadDrafts(roles) ? undefined : sql`${documentVersions.status} <> 'draft'`,
      ),
    )
    .orderBy(desc(documentVersions.number));
  const names = await namesOf(
    tx,
    rows.flatMap((v) => [v.createdById, v.publishedById]),
  );
  return {
    items: rows.map((row) => {
      const { sections: _, sectionTitles: __, ...rest } = presentVersion(row, names, options.actor.language);
      return rest;
    }),
  };
}

export async function getVersion(
  options: { actor: Actor; documentId: string; number: number },
  tx: Db,
): Promise<DocumentVersion> {
  const { doc, roles } = await visibleDocument(tx, options.actor, options.documentId);
  const [row] = await tx
    .select()
    .from(documentVersions)
    .where(and(eq(documentVersions.documentId, doc.id), eq(documentVersions.number, options.number)));
  if (!row || (row.status === 'draft' && !mayReadDrafts(roles)))
    throw new AppError('document.version_not_found', 'not_found');
  return presentVersion(row, await namesOf(tx, [row.createdById, row.publishedById]), options.actor.language);
}
