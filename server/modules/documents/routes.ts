import type { FastifyRequest } from 'fastify';
import { idParams } from '../../../contracts/common.ts';
import {
  createDocumentTemplateBody,
  createDocumentTypeBody,
  documentTemplateSchema,
  documentTemplatesQuery,
  documentTemplatesResponse,
  documentTypeSchema,
  documentTypesQuery,
  documentTypesResponse,
  updateDocumentTemplateBody,
  updateDocumentTypeBody,
} from '../../../contracts/documents.ts';
import { assertAllowed, requireActor } from '../../platform/access.ts';
import type { Config } from '../../platform/config.ts';
import type { Database, Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { type App, auditContextOf } from '../../platform/http.ts';
import { translateDbError } from '../organisation/index.ts';
import { mayAdministerSomeOrganisation } from './policy.ts';
import { registerDocumentVersionRoutes } from './routes-documents.ts';
import { registerDocumentLifecycleRoutes } from './routes-lifecycle.ts';
import { registerDocumentPdfRoutes } from './routes-pdf.ts';
import { registerReadingRoutes } from './routes-reading.ts';
import { registerDocumentSearchRoutes } from './routes-search.ts';
import {
  createDocumentTemplate,
  getDocumentTemplate,
  listDocumentTemplates,
  updateDocumentTemplate,
} from './templates.ts';
import { createDocumentType, listDocumentTypes, updateDocumentType } from './types.ts';

const tags = ['documents'];
const noDelete =
  'Nothing here is ever deleted: documents keep pointing at their type and template. Set active to false ' +
  'to take one out of the authors’ choices; set it to true to bring it back.';

/** Refused before the body is read: only organisation administrators keep types and templates. */
async function documentAdmin(request: FastifyRequest): Promise<void> {
  assertAllowed(mayAdministerSomeOrganisation(requireActor(request.actor)), 'document.admin_required');
}

const uniqueNames: Record<string, string> = {
  document_types_name_idx: 'document.type_name_taken',
  document_templates_name_idx: 'document.template_name_taken',
};

/** A name a unique index refused, when two requests raced past the use case's own check. */
function nameClash(error: unknown): AppError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    const code = typeof candidate.constraint === 'string' ? uniqueNames[candidate.constraint] : undefined;
    if (candidate.code === '23505' && code)
      return new AppError(code, 'conflict', { fields: [{ path: 'name.sv', key: code }] });
    current = candidate.cause;
  }
  return null;
}

/** One use case, one transaction: the change and its audit row commit together or not at all. */
async function inDocumentTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await db.transaction((tx) => work(tx));
  } catch (error) {
    throw nameClash(error) ?? translateDbError(error);
  }
}

export function registerDocumentRoutes(app: App, deps: { config: Config; database: Database }): void {
  const { db } = deps.database;
  const reader = { config: { access: 'signedIn' as const } };
  const admin = { config: { access: ['administrator' as const] }, preParsing: documentAdmin };

  app.get(
    '/api/document-types',
    {
      ...reader,
      schema: {
        tags,
        summary: "The document types of the caller's organisation",
        description:
          'Active types, in Swedish alphabetical order, each with its name in every language and `label` in ' +
          "the caller's. includeInactive=true adds the deactivated ones for the organisation's administrators " +
          '(others still see the active ones only).',
        querystring: documentTypesQuery,
        response: { 200: documentTypesResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const includeInactive = request.query.includeInactive === 'true';
      return inDocumentTransaction(db, (tx) => listDocumentTypes({ actor, includeInactive }, tx));
    },
  );

  app.post(
    '/api/document-types',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Add a document type',
        description:
          'The name is required in sv, nb and en, and unique within the organisation in each (409 otherwise). ' +
          `isKnowledgeSupport gives its documents the knowledge-support pipeline status. ${noDelete}`,
        body: createDocumentTypeBody,
        response: { 201: documentTypeSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const created = await inDocumentTransaction(db, (tx) =>
        createDocumentType({ actor, audit: auditContextOf(request), input: request.body }, tx),
      );
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/document-types/:id',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Rename, deactivate or reactivate a document type',
        description: noDelete,
        params: idParams,
        body: updateDocumentTypeBody,
        response: { 200: documentTypeSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return inDocumentTransaction(db, (tx) =>
        updateDocumentType(
          { actor, audit: auditContextOf(request), typeId: request.params.id, changes: request.body },
          tx,
        ),
      );
    },
  );

  app.get(
    '/api/document-templates',
    {
      ...reader,
      schema: {
        tags,
        summary: "The templates of the caller's organisation, with their sections",
        description:
          'Active templates of active types, by type and name; typeId narrows to one type. Each section has ' +
          "its title and guidance in every language, and label and guidanceText in the caller's. " +
          "includeInactive=true adds deactivated ones for the organisation's administrators.",
        querystring: documentTemplatesQuery,
        response: { 200: documentTemplatesResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const { typeId, includeInactive } = request.query;
      return inDocumentTransaction(db, (tx) =>
        listDocumentTemplates({ actor, typeId, includeInactive: includeInactive === 'true' }, tx),
      );
    },
  );

  app.get(
    '/api/document-templates/:id',
    {
      ...reader,
      schema: {
        tags,
        summary: 'One template with its sections',
        description: "Any template of the caller's organisation, deactivated ones included (see active).",
        params: idParams,
        response: { 200: documentTemplateSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return inDocumentTransaction(db, (tx) =>
        getDocumentTemplate({ actor, templateId: request.params.id }, tx),
      );
    },
  );

  app.post(
    '/api/document-templates',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Add a template',
        description:
          'typeId is an active type of the organisation. Sections in order: at least one, titles required in ' +
          'sv, nb and en and unique within the template, guidance optional. The name is unique within the ' +
          `organisation (409 otherwise). ${noDelete}`,
        body: createDocumentTemplateBody,
        response: { 201: documentTemplateSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const created = await inDocumentTransaction(db, (tx) =>
        createDocumentTemplate({ actor, audit: auditContextOf(request), input: request.body }, tx),
      );
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/document-templates/:id',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Change, deactivate or reactivate a template',
        description:
          'sections, when given, replaces the whole ordered list: give an existing section its id to keep it ' +
          `(renamed or moved), leave id out for a new one; a section left out is dropped. ${noDelete}`,
        params: idParams,
        body: updateDocumentTemplateBody,
        response: { 200: documentTemplateSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return inDocumentTransaction(db, (tx) =>
        updateDocumentTemplate(
          { actor, audit: auditContextOf(request), templateId: request.params.id, changes: request.body },
          tx,
        ),
      );
    },
  );

  registerDocumentVersionRoutes(app, db, inDocumentTransaction);
  registerDocumentPdfRoutes(app, db, inDocumentTransaction);
  registerDocumentLifecycleRoutes(app, db, inDocumentTransaction);
  registerReadingRoutes(app, db, inDocumentTransaction);
  registerDocumentSearchRoutes(app, db, inDocumentTransaction);
}
