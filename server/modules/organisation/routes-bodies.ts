import { idParams } from '../../../contracts/common.ts';
import {
  bodyListQuery,
  bodyListResponse,
  bodyMemberBody,
  bodyMemberParams,
  bodySchema,
  createBodyBody,
  updateBodyBody,
} from '../../../contracts/organisation.ts';
import { requireActor } from '../../platform/access.ts';
import { type App, auditContextOf } from '../../platform/http.ts';
import { createBody, getBody, listBodies, removeBodyMember, setBodyMember, updateBody } from './bodies.ts';
import { isOrganisationAdministrator } from './policy.ts';
import { presentBody } from './presenters.ts';
import { beforeBody, noContent, type RouteDeps } from './route-support.ts';
import { inTransaction } from './transaction.ts';

const tags = ['organisation'];
// Organisation administrators only; which bodies is the use case's business (the owner's keepers).
const bodyAdmin = beforeBody(isOrganisationAdministrator, 'organisation.organisation_admin_required');

export function registerBodyRoutes(app: App, { database }: RouteDeps): void {
  const { db } = database;

  app.get(
    '/api/bodies',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Committees, forums and collaboration groups with their members (any signed-in person)',
        querystring: bodyListQuery,
        response: { 200: bodyListResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const { organisationId, includeInactive } = request.query;
      const found = await inTransaction(db, (tx) =>
        listBodies({ actor, organisationId, includeInactive: includeInactive === 'true' }, tx),
      );
      return { items: found.items.map((b) => presentBody(b, found.steward)) };
    },
  );

  app.post(
    '/api/bodies',
    {
      config: { access: ['administrator'] },
      preParsing: bodyAdmin,
      schema: {
        tags,
        summary: 'Add a committee, forum or collaboration group (organisation administrators)',
        description: 'Owned by an organisation you keep; its members may come from any organisation.',
        body: createBodyBody,
        response: { 201: bodySchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const created = await inTransaction(db, (tx) =>
        createBody({ actor, audit: auditContextOf(request), body: request.body }, tx),
      );
      return reply.status(201).send(presentBody(created.body, created.steward));
    },
  );

  app.get(
    '/api/bodies/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'One body with its chair and members (any signed-in person)',
        params: idParams,
        response: { 200: bodySchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const found = await inTransaction(db, (tx) => getBody({ actor, bodyId: request.params.id }, tx));
      return presentBody(found.body, found.steward);
    },
  );

  app.patch(
    '/api/bodies/:id',
    {
      config: { access: ['administrator'] },
      preParsing: bodyAdmin,
      schema: {
        tags,
        summary: "Change or (de)activate a body (the owning organisation's administrators)",
        params: idParams,
        body: updateBodyBody,
        response: { 200: bodySchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const changed = await inTransaction(db, (tx) =>
        updateBody(
          { actor, audit: auditContextOf(request), bodyId: request.params.id, changes: request.body },
          tx,
        ),
      );
      return presentBody(changed.body, changed.steward);
    },
  );

  app.put(
    '/api/bodies/:id/members/:personId',
    {
      config: { access: ['administrator'] },
      preParsing: bodyAdmin,
      schema: {
        tags,
        summary: "Add a member or change a member's role; a new chair steps the previous one down to member",
        params: bodyMemberParams,
        body: bodyMemberBody,
        response: { 200: bodySchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const { id, personId } = request.params;
      const changed = await inTransaction(db, (tx) =>
        setBodyMember(
          { actor, audit: auditContextOf(request), bodyId: id, personId, role: request.body.role },
          tx,
        ),
      );
      return presentBody(changed.body, changed.steward);
    },
  );

  app.delete(
    '/api/bodies/:id/members/:personId',
    {
      config: { access: ['administrator'] },
      preParsing: bodyAdmin,
      schema: { tags, summary: 'Remove a member from a body', params: bodyMemberParams, response: noContent },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const { id, personId } = request.params;
      await inTransaction(db, (tx) =>
        removeBodyMember({ actor, audit: auditContextOf(request), bodyId: id, personId }, tx),
      );
      return reply.status(204).send(null);
    },
  );
}
