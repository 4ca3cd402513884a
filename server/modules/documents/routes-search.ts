import { documentSearchQuery, documentSearchResponse } from '../../../contracts/document-search.ts';
import { requireActor } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import { searchDocuments } from './search.ts';

const tags = ['documents'];

/**
 * GET /api/documents/search. A static path: the router prefers it to /api/documents/{id}, whatever
 * the order of registration.
 */
export function registerDocumentSearchRoutes(
  app: App,
  db: Db,
  inTx: <T>(db: Db, work: (tx: Db) => Promise<T>) => Promise<T>,
): void {
  app.get(
    '/api/documents/search',
    {
      config: { access: 'signedIn' as const },
      schema: {
        tags,
        summary: "Search the caller's organisation's documents by their words",
        description:
          'q is parsed as a web search (words, "a phrase", -not, or) in Swedish, Norwegian and English, and ' +
          "matched against each document's title and the text of its current published version, stemmed in " +
          "the document's language. Published documents for everyone; a document never published only for its " +
          "owner, reviewers and approver and the organisation's administrators. Filters: typeId, unitId (the " +
          'audience includes that unit or one above it), profession, status, pastReviewDate (review-by date ' +
          'before today in Europe/Stockholm). Documents whose title matches come first, then those whose text ' +
          'matches; each group by title. highlights are plain-text ' +
          'pieces around the hits (hit: true for the matching words), never markup. total counts at most ' +
          '1000 (totalIsLowerBound says there are more).',
        querystring: documentSearchQuery,
        response: { 200: documentSearchResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return inTx(db, (tx) => searchDocuments({ actor, query: request.query }, tx));
    },
  );
}
