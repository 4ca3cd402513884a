import { versionParams } from '../../../contracts/documents.ts';
import { requireActor } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { type App, auditContextOf } from '../../platform/http.ts';
import { exportVersionPdf } from './pdf.ts';

// The PDF export of a published or superseded version: one read use case in one transaction with its
// audit row, answered as a file.

export function registerDocumentPdfRoutes(
  app: App,
  db: Db,
  inTx: <T>(db: Db, work: (tx: Db) => Promise<T>) => Promise<T>,
): void {
  app.get(
    '/api/documents/:id/versions/:number/pdf',
    {
      config: { access: 'signedIn' as const },
      schema: {
        tags: ['documents'],
        summary: 'A published or superseded version as a PDF',
        description:
          'Read under the same rules as GET /api/documents/{id}/versions/{number}. Every page carries the ' +
          'header (type, title, version, valid to, owner, approver, who it applies to) and "page x of y"; a ' +
          "superseded version is marked so on every page. Texts in the caller's language. A draft is refused " +
          '(409). The export is logged.',
        params: versionParams,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const { id, number } = request.params;
      const file = await inTx(db, (tx) =>
        exportVersionPdf({ actor, audit: auditContextOf(request), documentId: id, number }, tx),
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );
}
