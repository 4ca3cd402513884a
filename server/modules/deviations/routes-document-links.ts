import { idParams } from '../../../contracts/common.ts';
import {
  documentDeviationLinkBody,
  documentDeviationLinkParams,
  documentDeviationsResponse,
} from '../../../contracts/document-search.ts';
import { requireActor } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { type App, auditContextOf } from '../../platform/http.ts';
import { inTransaction } from '../organisation/index.ts';
import {
  linkDeviationToDocument,
  listDocumentDeviations,
  unlinkDeviationFromDocument,
} from './document-links.ts';

// Under /api/documents/{id}, but registered by the deviations module: it needs the deviations, and
// the documents module must not import them.

const tags = ['documents'];
const numbersForAll =
  'Every reader of the document sees the numbers ("this routine changed because of AV-2026-000123"); ' +
  'the id (to open the case) and its type only those who may read the case. No patient data, no free text.';

export function registerDocumentLinkRoutes(app: App, db: Db): void {
  const reader = { config: { access: 'signedIn' as const } };

  app.get(
    '/api/documents/:id/deviations',
    {
      ...reader,
      schema: {
        tags,
        summary: 'The deviations that led to changes of this document',
        description: `Oldest link first. ${numbersForAll} The cases shown with their id are logged as read.`,
        params: idParams,
        response: { 200: documentDeviationsResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return inTransaction(db, (tx) =>
        listDocumentDeviations({ actor, audit: auditContextOf(request), documentId: request.params.id }, tx),
      );
    },
  );

  app.post(
    '/api/documents/:id/deviation-links',
    {
      ...reader,
      schema: {
        tags,
        summary: 'Link a deviation that led to a change of this document, by its number',
        description:
          "By the document's owner and the organisation's administrators, for a case they may read (422 " +
          `otherwise, whether or not it exists); 409 when it is linked already. Answers the document's links. ${numbersForAll}`,
        params: idParams,
        body: documentDeviationLinkBody,
        response: { 201: documentDeviationsResponse },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const answer = await inTransaction(db, (tx) =>
        linkDeviationToDocument(
          {
            actor,
            audit: auditContextOf(request),
            documentId: request.params.id,
            deviationNumber: request.body.deviationNumber,
          },
          tx,
        ),
      );
      return reply.status(201).send(answer);
    },
  );

  app.delete(
    '/api/documents/:id/deviation-links/:deviationId',
    {
      ...reader,
      schema: {
        tags,
        summary: 'Take away the link between this document and a deviation',
        description: "By the document's owner and the organisation's administrators. Audited.",
        params: documentDeviationLinkParams,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      await inTransaction(db, (tx) =>
        unlinkDeviationFromDocument(
          {
            actor,
            audit: auditContextOf(request),
            documentId: request.params.id,
            deviationId: request.params.deviationId,
          },
          tx,
        ),
      );
      return reply.status(204).send(null);
    },
  );
}
