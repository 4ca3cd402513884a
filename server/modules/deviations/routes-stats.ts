import {
  deviationStatsExportQuery,
  deviationStatsQuery,
  deviationStatsResponse,
} from '../../../contracts/deviation-stats.ts';
import { requireActor } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Config } from '../../platform/config.ts';
import { stockholmDay } from '../../platform/days.ts';
import type { Database } from '../../platform/db.ts';
import { type App, auditContextOf } from '../../platform/http.ts';
import { getDeviationStats } from './stats.ts';
import { exportStats } from './stats-export.ts';

const tags = ['deviations'];
const access = ['manager', 'quality_coordinator'] as const;

const filtersDescription =
  'Filters as in GET /api/deviations: from/to (report dates, inclusive), entryId, categoryId (with ' +
  'everything under it), unitId (with its subtree), status (comma-separated). Counted only within ' +
  'the units the caller manages or coordinates.';

export function registerDeviationStatsRoutes(app: App, deps: { config: Config; database: Database }): void {
  const { db } = deps.database;

  app.get(
    '/api/deviations/stats',
    {
      config: { access: [...access] },
      schema: {
        tags,
        summary: 'How common each kind of deviation is: counts, overdue and median handling time',
        description:
          `${filtersDescription} groupBy: entry, category (the type), area (the top of the classification ` +
          'tree), unit (the children of unitId rolling up their subtrees; by default your own units), month ' +
          'or status. Each row carries the list query (drillDown) that shows the cases behind it.',
        querystring: deviationStatsQuery,
        response: { 200: deviationStatsResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const { groupBy, ...filters } = request.query;
      return db.transaction((tx) => getDeviationStats({ actor, groupBy, filters }, tx));
    },
  );

  app.get(
    '/api/deviations/stats/export',
    {
      config: { access: [...access] },
      schema: {
        tags,
        summary: 'The same statistics as a CSV (semicolons, UTF-8 with BOM) or XLSX file',
        description: `${filtersDescription} Headings come in the caller's language. The export is logged.`,
        querystring: deviationStatsExportQuery,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const { format, groupBy, ...filters } = request.query;
      const file = await db.transaction(async (tx) => {
        const stats = await getDeviationStats({ actor, groupBy, filters }, tx);
        // Numbers leaving the system are worth a line in the audit log.
        await writeAudit(tx, auditContextOf(request), {
          action: 'deviation.stats_exported',
          entityType: 'deviation',
          summary: { format, groupBy, filters },
        });
        return exportStats(stats, {
          format,
          lang: actor.language,
          today: stockholmDay(),
        });
      });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );
}
