import { and, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import { systemContext, writeAudit } from '../../platform/audit.ts';
import { stockholmDay } from '../../platform/days.ts';
import type { Db } from '../../platform/db.ts';
import type { Lang } from '../../platform/i18n.ts';
import { type EntityDescriber, notify } from '../notifications/index.ts';
import { inLanguage } from './presenters.ts';
import { documentReviewReminders, documents, documentTypes } from './tables.ts';

/**
 * Validity (issue 5): every published document has a review-by day (two years after publishing
 * unless someone chose another). After it the document is "past its review date", a mark in the
 * list and the document and a filter of the list. Days are those of Sweden and Norway
 * (Europe/Stockholm, days.ts), like the deviations' reporting days.
 *
 * Before it the owner is reminded 90, 14, 7 and 1 days ahead, in the app and by e-mail, each step
 * exactly once per document and review-by day: the step is claimed by inserting its row into
 * document_review_reminders (`on conflict do nothing returning`) in the same transaction as the
 * notification and its audit row, so two processes running the schedule at once send it once, and a
 * changed review-by day starts the steps afresh. A run that comes late (the server was down) sends
 * only the nearest step that is due, never several at once.
 */

export const REVIEW_REMINDER_QUEUE = 'document-review-reminders';
export const reminderSteps = [90, 14, 7, 1] as const;
const BATCH = 500;

export function isPastReviewDate(reviewBy: string | null, today: string = stockholmDay(new Date())): boolean {
  return reviewBy !== null && reviewBy < today;
}

/** The list's pastReviewDate filter: 'true' only those past their day, 'false' only the others. */
export function pastReviewDateFilter(value: 'true' | 'false' | undefined, today: string): SQL | undefined {
  if (value === undefined) return undefined;
  const past = sql`(${documents.reviewBy} is not null and ${documents.reviewBy} < ${today}::date)`;
  return value === 'true' ? past : sql`not ${past}`;
}

/** The step due with `daysLeft` days to the review-by day: the nearest of 90, 14, 7 and 1 (null when none). */
export function dueStep(daysLeft: number): number | null {
  if (daysLeft < 0) return null;
  const due = reminderSteps.filter((step) => daysLeft <= step);
  return due.length > 0 ? Math.min(...due) : null;
}

/** The same rule as dueStep, in SQL over a number of days. */
function stepSql(daysLeft: SQL): SQL {
  return sql`(case when ${daysLeft} <= 1 then 1 when ${daysLeft} <= 7 then 7 when ${daysLeft} <= 14 then 14 else 90 end)`;
}

async function remindOwner(
  db: Db,
  candidate: { id: string; reviewBy: string; step: number; daysLeft: number },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .insert(documentReviewReminders)
      .values({ documentId: candidate.id, reviewBy: candidate.reviewBy, daysBefore: candidate.step })
      .onConflictDoNothing()
      .returning();
    if (!claimed) return false;
    const [doc] = await tx
      .select({ title: documents.title, ownerId: documents.ownerId })
      .from(documents)
      .where(eq(documents.id, candidate.id));
    if (!doc) return false;
    await writeAudit(tx, systemContext, {
      action: 'document.review_reminder',
      entityType: 'document',
      entityId: candidate.id,
      summary: { reviewBy: candidate.reviewBy, daysBefore: candidate.step, to: [doc.ownerId] },
    });
    await notify(tx, {
      personIds: [doc.ownerId],
      kind: 'document.review_reminder',
      // The title stays in the app; the e-mail says the document's type (describeDocument) and links to it.
      params: {
        title: doc.title,
        reviewBy: candidate.reviewBy,
      },
      entityType: 'document',
      entityId: candidate.id,
    });
    return true;
  });
}

/**
 * One pass of the review-by reminders as of `now`; the schedule calls it with the clock, tests with
 * a chosen day. Returns how many reminders this run sent. Safe to run twice or in two processes.
 */
export async function runReviewReminders(db: Db, now: Date): Promise<number> {
  const today = stockholmDay(now);
  const daysLeft = sql<number>`(${documents.reviewBy} - ${today}::date)`;
  const step = stepSql(daysLeft);
  const candidates = await db
    .select({
      id: documents.id,
      reviewBy: sql<string>`${documents.reviewBy}::text`,
      daysLeft: sql<number>`${daysLeft}::int`,
      step: sql<number>`${step}::int`,
    })
    .from(documents)
    .where(
      and(
        eq(documents.status, 'published'),
        isNotNull(documents.reviewBy),
        sql`${documents.reviewBy} >= ${today}::date`,
        sql`${documents.reviewBy} <= ${today}::date + 90`,
        sql`not exists (select 1 from ${documentReviewReminders} r where r.document_id = ${documents.id}
              and r.review_by = ${documents.reviewBy} and r.days_before = ${step})`,
      ),
    )
    .limit(BATCH);
  let sent = 0;
  for (const candidate of candidates) {
    const row = { ...candidate, daysLeft: Number(candidate.daysLeft), step: Number(candidate.step) };
    if (dueStep(row.daysLeft) !== row.step) continue;
    if (await remindOwner(db, row)) sent++;
  }
  return sent;
}

/** What an e-mail may say about a document: its type, in the recipient's language. */
export const describeDocument: EntityDescriber = async (db, entityId, lang: Lang) => {
  const [row] = await db
    .select({ type: documentTypes.name })
    .from(documents)
    .innerJoin(documentTypes, eq(documentTypes.id, documents.typeId))
    .where(eq(documents.id, entityId));
  return row ? { type: inLanguage(row.type, lang) } : null;
};
