import { z } from 'zod';
import {
  changePasswordBody,
  csrfResponse,
  languageBody,
  loginBody,
  logoutBody,
  meResponse,
} from '../../../contracts/auth.ts';
import { type Actor, hasRole, requireActor } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { type App, auditContextOf, cookieOptions, LANG_COOKIE } from '../../platform/http.ts';
import {
  CSRF_COOKIE,
  newToken,
  revokeSession,
  revokeSessionsOf,
  SESSION_COOKIE,
} from '../../platform/sessions.ts';
import { getMe, isOrganisationAdministrator, loadActor, setLanguage } from '../organisation/index.ts';
import './messages.ts';
import { changeOwnPassword, signIn } from './service.ts';

const tags = ['auth'];

/** What the web app may offer; every request is checked again on the server. */
function allowedActions(actor: Actor): Array<'administer' | 'viewAudit'> {
  const actions: Array<'administer' | 'viewAudit'> = [];
  if (hasRole(actor, 'administrator')) actions.push('administer');
  // The audit log is for organisation administrators only (see audit/policy.ts).
  if (isOrganisationAdministrator(actor)) actions.push('viewAudit');
  return actions;
}

export function registerAuthRoutes(app: App, deps: { config: Config; database: Database }): void {
  const { config, database } = deps;
  const db = database.db;

  app.get(
    '/api/auth/csrf',
    {
      schema: { tags, summary: 'The CSRF token to echo in x-csrf-token', response: { 200: csrfResponse } },
      config: { access: 'public' },
    },
    async (request) => ({ csrfToken: request.csrfToken }),
  );

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in; sets the session cookie',
        body: loginBody,
        response: { 200: meResponse },
      },
      config: {
        access: 'public',
        rateLimit: {
          max: config.LOOPEN_LOGIN_RATE_LIMIT_PER_MINUTE,
          timeWindow: '1 minute',
        },
      },
    },
    async (request, reply) => {
      const session = await signIn(
        {
          ...request.body,
          previousSessionId: request.actor?.sessionId ?? null,
          userAgent: request.headers['user-agent'] ?? null,
          audit: auditContextOf(request),
          config,
        },
        db,
      );
      reply.setCookie(SESSION_COOKIE, session.token, {
        ...cookieOptions(config, true),
        maxAge: config.LOOPEN_SESSION_MAX_HOURS * 3600,
      });
      reply.setCookie(CSRF_COOKIE, newToken(), cookieOptions(config, false));
      const actor = await loadActor(db, session.personId, session.sessionId);
      if (!actor) throw new AppError('auth.invalid_credentials', 'unauthenticated');
      request.lang = actor.language;
      return { ...(await getMe(db, actor)), allowedActions: allowedActions(actor) };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags,
        summary: 'Sign out (everywhere: true ends every session of the person)',
        body: logoutBody,
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (actor) {
        const everywhere = request.body?.everywhere === true;
        await db.transaction(async (tx) => {
          if (everywhere) await revokeSessionsOf(tx, actor.personId);
          else await revokeSession(tx, actor.sessionId);
          await writeAudit(tx, auditContextOf(request), {
            action: everywhere ? 'auth.logout_everywhere' : 'auth.logout',
            entityType: 'person',
            entityId: actor.personId,
          });
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/me',
    {
      schema: {
        tags,
        summary: 'The signed-in person, organisation, roles, bodies and language',
        response: { 200: meResponse },
      },
      config: { access: 'signedIn' },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return { ...(await getMe(db, actor)), allowedActions: allowedActions(actor) };
    },
  );

  app.put(
    '/api/me/language',
    {
      schema: {
        tags,
        summary: "Remember the person's language",
        body: languageBody,
        response: { 200: meResponse },
      },
      config: { access: 'signedIn' },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const { language } = request.body;
      await db.transaction(async (tx) => {
        await setLanguage(tx, actor.personId, language);
        await writeAudit(tx, auditContextOf(request), {
          action: 'person.language_changed',
          entityType: 'person',
          entityId: actor.personId,
          summary: { language: [actor.language, language] },
        });
      });
      reply.setCookie(LANG_COOKIE, language, { ...cookieOptions(config, false), maxAge: 365 * 24 * 3600 });
      request.lang = language;
      const updated = { ...actor, language };
      return { ...(await getMe(db, updated)), allowedActions: allowedActions(updated) };
    },
  );

  app.post(
    '/api/me/password',
    {
      schema: {
        tags,
        summary: 'Change password; every other session of the person ends',
        body: changePasswordBody,
        response: { 204: z.null() },
      },
      config: { access: 'signedIn' },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      await changeOwnPassword({ actor, ...request.body, audit: auditContextOf(request), config }, db);
      return reply.status(204).send(null);
    },
  );
}
