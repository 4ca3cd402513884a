import { randomUUID } from 'node:crypto';
import { type LoadResult, measureLoad, median } from '../lib/load.ts';
import { quickMode, scaled, startLoopenOn, verdict } from '../lib/loopen-pg.ts';
import { errorMessage, type Part, progress } from '../lib/part.ts';
import { findPgbench, type PgbenchResult, runPgbench } from '../lib/pgbench.ts';
import { databaseUrl, recreateDatabase, serverVersion, withClient } from '../lib/postgres.ts';
import { getJson, signIn } from '../lib/session.ts';
import { type JsonValue, type PartResult, type Row, round } from '../lib/table.ts';

// POST /api/deviations under concurrency on PostgreSQL, against pgbench running the same inserts
// (server/modules/deviations/submit.ts) in the same database and the same run.

const database = 'loopen_bench_submit';
const reporter = 'sjukskoterska';
/** A fictional test personnummer with a valid check digit (Skatteverket's example). */
const testPersonnummer = '19121212-1212';
/** One in four reports names a patient, so deviation_patients gets a row "sometimes". */
const patientEvery = 4;

const narrative = {
  description:
    'Patienten skulle få sin ordinerade dos smärtlindring klockan 14 men läkemedlet saknades i ' +
    'läkemedelsförrådet på avdelningen. Apoteket kontaktades och leveransen kom först efter två timmar, ' +
    'under tiden hade patienten ont och fick vänta på ersättningspreparat.',
  immediateAction: 'Jourhavande läkare kontaktades och ordinerade ett ersättningspreparat.',
  suggestion: 'Se över beställningsrutinen så att förrådet fylls på innan det tar slut.',
};

/**
 * What a submission writes, in the order submitDeviation writes it, with the same values: the report
 * under a provisional number (the generated tsvector is computed from search_config), the protected
 * patient field for one report in four, the first event, then the number from the organisation's
 * counter in one statement (its row lock is held from there to the commit, as in Loopen), the audit
 * row and the handler's notification. The reads Loopen does before (session, actor, idempotency key,
 * category, unit, nearest manager) are not in it: the issue sets Loopen against the inserts.
 */
const pgbenchScript = `\\set patient random(1, ${patientEvery})
BEGIN;
INSERT INTO deviations (organisation_id, number, entry_id, category_id, reporter_id, reporter_name_shared,
    unit_id, occurred_at, reported_at, description, immediate_action, suggestion, patient_involved,
    patient_harmed, handler_id, due_at, linked_deviation_id, idempotency_key, search_config)
  VALUES (:org, 'pending-' || gen_random_uuid(), :entry, :category, :reporter, false,
    :unit, now() - interval '1 hour', now(), :description, :immediate, :suggestion, :patient = 1,
    false, :handler, now() + make_interval(days => :days), NULL, 'pgbench-' || gen_random_uuid(), :searchconfig)
  RETURNING id AS deviation_id \\gset
\\if :patient = 1
INSERT INTO deviation_patients (deviation_id, kind, identifier) VALUES (:deviation_id, 'se_personnummer', '${testPersonnummer}');
\\endif
INSERT INTO deviation_events (deviation_id, at, actor_id, action, to_status, to_person_id, visible_to_reporter)
  VALUES (:deviation_id, now(), :reporter, 'submitted', 'submitted', :handler, true);
WITH counter AS (
  INSERT INTO deviation_counters (organisation_id, year, last) VALUES (:org, :year, 1)
  ON CONFLICT (organisation_id, year) DO UPDATE SET last = deviation_counters.last + 1
  RETURNING last)
UPDATE deviations SET number = 'AV-' || :year || '-' || lpad(counter.last::text, 6, '0')
  FROM counter WHERE deviations.id = :deviation_id
  RETURNING number AS deviation_number \\gset
INSERT INTO audit_log (actor_id, actor_name, action, entity_type, entity_id, summary, request_id)
  VALUES (:reporter, :actorname, 'deviation.submitted', 'deviation', :deviation_id,
    jsonb_build_object('number', :deviation_number::text, 'categoryId', :category::text, 'unitId', :unit::text,
      'handlerId', :handler::text, 'patientIdentifier', CASE WHEN :patient = 1 THEN 'stored in the protected field' ELSE 'none' END),
    'pgbench-' || :client_id);
INSERT INTO notifications (person_id, kind, params, entity_type, entity_id)
  VALUES (:handler, 'deviation.assigned', jsonb_build_object('number', :deviation_number::text), 'deviation', :deviation_id);
END;
`;

interface ConfigCategory {
  id: string;
  selectable: boolean;
  patientRelated: boolean;
  handlingDays: number;
}

interface Setup {
  defines: Record<string, string>;
  categoryId: string;
}

