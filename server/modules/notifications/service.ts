import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Notification } from '../../../contracts/notifications.ts';
import type { Actor } from '../../platform/access.ts';
import { type AuditContext, writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { linkFor, renderDetail, renderTitle } from './render.ts';
import { notifications } from './tables.ts';

type Row = typeof notifications.$inferSelect;

/** A row as the reader sees it: text in the reader's language, with where to go. */
export function presentNotification(actor: Actor, row: Row): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: renderTitle(actor.language, row.kind, row.params),
    detail: renderDetail(actor.language, row.kind, row.params),
    link: linkFor(row.kind, row.entityType, row.entityId),
    entityType: row.entityType,
    entityId: row.entityId,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt ? row.readAt.toISOString() : null,
  };
}

export async function countUnread(options: { actor: Actor }, tx: Db): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.personId, options.actor.personId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** The caller's own notifications, newest first; only ever one's own, so no policy beyond that. */
export async function listNotifications(
  options: { actor: Actor; page: number; pageSize: number },
  tx: Db,
): Promise<{ items: Notification[]; total: number; unread: number }> {
  const { actor, page, pageSize } = options;
  const mine = eq(notifications.personId, actor.personId);
  const rows = await tx
    .select()
    .from(notifications)
    .where(mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await tx.select({ n: count() }).from(notifications).where(mine);
  return {
    items: rows.map((row) => presentNotification(actor, row)),
    total: total?.n ?? 0,
    unread: await countUnread({ actor }, tx),
  };
}

/**
 * Marks some or all of the caller's unread notifications read. Reading one's own notifications is
 * not audited (nobody else's data is read), but marking them read changes state, so it writes one
 * audit row per request (how many, not which) — the house rule, at the cost of one insert.
 */
export async function markNotificationsRead(
  options: { actor: Actor; audit: AuditContext; ids?: readonly string[]; all?: boolean },
  tx: Db,
): Promise<{ updated: number; unread: number }> {
  const { actor } = options;
  const conditions = [eq(notifications.personId, actor.personId), isNull(notifications.readAt)];
  // Someone else's id simply matches nothing: no answer tells whether it exists.
  if (!options.all) conditions.push(inArray(notifications.id, [...(options.ids ?? [])]));
  const updated = await tx
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(...conditions))
    .returning({ id: notifications.id });
  if (updated.length > 0) {
    await writeAudit(tx, options.audit, {
      action: 'notification.read',
      entityType: 'person',
      entityId: actor.personId,
      summary: { count: updated.length, all: options.all === true },
    });
  }
  return { updated: updated.length, unread: await countUnread({ actor }, tx) };
}
