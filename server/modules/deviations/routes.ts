import multipart from '@fastify/multipart';
import { z } from 'zod';
import { idParams } from '../../../contracts/common.ts';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_PER_CASE,
  addNoteBody,
  caseConflictProblemSchema,
  createActionBody,
  createContactBody,
  createDeviationBody,
  deviationConfigResponse,
  deviationListQuery,
  deviationListResponse,
  deviationPeopleQuery,
  deviationPeopleResponse,
  deviationReceiptSchema,
  deviationSchema,
  raisedAtMeetingBody,
  raisedAtMeetingResponse,
  transitionBody,
  updateActionBody,
  updateDeviationBody,
} from '../../../contracts/deviations.ts';
import { requireActor } from '../../platform/access.ts';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { type App, auditContextOf } from '../../platform/http.ts';
import { inTransaction, translateDbError } from '../organisation/index.ts';
import { addAttachment, readAttachment } from './attachments.ts';
import { getDeviationConfig } from './config.ts';
import { deviationAsFhir } from './fhir.ts';
import {
  addNote,
  createAction,
  logContact,
  recordRaisedAtMeeting,
  updateAction,
  updateHandling,
} from './handling.ts';
import { listDeviations } from './list.ts';
import './messages.ts';
import { findCasePeople } from './people.ts';
import { caseAfterChange, getDeviation } from './read.ts';
import { registerDeviationConfigRoutes } from './routes-config.ts';
import { registerDocumentLinkRoutes } from './routes-document-links.ts';
import { registerDeviationStatsRoutes } from './routes-stats.ts';
import { findSubmission, submitDeviation } from './submit.ts';
import { applyTransition } from './transitions.ts';

const tags = ['deviations'];

/** The AdverseEvent's outline for the OpenAPI document; the use case builds the whole resource. */
const fhirAdverseEventSchema = z
  .object({
    resourceType: z.literal('AdverseEvent'),
    id: z.uuid(),
    status: z.enum(['in-progress', 'completed']),
    actuality: z.enum(['actual', 'potential']),
    subject: z.object({
      type: z.literal('Patient'),
      identifier: z.object({ system: z.string(), value: z.string() }),
    }),
    occurrenceDateTime: z.string(),
    recordedDate: z.string(),
  })
  .passthrough();
const idempotencyKeyPattern = /^[A-Za-z0-9_-]{1,100}$/;

function idempotencyKeyOf(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || !idempotencyKeyPattern.test(value))
    throw new AppError('deviation.idempotency_key_invalid', 'validation', {
      fields: [{ path: 'Idempotency-Key', key: 'deviation.idempotency_key_invalid' }],
    });
  return value;
}

function isIdempotencyClash(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (candidate.code === '23505' && candidate.constraint === 'deviations_idempotency_idx') return true;
    current = candidate.cause;
  }
  return false;
}

/** The changes that carry expectedVersion document their 409: what changed since that version. */
const staleVersionResponse = {
  description:
    'A conflict: the case has changed since expectedVersion (deviation.changed_meanwhile, with ' +
    'currentVersion, yourVersion, currentStatus and the changes since), or the move is not possible now.',
  content: { 'application/problem+json': { schema: caseConflictProblemSchema } },
};

