import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import type { Lang } from '../../platform/i18n.ts';
import { t } from '../../platform/i18n.ts';
import type { Jobs } from '../../platform/jobs.ts';
import type { Mailer } from '../../platform/mail.ts';
import { people } from '../organisation/tables.ts';
import { MAIL_QUEUE, setMailOutbox } from './outbox.ts';
import { linkFor, pickMailSafe, renderTitle } from './render.ts';
import { notifications } from './tables.ts';

/**
 * What an e-mail may say about the thing a notification concerns, in the recipient's language:
 * e.g. a deviation's type and unit. The module that owns the entity provides it (wired in
 * main.ts), so this module reads no other module's tables for it.
 */
export type EntityDescriber = (
  db: Db,
  entityId: string,
  lang: Lang,
) => Promise<{ type?: string; unit?: string } | null>;

export interface MailDeps {
  db: Db;
  jobs: Jobs;
  mailer: Mailer;
  publicUrl: string;
  describers?: Record<string, EntityDescriber>;
}

function absolute(publicUrl: string, path: string): string {
  return new URL(path, publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`).toString();
}

/** Sends the e-mail of one notification: number, type, unit and a link only. */
export async function sendNotificationMail(deps: MailDeps, notificationId: string): Promise<void> {
  const [row] = await deps.db
    .select({
      kind: notifications.kind,
      params: notifications.params,
      entityType: notifications.entityType,
      entityId: notifications.entityId,
      email: people.email,
      name: people.name,
      language: people.language,
      active: people.active,
    })
    .from(notifications)
    .innerJoin(people, eq(people.id, notifications.personId))
    .where(eq(notifications.id, notificationId));
  // A deactivated person or one without an address gets the notice in the app only.
  if (!row?.active || !row.email) return;
  const lang = row.language;
  const describer = row.entityType ? deps.describers?.[row.entityType] : undefined;
  const described = describer && row.entityId ? await describer(deps.db, row.entityId, lang) : null;
  const params = { ...pickMailSafe(row.params), ...(described ?? {}) };
  const subject = renderTitle(lang, row.kind, params);
  const target = linkFor(row.kind, row.entityType, row.entityId) ?? '/notifications';
  const lines = [
    t(lang, 'notification.mail.greeting', { name: row.name }),
    '',
    subject,
    params.type ? t(lang, 'notification.mail.type', params) : null,
    params.unit ? t(lang, 'notification.mail.unit', params) : null,
    '',
    t(lang, 'notification.mail.open', { link: absolute(deps.publicUrl, target) }),
    '',
    t(lang, 'notification.mail.footer', { link: absolute(deps.publicUrl, '/notifications') }),
  ].filter((l): l is string => l !== null);
  await deps.mailer.send({ to: row.email, subject, text: `${lines.join('\n')}\n` });
}

/**
 * Turns e-mail on for this process: works the mail queue and lets notify() queue jobs. With e-mail
 * off (no LOOPEN_SMTP_URL) nothing is queued, so no job waits for a server that is not there.
 * Returns a function that turns it off again (before the jobs stop).
 */
export async function startNotificationMail(deps: MailDeps): Promise<() => void> {
  if (!deps.mailer.enabled) return () => {};
  await deps.jobs.work(MAIL_QUEUE, async (data) => {
    const id = data.notificationId;
    if (typeof id === 'string') await sendNotificationMail(deps, id);
  });
  setMailOutbox(deps.jobs);
  return () => setMailOutbox(null);
}
