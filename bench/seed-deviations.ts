// Seeds many fictional deviations into a Loopen database for the scale benchmarks, in minutes:
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/loopen_bench npx tsx bench/seed-deviations.ts [count]
//
// The database must hold the demo organisation (start Loopen on it once with LOOPEN_DEMO=1). Reports
// are spread over the demo region's units (handled by each unit's nearest manager), its selectable
// types, its people as reporters, statuses that follow a report's age, and report dates over the
// last three years, with Swedish narratives built from word lists. Numbers continue each year's
// counter. The deviations table's secondary indexes are dropped during the load and rebuilt after
// (the same definitions, read from the catalogue), and the table is analysed.
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { narrativeArrays } from './seed-narratives.ts';

const DAY_MS = 86_400_000;
const YEARS = 3;

export interface SeedOptions {
  databaseUrl: string;
  count: number;
  batchSize?: number;
  log?: (message: string) => void;
}

export interface SeedOutcome {
  inserted: number;
  seconds: number;
  indexSeconds: number;
}

interface Catalogue {
  organisationId: string;
  units: number;
  categories: number;
  people: number;
  bodies: number;
}

/** The demo region's units with their nearest manager, its types, people and bodies, as temp tables. */
export async function loadCatalogue(client: pg.Client): Promise<Catalogue> {
  const org = await client.query<{ id: string }>(
    "select id from organisations where kind = 'region' order by created_at limit 1",
  );
  const organisationId = org.rows[0]?.id;
  if (!organisationId) throw new Error('no region organisation: start Loopen once with LOOPEN_DEMO=1 first');
  // Units below the root, each with its nearest manager (longest path prefix, then name), as Loopen routes.
  await client.query(
    `create temp table seed_units on commit preserve rows as
     select row_number() over (order by u.path)::int as idx, u.id, m.person_id as handler_id
     from units u
     join lateral (
       select ra.person_id from role_assignments ra
       join units mu on mu.id = ra.unit_id
       join people p on p.id = ra.person_id
       where ra.role = 'manager' and p.active and mu.active and u.path like mu.path || '%'
       order by length(mu.path) desc, p.name limit 1
     ) m on true
     where u.organisation_id = $1 and u.active and u.parent_id is not null`,
    [organisationId],
  );
  await client.query(
    `create temp table seed_categories on commit preserve rows as
     select row_number() over (order by c.id)::int as idx, c.id, c.entry_id, c.handling_days, c.patient_related,
       c.triage_days, c.escalate_reminder_days
     from deviation_categories c join deviation_entries e on e.id = c.entry_id
     where e.organisation_id = $1 and c.active and e.active
       and not exists (select 1 from deviation_categories k where k.parent_id = c.id and k.active)`,
    [organisationId],
  );
  await client.query(
    `create temp table seed_people on commit preserve rows as
     select row_number() over (order by id)::int as idx, id from people where organisation_id = $1 and active`,
    [organisationId],
  );
  await client.query(
    `create temp table seed_bodies on commit preserve rows as
     select row_number() over (order by id)::int as idx, id from bodies where organisation_id = $1`,
    [organisationId],
  );
  await client.query('analyze seed_units, seed_categories, seed_people, seed_bodies');
  const count = async (table: string): Promise<number> =>
    Number((await client.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]?.n ?? 0);
  const catalogue = {
    organisationId,
    units: await count('seed_units'),
    categories: await count('seed_categories'),
    people: await count('seed_people'),
    bodies: await count('seed_bodies'),
  };
  if (catalogue.units === 0 || catalogue.categories === 0 || catalogue.people === 0 || catalogue.bodies === 0)
    throw new Error(`the demo organisation is incomplete: ${JSON.stringify(catalogue)}`);
  return catalogue;
}

/** Start of the reporting year in Stockholm (numbers restart there): 1 January 00:00 local time. */
function yearStart(year: number): number {
  // Stockholm is UTC+1 on 1 January.
  return Date.UTC(year, 0, 1) - 3_600_000;
}

/**
 * One batch: rows i = from … to of the series, all in one reporting year. Row i is reported at
 * start + i·step, so dates rise with i and each year's numbers are its rows in order.
 */