export function registerDeviationRoutes(app: App, deps: { config: Config; database: Database }): void {
  const { db } = deps.database;
  registerDeviationStatsRoutes(app, deps);

  app.get(
    '/api/deviation-config',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: "The reporting choices of the caller's organisation: entries, classification trees, ladders",
        description:
          'Entries and a flat list of classification nodes (build the tree from parentId). Names come in ' +
          'sv, nb and en. A selectable node is a type a report can be filed under; its settings decide the ' +
          'flow: patient-related, handling deadline in days, the companion entry offered when a patient ' +
          'was harmed, and the escalation ladder of bodies.',
        response: { 200: deviationConfigResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return db.transaction((tx) => getDeviationConfig({ actor }, tx));
    },
  );

  app.post(
    '/api/deviations',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Report a deviation',
        description:
          'Routed to the nearest manager of the unit where it happened (by default the reporter’s own unit), ' +
          'or to the reporter when that is them. A patient identifier in any narrative is refused: it belongs ' +
          'in patientIdentifier. Send an Idempotency-Key header to make a retry store the report once: the ' +
          'same key answers the same receipt. When a patient was harmed and the type offers a companion ' +
          'report, the receipt names its entry; file it with companionOf to link the two.',
        body: createDeviationBody,
        headers: z.object({ 'idempotency-key': z.string().optional() }).passthrough(),
        response: { 201: deviationReceiptSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const idempotencyKey = idempotencyKeyOf(request.headers['idempotency-key']);
      const audit = auditContextOf(request);
      if (idempotencyKey) {
        // A plain read, outside a transaction: one round trip on the path every submission takes.
        const earlier = await findSubmission({ actor, idempotencyKey }, db);
        if (earlier) return reply.status(201).send(earlier);
      }
      try {
        const receipt = await db.transaction((tx) =>
          submitDeviation({ actor, audit, input: request.body, idempotencyKey }, tx),
        );
        const { handlerId: _handler, ...answer } = receipt;
        return reply.status(201).send(answer);
      } catch (error) {
        // The same key arrived twice at once: the other request stored it; answer with its receipt.
        if (idempotencyKey && isIdempotencyClash(error)) {
          const earlier = await inTransaction(db, (tx) => findSubmission({ actor, idempotencyKey }, tx));
          if (earlier) return reply.status(201).send(earlier);
        }
        throw translateDbError(error);
      }
    },
  );

  app.get(
    '/api/deviations',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary:
          'Lists of deviations: my inbox, my units, my reports, a body’s cases, awaiting the unit meeting',
        description:
          'view=inbox: cases the caller holds (not closed, not with a body). unit: every case in the units ' +
          'the caller manages or coordinates. mine: what the caller reported. body: what a body the caller ' +
          'sits in holds (bodyId). meeting: marked for the unit meeting, not yet raised. Filters combine; q ' +
          'is a full-text search (Swedish, Norwegian and English stemming) or a case number.',
        querystring: deviationListQuery,
        response: { 200: deviationListResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return inTransaction(db, (tx) =>
        listDeviations({ actor, audit: auditContextOf(request), query: request.query }, tx),
      );
    },
  );

  app.get(
    '/api/deviations/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'One deviation, as the caller may see it (the read is logged)',
        description:
          'view=handler: everything, including the protected patient field. view=body: a member of a body ' +
          'the case reached — no patient identifier, and the reporter only if they agreed (or the member ' +
          'is of the same organisation). view=reporter: the reporter’s own timeline without internal notes, ' +
          'and the feedback. allowedActions lists what the caller may do next.',
        params: idParams,
        response: { 200: deviationSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return inTransaction(db, (tx) =>
        getDeviation({ actor, audit: auditContextOf(request), deviationId: request.params.id }, tx),
      );
    },
  );

  void app.register(multipart, {
    limits: { fileSize: ATTACHMENT_MAX_BYTES + 1, files: 1, fields: 0, parts: 1 },
  });

  app.post(
    '/api/deviations/:id/attachments',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Attach a file to a report (multipart/form-data, one file; the reporter or a handler)',
        description:
          `Photos (JPEG, PNG, HEIC, WebP), PDF, plain text, Word and Excel files of at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB, ` +
          `${ATTACHMENTS_PER_CASE} per case. Members of bodies never see attachments.`,
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: deviationSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      if (!request.isMultipart())
        throw new AppError('error.unsupported_media_type', 'unsupported_media_type', {
          params: { contentType: String(request.headers['content-type'] ?? '') },
        });
      const part = await request.file();
      if (!part) throw new AppError('deviation.attachment_empty', 'validation');
      let content: Buffer;
      try {
        content = await part.toBuffer();
      } catch {
        throw new AppError('deviation.attachment_too_large', 'payload_too_large', {
          params: { max: `${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB` },
        });
      }
      const audit = auditContextOf(request);
      const answer = await inTransaction(db, async (tx) => {
        await addAttachment(
          {
            actor,
            audit,
            deviationId: request.params.id,
            file: { filename: part.filename, contentType: part.mimetype, content },
          },
          tx,
        );
        return caseAfterChange(tx, actor, request.params.id);
      });
      return reply.status(201).send(answer);
    },
  );

  app.get(
    '/api/deviation-attachments/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Download an attached file (always as a download; the read is logged)',
        params: idParams,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const file = await inTransaction(db, (tx) =>
        readAttachment({ actor, audit: auditContextOf(request), attachmentId: request.params.id }, tx),
      );
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );

  app.get(
    '/api/deviations/:id/fhir',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'A patient-related deviation as a FHIR R5 AdverseEvent (application/fhir+json)',
        description:
          'For those handling the case (it carries the patient identifier). FHIR requires a subject, so an ' +
          'organisational deviation, or one without a patient in the protected field, answers 422.',
        params: idParams,
        response: { 200: fhirAdverseEventSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const resource = await inTransaction(db, (tx) =>
        deviationAsFhir({ actor, audit: auditContextOf(request), deviationId: request.params.id }, tx),
      );
      return reply.type('application/fhir+json').send(resource);
    },
  );

  app.post(
    '/api/deviations/:id/transitions',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary:
          'Move the case: accept, forward, escalate, record a position, return, resolve, close, reopen, lift',
        description:
          'The transition table decides who may do what from where: the handler accepts, forwards (to a ' +
          'manager, with a reason), escalates to the next body of the type’s ladder, resolves, closes (feedback ' +
          'to the reporter required; changedDocumentIds, "closed with routine changed", links the documents ' +
          'changed because of the case: each one the caller may read, of the case’s organisation, else 422 and ' +
          'nothing is written), reopens, or lifts a resolved case to the first body for learning; a ' +
          'member of the body holding the case records its position, returns it with instructions, ' +
          'escalates it further or closes it. expectedVersion: the version the caller saw; if the case ' +
          'has changed since, the answer is 409 deviation.changed_meanwhile with what changed.',
        params: idParams,
        body: transitionBody,
        response: { 200: deviationSchema, 409: staleVersionResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const audit = auditContextOf(request);
      return inTransaction(db, async (tx) => {
        await applyTransition({ actor, audit, deviationId: request.params.id, command: request.body }, tx);
        return caseAfterChange(tx, actor, request.params.id);
      });
    },
  );

  app.patch(
    '/api/deviations/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'The handler’s assessment: risk (consequence × probability) and the unit-meeting mark',
        description:
          'expectedVersion: the version the caller saw; if the case has changed since, the answer is 409 ' +
          'deviation.changed_meanwhile with what changed, and nothing is saved.',
        params: idParams,
        body: updateDeviationBody,
        response: { 200: deviationSchema, 409: staleVersionResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const audit = auditContextOf(request);
      return inTransaction(db, async (tx) => {
        await updateHandling({ actor, audit, deviationId: request.params.id, changes: request.body }, tx);
        return caseAfterChange(tx, actor, request.params.id);
      });
    },
  );

  app.post(
    '/api/deviations/:id/notes',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'An investigation note (seen by handlers only)',
        params: idParams,
        body: addNoteBody,
        response: { 200: deviationSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const audit = auditContextOf(request);
      return inTransaction(db, async (tx) => {
        await addNote({ actor, audit, deviationId: request.params.id, text: request.body.text }, tx);
        return caseAfterChange(tx, actor, request.params.id);
      });
    },
  );

  app.post(
    '/api/deviations/:id/actions',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'A corrective action: what, who, by when',
        params: idParams,
        body: createActionBody,
        response: { 200: deviationSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const audit = auditContextOf(request);
      return inTransaction(db, async (tx) => {
        await createAction({ actor, audit, deviationId: request.params.id, input: request.body }, tx);
        return caseAfterChange(tx, actor, request.params.id);
      });
    },
  );

  app.patch(
    '/api/deviation-actions/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Change an action (the handler), or mark it done (its owner)',
        description:
          'expectedVersion: the version of the case the caller saw; if the case has changed since, the ' +
          'answer is 409 deviation.changed_meanwhile with what changed.',
        params: idParams,
        body: updateActionBody,
        response: { 200: deviationSchema, 409: staleVersionResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const audit = auditContextOf(request);
      return inTransaction(db, async (tx) => {
        const { deviationId } = await updateAction(
          { actor, audit, actionId: request.params.id, changes: request.body },
          tx,
        );
        return caseAfterChange(tx, actor, deviationId);
      });
    },
  );

  app.post(
    '/api/deviations/:id/contacts',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Log a contact with a partner about the case',
        description:
          'Either one of the unit’s contact persons at a partner agency (unitContactId), or anyone by name.',
        params: idParams,
        body: createContactBody,
        response: { 200: deviationSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const audit = auditContextOf(request);
      return inTransaction(db, async (tx) => {
        await logContact({ actor, audit, deviationId: request.params.id, input: request.body }, tx);
        return caseAfterChange(tx, actor, request.params.id);
      });
    },
  );

  app.post(
    '/api/unit-meetings/raised',
    {
      config: { access: ['manager'] },
      schema: {
        tags,
        summary: 'Record cases as raised at the unit meeting on a date (all or none)',
        body: raisedAtMeetingBody,
        response: { 200: raisedAtMeetingResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const updated = await inTransaction(db, (tx) =>
        recordRaisedAtMeeting(
          {
            actor,
            audit: auditContextOf(request),
            deviationIds: request.body.deviationIds,
            raisedOn: request.body.raisedOn,
          },
          tx,
        ),
      );
      return { updated };
    },
  );

  app.get(
    '/api/deviation-people',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'People to forward a case to (managersOnly=true) or to give an action',
        querystring: deviationPeopleQuery,
        response: { 200: deviationPeopleResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const items = await inTransaction(db, (tx) =>
        findCasePeople(
          { actor, q: request.query.q, managersOnly: request.query.managersOnly === 'true' },
          tx,
        ),
      );
      return { items };
    },
  );

  registerDeviationConfigRoutes(app, deps);
  registerDocumentLinkRoutes(app, db);
}
