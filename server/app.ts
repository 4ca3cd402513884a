import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { registerAuditRoutes } from './modules/audit/routes.ts';
import { registerAuthRoutes } from './modules/auth/routes.ts';
import { registerDeviationRoutes } from './modules/deviations/routes.ts';
import { registerDocumentRoutes } from './modules/documents/routes.ts';
import { registerNotificationRoutes } from './modules/notifications/routes.ts';
import { loadActor } from './modules/organisation/index.ts';
import { registerOrganisationRoutes } from './modules/organisation/routes.ts';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db.ts';
import { AppError } from './platform/errors.ts';
import { type App, createPlatform } from './platform/http.ts';
import { sendProblem } from './platform/problems.ts';

export const webDist = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/web');

export interface AppOptions {
  config: Config;
  database: Database;
  logger?: boolean;
  /** serve the built web app from dist/web when it exists (off in API tests) */
  serveWeb?: boolean;
}

/** Builds the whole Loopen app: the platform, then every module's routes, then the web app. */
export async function buildApp(options: AppOptions): Promise<App> {
  const { config, database } = options;
  const app = await createPlatform({ config, database, loadActor, logger: options.logger ?? true });
  const deps = { config, database };

  registerAuthRoutes(app, deps);
  registerOrganisationRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerDeviationRoutes(app, deps);
  registerDocumentRoutes(app, deps);
  registerNotificationRoutes(app, deps);

  if (options.serveWeb !== false && existsSync(resolve(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
    // The web app owns every other GET path (client-side routing); unknown API paths stay 404.
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/'))
        return sendProblem(request, reply, new AppError('error.not_found', 'not_found'));
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  }
  return app;
}
