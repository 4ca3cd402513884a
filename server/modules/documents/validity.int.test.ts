import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document, DocumentList, DocumentTemplates } from '../../../contracts/documents.ts';
import { type Background, startBackground } from '../../background.ts';
import { stockholmDay } from '../../platform/days.ts';
import { auditLog } from '../../platform/tables.ts';
import { seedDemo } from '../../seed/demo.ts';
import { Client, type TestApp, testApp } from '../../test/harness.ts';
import { decodedMail, type SmtpSink, startSmtpSink, subjectOf } from '../../test/smtp-sink.ts';
import { notifications } from '../notifications/tables.ts';
import { people } from '../organisation/tables.ts';
import { submitAndPublish } from './document-test-support.ts';
import { documentReviewReminders, documents } from './tables.ts';
import { dueStep, runReviewReminders } from './validity.ts';

const PASSWORD = 'loopen-demo';
const publicUrl = 'https://loopen.alvsund.example';
let smtp: SmtpSink;
let t: TestApp;
let background: Background;
let coordinator: Client;
let nurse: Client;
let templateId: string;
let ownerEmail = '';

async function as(username: string): Promise<Client> {
  const client = new Client(t.app);
  await client.login(username, PASSWORD);
  return client;
}

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await testApp({ LOOPEN_SMTP_URL: smtp.url, LOOPEN_PUBLIC_URL: publicUrl });
  await seedDemo(t.database.db, { password: PASSWORD });
  background = await startBackground({
    config: t.config,
    database: t.database,
    log: { info: () => {}, error: (obj, msg) => console.error(msg, obj) },
    pollingSeconds: 0.5,
  });
  coordinator = await as('kvalitet.ortopedi');
  nurse = await as('sjukskoterska');
  const templates = await coordinator.get<DocumentTemplates>('/api/document-templates');
  const routine = templates.body.items.find((item) => item.name.sv === 'Rutin');
  if (!routine) throw new Error('the demo has the routine template');
  templateId = routine.id;
  const [owner] = await t.database.db
    .select({ email: people.email })
    .from(people)
    .where(eq(people.username, 'kvalitet.ortopedi'));
  ownerEmail = owner?.email ?? '';
});
afterAll(async () => {
  await background?.stop();
  await t?.close();
  await smtp?.close();
});

/** A routine of the quality coordinator's, published by the administrator, with the given review-by day. */
async function publishedRoutine(title: string, reviewBy: string): Promise<string> {
  const [approver] = await t.database.db
    .select({ id: people.id })
    .from(people)
    .where(eq(people.username, 'admin'));
  const created = await coordinator.post<Document>('/api/documents', {
    templateId,
    title,
    approverId: approver?.id,
  });
  await submitAndPublish(coordinator, await as('admin'), created.body.id);
  await t.database.db.update(documents).set({ reviewBy }).where(eq(documents.id, created.body.id));
  return created.body.id;
}

/** Noon in Stockholm on `day`, minus `days` days. */
function daysBefore(day: string, days: number): Date {
  const at = new Date(`${day}T10:00:00Z`);
  at.setUTCDate(at.getUTCDate() - days);
  return at;
}

async function remindersOf(id: string): Promise<number[]> {
  const rows = await t.database.db
    .select({ days: documentReviewReminders.daysBefore })
    .from(documentReviewReminders)
    .where(eq(documentReviewReminders.documentId, id));
  return rows.map((r) => r.days).sort((a, b) => b - a);
}

async function noticesOf(id: string): Promise<number> {
  const rows = await t.database.db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.entityId, id), eq(notifications.kind, 'document.review_reminder')));
  return rows.length;
}

