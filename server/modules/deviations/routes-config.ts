import type { FastifyRequest } from 'fastify';
import { idParams } from '../../../contracts/common.ts';
import {
  adminConfigCategorySchema,
  adminConfigEntrySchema,
  adminConfigResponse,
  createConfigCategoryBody,
  createConfigEntryBody,
  replaceLadderBody,
  updateConfigCategoryBody,
  updateConfigEntryBody,
} from '../../../contracts/deviation-config-admin.ts';
import { assertAllowed, requireActor } from '../../platform/access.ts';
import type { Config } from '../../platform/config.ts';
import type { Database, Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { type App, auditContextOf } from '../../platform/http.ts';
import { isOrganisationAdministrator, translateDbError } from '../organisation/index.ts';
import {
  createConfigCategory,
  createConfigEntry,
  getAdminConfig,
  replaceLadder,
  updateConfigCategory,
  updateConfigEntry,
} from './config-admin.ts';

const tags = ['deviation configuration'];
const noDelete =
  'Nothing here is ever deleted: reports keep pointing at the entry and type they were filed under. ' +
  'Set active to false to take a node out of the reporters’ choices (with everything under it); set it ' +
  'to true to bring it back.';

/** Refused before the body is read: only organisation administrators keep the configuration. */
async function configAdmin(request: FastifyRequest): Promise<void> {
  assertAllowed(isOrganisationAdministrator(requireActor(request.actor)), 'deviation_config.admin_required');
}

const uniqueKeyMessages: Record<string, string> = {
  deviation_entries_key_idx: 'deviation_config.entry_key_taken',
  deviation_categories_key_idx: 'deviation_config.category_key_taken',
};

/** The key a unique index refused, when two requests raced past the use case's own check. */
function keyClash(error: unknown): AppError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    const code =
      typeof candidate.constraint === 'string' ? uniqueKeyMessages[candidate.constraint] : undefined;
    if (candidate.code === '23505' && code)
      return new AppError(code, 'conflict', { fields: [{ path: 'key', key: code }] });
    current = candidate.cause;
  }
  return null;
}

async function inConfigTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await db.transaction((tx) => work(tx));
  } catch (error) {
    throw keyClash(error) ?? translateDbError(error);
  }
}

export function registerDeviationConfigRoutes(app: App, deps: { config: Config; database: Database }): void {
  const { db } = deps.database;
  const admin = { config: { access: ['administrator' as const] }, preParsing: configAdmin };

  app.get(
    '/api/deviation-config/admin',
    {
      ...admin,
      schema: {
        tags,
        summary: "The whole reporting configuration of the caller's organisation, inactive nodes included",
        description:
          'For organisation administrators: entries, every classification node (flat; build the tree from ' +
          'parentId) with its settings and ladder, and every body a ladder may name.',
        response: { 200: adminConfigResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return inConfigTransaction(db, (tx) => getAdminConfig({ actor }, tx));
    },
  );

  app.post(
    '/api/deviation-entries',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Add an entry (the first choice a reporter makes)',
        description: `The key is unique within the organisation (409 otherwise). ${noDelete}`,
        body: createConfigEntryBody,
        response: { 201: adminConfigEntrySchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const created = await inConfigTransaction(db, (tx) =>
        createConfigEntry({ actor, audit: auditContextOf(request), input: request.body }, tx),
      );
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/deviation-entries/:id',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Change, deactivate or reactivate an entry',
        description: noDelete,
        params: idParams,
        body: updateConfigEntryBody,
        response: { 200: adminConfigEntrySchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return inConfigTransaction(db, (tx) =>
        updateConfigEntry(
          { actor, audit: auditContextOf(request), entryId: request.params.id, changes: request.body },
          tx,
        ),
      );
    },
  );

  app.post(
    '/api/deviation-categories',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Add an area or type anywhere in an entry’s classification tree',
        description:
          'parentId null makes a top-level area of the entry; otherwise the parent must be a node of the same ' +
          'entry. The key is unique within the entry (409 otherwise). handlingDays, triageDays and ' +
          'escalateReminderDays are 1–365; companionEntryId is another entry of the organisation, or null.',
        body: createConfigCategoryBody,
        response: { 201: adminConfigCategorySchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const created = await inConfigTransaction(db, (tx) =>
        createConfigCategory({ actor, audit: auditContextOf(request), input: request.body }, tx),
      );
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/deviation-categories/:id',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Change, move, deactivate or reactivate an area or type',
        description: `A node moves within its entry only, and never under itself or its own descendants. ${noDelete}`,
        params: idParams,
        body: updateConfigCategoryBody,
        response: { 200: adminConfigCategorySchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return inConfigTransaction(db, (tx) =>
        updateConfigCategory(
          { actor, audit: auditContextOf(request), categoryId: request.params.id, changes: request.body },
          tx,
        ),
      );
    },
  );

  app.put(
    '/api/deviation-categories/:id/ladder',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Replace the escalation ladder of an area or type in one go',
        description:
          'The bodies in order: a case escalates first to bodyIds[0], then to the next. Each body must exist ' +
          'and be active, and appear once. An empty list removes the ladder.',
        params: idParams,
        body: replaceLadderBody,
        response: { 200: adminConfigCategorySchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return inConfigTransaction(db, (tx) =>
        replaceLadder(
          {
            actor,
            audit: auditContextOf(request),
            categoryId: request.params.id,
            bodyIds: request.body.bodyIds,
          },
          tx,
        ),
      );
    },
  );
}
