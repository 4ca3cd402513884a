import type { Jobs } from '../../platform/jobs.ts';

/** The pg-boss queue of notification e-mails: one job per recipient, carrying the notification id. */
export const MAIL_QUEUE = 'notification-mail';

/** Set while this process has e-mail on (startNotificationMail); null means in-app only. */
let outbox: Jobs | null = null;

export function setMailOutbox(jobs: Jobs | null): void {
  outbox = jobs;
}

export function mailOutbox(): Jobs | null {
  return outbox;
}
