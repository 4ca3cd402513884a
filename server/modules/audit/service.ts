import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access.ts';
import { type Db, inOrder } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { auditLog } from '../../platform/tables.ts';
import { auditEntriesOf, loadSteward } from '../organisation/index.ts';

export interface AuditRecord {
  id: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: Record<string, unknown>;
  requestId: string | null;
}

/**
 * Audit rows matching the filters, newest first, one page at a time; only those of the organisations
 * the actor administers (policy.ts).
 */
export async function listAuditEntries(
  options: {
    actor: Actor;
    actorId?: string | undefined;
    action?: string | undefined;
    entityType?: string | undefined;
    entityId?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    page: number;
    pageSize: number;
  },
  tx: Db,
): Promise<{ items: AuditRecord[]; total: number }> {
  const from = options.from ? new Date(options.from) : undefined;
  const to = options.to ? new Date(options.to) : undefined;
  if (from && to && from > to) {
    throw new AppError('audit.invalid_range', 'validation', {
      fields: [{ path: 'from', key: 'audit.invalid_range' }],
    });
  }
  const { administered } = await loadSteward(tx, options.actor);
  const conditions: SQL[] = [auditEntriesOf(tx, [...administered])];
  if (options.actorId) conditions.push(eq(auditLog.actorId, options.actorId));
  if (options.action) conditions.push(eq(auditLog.action, options.action));
  if (options.entityType) conditions.push(eq(auditLog.entityType, options.entityType));
  if (options.entityId) conditions.push(eq(auditLog.entityId, options.entityId));
  if (from) conditions.push(gte(auditLog.at, from));
  if (to) conditions.push(lte(auditLog.at, to));
  const where = and(...conditions);
  const [totals, items] = await inOrder([
    tx.select({ n: count() }).from(auditLog).where(where),
    tx
      .select()
      .from(auditLog)
      .where(where)
      // Rows written in one transaction share `at`; the id keeps their order stable.
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}
