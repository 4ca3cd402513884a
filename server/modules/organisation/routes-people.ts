import { idParams } from '../../../contracts/common.ts';
import {
  addRoleBody,
  colleagueSearchLimit,
  colleagueSearchQuery,
  colleagueSearchResponse,
  createPersonBody,
  personListQuery,
  personListResponse,
  personSchema,
  roleParams,
  setPasswordBody,
  updatePersonBody,
} from '../../../contracts/organisation.ts';
import { requireActor } from '../../platform/access.ts';
import { type App, auditContextOf } from '../../platform/http.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { findColleagues } from './colleagues.ts';
import { createPerson, getPerson, listPeople, setPersonPassword, updatePerson } from './people.ts';
import { isOrganisationAdministrator } from './policy.ts';
import { presentPerson } from './presenters.ts';
import { addRole, removeRole } from './roles.ts';
import { beforeBody, noContent, type RouteDeps } from './route-support.ts';
import { inTransaction } from './transaction.ts';

const tags = ['organisation'];
// Only organisation administrators change people at all; which people is the use case's business
// (policy.ts mayManagePerson), judged on the person's organisation, roles and memberships.
const peopleAdmin = beforeBody(isOrganisationAdministrator, 'organisation.organisation_admin_required');
// Who may read people at all; which people is the use case's business (policy.ts peopleReadScope).
const peopleReaders = ['administrator', 'manager', 'quality_coordinator'] as const;

export function registerPeopleRoutes(app: App, { database }: RouteDeps): void {
  const { db } = database;

  app.get(
    '/api/people',
    {
      config: { access: peopleReaders },
      schema: {
        tags,
        summary: 'Search people (administrators: all; managers and quality coordinators: their units)',
        description:
          'q matches name, username or e-mail; unitId keeps people holding a role in that unit or below it. ' +
          'Every person returned other than you is logged in the audit log as a read (person.read).',
        querystring: personListQuery,
        response: { 200: personListResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const { page, pageSize } = request.query;
      const found = await inTransaction(db, (tx) =>
        listPeople({ actor, audit: auditContextOf(request), ...request.query }, tx),
      );
      return {
        items: found.items.map((p) => presentPerson(p, found.steward)),
        total: found.total,
        page,
        pageSize,
      };
    },
  );

  app.get(
    '/api/colleagues',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Find a colleague to pick: active people of your own organisation (everyone signed in)',
        description:
          'q (1 to 100 characters after trimming) matches part of a name, username or profession in any case; ' +
          `without q the first by name. At most ${colleagueSearchLimit} people, by name; more=true says more match ` +
          'and the caller should type more. Only your own organisation, only active people; each with the names ' +
          'of the active units they hold a role on. Not logged as reads: it shows what a name tag shows.',
        querystring: colleagueSearchQuery,
        response: { 200: colleagueSearchResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return inTransaction(db, (tx) => findColleagues({ actor, q: request.query.q }, tx));
    },
  );

  app.post(
    '/api/people',
    {
      config: { access: ['administrator'] },
      preParsing: peopleAdmin,
      schema: {
        tags,
        summary: 'Add a person, optionally with a password and roles (organisation administrators)',
        description:
          'Into an organisation you administer, or one that has never had an administrator (onboarding).',
        body: createPersonBody,
        response: { 201: personSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const { password, ...person } = request.body;
      // Hashed before the transaction: argon2 takes tens of milliseconds and must not hold a connection.
      const passwordHash = password ? await hashPassword(password) : null;
      const created = await inTransaction(db, (tx) =>
        createPerson({ actor, audit: auditContextOf(request), person, passwordHash }, tx),
      );
      return reply.status(201).send(presentPerson(created.person, created.steward));
    },
  );

  app.get(
    '/api/people/:id',
    {
      config: { access: peopleReaders },
      schema: {
        tags,
        summary: 'One person with roles and body memberships (same visibility as the list)',
        params: idParams,
        response: { 200: personSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const found = await inTransaction(db, (tx) =>
        getPerson({ actor, personId: request.params.id, audit: auditContextOf(request) }, tx),
      );
      return presentPerson(found.person, found.steward);
    },
  );

  app.patch(
    '/api/people/:id',
    {
      config: { access: ['administrator'] },
      preParsing: peopleAdmin,
      schema: {
        tags,
        summary: 'Change a person; deactivating ends all their sessions (organisation administrators)',
        description:
          "Only people of an organisation you keep whose every role lies within your scope. An organisation's " +
          'last active administrator cannot be deactivated (409).',
        params: idParams,
        body: updatePersonBody,
        response: { 200: personSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const changed = await inTransaction(db, (tx) =>
        updatePerson(
          { actor, audit: auditContextOf(request), personId: request.params.id, changes: request.body },
          tx,
        ),
      );
      return presentPerson(changed.person, changed.steward);
    },
  );

  app.post(
    '/api/people/:id/password',
    {
      config: { access: ['administrator'] },
      preParsing: peopleAdmin,
      schema: {
        tags,
        summary: "Set a person's password; their sessions end (organisation administrators)",
        description: 'The same people as PATCH /api/people/{id} may change.',
        params: idParams,
        body: setPasswordBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const passwordHash = await hashPassword(request.body.password);
      await inTransaction(db, (tx) =>
        setPersonPassword(
          { actor, audit: auditContextOf(request), personId: request.params.id, passwordHash },
          tx,
        ),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/people/:id/roles',
    {
      config: { access: ['administrator'] },
      schema: {
        tags,
        summary: 'Give a person a role over a unit and its subtree (administrators, on units in their scope)',
        params: idParams,
        body: addRoleBody,
        response: { 201: personSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const changed = await inTransaction(db, (tx) =>
        addRole({ actor, audit: auditContextOf(request), personId: request.params.id, ...request.body }, tx),
      );
      return reply.status(201).send(presentPerson(changed.person, changed.steward));
    },
  );

  app.delete(
    '/api/people/:id/roles/:roleId',
    {
      config: { access: ['administrator'] },
      schema: {
        tags,
        summary: 'Take a role away (administrators, on units in their scope)',
        description: "An organisation's last active administrator keeps the role (409).",
        params: roleParams,
        response: noContent,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const { id, roleId } = request.params;
      await inTransaction(db, (tx) =>
        removeRole({ actor, audit: auditContextOf(request), personId: id, roleId }, tx),
      );
      return reply.status(204).send(null);
    },
  );
}
