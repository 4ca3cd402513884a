// The documents module's public face: other modules import only from here.

export { askToRead, handleReadRequested, READ_REQUESTED_QUEUE } from './reading.ts';
export { registerDocumentRoutes } from './routes.ts';
export { documents, documentTemplates, documentTypes, documentVersions } from './tables.ts';
export { describeDocument, REVIEW_REMINDER_QUEUE, runReviewReminders } from './validity.ts';