export function batchSql(): string {
  return `
  with g as (
    select i,
      to_timestamp($1::double precision / 1000 + i * $2::double precision / 1000) as reported_at,
      1 + floor(random() * $5)::int as ui,
      1 + floor(random() * $6)::int as ci,
      1 + floor(random() * $7)::int as pi,
      1 + floor(random() * $8)::int as bi,
      random() as rs, random() as rp, random() as rr, random() as rm, random() as rl
    from generate_series($3::int, $4::int) i
  ), s as (
    select g.*, u.id as unit_id, u.handler_id, c.id as category_id, c.entry_id, c.handling_days,
      c.triage_days, c.escalate_reminder_days,
      c.patient_related, p.id as reporter_id, b.id as body_id,
      extract(epoch from (now() - g.reported_at)) / 86400 as age,
      case
        when extract(epoch from (now() - g.reported_at)) / 86400 < 14 then
          case when rs < 0.40 then 'submitted' when rs < 0.80 then 'in_handling' when rs < 0.85 then 'escalated'
               when rs < 0.95 then 'resolved' else 'closed' end
        when extract(epoch from (now() - g.reported_at)) / 86400 < 90 then
          case when rs < 0.05 then 'submitted' when rs < 0.30 then 'in_handling' when rs < 0.35 then 'escalated'
               when rs < 0.60 then 'resolved' else 'closed' end
        else
          case when rs < 0.01 then 'submitted' when rs < 0.03 then 'in_handling' when rs < 0.04 then 'escalated'
               when rs < 0.10 then 'resolved' else 'closed' end
      end::deviation_status as status
    from g
    join seed_units u on u.idx = g.ui
    join seed_categories c on c.idx = g.ci
    join seed_people p on p.idx = g.pi
    join seed_bodies b on b.idx = g.bi
  ), t as (
    select s.*,
      case when status <> 'submitted' then reported_at + (rr * least(age, 5)) * interval '1 day' end as accepted_at,
      case when status in ('resolved', 'closed')
        then reported_at + (1 + rr * least(age - 1, 59)) * interval '1 day' end as resolved_at
    from s
  )
  insert into deviations (organisation_id, number, entry_id, category_id, reporter_id, unit_id, occurred_at,
    reported_at, description, immediate_action, suggestion, patient_involved, patient_harmed, status,
    handler_id, current_body_id, body_purpose, ladder_position, risk_consequence, risk_probability,
    raise_at_unit_meeting, unit_meeting_raised_on, due_at, triage_reminded_at, triage_escalated_at, accepted_at, resolved_at, closed_at, feedback,
    version, updated_at, search_config)
  select $9::uuid, 'AV-' || $10::int || '-' || lpad(($11::int + i + 1)::text, 6, '0'),
    entry_id, category_id, reporter_id, unit_id, reported_at - rl * interval '3 days', reported_at,
    ($12::text[])[1 + floor(random() * cardinality($12::text[]))::int] || ' ' ||
      ($13::text[])[1 + floor(random() * cardinality($13::text[]))::int] || ' ' ||
      ($14::text[])[1 + floor(random() * cardinality($14::text[]))::int] || ' ' ||
      ($15::text[])[1 + floor(random() * cardinality($15::text[]))::int],
    ($16::text[])[1 + floor(random() * cardinality($16::text[]))::int],
    case when rm < 0.6 then ($17::text[])[1 + floor(random() * cardinality($17::text[]))::int] else '' end,
    patient_related and rp < 0.6, patient_related and rp < 0.12, status,
    handler_id, case when status = 'escalated' then body_id end,
    case when status = 'escalated' then 'decision'::deviation_body_purpose end,
    case when status = 'escalated' then 1 else 0 end,
    case when status <> 'submitted' and rr < 0.7 then 1 + floor(rp * 4)::smallint end,
    case when status <> 'submitted' and rr < 0.7 then 1 + floor(rm * 4)::smallint end,
    rm < 0.05, case when rm < 0.05 and status = 'closed' then (resolved_at + interval '7 days')::date end,
    reported_at + handling_days * interval '1 day',
    -- Old untouched reports were reminded about and escalated long ago, as the deadline job would have.
    case when status = 'submitted' and age > triage_days then reported_at + triage_days * interval '1 day' end,
    case when status = 'submitted' and age > triage_days + escalate_reminder_days
      then reported_at + (triage_days + escalate_reminder_days) * interval '1 day' end,
    accepted_at, resolved_at,
    case when status = 'closed' then resolved_at + rl * interval '10 days' end,
    case when status = 'closed' then ($18::text[])[1 + floor(random() * cardinality($18::text[]))::int] end,
    1, coalesce(resolved_at, accepted_at, reported_at),
    case when rl < 0.97 then 'swedish' else 'norwegian' end::regconfig
  from t`;
}

interface IndexDefinition {
  name: string;
  definition: string;
}

/** The deviations table's secondary indexes (not the primary key, none behind a constraint). */
async function secondaryIndexes(client: pg.Client): Promise<IndexDefinition[]> {
  const { rows } = await client.query<IndexDefinition>(
    `select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
     from pg_index i join pg_class c on c.oid = i.indexrelid
     where i.indrelid = 'deviations'::regclass and not i.indisprimary
       and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`,
  );
  return rows;
}

