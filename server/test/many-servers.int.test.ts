import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../../contracts/auth.ts';
import type { DeviationConfig, DeviationReceipt } from '../../contracts/deviations.ts';
import { DEADLINE_QUEUE } from '../background.ts';
import {
  HttpClient,
  killAllServers,
  type ScratchDatabase,
  type ServerProcess,
  scratchDatabase,
  startServer,
} from './processes.ts';
import { type SmtpSink, startSmtpSink, subjectOf } from './smtp-sink.ts';

/**
 * Two server processes on one PostgreSQL database, as behind a load balancer: they start together
 * on a fresh database, share sessions, and share the background work — each job runs in one of
 * them, each reminder and each e-mail goes out once. That runs with DATABASE_URL (the suite on
 * PostgreSQL). The embedded database serves one process only; in the suite on PGlite the story is
 * that a second process on the same data folder refuses to start, and the first keeps serving.
 */

const pgUrl = process.env.DATABASE_URL;

let smtp: SmtpSink;

async function until(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The "deadline checks done" log lines of a process: one per deadline job it ran. */
function deadlineRuns(server: ServerProcess): Array<{ triageReminders: number }> {
  return server
    .output()
    .split('\n')
    .filter((line) => line.includes('"deadline checks done"'))
    .map((line) => JSON.parse(line) as { triageReminders: number });
}

afterAll(killAllServers);

/** The lock file that names the process the embedded database in `dataDir` serves. */
function lockHolder(dataDir: string): number | null {
  const file = join(dataDir, 'pglite.lock');
  if (!existsSync(file)) return null;
  return (JSON.parse(readFileSync(file, 'utf8')) as { pid: number }).pid;
}

if (!pgUrl) {
  describe('a second server process on the embedded database', () => {
    let dataDir: string | undefined;
    afterAll(async () => {
      await killAllServers();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('when a second process starts on the data folder a running one uses, then it refuses with a message that says so and exits, and the first keeps serving; when the first is killed with SIGKILL, then a new start takes its stale lock over and finds the data', async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'loopen-many-'));
      const settings = { LOOPEN_DATA_DIR: dataDir };
      const first = await startServer(settings);
      expect(lockHolder(dataDir)).toBe(first.pid);
      const nurse = new HttpClient(first.url);
      await nurse.login('sjukskoterska');

      // The second process stops at opening the database, before it listens: a non-zero exit
      // whose message names the folder's holder and says what to do instead.
      const refusal = await startServer(settings).then(
        (second) => {
          throw new Error(`a second process started on the same data folder (pid ${second.pid})`);
        },
        (error: Error) => error.message,
      );
      expect(refusal).toMatch(/^the server exited \(code [1-9]\d*, signal null\) before it was ready/);
      expect(refusal).toContain(`is in use by another process (pid ${first.pid})`);
      expect(refusal).toContain('DATABASE_URL');

      // The first serves on, its lock untouched, its session still good.
      expect(lockHolder(dataDir)).toBe(first.pid);
      expect((await fetch(`${first.url}/health/ready`)).status).toBe(200);
      expect((await nurse.get<Me>('/api/me')).body.person.username).toBe('sjukskoterska');

      // Killed outright, the first leaves its lock behind; the next start sees its holder gone.
      await first.kill();
      expect(lockHolder(dataDir)).toBe(first.pid);
      const next = await startServer(settings);
      expect(lockHolder(dataDir)).toBe(next.pid);
      // Same data: the session made before the kill is in the database and still holds.
      expect((await nurse.pointedAt(next.url).get<Me>('/api/me')).status).toBe(200);

      // A clean stop gives the folder back.
      expect((await next.stop()).code).toBe(0);
      expect(lockHolder(dataDir)).toBeNull();
    }, 180_000);
  });
}

