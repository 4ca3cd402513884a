// The documents module's public face: other modules import only from here.
export { registerDocumentRoutes } from './routes.ts';
export { documentTemplates, documentTypes } from './tables.ts';
