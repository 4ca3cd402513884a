import { idParams } from '../../../contracts/common.ts';
import {
  createUnitBody,
  moveUnitBody,
  unitAssignmentBody,
  unitAssignmentSchema,
  unitContactBody,
  unitContactSchema,
  unitDetailResponse,
  unitListQuery,
  unitListResponse,
  unitSchema,
  updateUnitAssignmentBody,
  updateUnitBody,
  updateUnitContactBody,
} from '../../../contracts/organisation.ts';
import { requireActor } from '../../platform/access.ts';
import { type App, auditContextOf } from '../../platform/http.ts';
import { createUnitAssignment, deleteUnitAssignment, updateUnitAssignment } from './assignments.ts';
import { createUnitContact, deleteUnitContact, updateUnitContact } from './contacts.ts';
import { moveUnit } from './move-unit.ts';
import { presentAssignment, presentContact, presentUnit, presentUnitDetail } from './presenters.ts';
import { noContent, type RouteDeps } from './route-support.ts';
import { inTransaction } from './transaction.ts';
import { createUnit, getUnitDetail, listUnits, updateUnit } from './units.ts';

const tags = ['organisation'];

// Reading the tree is open to every signed-in person (they report into it); changing it is scoped to
// the administrator's subtree, which the use cases check against the unit's stored path.
export function registerUnitRoutes(app: App, { database }: RouteDeps): void {
  const { db } = database;

  app.get(
    '/api/units',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Every unit, flat; the client builds the tree from parentId (any signed-in person)',
        querystring: unitListQuery,
        response: { 200: unitListResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const { organisationId, includeInactive } = request.query;
      const rows = await inTransaction(db, (tx) =>
        listUnits({ organisationId, includeInactive: includeInactive === 'true' }, tx),
      );
      return { items: rows.map((u) => presentUnit(u, actor)) };
    },
  );

  app.post(
    '/api/units',
    {
      config: { access: ['administrator'] },
      schema: {
        tags,
        summary: 'Add a unit under one you administer (a new root: organisation administrators)',
        body: createUnitBody,
        response: { 201: unitSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const row = await inTransaction(db, (tx) =>
        createUnit({ actor, audit: auditContextOf(request), ...request.body }, tx),
      );
      return reply.status(201).send(presentUnit(row, actor));
    },
  );

  app.get(
    '/api/units/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'One unit with its children, people, nearest managers, contacts and assignments',
        params: idParams,
        response: { 200: unitDetailResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const detail = await inTransaction(db, (tx) => getUnitDetail({ unitId: request.params.id }, tx));
      return presentUnitDetail(detail, actor);
    },
  );

  app.patch(
    '/api/units/:id',
    {
      config: { access: ['administrator'] },
      schema: {
        tags,
        summary: 'Rename, re-identify or (de)activate a unit you administer',
        params: idParams,
        body: updateUnitBody,
        response: { 200: unitSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const row = await inTransaction(db, (tx) =>
        updateUnit(
          { actor, audit: auditContextOf(request), unitId: request.params.id, changes: request.body },
          tx,
        ),
      );
      return presentUnit(row, actor);
    },
  );

  app.post(
    '/api/units/:id/move',
    {
      config: { access: ['administrator'] },
      schema: {
        tags,
        summary: 'Move a unit and its whole subtree under another unit of the same organisation',
        description:
          'Both the unit and the new parent must lie in your administrator scope. Moving a unit under ' +
          'itself or one of its descendants, or into another organisation, is refused.',
        params: idParams,
        body: moveUnitBody,
        response: { 200: unitSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const row = await inTransaction(db, (tx) =>
        moveUnit(
          {
            actor,
            audit: auditContextOf(request),
            unitId: request.params.id,
            parentId: request.body.parentId,
          },
          tx,
        ),
      );
      return presentUnit(row, actor);
    },
  );

  app.post(
    '/api/units/:id/contacts',
    {
      config: { access: ['administrator'] },
      schema: {
        tags,
        summary: 'Add a contact person at a partner organisation to a unit you administer',
        params: idParams,
        body: unitContactBody,
        response: { 201: unitContactSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const row = await inTransaction(db, (tx) =>
        createUnitContact(
          { actor, audit: auditContextOf(request), unitId: request.params.id, contact: request.body },
          tx,
        ),
      );
      return reply.status(201).send(presentContact(row));
    },
  );

  app.patch(
    '/api/unit-contacts/:id',
    {
      config: { access: ['administrator'] },
      schema: {
        tags,
        summary: "Change a unit's contact person",
        params: idParams,
        body: updateUnitContactBody,
        response: { 200: unitContactSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const row = await inTransaction(db, (tx) =>
        updateUnitContact(
          { actor, audit: auditContextOf(request), contactId: request.params.id, changes: request.body },
          tx,
        ),
      );
      return presentContact(row);
    },
  );

  app.delete(
    '/api/unit-contacts/:id',
    {
      config: { access: ['administrator'] },
      schema: { tags, summary: "Remove a unit's contact person", params: idParams, response: noContent },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      await inTransaction(db, (tx) =>
        deleteUnitContact({ actor, audit: auditContextOf(request), contactId: request.params.id }, tx),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/units/:id/assignments',
    {
      config: { access: ['administrator'] },
      schema: {
        tags,
        summary: 'Record a mission the unit holds (e.g. a regional hub), with optional validity dates',
        params: idParams,
        body: unitAssignmentBody,
        response: { 201: unitAssignmentSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const row = await inTransaction(db, (tx) =>
        createUnitAssignment(
          { actor, audit: auditContextOf(request), unitId: request.params.id, assignment: request.body },
          tx,
        ),
      );
      return reply.status(201).send(presentAssignment(row));
    },
  );

  app.patch(
    '/api/unit-assignments/:id',
    {
      config: { access: ['administrator'] },
      schema: {
        tags,
        summary: "Change a unit's mission: its title, description or validity dates",
        params: idParams,
        body: updateUnitAssignmentBody,
        response: { 200: unitAssignmentSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const row = await inTransaction(db, (tx) =>
        updateUnitAssignment(
          {
            actor,
            audit: auditContextOf(request),
            assignmentId: request.params.id,
            changes: request.body,
          },
          tx,
        ),
      );
      return presentAssignment(row);
    },
  );

  app.delete(
    '/api/unit-assignments/:id',
    {
      config: { access: ['administrator'] },
      schema: { tags, summary: "Remove a unit's mission", params: idParams, response: noContent },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      await inTransaction(db, (tx) =>
        deleteUnitAssignment({ actor, audit: auditContextOf(request), assignmentId: request.params.id }, tx),
      );
      return reply.status(204).send(null);
    },
  );
}
