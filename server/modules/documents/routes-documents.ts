import type { FastifyRequest } from 'fastify';
import { idParams } from '../../../contracts/common.ts';
import {
  createDocumentBody,
  documentListQuery,
  documentListResponse,
  documentSchema,
  documentVersionSchema,
  documentVersionsResponse,
  publishBody,
  putDraftBody,
  updateDocumentBody,
  versionParams,
} from '../../../contracts/documents.ts';
import { assertAllowed, requireActor } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { type App, auditContextOf } from '../../platform/http.ts';
import {
  createDocument,
  getDocument,
  getVersion,
  listDocuments,
  listVersions,
  publishDocument,
  putDraft,
  updateDocument,
} from './documents.ts';
import { mayCreateDocument } from './policy.ts';

const tags = ['documents'];
const never =
  'Versions are never deleted: a superseded version stays readable. Content is JSON nodes per template ' +
  'section (decision 0006), never HTML.';

async function documentCreator(request: FastifyRequest): Promise<void> {
  assertAllowed(mayCreateDocument(requireActor(request.actor)), 'document.create_denied');
}

export function registerDocumentVersionRoutes(
  app: App,
  db: Db,
  inTx: <T>(db: Db, work: (tx: Db) => Promise<T>) => Promise<T>,
): void {
  const reader = { config: { access: 'signedIn' as const } };

  app.get(
    '/api/documents',
    {
      ...reader,
      schema: {
        tags,
        summary: "The documents of the caller's organisation",
        description:
          'By title, paged. Published documents for everyone; a document never published only for its owner, ' +
          "reviewers and approver and the organisation's administrators. typeId and status narrow the list; " +
          'pastReviewDate=true lists only those whose review-by day is over (Europe/Stockholm), false the others.',
        querystring: documentListQuery,
        response: { 200: documentListResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const { typeId, status, pastReviewDate, page, pageSize } = request.query;
      return inTx(db, (tx) => listDocuments({ actor, typeId, status, pastReviewDate, page, pageSize }, tx));
    },
  );

  app.post(
    '/api/documents',
    {
      config: { access: ['manager' as const, 'quality_coordinator' as const, 'administrator' as const] },
      preParsing: documentCreator,
      schema: {
        tags,
        summary: 'Create a document from a template',
        description:
          'For managers, quality coordinators and administrators. The document starts as draft version 1 ' +
          "with the template's sections empty. The owner is the caller unless ownerId names another active " +
          `person of the organisation; approver and reviewers likewise. ${never}`,
        body: createDocumentBody,
        response: { 201: documentSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const created = await inTx(db, (tx) =>
        createDocument({ actor, audit: auditContextOf(request), input: request.body }, tx),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/documents/:id',
    {
      ...reader,
      schema: {
        tags,
        summary: 'One document with its current version, and its draft for those who may read drafts',
        description:
          "Drafts are for the owner, reviewers, approver and the organisation's administrators. version is the " +
          'optimistic lock to give back as expectedVersion.',
        params: idParams,
        response: { 200: documentSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return inTx(db, (tx) => getDocument({ actor, documentId: request.params.id }, tx));
    },
  );

  app.patch(
    '/api/documents/:id',
    {
      ...reader,
      schema: {
        tags,
        summary: "Change a document's metadata",
        description:
          "Title, owner, approver, reviewers, audience and review-by date; by the owner and the organisation's " +
          'administrators. expectedVersion, when given, must be the current version (409 otherwise). ' +
          'pipelineStatus and plannedPublication only for documents of a knowledge-support type (422 otherwise).',
        params: idParams,
        body: updateDocumentBody,
        response: { 200: documentSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return inTx(db, (tx) =>
        updateDocument(
          { actor, audit: auditContextOf(request), documentId: request.params.id, changes: request.body },
          tx,
        ),
      );
    },
  );

  app.put(
    '/api/documents/:id/draft',
    {
      ...reader,
      schema: {
        tags,
        summary: "Replace the draft's content and revision note",
        description:
          "By the owner and the organisation's administrators. Each entry names a section of the document's " +
          'template (once); sections left out are stored empty. With no draft, a new draft version is made ' +
          '(the next number). Links go to http:, https: or mailto: only; unknown nodes and keys are refused. ' +
          'A knowledge support moves in its pipeline, with a pipeline_changed event: a new draft after ' +
          'publication puts it under_revision; the first content saved in a never-published one on_list puts ' +
          `it in_progress (a regional addition stays one). ${never}`,
        params: idParams,
        body: putDraftBody,
        response: { 200: documentSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return inTx(db, (tx) =>
        putDraft(
          { actor, audit: auditContextOf(request), documentId: request.params.id, input: request.body },
          tx,
        ),
      );
    },
  );

  app.post(
    '/api/documents/:id/publish',
    {
      ...reader,
      schema: {
        tags,
        summary: 'Approve and publish the draft awaiting approval',
        description:
          "By the approver and the organisation's administrators, only when the draft awaits approval (409 " +
          'otherwise). The draft becomes the current version, the previous current one superseded; the review-by ' +
          'date becomes two years from today. changeKind is required from version 2 on (the first is always ' +
          'significant): a significant change asks the audience to read this version by readBy (default 30 days ' +
          'on), a minor one does not ask again. The owner is notified. A knowledge support moves to published ' +
          `(a regional addition stays one), with a pipeline_changed event after the publication's. ${never}`,
        params: idParams,
        body: publishBody,
        response: { 200: documentSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return inTx(db, (tx) =>
        publishDocument(
          {
            actor,
            audit: auditContextOf(request),
            documentId: request.params.id,
            input: request.body,
          },
          tx,
        ),
      );
    },
  );

  app.get(
    '/api/documents/:id/versions',
    {
      ...reader,
      schema: {
        tags,
        summary: "A document's versions, newest first, without their content",
        description: `Drafts only for those who may read drafts. ${never}`,
        params: idParams,
        response: { 200: documentVersionsResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return inTx(db, (tx) => listVersions({ actor, documentId: request.params.id }, tx));
    },
  );

  app.get(
    '/api/documents/:id/versions/:number',
    {
      ...reader,
      schema: {
        tags,
        summary: 'One version of a document with its content',
        description: `Superseded versions stay readable; a draft only for those who may read drafts. ${never}`,
        params: versionParams,
        response: { 200: documentVersionSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return inTx(db, (tx) =>
        getVersion({ actor, documentId: request.params.id, number: request.params.number }, tx),
      );
    },
  );
}
