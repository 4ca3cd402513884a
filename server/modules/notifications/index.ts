/**
 * Notifications: what a person is told, in the app and by e-mail.
 *
 *   await notify(tx, { personIds, kind, params, entityType: 'deviation', entityId });
 *
 * Call it with the SAME transaction as the change that causes it. It inserts one in-app
 * notification per person (duplicates in personIds are told once) and, when e-mail is on, queues
 * one e-mail job per person in that transaction too: a rolled-back change leaves neither, and a
 * committed one keeps its e-mail job even if the process dies right after the commit.
 *
 * - `kind`: one of `notificationKinds` (messages.ts); an unknown kind is a programming error.
 * - `params`: plain strings such as { number: 'AV-2026-000001', body: 'Avvikelseforum', by: 'Kim' }.
 *   The e-mail uses only number, body, type and unit (render.ts `pickMailSafe`), so a reason or a
 *   name given here stays in the app. Never put a patient identifier or the narrative in params.
 * - Text is rendered in the recipient's language (people.language) when read or mailed.
 */
import type { Db } from '../../platform/db.ts';
import { isNotificationKind } from './messages.ts';
import { MAIL_QUEUE, mailOutbox } from './outbox.ts';
import { notifications } from './tables.ts';

export { type EntityDescriber, startNotificationMail } from './mail.ts';
export { type NotificationKind, notificationKinds } from './messages.ts';

export interface NotifyInput {
  personIds: readonly string[];
  kind: string;
  params: Record<string, string>;
  entityType?: string | null;
  entityId?: string | null;
  /** in the app only, no e-mail: for notices to many at once (a document's whole audience) */
  inAppOnly?: boolean;
}

export async function notify(tx: Db, input: NotifyInput): Promise<void> {
  if (!isNotificationKind(input.kind)) throw new Error(`notify: unknown notification kind ${input.kind}`);
  const personIds = [...new Set(input.personIds)];
  if (personIds.length === 0) return;
  const rows = await tx
    .insert(notifications)
    .values(
      personIds.map((personId) => ({
        personId,
        kind: input.kind,
        params: input.params,
        entityType: input.entityType ?? null,
        entityId: input.entityId ?? null,
      })),
    )
    .returning({ id: notifications.id });
  const outbox = input.inAppOnly ? null : mailOutbox();
  if (!outbox) return;
  // The job carries only the notification's id: the worker reads the rest (and the recipient's
  // current address and language) when it sends.
  for (const row of rows) await outbox.enqueue(tx, MAIL_QUEUE, { notificationId: row.id });
}
