import { idParams } from '../../../contracts/common.ts';
import {
  acknowledgeBody,
  acknowledgementOverviewSchema,
  acknowledgementSchema,
  acknowledgementsQuery,
  knowledgeSupportsResponse,
  readingListQuery,
  readingListResponse,
  readingOverviewQuery,
  readingOverviewResponse,
} from '../../../contracts/document-reading.ts';
import { requireActor } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { type App, auditContextOf } from '../../platform/http.ts';
import { listKnowledgeSupports } from './pipeline.ts';
import { acknowledgementOverview, acknowledgeReading, readingList, readingOverview } from './reading.ts';
import './messages-reading.ts';

const tags = ['documents'];
const reader = { config: { access: 'signedIn' as const } };
const overseer = {
  config: { access: ['manager' as const, 'quality_coordinator' as const, 'administrator' as const] },
};
const audienceRule =
  'The audience: active people with a role on a unit in the subtree of one of the audience units and, ' +
  'when professions are named, whose profession matches one of them. A confirmation of a later version ' +
  'counts for the one asked for.';
const scopeRule =
  'For the managers and quality coordinators over the unit (by default all their units) and the ' +
  "organisation's administrators (by default the whole organisation); 403 for a unit outside their scope.";

export function registerReadingRoutes(
  app: App,
  db: Db,
  inTx: <T>(db: Db, work: (tx: Db) => Promise<T>) => Promise<T>,
): void {
  app.post(
    '/api/documents/:id/acknowledgements',
    {
      ...reader,
      schema: {
        tags,
        summary: 'Confirm having read a published version',
        description:
          'versionNumber is the current version or the one the audience is asked to read (422 otherwise). ' +
          'Anyone who may read the document may confirm; 201 the first time, 200 with the first time after.',
        params: idParams,
        body: acknowledgeBody,
        response: { 200: acknowledgementSchema, 201: acknowledgementSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const answer = await inTx(db, (tx) =>
        acknowledgeReading(
          {
            actor,
            audit: auditContextOf(request),
            documentId: request.params.id,
            versionNumber: request.body.versionNumber,
          },
          tx,
        ),
      );
      return reply.status(answer.created ? 201 : 200).send(answer.acknowledgement);
    },
  );

  app.get(
    '/api/documents/:id/acknowledgements',
    {
      ...overseer,
      schema: {
        tags,
        summary: 'Who in a unit has read the version asked for',
        description:
          `${scopeRule} audience and read count the whole subtree; items are paged by name, status narrows ` +
          `them to those who have (read) or have not (unread). ${audienceRule}`,
        params: idParams,
        querystring: acknowledgementsQuery,
        response: { 200: acknowledgementOverviewSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const { unitId, status, page, pageSize } = request.query;
      return inTx(db, (tx) =>
        acknowledgementOverview({ actor, documentId: request.params.id, unitId, status, page, pageSize }, tx),
      );
    },
  );

  app.get(
    '/api/document-reading',
    {
      ...reader,
      schema: {
        tags,
        summary: 'My reading list',
        description:
          'The documents that ask me to read them (I am in their audience and have not confirmed the version ' +
          'asked for), earliest read-by first, then those I confirmed in the last 90 days, newest first. ' +
          `status=unread or read gives one part. ${audienceRule}`,
        querystring: readingListQuery,
        response: { 200: readingListResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const { status, page, pageSize } = request.query;
      return inTx(db, (tx) => readingList({ actor, status, page, pageSize }, tx));
    },
  );

  app.get(
    '/api/document-reading/overview',
    {
      ...overseer,
      schema: {
        tags,
        summary: 'Per document that asks for reading: its audience in a unit and how many have read (paged)',
        description: `${scopeRule} Only documents with an audience in the scope are listed. ${audienceRule}`,
        querystring: readingOverviewQuery,
        response: { 200: readingOverviewResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const { unitId, page, pageSize } = request.query;
      return inTx(db, (tx) => readingOverview({ actor, unitId, page, pageSize }, tx));
    },
  );

  app.get(
    '/api/knowledge-supports',
    {
      ...reader,
      schema: {
        tags,
        summary: 'Knowledge supports: what is published, what is near publication, what is next (seed 003)',
        description:
          'The documents of a knowledge-support type by pipeline status: published; near publication (review ' +
          'round 2, then 1); next (in progress, then on the list, each by planned publication); regional ' +
          'additions; under revision. One that has a current version (published, readable by everyone) is ' +
          'never listed as near publication or next: it is listed as a regional addition when it is one, ' +
          'under revision while a new version of it is written or reviewed (status under_revision, ' +
          'review_round_1 or review_round_2, which its item keeps), and otherwise as published (an on_list ' +
          'or in_progress it still carries shows as published). Never-published ones only for their owner, ' +
          "reviewers, approver and the organisation's administrators.",
        response: { 200: knowledgeSupportsResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return inTx(db, (tx) => listKnowledgeSupports({ actor }, tx));
    },
  );
}