/** The ids pgbench needs, read from the demo organisation as Loopen itself stored it. */
async function setUp(
  url: string,
  categoryId: string,
  handlerId: string,
  handlingDays: number,
): Promise<Setup> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{
      person_id: string;
      name: string;
      organisation_id: string;
      unit_id: string;
      entry_id: string;
    }>(
      `select p.id as person_id, p.name, p.organisation_id, ra.unit_id, c.entry_id
       from people p
       join role_assignments ra on ra.person_id = p.id and ra.role = 'staff'
       join deviation_categories c on c.id = $2
       where p.username = $1`,
      [reporter, categoryId],
    );
    const row = rows[0];
    if (!row) throw new Error(`the demo reporter ${reporter} or category ${categoryId} is missing`);
    return {
      categoryId,
      defines: {
        org: row.organisation_id,
        year: String(new Date().getFullYear()),
        entry: row.entry_id,
        category: categoryId,
        reporter: row.person_id,
        unit: row.unit_id,
        handler: handlerId,
        days: String(handlingDays),
        searchconfig: 'swedish',
        actorname: row.name,
        description: narrative.description,
        immediate: narrative.immediateAction,
        suggestion: narrative.suggestion,
      },
    };
  });
}

function submissionBody(categoryId: string, withPatient: boolean): string {
  return JSON.stringify({
    categoryId,
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    description: narrative.description,
    immediateAction: narrative.immediateAction,
    suggestion: narrative.suggestion,
    patientInvolved: withPatient,
    patientHarmed: false,
    ...(withPatient ? { patientIdentifier: testPersonnummer } : {}),
    reporterNameShared: false,
  });
}

function loadJson(r: LoadResult): JsonValue {
  return {
    rps: round(r.rps, 1),
    p50: round(r.p50, 3),
    p95: round(r.p95, 3),
    p99: round(r.p99, 3),
    requests: r.requests,
    errors: r.errors,
    non2xx: r.non2xx,
    statusCodes: r.statusCodes,
    warmup: r.warmup,
  };
}