describe('validity', () => {
  it('the due step is the nearest of 90, 14, 7 and 1 days that has come, none after the day', () => {
    expect([120, 91, 90, 15, 14, 8, 7, 2, 1, 0, -1].map(dueStep)).toEqual([
      null,
      null,
      90,
      90,
      14,
      14,
      7,
      7,
      1,
      1,
      null,
    ]);
    // Just before midnight UTC it is already the next day in Stockholm.
    expect(stockholmDay(new Date('2031-06-14T22:30:00Z'))).toBe('2031-06-15');
  });

  it('when a document is past its review-by day, the list and the document mark it and the list filters by it', async () => {
    const past = await publishedRoutine('Rutin som passerat granskningsdatum', '2020-01-31');
    const today = stockholmDay(new Date());
    const current = await publishedRoutine('Rutin som ses över i dag', today);

    const marked = await nurse.get<DocumentList>('/api/documents?pastReviewDate=true&pageSize=200');
    expect(marked.status).toBe(200);
    expect(marked.body.items.map((d) => d.id)).toContain(past);
    expect(marked.body.items.map((d) => d.id)).not.toContain(current);
    expect(marked.body.items.every((d) => d.pastReviewDate)).toBe(true);
    const unmarked = await nurse.get<DocumentList>('/api/documents?pastReviewDate=false&pageSize=200');
    expect(unmarked.body.items.map((d) => d.id)).toContain(current);
    expect(unmarked.body.items.map((d) => d.id)).not.toContain(past);
    expect(unmarked.body.items.some((d) => d.pastReviewDate)).toBe(false);
    expect((await nurse.get<Document>(`/api/documents/${past}`)).body.pastReviewDate).toBe(true);
    expect((await nurse.get<Document>(`/api/documents/${current}`)).body.pastReviewDate).toBe(false);
    expect((await nurse.get('/api/documents?pastReviewDate=maybe')).status).toBe(400);
  });

  it('when the review-by day nears, the owner is reminded 90, 14, 7 and 1 days before, each once, in the app and by e-mail', async () => {
    const reviewBy = '2031-06-15';
    const start = smtp.received.length;
    const id = await publishedRoutine('Rutin för handhygien', reviewBy);
    // Submitting told the approver and publishing told the owner, by e-mail too: those first.
    await smtp.waitFor(start + 2);
    const mailsBefore = smtp.received.length;

    await runReviewReminders(t.database.db, daysBefore(reviewBy, 91));
    expect(await remindersOf(id)).toEqual([]);
    await runReviewReminders(t.database.db, daysBefore(reviewBy, 90));
    expect(await remindersOf(id)).toEqual([90]);
    // The next runs the same day and the days after tell nothing new until 14 days before.
    await runReviewReminders(t.database.db, daysBefore(reviewBy, 90));
    await runReviewReminders(t.database.db, daysBefore(reviewBy, 15));
    expect(await remindersOf(id)).toEqual([90]);
    await runReviewReminders(t.database.db, daysBefore(reviewBy, 14));
    await runReviewReminders(t.database.db, daysBefore(reviewBy, 7));
    await runReviewReminders(t.database.db, daysBefore(reviewBy, 1));
    await runReviewReminders(t.database.db, daysBefore(reviewBy, 0));
    await runReviewReminders(t.database.db, daysBefore(reviewBy, -1));
    expect(await remindersOf(id)).toEqual([90, 14, 7, 1]);
    expect(await noticesOf(id)).toBe(4);
    const audits = await t.database.db
      .select({ summary: auditLog.summary })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'document.review_reminder')));
    expect(audits).toHaveLength(4);

    // The reminders, told apart from other mail about the document by their subject.
    const reminderMails = () =>
      smtp.received
        .slice(mailsBefore)
        .filter(
          (m) => decodedMail(m.raw).includes(`/documents/${id}`) && subjectOf(m.raw).startsWith('Påminnelse'),
        );
    for (let n = smtp.received.length + 1; reminderMails().length < 4; n++) await smtp.waitFor(n);
    const mails = reminderMails();
    expect(mails).toHaveLength(4);
    expect(mails[0]?.to).toEqual([ownerEmail]);
    expect(subjectOf(mails[0]?.raw ?? '')).toBe('Påminnelse: ett av dina dokument ska snart ses över');
    const body = decodedMail(mails[0]?.raw ?? '');
    expect(body).toContain('Typ: Rutin');
    expect(body).toContain(`Öppna i Loopen: ${publicUrl}/documents/${id}`);
    // The title stays in the app.
    expect(body).not.toContain('handhygien');

    const inbox = await coordinator.get<{ items: Array<{ entityId: string | null; detail: string | null }> }>(
      '/api/notifications',
    );
    expect(inbox.body.items.find((n) => n.entityId === id)?.detail).toBe(
      '”Rutin för handhygien” ska ses över senast 2031-06-15.',
    );
  });

  it('when the schedule was down, a late run sends only the nearest due step; a new review-by day starts the steps again', async () => {
    const reviewBy = '2031-09-10';
    const id = await publishedRoutine('Rutin för sondmatning', reviewBy);
    await runReviewReminders(t.database.db, daysBefore(reviewBy, 5));
    expect(await remindersOf(id)).toEqual([7]);
    expect(await noticesOf(id)).toBe(1);

    await t.database.db.update(documents).set({ reviewBy: '2033-09-10' }).where(eq(documents.id, id));
    await runReviewReminders(t.database.db, daysBefore('2033-09-10', 80));
    expect(await remindersOf(id)).toEqual([90, 7]);
    expect(await noticesOf(id)).toBe(2);
  });

  it('when two runs race, each step is sent once', async () => {
    const reviewBy = '2032-02-20';
    const id = await publishedRoutine('Rutin för blodtransfusion', reviewBy);
    const at = daysBefore(reviewBy, 14);
    await Promise.all([runReviewReminders(t.database.db, at), runReviewReminders(t.database.db, at)]);
    expect(await remindersOf(id)).toEqual([14]);
    expect(await noticesOf(id)).toBe(1);
  });
});
