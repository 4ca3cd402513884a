import { type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db.ts';

export interface CappedTotal {
  total: number;
  /** more rows match than `cap`: total says "at least" */
  totalIsLowerBound: boolean;
}

/**
 * How many rows of `from` match `where`, for a paged list whose page has `onPage` rows. A short first
 * page is the whole answer; otherwise count, but never past `cap`: counting every match of a broad
 * filter would cost more than the page itself.
 */
export async function cappedTotal(
  tx: Db,
  options: {
    from: PgTable;
    where: SQL | undefined;
    cap: number;
    page: number;
    pageSize: number;
    onPage: number;
  },
): Promise<CappedTotal> {
  const { cap, page, pageSize, onPage } = options;
  if (page <= 1 && onPage !== pageSize) return { total: onPage, totalIsLowerBound: false };
  const capped = tx
    .select({ one: sql`1` })
    .from(options.from)
    .where(options.where)
    .limit(cap + 1)
    .as('capped');
  const [counted] = await tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(capped);
  const n = counted?.n ?? 0;
  return { total: Math.min(n, cap), totalIsLowerBound: n > cap };
}