async function runSubmit(): Promise<PartResult> {
  const quick = quickMode();
  const connections = scaled('BENCH_SUBMIT_CONCURRENCY', 32, 8, { integer: true });
  const durationS = scaled('BENCH_SUBMIT_DURATION_S', 30, 4);
  const warmupS = scaled('BENCH_SUBMIT_WARMUP_S', 3, 1);
  const roundCount = scaled('BENCH_SUBMIT_ROUNDS', 1, 1, { integer: true });
  const password = process.env.LOOPEN_DEMO_PASSWORD || 'loopen-demo';
  const url = databaseUrl(database);
  const notes: string[] = [];
  const failures: string[] = [];
  const loopenRounds: LoadResult[] = [];
  const pgbenchRounds: PgbenchResult[] = [];
  let pgbenchCommand = '';

  const pgbench = await findPgbench();
  if (!pgbench) throw new Error('pgbench not found (PATH, /usr/lib/postgresql/*/bin)');
  progress(`deviations-submit: fresh database ${database}`);
  await recreateDatabase(database);
  const loopen = await startLoopenOn(url, 'deviations-submit');
  try {
    const session = await signIn(loopen.server.baseUrl, reporter, password);
    const config = await getJson<{ categories: ConfigCategory[] }>(
      loopen.server.baseUrl,
      '/api/deviation-config',
      session,
    );
    const category = config.categories.find((c) => c.selectable && c.patientRelated);
    if (!category) throw new Error('the demo configuration has no selectable patient-related type');
    const headers = {
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      'content-type': 'application/json',
    };
    const probe = await fetch(`${loopen.server.baseUrl}/api/deviations`, {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': randomUUID() },
      body: submissionBody(category.id, true),
    });
    const receiptText = await probe.text();
    if (probe.status !== 201)
      throw new Error(`POST /api/deviations answered ${probe.status}: ${receiptText}`);
    const receipt = JSON.parse(receiptText) as { handler: { id: string } };
    const setup = await setUp(url, category.id, receipt.handler.id, category.handlingDays);

    let sent = 0;
    // As the web client does: a fresh Idempotency-Key per submission; one in four names a patient.
    const nextRequest = (): { body: string; headers: Record<string, string> } => ({
      body: submissionBody(category.id, sent++ % patientEvery === 0),
      headers: { 'idempotency-key': randomUUID() },
    });
    for (let i = 1; i <= roundCount; i++) {
      progress(`deviations-submit: round ${i}/${roundCount}, Loopen POST /api/deviations`);
      loopenRounds.push(
        await measureLoad({
          url: `${loopen.server.baseUrl}/api/deviations`,
          method: 'POST',
          headers,
          nextRequest,
          connections,
          durationS,
          warmupS,
        }),
      );
      progress(`deviations-submit: round ${i}/${roundCount}, pgbench`);
      const options = {
        binary: pgbench,
        url,
        script: pgbenchScript,
        clients: connections,
        threads: 2,
        defines: setup.defines,
      };
      await runPgbench({ ...options, durationS: warmupS });
      const result = await runPgbench({ ...options, durationS });
      pgbenchCommand = result.command;
      pgbenchRounds.push(result);
    }
    const counts = await withClient(url, async (client) => {
      const { rows } = await client.query<{ loopen: string; pgbench: string; patients: string }>(
        `select count(*) filter (where idempotency_key not like 'pgbench-%') as loopen,
                count(*) filter (where idempotency_key like 'pgbench-%') as pgbench,
                (select count(*) from deviation_patients) as patients
         from deviations`,
      );
      return rows[0];
    });
    if (counts)
      notes.push(
        `stored afterwards: ${counts.loopen} reports by Loopen (warm-ups included), ${counts.pgbench} by pgbench, ` +
          `${counts.patients} protected patient fields`,
      );
    notes.push(`PostgreSQL ${await serverVersion(url)}, scratch database ${database} (dropped and created)`);
  } catch (error) {
    failures.push(errorMessage(error));
  } finally {
    notes.push(...(await loopen.stop()));
  }

  const rows: Row[] = [];
  if (loopenRounds.length > 0) {
    const errors = loopenRounds.reduce((sum, r) => sum + r.errors + r.warmup.errors, 0);
    const non2xx = loopenRounds.reduce((sum, r) => sum + r.non2xx + r.warmup.non2xx, 0);
    rows.push({
      target: 'Loopen POST /api/deviations',
      'per s': round(median(loopenRounds.map((r) => r.rps)), 0),
      'p50 ms': round(median(loopenRounds.map((r) => r.p50)), 2),
      'p95 ms': round(median(loopenRounds.map((r) => r.p95)), 2),
      'p99 ms': round(median(loopenRounds.map((r) => r.p99)), 2),
      'errors/failed': errors,
      'non-2xx': non2xx,
    });
    if (errors > 0 || non2xx > 0)
      failures.push(
        `Loopen: ${errors} connection errors and ${non2xx} non-2xx answers ` +
          `(${loopenRounds.map((r) => JSON.stringify(r.statusCodes)).join(', ')})`,
      );
  }
  if (pgbenchRounds.length > 0) {
    const failed = pgbenchRounds.reduce((sum, r) => sum + r.failed, 0);
    rows.push({
      target: 'pgbench, the same inserts',
      'per s': round(median(pgbenchRounds.map((r) => r.tps)), 0),
      'p50 ms': round(median(pgbenchRounds.map((r) => r.p50)), 2),
      'p95 ms': round(median(pgbenchRounds.map((r) => r.p95)), 2),
      'p99 ms': round(median(pgbenchRounds.map((r) => r.p99)), 2),
      'errors/failed': failed,
      'non-2xx': null,
    });
    if (failed > 0) failures.push(`pgbench: ${failed} failed transactions`);
  }
  const [loopenRow, pgbenchRow] = rows;
  if (loopenRow && pgbenchRow) {
    const rate = Number(loopenRow['per s']) / Number(pgbenchRow['per s']);
    const p95 = Number(loopenRow['p95 ms']);
    rows.push({
      target: 'ratio Loopen / pgbench',
      'per s': round(rate, 2),
      'p50 ms': round(Number(loopenRow['p50 ms']) / Number(pgbenchRow['p50 ms']), 2),
      'p95 ms': round(p95 / Number(pgbenchRow['p95 ms']), 2),
      'p99 ms': round(Number(loopenRow['p99 ms']) / Number(pgbenchRow['p99 ms']), 2),
      'errors/failed': null,
      'non-2xx': null,
    });
    notes.unshift(
      `goal: throughput ratio ≥ 0.5 → ${round(rate, 2)} ${verdict(rate, 0.5, 'min')}; ` +
        `Loopen p95 ≤ 50 ms → ${p95} ms ${verdict(p95, 50, 'max')}`,
    );
  }
  notes.push(
    `${connections} concurrent connections (autocannon) and ${connections} pgbench clients (2 threads, -M extended), ` +
      `${warmupS} s warm-up then ${durationS} s measured, ${roundCount} round(s) alternating Loopen then pgbench; ` +
      'medians of the rounds',
    `Loopen signed in as ${reporter}; each request has a fresh Idempotency-Key (as the web client sends), ` +
      `one in ${patientEvery} names a patient; the server's pool is DATABASE_POOL_SIZE (default 10)`,
    'pgbench does only the writes of a submission (report with its tsvector, patient field one time in four, ' +
      'event, the number from the counter, audit row, notification) in one transaction; Loopen also reads the session, the actor, the ' +
      'idempotency key, the category, the unit and the nearest manager, and runs the HTTP stack',
  );
  if (quick) notes.push('!!! BENCH_QUICK=1: short runs and fewer connections, a smoke test, not the figures');
  return {
    part: 'deviations-submit',
    title: 'Submitting reports: POST /api/deviations against pgbench with the same inserts',
    database: 'postgres',
    rows,
    notes,
    failures,
    details: {
      connections,
      durationS,
      warmupS,
      rounds: roundCount,
      quick,
      loopen: loopenRounds.map(loadJson),
      pgbench: pgbenchRounds.map((r) => ({
        tps: round(r.tps, 1),
        p50: round(r.p50, 3),
        p95: round(r.p95, 3),
        p99: round(r.p99, 3),
        transactions: r.transactions,
        failed: r.failed,
      })),
      pgbenchCommand,
      pgbenchScript,
    },
  };
}

export const deviationsSubmitPart: Part = {
  name: 'deviations-submit',
  describe: 'POST /api/deviations at concurrency 32 on PostgreSQL, against pgbench doing the same inserts',
  run: runSubmit,
};
