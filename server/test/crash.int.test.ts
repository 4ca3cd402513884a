import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { Me } from '../../contracts/auth.ts';
import type { DeviationConfig, DeviationReceipt } from '../../contracts/deviations.ts';
import { parsePatientIdentifier } from '../../contracts/patient-identifiers.ts';
import { queryRows } from '../modules/deviations/records.ts';
import { openDatabase } from '../platform/db.ts';
import {
  freePort,
  HttpClient,
  killAllServers,
  type ScratchDatabase,
  type ServerProcess,
  scratchDatabase,
  startServer,
} from './processes.ts';

/**
 * The crash test: a burst of 2,000 reports from several people at once, the server killed with
 * SIGKILL in the middle, started again on the same database, and the unanswered reports sent
 * again with the same Idempotency-Key, as a browser would. On PostgreSQL when DATABASE_URL is set,
 * else on the embedded database in a data folder on disk.
 */

const TOTAL = 2000;
const KILL_AFTER_SUCCESSES = 700;
/** requests in flight at once, spread over the reporters */
const CONCURRENCY = 16;
const reporters = ['sjukskoterska', 'lakare', 'distriktslakare', 'chef.avd12'] as const;
const PATIENT = '19811228-9874';

interface Submission {
  index: number;
  reporter: number;
  key: string;
  body: Record<string, unknown>;
  patient: string | null;
}

type Outcome =
  | { kind: 'stored'; receipt: DeviationReceipt }
  | { kind: 'refused'; status: number; body: unknown }
  | { kind: 'no-answer'; error: string };

function submissionsFor(typeIds: { insurance: string; fall: string }): Submission[] {
  const occurredAt = new Date(Date.now() - 3 * 3600_000).toISOString();
  return Array.from({ length: TOTAL }, (_, index) => {
    // Every other report is a fall with a patient; every fourth names the patient.
    const fall = index % 2 === 1;
    const patient = index % 4 === 1 ? PATIENT : null;
    return {
      index,
      reporter: index % reporters.length,
      key: `crash-${index}`,
      patient,
      body: {
        categoryId: fall ? typeIds.fall : typeIds.insurance,
        occurredAt,
        description: `Krocktestets rapport nummer ${index}: remissen kom bort mellan avdelningarna.`,
        ...(index % 3 === 0 ? { immediateAction: `Ringde avdelningen om rapport ${index}.` } : {}),
        ...(fall ? { patientInvolved: true } : {}),
        ...(patient ? { patientIdentifier: patient } : {}),
      },
    };
  });
}

async function submit(client: HttpClient, s: Submission): Promise<Outcome> {
  try {
    const answer = await client.post<DeviationReceipt>('/api/deviations', s.body, {
      'idempotency-key': s.key,
    });
    if (answer.status === 201) return { kind: 'stored', receipt: answer.body };
    return { kind: 'refused', status: answer.status, body: answer.body };
  } catch (error) {
    return { kind: 'no-answer', error: String((error as { cause?: unknown }).cause ?? error) };
  }
}

