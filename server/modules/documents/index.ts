// The documents module's public face: other modules import only from here.

export { type ReadableDocument, readableDocument, readableDocuments } from './readable.ts';
export { registerDocumentRoutes } from './routes.ts';
export { documents, documentTemplates, documentTypes, documentVersions } from './tables.ts';