if (pgUrl) {
  describe('two server processes on one PostgreSQL database', () => {
    let database: ScratchDatabase;
    let client: pg.Client;

    async function count(query: string, values: unknown[] = []): Promise<number> {
      const result = await client.query<{ n: number }>(`select count(*)::int as n from (${query}) q`, values);
      return result.rows[0]?.n ?? -1;
    }

    beforeAll(async () => {
      smtp = await startSmtpSink();
      database = await scratchDatabase(pgUrl, 'loopen_many');
      client = new pg.Client({ connectionString: database.url });
      await client.connect();
    });

    afterAll(async () => {
      await killAllServers();
      await client?.end();
      await database?.drop();
      await smtp?.close();
    });

    it('when both start at once on a fresh database, then both serve; a session made on one holds on the other; each report is told by e-mail once; each deadline job runs in one process and each reminder goes out once; signing out on one ends the session on both', async () => {
      const settings = {
        DATABASE_URL: database.url,
        DATABASE_POOL_SIZE: '5',
        LOOPEN_SMTP_URL: smtp.url,
        LOOPEN_DEADLINE_CHECK_MINUTES: '1',
        // info, to see each process's "deadline checks done"
        LOG_LEVEL: 'info',
      };
      // Started together: they migrate and seed the demo organisation on the same fresh database.
      const [a, b] = await Promise.all([startServer(settings), startServer(settings)]);
      expect(await count(`select 1 from organisations where name = 'Region Älvsund'`)).toBe(1);
      const servers = [a, b];

      // Signed in on A; the same cookies on B are the same session.
      const nurseOnA = new HttpClient(a.url);
      await nurseOnA.login('sjukskoterska');
      const nurseOnB = nurseOnA.pointedAt(b.url);
      const me = await nurseOnB.get<Me>('/api/me');
      expect(me.status).toBe(200);
      expect(me.body.person.username).toBe('sjukskoterska');

      // Six reports, every other one through each process, each read back through the other.
      const config = (await nurseOnA.get<DeviationConfig>('/api/deviation-config')).body;
      const type = config.categories.find((c) => c.name.sv === 'Försäkringsmedicin');
      if (!type) throw new Error('no insurance-medicine type');
      const receipts: DeviationReceipt[] = [];
      for (let i = 0; i < 6; i++) {
        const [via, other] = i % 2 === 0 ? [nurseOnA, nurseOnB] : [nurseOnB, nurseOnA];
        const answer = await via.post<DeviationReceipt>(
          '/api/deviations',
          {
            categoryId: type.id,
            occurredAt: new Date(Date.now() - 3600_000).toISOString(),
            description: `Intyget nummer ${i} kom fram först efter tre veckor.`,
          },
          { 'idempotency-key': `many-${i}` },
        );
        expect(answer.status, JSON.stringify(answer.body)).toBe(201);
        receipts.push(answer.body);
        expect((await other.get(`/api/deviations/${answer.body.id}`)).status).toBe(200);
      }
      const handlerEmail = await client.query<{ email: string }>(
        `select email from people where username = 'chef.avd12'`,
      );
      const managerAddress = handlerEmail.rows[0]?.email;

      // A month passes without anyone handling them: every one is past its triage deadline. (Only
      // these six: the demo's example reports waiting for triage would be reminded of too.)
      await client.query(
        `update deviations set reported_at = reported_at - interval '30 days' where id = any($1)`,
        [receipts.map((r) => r.id)],
      );
      // Ten deadline jobs at once, as ten ticks of the schedule would queue them.
      const boss = new PgBoss({
        connectionString: database.url,
        supervise: false,
        schedule: false,
        migrate: false,
      });
      await boss.start();
      try {
        for (let i = 0; i < 10; i++) await boss.send(DEADLINE_QUEUE, {});
      } finally {
        await boss.stop({ graceful: false });
      }
      // Done when no deadline job is left open and each one's run is in a process's log (the log
      // line comes down a pipe, so it may arrive after the job's completion is visible). A tick of
      // the schedule may add a job meanwhile; it is waited for too.
      let jobs = 0;
      let runsA: Array<{ triageReminders: number }> = [];
      let runsB: Array<{ triageReminders: number }> = [];
      await until('every deadline job done and logged once', async () => {
        const open = await count(`select 1 from pgboss.job where name = $1 and state <> 'completed'`, [
          DEADLINE_QUEUE,
        ]);
        jobs = await count(`select 1 from pgboss.job where name = $1`, [DEADLINE_QUEUE]);
        runsA = deadlineRuns(a);
        runsB = deadlineRuns(b);
        return open === 0 && runsA.length + runsB.length === jobs;
      });

      // Every job ran in exactly one process: the runs both logged are the jobs completed.
      expect(jobs).toBeGreaterThanOrEqual(10);
      expect(runsA.length + runsB.length).toBe(jobs);
      // Of all those runs, each overdue report was claimed by one: a reminder per report, once.
      // Ours are six; the demo's example reports waiting for triage are overdue too (seeded long
      // ago), and a tick of the schedule may have reminded of them before these jobs did.
      const reminded = [...runsA, ...runsB].reduce((sum, run) => sum + run.triageReminders, 0);
      const reminders = await count(`select 1 from audit_log where action = 'deviation.triage_reminder'`);
      const remindedReports = await count(
        `select distinct entity_id from audit_log where action = 'deviation.triage_reminder'`,
      );
      expect({ reminded, reminders }).toEqual({ reminded: remindedReports, reminders: remindedReports });
      expect(reminded).toBeGreaterThanOrEqual(6);
      for (const receipt of receipts) {
        expect(
          await count(
            `select 1 from audit_log where action = 'deviation.triage_reminder' and entity_id = $1`,
            [receipt.id],
          ),
        ).toBe(1);
        expect(
          await count(
            `select 1 from notifications where kind = 'deviation.triage_reminder' and entity_id = $1`,
            [receipt.id],
          ),
        ).toBe(1);
      }

      // E-mail: one per notification job, none twice. Each e-mail job is completed only after the
      // SMTP server accepted the message, so once none is open every e-mail sent has arrived.
      let mailJobs = 0;
      await until('every e-mail job done', async () => {
        mailJobs = await count(`select 1 from pgboss.job where name = 'notification-mail'`);
        const open = await count(
          `select 1 from pgboss.job where name = 'notification-mail' and state <> 'completed'`,
        );
        return open === 0 && smtp.received.length >= mailJobs;
      });
      expect(smtp.received).toHaveLength(mailJobs);
      const subjects = smtp.received.map((m) => subjectOf(m.raw));
      expect(new Set(subjects).size).toBe(smtp.received.length);
      // The manager is told of each of our reports once and reminded of it once: two e-mails each.
      for (const receipt of receipts) {
        const about = smtp.received.filter((m) => subjectOf(m.raw).includes(receipt.number));
        expect(
          about.map((m) => m.to),
          receipt.number,
        ).toEqual([[managerAddress], [managerAddress]]);
      }

      // Signing out through B ends the session that A made.
      expect((await nurseOnB.post('/api/auth/logout', {})).status).toBeLessThan(300);
      expect((await nurseOnA.get('/api/me')).status).toBe(401);

      console.log(
        `many-servers: deadline jobs ${jobs} (process A ran ${runsA.length}, B ran ${runsB.length}), ` +
          `reminders ${reminded} (6 of ours, ${reminded - 6} of the demo's), each once; ` +
          `e-mails ${smtp.received.length} for ${mailJobs} jobs`,
      );
      for (const server of servers) expect((await server.stop()).code).toBe(0);
    }, 120_000);
  });
}