/** Sends the submissions with CONCURRENCY requests in flight; `after` sees each outcome as it comes. */
async function burst(
  clients: HttpClient[],
  list: Submission[],
  after: (s: Submission, outcome: Outcome) => void,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const s = list[next++];
      if (!s) return;
      const client = clients[s.reporter];
      if (!client) throw new Error(`no client for reporter ${s.reporter}`);
      after(s, await submit(client, s));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

interface StoredRow {
  id: string;
  organisation_id: string;
  number: string;
  idempotency_key: string | null;
  reporter_id: string;
  handler_id: string;
  description: string;
  immediate_action: string;
  patient_involved: boolean;
  category_id: string;
  reported_at: string | Date;
  submitted_events: number;
  audits: number;
  audit_number: string | null;
  notices: number;
  patient_kind: string | null;
  patient_identifier: string | null;
}

let server: ServerProcess | undefined;
let database: ScratchDatabase | undefined;
let dataDir: string | undefined;

afterAll(async () => {
  await killAllServers();
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('a crash in the middle of a burst of reports', () => {
  it('when the server is killed with SIGKILL after 700 of 2,000 reports and started again, then every answered report is stored once, complete and audited, nothing is half-written, and every unanswered one sent again is stored once', async () => {
    const started = Date.now();
    const port = await freePort();
    const pgUrl = process.env.DATABASE_URL;
    let settings: Record<string, string>;
    if (pgUrl) {
      database = await scratchDatabase(pgUrl, 'loopen_crash');
      settings = { PORT: String(port), DATABASE_URL: database.url };
    } else {
      dataDir = mkdtempSync(join(tmpdir(), 'loopen-crash-'));
      settings = { PORT: String(port), LOOPEN_DATA_DIR: dataDir };
    }
    server = await startServer(settings);
    const firstStartMs = Date.now() - started;

    const clients = reporters.map(() => new HttpClient(server?.url ?? ''));
    const people: string[] = [];
    for (const [i, username] of reporters.entries()) {
      const client = clients[i] as HttpClient;
      await client.login(username);
      people.push((await client.get<Me>('/api/me')).body.person.id);
    }
    const config = (await (clients[0] as HttpClient).get<DeviationConfig>('/api/deviation-config')).body;
    const typeNamed = (sv: string): string => {
      const found = config.categories.find((c) => c.name.sv === sv && c.selectable);
      if (!found) throw new Error(`no type ${sv}`);
      return found.id;
    };
    const submissions = submissionsFor({
      insurance: typeNamed('Försäkringsmedicin'),
      fall: typeNamed('Fall utan skada'),
    });

    // The burst; at the 700th success the server is killed outright, requests still in flight.
    const outcomes = new Map<number, Outcome>();
    let successes = 0;
    let killedAt = 0;
    let killing: Promise<void> | null = null;
    const burstStarted = Date.now();
    await burst(clients, submissions, (s, outcome) => {
      outcomes.set(s.index, outcome);
      if (outcome.kind !== 'stored') return;
      successes++;
      if (successes === KILL_AFTER_SUCCESSES && !killing) {
        killedAt = Date.now();
        killing = server?.kill() ?? null;
      }
    });
    await killing;
    const burstMs = Date.now() - burstStarted;
    expect(killedAt, 'the server was killed during the burst').toBeGreaterThan(0);

    const before = [...outcomes.values()];
    const refused = before.filter((o) => o.kind === 'refused');
    // Before the crash nothing is refused: the bodies are valid. A crash gives no answer, not an error.
    expect(refused, JSON.stringify(refused.slice(0, 3))).toEqual([]);
    const storedBefore = submissions.filter((s) => outcomes.get(s.index)?.kind === 'stored');
    const unanswered = submissions.filter((s) => outcomes.get(s.index)?.kind === 'no-answer');
    expect(storedBefore.length + unanswered.length).toBe(TOTAL);
    expect(storedBefore.length).toBeGreaterThanOrEqual(KILL_AFTER_SUCCESSES);
    expect(unanswered.length).toBeGreaterThan(0);

    // Started again on the same database; the sessions are in the database and still hold.
    const restartedAt = Date.now();
    server = await startServer(settings);
    const restartMs = Date.now() - restartedAt;
    for (const client of clients) {
      expect((await client.get('/api/me')).status).toBe(200);
    }

    // Every unanswered report sent again with its key: stored once, whether or not it had been.
    const retriesStarted = Date.now();
    const retried = new Map<number, Outcome>();
    await burst(clients, unanswered, (s, outcome) => retried.set(s.index, outcome));
    const retriedBadly = [...retried.values()].filter((o) => o.kind !== 'stored');
    expect(retriedBadly, JSON.stringify(retriedBadly.slice(0, 3))).toEqual([]);
    // An answered report sent again after the restart answers the same receipt.
    const resent = new Map<number, Outcome>();
    await burst(clients, storedBefore.slice(0, 100), (s, outcome) => resent.set(s.index, outcome));
    for (const [index, outcome] of resent) {
      const first = outcomes.get(index);
      if (outcome.kind !== 'stored' || first?.kind !== 'stored') throw new Error(`resend ${index} failed`);
      expect(outcome.receipt).toMatchObject({ id: first.receipt.id, number: first.receipt.number });
    }
    await server.stop();
    const retriesMs = Date.now() - retriesStarted;

    // What the database holds, read after a clean stop.
    const opened = await openDatabase(
      database ? { url: database.url, poolSize: 2 } : { dataDir: dataDir ?? '' },
    );
    let all: StoredRow[];
    let counters: Array<{ organisation_id: string; year: number; last: number }>;
    try {
      all = await queryRows<StoredRow>(
        opened.db,
        sql`select d.id, d.organisation_id, d.number, d.idempotency_key, d.reporter_id, d.handler_id, d.description,
                   d.immediate_action, d.patient_involved, d.category_id, d.reported_at,
                   (select count(*)::int from deviation_events e
                     where e.deviation_id = d.id and e.action = 'submitted') as submitted_events,
                   (select count(*)::int from audit_log a where a.entity_type = 'deviation'
                     and a.entity_id = d.id::text and a.action = 'deviation.submitted') as audits,
                   (select min(a.summary->>'number') from audit_log a where a.entity_type = 'deviation'
                     and a.entity_id = d.id::text and a.action = 'deviation.submitted') as audit_number,
                   (select count(*)::int from notifications n
                     where n.entity_id = d.id and n.kind = 'deviation.assigned') as notices,
                   p.kind as patient_kind, p.identifier as patient_identifier
            from deviations d left join deviation_patients p on p.deviation_id = d.id`,
      );
      counters = await queryRows(opened.db, sql`select organisation_id, year, last from deviation_counters`);
      // Nothing that belongs to a report without its report: no audit row, event or notice of a
      // submission that did not commit.
      const [orphans] = await queryRows<{ audits: number; events: number; notices: number }>(
        opened.db,
        sql`select
              (select count(*)::int from audit_log a where a.action = 'deviation.submitted'
                and not exists (select 1 from deviations d where d.id::text = a.entity_id)) as audits,
              (select count(*)::int from deviation_events e
                where not exists (select 1 from deviations d where d.id = e.deviation_id)) as events,
              (select count(*)::int from notifications n where n.kind = 'deviation.assigned'
                and not exists (select 1 from deviations d where d.id = n.entity_id)) as notices`,
      );
      expect(orphans).toEqual({ audits: 0, events: 0, notices: 0 });
    } finally {
      await opened.close();
    }

    // Exactly one report per submission, none twice, none extra. (The rest, without a key, are
    // the demo organisation's example reports, seeded at the first start.)
    const rows = all.filter((r) => r.idempotency_key !== null);
    const byKey = new Map(rows.map((r) => [r.idempotency_key, r]));
    // The figures first, printed before they are judged, so that a failing run shows them too.
    const perKey = new Map<string | null, number>();
    for (const r of rows) perKey.set(r.idempotency_key, (perKey.get(r.idempotency_key) ?? 0) + 1);
    const storedOf = (key: string): number => perKey.get(key) ?? 0;
    const unansweredKeys = new Set(unanswered.map((s) => s.key));
    const missing = submissions.filter((s) => storedOf(s.key) === 0).length;
    const doubled = submissions.filter((s) => storedOf(s.key) > 1).length;
    const storedOnce = submissions.filter((s) => storedOf(s.key) === 1).length;
    const withoutAudit = rows.filter((r) => r.audits === 0).length;
    const storedBeforeCrashUnanswered = rows.filter(
      (r) => new Date(r.reported_at).getTime() < restartedAt && unansweredKeys.has(r.idempotency_key ?? ''),
    ).length;
    const foundAfterRestart = rows.filter((r) => new Date(r.reported_at).getTime() < restartedAt).length;
    console.log(
      `crash on ${database ? 'postgres' : 'PGlite'}: ${TOTAL} sent, ` +
        `${storedBefore.length} answered before the kill, killed after ${KILL_AFTER_SUCCESSES} answers ` +
        `(${killedAt - burstStarted} ms into the burst), ${unanswered.length} unanswered resent with the same key ` +
        `(${storedBeforeCrashUnanswered} of them had been stored before the kill), ` +
        `${storedOnce} stored once each, ${missing} missing, ${doubled} doubled, ${withoutAudit} without audit row; ` +
        `${foundAfterRestart} found at the restart, ${all.length - rows.length} demo reports beside them; ` +
        `times: first start ${firstStartMs} ms, burst ${burstMs} ms, restart ${restartMs} ms, ` +
        `resends ${retriesMs} ms, whole test ${Date.now() - started} ms`,
    );
    expect({ storedOnce, missing, doubled, withoutAudit }).toEqual({
      storedOnce: TOTAL,
      missing: 0,
      doubled: 0,
      withoutAudit: 0,
    });
    expect(rows).toHaveLength(TOTAL);
    expect([...byKey.keys()].sort()).toEqual(submissions.map((s) => s.key).sort());
    // Numbers: per organisation and year AV-<year>-000001 up to its counter, without a gap or a
    // provisional one left behind.
    expect(all.filter((r) => !/^AV-\d{4}-\d{6}$/.test(r.number)).map((r) => r.number)).toEqual([]);
    for (const c of counters) {
      const numbers = all
        .filter((r) => r.organisation_id === c.organisation_id && r.number.startsWith(`AV-${c.year}-`))
        .map((r) => r.number)
        .sort();
      expect(numbers).toEqual(
        Array.from({ length: c.last }, (_, i) => `AV-${c.year}-${String(i + 1).padStart(6, '0')}`),
      );
    }
    const counter = counters.reduce((sum, c) => sum + c.last, 0);
    expect(counter).toBe(all.length);

    // Each report complete: what was sent, by whom, its event, its audit row, its handler told,
    // its patient in the protected field; and the receipt the client got names this row.
    const patient = parsePatientIdentifier(PATIENT);
    for (const s of submissions) {
      const row = byKey.get(s.key);
      if (!row) throw new Error(`report ${s.key} is missing`);
      const receipt = (() => {
        const first = outcomes.get(s.index);
        if (first?.kind === 'stored') return first.receipt;
        const again = retried.get(s.index);
        return again?.kind === 'stored' ? again.receipt : null;
      })();
      expect(receipt, s.key).not.toBeNull();
      expect({ id: row.id, number: row.number }, s.key).toEqual({
        id: receipt?.id,
        number: receipt?.number,
      });
      const ownManager = s.reporter === reporters.indexOf('chef.avd12');
      expect(
        {
          reporter: row.reporter_id,
          category: row.category_id,
          description: row.description,
          immediateAction: row.immediate_action,
          patientInvolved: row.patient_involved,
          patient: row.patient_kind ? { kind: row.patient_kind, identifier: row.patient_identifier } : null,
          submittedEvents: row.submitted_events,
          audits: row.audits,
          auditNumber: row.audit_number,
          notices: row.notices,
        },
        s.key,
      ).toEqual({
        reporter: people[s.reporter],
        category: s.body.categoryId,
        description: s.body.description,
        immediateAction: s.body.immediateAction ?? '',
        patientInvolved: s.body.patientInvolved ?? false,
        patient: s.patient ? patient : null,
        submittedEvents: 1,
        audits: 1,
        auditNumber: row.number,
        notices: ownManager ? 0 : 1,
      });
    }

    // What the restart found is what was answered before the kill and what was stored unanswered.
    expect(foundAfterRestart).toBe(storedBefore.length + storedBeforeCrashUnanswered);
  }, 240_000);
});
