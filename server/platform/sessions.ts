import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from './db.ts';
import { loginThrottle, sessions } from './tables.ts';

export const SESSION_COOKIE = 'loopen_session';
export const CSRF_COOKIE = 'loopen_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

/** Creates a session and returns the token for the cookie; only its hash is stored. */
export async function createSession(
  db: Db,
  personId: string,
  policy: SessionPolicy,
  userAgent: string | null,
): Promise<{ id: string; token: string }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + policy.maxHours * 3600_000);
  const [row] = await db
    .insert(sessions)
    .values({ tokenHash: hashToken(token), personId, expiresAt, userAgent: userAgent?.slice(0, 300) ?? null })
    .returning({ id: sessions.id });
  if (!row) throw new Error('session insert returned no row');
  return { id: row.id, token };
}

/**
 * Finds the live session for a token: not revoked, not past its absolute expiry, and used within the
 * idle timeout. Marks it used (at most once a minute, to spare the database a write per request).
 */
export async function findSession(
  db: Db,
  token: string,
  policy: SessionPolicy,
): Promise<{ id: string; personId: string } | null> {
  const now = new Date();
  const idleSince = new Date(now.getTime() - policy.idleMinutes * 60_000);
  const [row] = await db
    .select({ id: sessions.id, personId: sessions.personId, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(
      and(
        eq(sessions.tokenHash, hashToken(token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, idleSince),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.id));
  }
  return { id: row.id, personId: row.personId };
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
}

/** Signs a person out everywhere (password change, deactivation), optionally keeping one session. */
export async function revokeSessionsOf(db: Db, personId: string, keepSessionId?: string): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(sessions.personId, personId),
        isNull(sessions.revokedAt),
        keepSessionId ? sql`${sessions.id} <> ${keepSessionId}` : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

/** Removes sessions that can no longer be used; run at start and periodically. */
export async function pruneSessions(db: Db, policy: SessionPolicy): Promise<void> {
  const idleSince = new Date(Date.now() - policy.idleMinutes * 60_000);
  await db.delete(sessions).where(or(lt(sessions.expiresAt, new Date()), lt(sessions.lastSeenAt, idleSince)));
}

export interface ThrottlePolicy {
  maxFailures: number;
  lockMinutes: number;
}

/**
 * Counts a sign-in attempt for a username before its password is checked, in one statement, so that
 * concurrent guesses cannot slip past the limit: after maxFailures attempts without a success the
 * username is locked for lockMinutes. A success clears the count (clearLoginFailures). Counts older
 * than the lock window start afresh. Returns the seconds to wait, or 0 when this attempt may go on.
 */
export async function registerLoginAttempt(
  db: Db,
  username: string,
  policy: ThrottlePolicy,
): Promise<number> {
  const key = username.toLowerCase().slice(0, 200);
  const lock = sql`make_interval(mins => ${policy.lockMinutes})`;
  const restart = sql`(${loginThrottle.lockedUntil} is not null and ${loginThrottle.lockedUntil} <= now())
    or ${loginThrottle.lastFailureAt} < now() - ${lock}`;
  const attempts = sql`case when ${restart} then 1 else ${loginThrottle.failures} + 1 end`;
  const [row] = await db
    .insert(loginThrottle)
    .values({ username: key, failures: 1, lastFailureAt: new Date() })
    .onConflictDoUpdate({
      target: loginThrottle.username,
      set: {
        failures: attempts,
        lastFailureAt: sql`now()`,
        lockedUntil: sql`case
          when ${loginThrottle.lockedUntil} > now() then ${loginThrottle.lockedUntil}
          when ${attempts} > ${policy.maxFailures} then now() + ${lock}
          else null end`,
      },
    })
    .returning({ lockedUntil: loginThrottle.lockedUntil });
  if (!row?.lockedUntil) return 0;
  return Math.max(1, Math.ceil((row.lockedUntil.getTime() - Date.now()) / 1000));
}

export async function clearLoginFailures(db: Db, username: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.username, username.toLowerCase()));
}
