import { z } from 'zod';
import { importQuery, importResponse } from '../../../contracts/organisation.ts';
import { requireActor } from '../../platform/access.ts';
import { type App, auditContextOf } from '../../platform/http.ts';
import { importPeople } from './import-people.ts';
import { importUnits } from './import-units.ts';
import { isOrganisationAdministrator } from './policy.ts';
import { beforeBody, type RouteDeps } from './route-support.ts';
import { inTransaction } from './transaction.ts';

const tags = ['organisation'];
// Organisation administrators only; each line then passes the rules of its single-row endpoint.
const importer = beforeBody(isOrganisationAdministrator, 'organisation.organisation_admin_required');
const csvLimit = 5 * 1024 * 1024;
const csvBody = z
  .string()
  .describe('CSV text with a header row; comma or semicolon separated; UTF-8, BOM allowed');

export function registerImportRoutes(app: App, { database }: RouteDeps): void {
  const { db } = database;

  // Uploads arrive as the bare CSV text; a spreadsheet export is larger than the 1 MB JSON limit.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: csvLimit }, (_request, body, done) => {
    done(null, body);
  });

  const routes = [
    {
      url: '/api/import/units',
      summary: 'Import units from CSV: external_id, name, parent_external_id, organisation',
      run: importUnits,
    },
    {
      url: '/api/import/people',
      summary:
        'Import people from CSV: username, name, email, profession, language, organisation, unit_external_id, role',
      run: importPeople,
    },
  ] as const;

  for (const route of routes) {
    app.post(
      route.url,
      {
        config: { access: ['administrator'] },
        preParsing: importer,
        bodyLimit: csvLimit,
        schema: {
          tags,
          summary: route.summary,
          description:
            'Organisation administrators; at most 20 000 data lines. Matches existing rows (units on external_id, people on username) ' +
            'and updates them, so the same file twice changes nothing. Any bad line means nothing is ' +
            'written: the 400 answer lists every bad line in `lines`. ?dryRun=true checks without writing.',
          consumes: ['text/csv'],
          querystring: importQuery,
          body: csvBody,
          response: { 200: importResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request.actor);
        const csv = request.body;
        return inTransaction(db, (tx) =>
          route.run(
            {
              actor,
              audit: auditContextOf(request),
              csv,
              dryRun: request.query.dryRun === 'true',
              lang: request.lang,
            },
            tx,
          ),
        );
      },
    );
  }
}
