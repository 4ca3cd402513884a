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
import { hashPassword, verifyPassword } from '../../platform/passwords.ts';
import {
  CSRF_COOKIE,
  clearLoginFailures,
  createSession,
  lockedFor,
  newToken,
  recordLoginFailure,
  revokeSession,
  revokeSessionsOf,
  SESSION_COOKIE,
} from '../../platform/sessions.ts';
import {
  findPersonForLogin,
  getMe,
  getPasswordHash,
  loadActor,
  setLanguage,
  setPasswordHash,
} from '../organisation/index.ts';
import './messages.ts';

const tags = ['auth'];

function allowedActions(actor: Actor): Array<'administer' | 'viewAudit'> {
  return hasRole(actor, 'administrator') ? ['administer', 'viewAudit'] : [];
}

export function registerAuthRoutes(app: App, deps: { config: Config; database: Database }): void {
  const { config, database } = deps;
  const db = database.db;
  const sessionPolicy = {
    idleMinutes: config.LOOPEN_SESSION_IDLE_MINUTES,
    maxHours: config.LOOPEN_SESSION_MAX_HOURS,
  };

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
          max: Math.max(20, Math.floor(config.LOOPEN_RATE_LIMIT_PER_MINUTE / 10)),
          timeWindow: '1 minute',
        },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const waitSeconds = await lockedFor(db, username);
      if (waitSeconds > 0) {
        throw new AppError('auth.locked', 'too_many_requests', {
          params: { minutes: Math.ceil(waitSeconds / 60) },
        });
      }
      const person = await findPersonForLogin(db, username);
      const ok = await verifyPassword(person?.passwordHash ?? null, password);
      if (!person || !ok) {
        await db.transaction(async (tx) => {
          await recordLoginFailure(tx, username, {
            maxFailures: config.LOOPEN_LOGIN_MAX_FAILURES,
            lockMinutes: config.LOOPEN_LOGIN_LOCK_MINUTES,
          });
          await writeAudit(tx, auditContextOf(request), {
            action: 'auth.login_failed',
            entityType: 'person',
            entityId: person?.id ?? null,
            summary: { username: username.slice(0, 200) },
          });
        });
        throw new AppError('auth.invalid_credentials', 'unauthenticated');
      }
      // A fresh session on every sign-in (never reuse one the browser brought: session fixation).
      const previous = request.actor?.sessionId;
      const session = await db.transaction(async (tx) => {
        if (previous) await revokeSession(tx, previous);
        await clearLoginFailures(tx, username);
        const created = await createSession(
          tx,
          person.id,
          sessionPolicy,
          request.headers['user-agent'] ?? null,
        );
        await writeAudit(
          tx,
          { actorId: person.id, actorName: person.name, requestId: request.id },
          {
            action: 'auth.login',
            entityType: 'person',
            entityId: person.id,
          },
        );
        return created;
      });
      reply.setCookie(SESSION_COOKIE, session.token, {
        ...cookieOptions(config, true),
        maxAge: config.LOOPEN_SESSION_MAX_HOURS * 3600,
      });
      reply.setCookie(CSRF_COOKIE, newToken(), cookieOptions(config, false));
      const actor = await loadActor(db, person.id, session.id);
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
      const { currentPassword, newPassword } = request.body;
      if (!(await verifyPassword(await getPasswordHash(db, actor.personId), currentPassword))) {
        throw new AppError('auth.wrong_current_password', 'validation', {
          fields: [{ path: 'currentPassword', key: 'auth.wrong_current_password' }],
        });
      }
      if (currentPassword === newPassword) {
        throw new AppError('auth.password_same', 'validation', {
          fields: [{ path: 'newPassword', key: 'auth.password_same' }],
        });
      }
      const passwordHash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        await setPasswordHash(tx, actor.personId, passwordHash);
        const ended = await revokeSessionsOf(tx, actor.personId, actor.sessionId);
        await writeAudit(tx, auditContextOf(request), {
          action: 'person.password_changed',
          entityType: 'person',
          entityId: actor.personId,
          summary: { otherSessionsEnded: ended },
        });
      });
      return reply.status(204).send(null);
    },
  );
}
