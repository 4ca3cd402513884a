import nodemailer from 'nodemailer';
import type { Config } from './config.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** E-mail out over SMTP; `enabled` is false when LOOPEN_SMTP_URL is empty, and then nothing is sent. */
export interface Mailer {
  enabled: boolean;
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export interface MailLog {
  info(obj: object, msg: string): void;
}

/** Builds the mailer from configuration and says once, at start, whether e-mail is on. */
export function createMailer(
  config: Pick<Config, 'LOOPEN_SMTP_URL' | 'LOOPEN_MAIL_FROM'>,
  log: MailLog,
): Mailer {
  const url = config.LOOPEN_SMTP_URL;
  if (!url) {
    log.info({}, 'e-mail is off: LOOPEN_SMTP_URL is not set; notifications stay in the app');
    return { enabled: false, send: async () => {}, close: () => {} };
  }
  const transport = nodemailer.createTransport(url);
  log.info({ host: new URL(url).hostname }, 'e-mail is on');
  return {
    enabled: true,
    async send(message) {
      // A refused recipient or an unreachable server throws: the job that called us is retried.
      await transport.sendMail({ from: config.LOOPEN_MAIL_FROM, ...message });
    },
    close: () => transport.close(),
  };
}
