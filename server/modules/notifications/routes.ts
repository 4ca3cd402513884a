import {
  markReadBody,
  markReadResponse,
  notificationListQuery,
  notificationListResponse,
  unreadCountResponse,
} from '../../../contracts/notifications.ts';
import { requireActor } from '../../platform/access.ts';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db.ts';
import { type App, auditContextOf } from '../../platform/http.ts';
import { countUnread, listNotifications, markNotificationsRead } from './service.ts';

const tags = ['notifications'];

export function registerNotificationRoutes(app: App, deps: { config: Config; database: Database }): void {
  const { db } = deps.database;

  app.get(
    '/api/notifications',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Your notifications, newest first, in your language, with the unread count',
        description:
          'Each item has a title (and maybe a detail) rendered in your language and a link to what it ' +
          'is about, e.g. /deviations/<id>. Only your own notifications are ever listed.',
        querystring: notificationListQuery,
        response: { 200: notificationListResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const { page, pageSize } = request.query;
      const found = await db.transaction((tx) => listNotifications({ actor, page, pageSize }, tx));
      return { ...found, page, pageSize };
    },
  );

  app.get(
    '/api/notifications/unread-count',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'How many of your notifications are unread (the web app polls this)',
        response: { 200: unreadCountResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return { unread: await countUnread({ actor }, db) };
    },
  );

  app.post(
    '/api/notifications/read',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Mark some of your notifications read ({ ids }) or all of them ({ all: true })',
        description: 'Ids that are not yours, or already read, are passed over. Answers how many changed.',
        body: markReadBody,
        response: { 200: markReadResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const body = request.body;
      const audit = auditContextOf(request);
      return db.transaction((tx) =>
        'all' in body
          ? markNotificationsRead({ actor, audit, all: true }, tx)
          : markNotificationsRead({ actor, audit, ids: body.ids }, tx),
      );
    },
  );
}
