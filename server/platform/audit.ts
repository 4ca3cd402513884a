import type { Db } from './db.ts';
import { auditLog } from './tables.ts';

/** Who did it, and in which request: passed to every use case that changes state. */
export interface AuditContext {
  actorId: string | null;
  actorName: string | null;
  requestId: string | null;
}

export const systemContext: AuditContext = { actorId: null, actorName: 'system', requestId: null };

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  summary?: Record<string, unknown>;
}

/**
 * Writes audit rows: one entry, or many (a bulk import) in batched inserts. Call it with the same
 * transaction as the change it records, so that the change and its audit rows commit or vanish
 * together.
 */
export async function writeAudit(
  tx: Db,
  ctx: AuditContext,
  entries: AuditEntry | AuditEntry[],
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  for (let i = 0; i < list.length; i += 500) {
    await tx.insert(auditLog).values(
      list.slice(i, i + 500).map((entry) => ({
        actorId: ctx.actorId,
        actorName: ctx.actorName,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId ?? null,
        summary: entry.summary ?? {},
        requestId: ctx.requestId,
      })),
    );
  }
}

/** A compact "what changed" summary: only the fields whose values differ, as { field: [before, after] }. */
export function diffSummary(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after)) {
    if (after[key] === undefined) continue;
    const a = before[key] instanceof Date ? (before[key] as Date).toISOString() : before[key];
    const b = after[key] instanceof Date ? (after[key] as Date).toISOString() : after[key];
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = [a ?? null, b ?? null];
  }
  return changes;
}
