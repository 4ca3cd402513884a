// The documents module's public face: other modules import only from here.

export { type ReadableDocument, readableDocument, readableDocuments } from './readable.ts';
export { registerDocumentRoutes } from './routes.ts';
export {
  documentEvents,
  documentReviewComments,
  documentReviewRounds,
  documents,
  documentTemplates,
  documentTypes,
  documentVersions,
  versionSectionsOf,
} from './tables.ts';
export { describeDocument, REVIEW_REMINDER_QUEUE, runReviewReminders } from './validity.ts';
