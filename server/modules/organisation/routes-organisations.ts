import { idParams } from '../../../contracts/common.ts';
import {
  createOrganisationBody,
  organisationListResponse,
  organisationSchema,
  updateOrganisationBody,
} from '../../../contracts/organisation.ts';
import { requireActor } from '../../platform/access.ts';
import { type App, auditContextOf } from '../../platform/http.ts';
import { createOrganisation, listOrganisations, updateOrganisation } from './organisations.ts';
import { mayCreateOrganisation } from './policy.ts';
import { presentOrganisation } from './presenters.ts';
import { beforeBody, type RouteDeps } from './route-support.ts';
import { inTransaction } from './transaction.ts';

const tags = ['organisation'];
// Organisation administrators only; which organisations they may change is the use case's business.
const organisationAdmin = beforeBody(mayCreateOrganisation, 'organisation.organisation_admin_required');

export function registerOrganisationRegisterRoutes(app: App, { database }: RouteDeps): void {
  const { db } = database;

  app.get(
    '/api/organisations',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Every organisation: the region and its partner agencies (any signed-in person)',
        response: { 200: organisationListResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const found = await inTransaction(db, (tx) => listOrganisations({ actor }, tx));
      return { items: found.items.map((o) => presentOrganisation(o, found.steward)) };
    },
  );

  app.post(
    '/api/organisations',
    {
      config: { access: ['administrator'] },
      preParsing: organisationAdmin,
      schema: {
        tags,
        summary: 'Add an organisation (organisation administrators)',
        description:
          'It starts without an administrator, in the care of every organisation administrator, until one ' +
          'of them appoints its first administrator (POST /api/people/{id}/roles on its root unit).',
        body: createOrganisationBody,
        response: { 201: organisationSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const created = await inTransaction(db, (tx) =>
        createOrganisation({ actor, audit: auditContextOf(request), ...request.body }, tx),
      );
      return reply.status(201).send(presentOrganisation(created.organisation, created.steward));
    },
  );

  app.patch(
    '/api/organisations/:id',
    {
      config: { access: ['administrator'] },
      preParsing: organisationAdmin,
      schema: {
        tags,
        summary: 'Rename or reclassify an organisation (its organisation administrators)',
        description: 'Your own organisation, or one that has never had an administrator.',
        params: idParams,
        body: updateOrganisationBody,
        response: { 200: organisationSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const changed = await inTransaction(db, (tx) =>
        updateOrganisation(
          { actor, audit: auditContextOf(request), organisationId: request.params.id, changes: request.body },
          tx,
        ),
      );
      return presentOrganisation(changed.organisation, changed.steward);
    },
  );
}
