import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';

interface PgErrorLike {
  code?: unknown;
  constraint?: unknown;
  cause?: unknown;
}

/** The PostgreSQL error under Drizzle's wrapper (DrizzleQueryError keeps the driver's error in `cause`). */
function pgErrorOf(error: unknown): { code: string; constraint: string | null } | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const candidate = current as PgErrorLike;
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return {
        code: candidate.code,
        constraint: typeof candidate.constraint === 'string' ? candidate.constraint : null,
      };
    }
    current = candidate.cause;
  }
  return null;
}

const uniqueMessages: Record<string, string> = {
  organisations_name_unique: 'organisation.organisation_name_taken',
  units_external_id_idx: 'organisation.unit_external_id_taken',
  people_username_idx: 'organisation.username_taken',
  role_assignments_unique_idx: 'organisation.role_exists',
  bodies_name_unique: 'organisation.body_name_taken',
};

/**
 * The use cases check existence and uniqueness first, so these are the races between two requests.
 * They still must answer 4xx, never 500.
 */
export function translateDbError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const pgError = pgErrorOf(error);
  if (!pgError) return error;
  switch (pgError.code) {
    case '23505':
      return new AppError(
        (pgError.constraint && uniqueMessages[pgError.constraint]) || 'organisation.duplicate',
        'conflict',
      );
    case '23503':
      return new AppError('organisation.reference_missing', 'conflict');
    case '40001':
    case '40P01':
      return new AppError('organisation.concurrent_change', 'conflict');
    default:
      return error;
  }
}

/** Runs one use case in one transaction: all its writes and audit rows commit together or not at all. */
export async function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await db.transaction((tx) => work(tx));
  } catch (error) {
    throw translateDbError(error);
  }
}
