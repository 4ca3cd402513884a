import { deviationConfigResponse } from '../../../contracts/deviations.ts';
import { requireActor } from '../../platform/access.ts';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import { getDeviationConfig } from './config.ts';

const tags = ['deviations'];

export function registerDeviationRoutes(app: App, deps: { config: Config; database: Database }): void {
  const { db } = deps.database;

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
}
