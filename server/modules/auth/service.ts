import type { Actor } from '../../platform/access.ts';
import { type AuditContext, writeAudit } from '../../platform/audit.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { hashPassword, verifyPassword } from '../../platform/passwords.ts';
import {
  clearLoginFailures,
  createSession,
  registerLoginAttempt,
  revokeSession,
  revokeSessionsOf,
} from '../../platform/sessions.ts';
import { findPersonForLogin, getPasswordHash, setPasswordHash } from '../organisation/index.ts';

function throttlePolicy(config: Config): { maxFailures: number; lockMinutes: number } {
  return { maxFailures: config.LOOPEN_LOGIN_MAX_FAILURES, lockMinutes: config.LOOPEN_LOGIN_LOCK_MINUTES };
}

function lockedError(waitSeconds: number): AppError {
  return new AppError('auth.locked', 'too_many_requests', {
    params: { minutes: Math.ceil(waitSeconds / 60) },
  });
}

/**
 * Signs a person in: the attempt is counted before the password is checked (so parallel guesses
 * cannot pass the limit), a failure is audited, and a success revokes any session the browser
 * brought and creates a new one (no session fixation).
 */
export async function signIn(
  options: {
    username: string;
    password: string;
    previousSessionId: string | null;
    userAgent: string | null;
    audit: AuditContext;
    config: Config;
  },
  db: Db,
): Promise<{ personId: string; sessionId: string; token: string }> {
  const { username, password, config } = options;
  const waitSeconds = await registerLoginAttempt(db, username, throttlePolicy(config));
  if (waitSeconds > 0) throw lockedError(waitSeconds);
  const person = await findPersonForLogin(db, username);
  const ok = await verifyPassword(person?.passwordHash ?? null, password);
  if (!person || !ok) {
    await writeAudit(db, options.audit, {
      action: 'auth.login_failed',
      entityType: 'person',
      entityId: person?.id ?? null,
      // What was typed is kept only when it names an account: people type passwords there too.
      summary: person ? { username: person.username } : { unknownUsername: true },
    });
    throw new AppError('auth.invalid_credentials', 'unauthenticated');
  }
  return db.transaction(async (tx) => {
    if (options.previousSessionId) await revokeSession(tx, options.previousSessionId);
    await clearLoginFailures(tx, username);
    const session = await createSession(
      tx,
      person.id,
      { idleMinutes: config.LOOPEN_SESSION_IDLE_MINUTES, maxHours: config.LOOPEN_SESSION_MAX_HOURS },
      options.userAgent,
    );
    await writeAudit(
      tx,
      { ...options.audit, actorId: person.id, actorName: person.name },
      {
        action: 'auth.login',
        entityType: 'person',
        entityId: person.id,
      },
    );
    return { personId: person.id, sessionId: session.id, token: session.token };
  });
}

/**
 * Changes the signed-in person's password. Wrong guesses of the current password count against the
 * same sign-in limit as the login form, so an unattended session cannot be used to find it; when the
 * limit is reached, this session ends too.
 */
export async function changeOwnPassword(
  options: {
    actor: Actor;
    currentPassword: string;
    newPassword: string;
    audit: AuditContext;
    config: Config;
  },
  db: Db,
): Promise<void> {
  const { actor, currentPassword, newPassword, config } = options;
  const waitSeconds = await registerLoginAttempt(db, actor.username, throttlePolicy(config));
  if (waitSeconds > 0) {
    await db.transaction(async (tx) => {
      await revokeSession(tx, actor.sessionId);
      await writeAudit(tx, options.audit, {
        action: 'auth.password_guessing_stopped',
        entityType: 'person',
        entityId: actor.personId,
      });
    });
    throw lockedError(waitSeconds);
  }
  if (!(await verifyPassword(await getPasswordHash(db, actor.personId), currentPassword))) {
    await writeAudit(db, options.audit, {
      action: 'person.password_change_failed',
      entityType: 'person',
      entityId: actor.personId,
    });
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
    await clearLoginFailures(tx, actor.username);
    await setPasswordHash(tx, actor.personId, passwordHash);
    const ended = await revokeSessionsOf(tx, actor.personId, actor.sessionId);
    await writeAudit(tx, options.audit, {
      action: 'person.password_changed',
      entityType: 'person',
      entityId: actor.personId,
      summary: { otherSessionsEnded: ended },
    });
  });
}
