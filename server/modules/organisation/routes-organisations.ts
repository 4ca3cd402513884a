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
import { mayManageOrganisations } from './policy.ts';
import { presentOrganisation } from './presenters.ts';
import { beforeBody, type RouteDeps } from './route-support.ts';
import { inTransaction } from './transaction.ts';

const tags = ['organisation'];
const organisationAdmin = beforeBody(mayManageOrganisations, 'organisation.organisation_admin_required');

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
      const rows = await inTransaction(db, (tx) => listOrganisations({}, tx));
      return { items: rows.map((o) => presentOrganisation(o, actor)) };
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
        body: createOrganisationBody,
        response: { 201: organisationSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const row = await inTransaction(db, (tx) =>
        createOrganisation({ audit: auditContextOf(request), ...request.body }, tx),
      );
      return reply.status(201).send(presentOrganisation(row, actor));
    },
  );

  app.patch(
    '/api/organisations/:id',
    {
      config: { access: ['administrator'] },
      preParsing: organisationAdmin,
      schema: {
        tags,
        summary: 'Rename or reclassify an organisation (organisation administrators)',
        params: idParams,
        body: updateOrganisationBody,
        response: { 200: organisationSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const row = await inTransaction(db, (tx) =>
        updateOrganisation(
          { audit: auditContextOf(request), organisationId: request.params.id, changes: request.body },
          tx,
        ),
      );
      return presentOrganisation(row, actor);
    },
  );
}
