import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { people } from '../organisation/tables.ts';

/**
 * What a person is told in the app (with an unread count); the same message may also go out by
 * e-mail. `kind` and `params` are rendered in the reader's language when listed, so a notification
 * follows a later change of language.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull().default({}),
    /** the thing it is about, e.g. 'deviation' and its id; the web app links to it */
    entityType: text('entity_type'),
    entityId: uuid('entity_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_person_idx').on(t.personId, t.createdAt)],
);
