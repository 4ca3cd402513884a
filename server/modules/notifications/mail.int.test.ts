import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Background, startBackground } from '../../background.ts';
import { seedDemo } from '../../seed/demo.ts';
import { type TestApp, testApp } from '../../test/harness.ts';
import { decodedMail, type SmtpSink, startSmtpSink, subjectOf } from '../../test/smtp-sink.ts';
import { deviationCategories, deviations } from '../deviations/tables.ts';
import { people, roleAssignments, units } from '../organisation/tables.ts';
import { notify } from './index.ts';
import { MAIL_QUEUE } from './outbox.ts';

let smtp: SmtpSink;
let t: TestApp;
let background: Background;
const publicUrl = 'https://loopen.alvsund.example';
let headId = '';
let nurseId = '';
let caseId = '';

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await testApp({ LOOPEN_SMTP_URL: smtp.url, LOOPEN_PUBLIC_URL: publicUrl });
  await seedDemo(t.database.db, { password: 'loopen-demo' });
  background = await startBackground({
    config: t.config,
    database: t.database,
    log: { info: () => {}, error: (obj, msg) => console.error(msg, obj) },
    pollingSeconds: 0.5,
  });
  const [head] = await t.database.db.select().from(people).where(eq(people.username, 'chef.ortopedi'));
  const [nurse] = await t.database.db.select().from(people).where(eq(people.username, 'sjukskoterska'));
  const [ward] = await t.database.db
    .select({ id: units.id })
    .from(units)
    .innerJoin(roleAssignments, eq(roleAssignments.unitId, units.id))
    .where(eq(roleAssignments.personId, nurse?.id ?? ''));
  const [type] = await t.database.db
    .select()
    .from(deviationCategories)
    .where(sql`${deviationCategories.name}->>'sv' = 'Försäkringsmedicin'`);
  if (!head || !nurse || !ward || !type) throw new Error('demo data missing');
  headId = head.id;
  nurseId = nurse.id;
  await t.database.db.update(people).set({ language: 'nb' }).where(eq(people.id, headId));
  const [row] = await t.database.db
    .insert(deviations)
    .values({
      organisationId: nurse.organisationId,
      number: 'AV-2026-000042',
      entryId: type.entryId,
      categoryId: type.id,
      reporterId: nurse.id,
      unitId: ward.id,
      occurredAt: new Date(),
      description: 'Läkarintyget kom fram först efter tre veckor.',
      handlerId: head.id,
      dueAt: new Date(Date.now() + 30 * 86_400_000),
      searchConfig: 'swedish',
    })
    .returning({ id: deviations.id });
  caseId = row?.id ?? '';
});
afterAll(async () => {
  await background.stop();
  await t.close();
  await smtp?.close();
});

describe('notification e-mail over SMTP', () => {
  it('sends nothing for a rolled-back change, and after the commit one e-mail in the recipient’s language with a link', async () => {
    await expect(
      t.database.db.transaction(async (tx) => {
        await notify(tx, {
          personIds: [nurseId],
          kind: 'deviation.closed',
          params: { number: 'AV-2026-000042' },
          entityType: 'deviation',
          entityId: caseId,
        });
        throw new Error('closing failed after notifying');
      }),
    ).rejects.toThrow('closing failed');

    await t.database.db.transaction((tx) =>
      notify(tx, {
        personIds: [headId],
        kind: 'deviation.forwarded',
        params: { number: 'AV-2026-000042', by: 'Maria Ek', reason: 'Läkarintyget kom fram sent' },
        entityType: 'deviation',
        entityId: caseId,
      }),
    );
    await smtp.waitFor(1);
    const [mail] = smtp.received;
    const [head] = await t.database.db
      .select({ email: people.email })
      .from(people)
      .where(eq(people.id, headId));
    expect(mail?.to).toEqual([head?.email]);
    expect(subjectOf(mail?.raw ?? '')).toBe('Avvik AV-2026-000042 er sendt videre til deg');
    const body = decodedMail(mail?.raw ?? '');
    expect(body).toContain(`Åpne i Loopen: ${publicUrl}/deviations/${caseId}`);
    expect(body).toContain('Type: Trygdemedisin');
    // Number, type, unit and a link only: never the narrative, the reason or who forwarded it.
    expect(body).not.toContain('Läkarintyget');
    expect(body).not.toContain('Maria Ek');

    // The rolled-back notice never became a job; the committed one did, once.
    const jobs = await t.database.db.execute(
      sql`select count(*)::int as n from pgboss.job where name = ${MAIL_QUEUE}`,
    );
    expect((jobs as unknown as { rows: Array<{ n: number }> }).rows[0]?.n).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.received).toHaveLength(1);
  });
});