export async function seedDeviations(options: SeedOptions): Promise<SeedOutcome> {
  const log = options.log ?? ((message: string) => process.stderr.write(`[seed] ${message}\n`));
  const batchSize = options.batchSize ?? 100_000;
  const started = performance.now();
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  let indexes: IndexDefinition[] = [];
  let dropped = false;
  let indexSeconds = 0;
  let loaded = false;
  try {
    // One session: losing a batch on a crash is fine for a benchmark seed; waiting on fsync is not.
    await client.query('set synchronous_commit = off');
    // Without statistics the temp tables look large, and JIT would spend seconds compiling each batch.
    await client.query('set jit = off');
    await client.query("set maintenance_work_mem = '512MB'");
    // Every value comes from the tables the foreign keys point at, so their per-row checks (eight a row)
    // are skipped when the role may: a superuser's session_replication_role. Otherwise they run.
    const skipChecks = await client.query('set session_replication_role = replica').then(
      () => true,
      () => false,
    );
    log(skipChecks ? 'foreign-key checks skipped for the load' : 'foreign-key checks on (not a superuser)');
    const catalogue = await loadCatalogue(client);
    log(
      `${options.count} deviations over ${catalogue.units} units, ${catalogue.categories} types, ` +
        `${catalogue.people} reporters, ${catalogue.bodies} bodies`,
    );
    indexes = await secondaryIndexes(client);
    for (const index of indexes) await client.query(`drop index if exists "${index.name}"`);
    dropped = true;

    const end = Date.now();
    const start = end - YEARS * 365 * DAY_MS;
    const step = (end - start) / options.count;
    const counters = await client.query<{ year: number; last: number }>(
      'select year, last from deviation_counters where organisation_id = $1',
      [catalogue.organisationId],
    );
    const lastOf = new Map(counters.rows.map((r) => [Number(r.year), Number(r.last)]));
    const arrays = narrativeArrays();
    const yearOf = (at: number): number => new Date(at + 3_600_000).getUTCFullYear();
    for (let year = yearOf(start); year <= yearOf(end); year++) {
      // Rows a … b are reported in this year; its numbers continue the year's counter.
      const a = Math.max(0, Math.ceil((yearStart(year) - start) / step));
      const b = Math.min(options.count - 1, Math.ceil((yearStart(year + 1) - start) / step) - 1);
      if (b < a) continue;
      const base = lastOf.get(year) ?? 0;
      for (let from = a; from <= b; from += batchSize) {
        const to = Math.min(b, from + batchSize - 1);
        await client.query(batchSql(), [
          start,
          step,
          from,
          to,
          catalogue.units,
          catalogue.categories,
          catalogue.people,
          catalogue.bodies,
          catalogue.organisationId,
          year,
          base - a,
          arrays.openings,
          arrays.events,
          arrays.details,
          arrays.consequences,
          arrays.immediateActions,
          arrays.suggestions,
          arrays.feedback,
        ]);
        log(`${to + 1} rows, ${Math.round((performance.now() - started) / 1000)} s`);
      }
      lastOf.set(year, base + (b - a + 1));
      await client.query(
        `insert into deviation_counters (organisation_id, year, last) values ($1, $2, $3)
         on conflict (organisation_id, year) do update set last = greatest(deviation_counters.last, excluded.last)`,
        [catalogue.organisationId, year, base + (b - a + 1)],
      );
    }
    loaded = true;
  } finally {
    if (dropped) {
      const indexStarted = performance.now();
      log(`rebuilding ${indexes.length} indexes`);
      for (const index of indexes) await client.query(index.definition);
      indexSeconds = (performance.now() - indexStarted) / 1000;
      // VACUUM, not only ANALYZE: it sets the hint bits and the visibility map now, so that the first
      // reads of the benchmark do not write the whole table and index-only scans are possible.
      await client.query('vacuum (analyze) deviations');
    }
    if (loaded) {
      // The load bypassed the statistics trigger (session_replication_role): count the cells afresh.
      const rollupStarted = performance.now();
      await client.query('select deviation_stats_rebuild()');
      await client.query('vacuum (analyze) deviation_stats_rollup');
      log(`statistics rollup counted in ${Math.round((performance.now() - rollupStarted) / 1000)} s`);
    }
    await client.end();
  }
  const seconds = (performance.now() - started) / 1000;
  log(`${loaded ? 'done' : 'stopped'} in ${Math.round(seconds)} s (indexes ${Math.round(indexSeconds)} s)`);
  return { inserted: options.count, seconds, indexSeconds };
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('set DATABASE_URL to the PostgreSQL database to seed');
  const count = Number(process.argv[2] ?? process.env.SEED_DEVIATIONS ?? 1_000_000);
  if (!Number.isInteger(count) || count <= 0) throw new Error(`expected a positive row count, got ${count}`);
  await seedDeviations({ databaseUrl, count });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(`[seed] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
