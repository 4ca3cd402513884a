import { auditListResponse, auditQuery } from '../../../contracts/organisation.ts';
import { assertAllowed, requireActor } from '../../platform/access.ts';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import './messages.ts';
import { mayViewAudit } from './policy.ts';
import { presentAuditEntry } from './presenter.ts';
import { listAuditEntries } from './service.ts';

const tags = ['audit'];

export function registerAuditRoutes(app: App, deps: { config: Config; database: Database }): void {
  const { db } = deps.database;

  app.get(
    '/api/audit',
    {
      config: { access: ['administrator'] },
      schema: {
        tags,
        summary: 'Browse the audit trail of your organisation, newest first (organisation administrators)',
        description:
          'Entries by people of the organisations you administer, and entries about their people, units, ' +
          'bodies and the organisation itself. ' +
          'Filter by actorId, action (e.g. unit.moved), entityType and entityId (e.g. unit + its id), and ' +
          'a time range from..to (inclusive, ISO 8601 with offset).',
        querystring: auditQuery,
        response: { 200: auditListResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      assertAllowed(mayViewAudit(actor), 'audit.organisation_admin_required');
      const { page, pageSize } = request.query;
      // One transaction, so the page and the total come from the same snapshot.
      const found = await db.transaction((tx) => listAuditEntries({ actor, ...request.query }, tx));
      return { items: found.items.map(presentAuditEntry), total: found.total, page, pageSize };
    },
  );
}
