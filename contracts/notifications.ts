import { z } from 'zod';
import { paged, pageQuery } from './common.ts';

/** One notification, rendered in the reader's language. */
export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  /** more in the app only (who forwarded, a reason, a body's instructions); null when none */
  detail: z.string().nullable(),
  /** where the web app shows the thing it is about, e.g. /deviations/<id>; null when nowhere */
  link: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.uuid().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  readAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

/** GET /api/notifications: the caller's own, newest first. */
export const notificationListQuery = z.object({ ...pageQuery }).strict();
export const notificationListResponse = paged(notificationSchema).extend({ unread: z.number().int() });
export type NotificationList = z.infer<typeof notificationListResponse>;

export const unreadCountResponse = z.object({ unread: z.number().int() });

/** POST /api/notifications/read: some of one's own notifications, or all of them. */
export const markReadBody = z.union([
  z.object({ ids: z.array(z.uuid()).min(1).max(200) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type MarkReadBody = z.infer<typeof markReadBody>;
export const markReadResponse = z.object({ updated: z.number().int(), unread: z.number().int() });
