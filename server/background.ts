import { describeDeviation, runDueDeadlineChecks } from './modules/deviations/deadlines.ts';
import { describeDocument, REVIEW_REMINDER_QUEUE, runReviewReminders } from './modules/documents/index.ts';
import { startNotificationMail } from './modules/notifications/index.ts';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db.ts';
import { startJobs } from './platform/jobs.ts';
import { createMailer } from './platform/mail.ts';

export const DEADLINE_QUEUE = 'deviation-deadlines';

export interface BackgroundLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface Background {
  stop(): Promise<void>;
}

/**
 * What runs beside the HTTP server, in every server process: the pg-boss job runner, the
 * notification e-mails (when LOOPEN_SMTP_URL is set) and the periodic deadline checks. pg-boss
 * hands each job to one process, so any number of processes may run this.
 */
export async function startBackground(options: {
  config: Config;
  database: Database;
  log: BackgroundLog;
  /** how often workers look for jobs; tests use a short one */
  pollingSeconds?: number;
}): Promise<Background> {
  const { config, database, log } = options;
  const mailer = createMailer(config, log);
  const jobs = await startJobs(database, {
    log,
    ...(options.pollingSeconds ? { pollingSeconds: options.pollingSeconds } : {}),
  });
  const stopMail = await startNotificationMail({
    db: database.db,
    jobs,
    mailer,
    publicUrl: config.LOOPEN_PUBLIC_URL,
    describers: { deviation: describeDeviation, document: describeDocument },
  });
  await jobs.every(DEADLINE_QUEUE, config.LOOPEN_DEADLINE_CHECK_MINUTES, async () => {
    const run = await runDueDeadlineChecks(database.db, new Date());
    log.info(run, 'deadline checks done');
  });
  // The owner's reminders before a document's review-by day (validity.ts); as often as the deadline checks.
  await jobs.every(REVIEW_REMINDER_QUEUE, config.LOOPEN_DEADLINE_CHECK_MINUTES, async () => {
    const sent = await runReviewReminders(database.db, new Date());
    log.info({ sent }, 'documents: review-by reminders done');
  });
  return {
    async stop() {
      stopMail();
      await jobs.stop();
      mailer.close();
    },
  };
}
