import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { percentile } from '../lib/load.ts';
import { apiOnly, quickMode, type RunningLoopen, scaled, startLoopenOn, verdict } from '../lib/loopen-pg.ts';
import { errorMessage, type Part, progress } from '../lib/part.ts';
import { databaseUrl, recreateDatabase, serverVersion, withClient } from '../lib/postgres.ts';
import { type Session, signIn } from '../lib/session.ts';
import { type JsonValue, type PartResult, type Row, round } from '../lib/table.ts';
import { documentSearchQueries, type SeedDocumentsOutcome, seedDocuments } from '../seed-documents.ts';

// Controlled documents at scale (issue 5): 50,000 documents with 500,000 versions in a scratch
// PostgreSQL database of their own, a clinic of 2,000 people who have read about half of what is
// addressed to them, and the real server measured with requests one at a time (one user's latency):
// opening a document and a version, full-text search, the clinic manager's read-acknowledgement
// overview of a document, the PDF export, the clinic's reading overview across documents and a
// nurse's reading list. Search and the overviews are measured once their routes exist.

const DATABASE = 'loopen_bench_docs';
const SEARCH_PATH = '/api/documents/search';
const ACK_PATH = '/api/documents/{id}/acknowledgements';
const OVERVIEW_PATH = '/api/document-reading/overview';
const READING_PATH = '/api/document-reading';
/** A first request slower than this is reported alone: a series of them would hold up the run. */
const SERIES_LIMIT_MS = 5_000;

interface Timing {
  times: number[];
  statuses: Record<string, number>;
}

/** `count` requests one after another after `warmup` untimed ones; each path from `pathFor(i)`. */
async function sequential(
  baseUrl: string,
  session: Session,
  count: number,
  warmup: number,
  pathFor: (i: number) => string,
): Promise<Timing> {
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  for (let i = 0; i < warmup + count; i++) {
    const path = pathFor(i);
    const started = performance.now();
    const response = await fetch(`${baseUrl}${path}`, { headers: { cookie: session.cookie } });
    await response.arrayBuffer();
    const elapsed = performance.now() - started;
    if (i < warmup) continue;
    times.push(elapsed);
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
  }
  return { times, statuses };
}

/**
 * A timed first request (its body kept), then `count` more after `warmup` untimed ones; when the
 * first takes longer than SERIES_LIMIT_MS it stands alone in the row.
 */
async function series(
  baseUrl: string,
  session: Session,
  count: number,
  warmup: number,
  pathFor: (i: number) => string,
): Promise<{ timing: Timing; body: unknown; alone: boolean }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${pathFor(0)}`, { headers: { cookie: session.cookie } });
  const body: unknown = await response.json().catch(() => null);
  const elapsed = performance.now() - started;
  if (elapsed > SERIES_LIMIT_MS) {
    return { timing: { times: [elapsed], statuses: { [response.status]: 1 } }, body, alone: true };
  }
  return {
    timing: await sequential(baseUrl, session, count, Math.min(warmup, 10), pathFor),
    body,
    alone: false,
  };
}

/** The note's words for a series whose first request was too slow to repeat. */
function measuredOnce(result: { alone: boolean }): string {
  return result.alone
    ? `; the first request took over ${SERIES_LIMIT_MS / 1000} s, so it was measured once`
    : '';
}

function timingRow(request: string, timing: Timing, goalP95: number | null): Row {
  const sorted = Float64Array.from(timing.times).sort();
  const p95 = percentile(sorted, 95);
  const non200 = Object.entries(timing.statuses)
    .filter(([status]) => status !== '200')
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    request,
    requests: timing.times.length,
    'p50 ms': round(percentile(sorted, 50), 1),
    'p95 ms': round(p95, 1),
    'p99 ms': round(percentile(sorted, 99), 1),
    'max ms': round(sorted[sorted.length - 1] ?? Number.NaN, 1),
    goal: goalP95 === null ? 'for information' : `p95 ≤ ${goalP95} ms: ${verdict(p95, goalP95, 'max')}`,
    'non-200': non200,
  };
}

async function openApiPaths(baseUrl: string): Promise<Set<string>> {
  const response = await fetch(`${baseUrl}/api/openapi.json`);
  if (response.status !== 200) throw new Error(`GET /api/openapi.json answered ${response.status}`);
  const spec = (await response.json()) as { paths?: Record<string, unknown> };
  return new Set(Object.keys(spec.paths ?? {}));
}

/** Whether a route the part measures is there; when not, says so on a line of its own. */
async function present(
  baseUrl: string,
  session: Session,
  paths: Set<string>,
  name: string,
  path: string,
  probe: string,
  notes: string[],
): Promise<boolean> {
  if (paths.has(path)) return true;
  const answer = await fetch(`${baseUrl}${probe}`, { headers: { cookie: session.cookie } });
  await answer.arrayBuffer();
  const line = `${name}: endpoint not present (${answer.status})`;
  progress(`documents: ${line}`);
  process.stdout.write(`${line}\n`);
  notes.push(`${line}: ${path} is not in the OpenAPI document, so it was not measured; it runs once merged`);
  return false;
}

async function countDocuments(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const exists = await client.query("select to_regclass('public.documents') as t");
    if (!exists.rows[0]?.t) return 0;
    const { rows } = await client.query<{ n: string }>('select count(*) as n from documents');
    return Number(rows[0]?.n ?? 0);
  });
}

async function sample(
  url: string,
  size: number,
): Promise<Array<{ id: string; versions: number; typeId: string }>> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ id: string; versions: number; type_id: string }>(
      `select d.id, v.number as versions, d.type_id from documents d
       join document_versions v on v.id = d.current_version_id
       where d.status = 'published' and d.title ~ ' [0-9]+$'
       order by random() limit $1`,
      [size],
    );
    return rows.map((r) => ({ id: r.id, versions: r.versions, typeId: r.type_id }));
  });
}

async function sizes(url: string): Promise<string> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ docs: string; versions: string; db: string }>(
      `select pg_size_pretty(pg_total_relation_size('documents')) as docs,
         pg_size_pretty(pg_total_relation_size('document_versions')) as versions,
         pg_size_pretty(pg_database_size(current_database())) as db`,
    );
    const r = rows[0];
    return r ? `documents ${r.docs}, document_versions ${r.versions}, database ${r.db}` : '?';
  });
}

async function reusable(url: string, documents: number): Promise<boolean> {
  const found = await withClient(databaseUrl('postgres'), async (client) => {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [DATABASE]);
    return (rowCount ?? 0) > 0;
  });
  return found && (await countDocuments(url)) >= documents;
}

/** What an earlier run seeded: the clinic and the documents addressed to it. */
async function previousSeed(url: string, clinicDocuments: number): Promise<SeedDocumentsOutcome> {
  return withClient(url, async (client) => {
    const clinic = await client.query<{ id: string }>("select id from units where name = 'Ortopedkliniken'");
    const clinicUnitId = clinic.rows[0]?.id ?? '';
    const docs = await client.query<{ id: string }>(
      `select id from documents where audience_unit_ids = jsonb_build_array($1::text) and title ~ ' [0-9]+$'
       order by created_at, id limit $2`,
      [clinicUnitId, clinicDocuments],
    );
    const counts = await client.query<{ documents: number; versions: number; acks: number; people: number }>(
      `select (select count(*)::int from documents) as documents, (select count(*)::int from document_versions) as versions,
         (select count(*)::int from document_acknowledgements) as acks,
         (select count(*)::int from people where username like 'bench.klinik.%') as people`,
    );
    const c = counts.rows[0];
    return {
      documents: c?.documents ?? 0,
      versions: c?.versions ?? 0,
      acknowledgements: c?.acks ?? 0,
      clinicPeople: c?.people ?? 0,
      steps: [],
      seconds: 0,
      clinicUnitId,
      clinicDocumentIds: docs.rows.map((r) => r.id),
      averageVersionBytes: 0,
    };
  });
}

async function runDocuments(): Promise<PartResult> {
  const quick = quickMode();
  const documents = scaled('BENCH_DOCUMENTS', 50_000, 2_000, { integer: true });
  const versionsPerDocument = 10;
  const clinicPeople = scaled('BENCH_CLINIC_PEOPLE', 2_000, 200, { integer: true });
  const clinicDocuments = 40;
  const requests = scaled('BENCH_DOCS_REQUESTS', 500, 50, { integer: true });
  const searchRequests = scaled('BENCH_DOCS_SEARCH_REQUESTS', 300, 30, { integer: true });
  const ackRequests = scaled('BENCH_DOCS_ACK_REQUESTS', 200, 20, { integer: true });
  const pdfRequests = scaled('BENCH_DOCS_PDF_REQUESTS', 50, 5, { integer: true });
  const readingRequests = scaled('BENCH_DOCS_READING_REQUESTS', 50, 10, { integer: true });
  const warmup = scaled('BENCH_DOCS_WARMUP', 50, 5, { integer: true });
  const password = process.env.LOOPEN_DEMO_PASSWORD || 'loopen-demo';
  const url = databaseUrl(DATABASE);
  const notes: string[] = [];
  const failures: string[] = [];
  const rows: Row[] = [];
  const details: { [key: string]: JsonValue } = {};

  // BENCH_DOCS_REUSE=1 measures again on the database a previous run seeded (when it holds enough).
  const reuse = process.env.BENCH_DOCS_REUSE === '1' && (await reusable(url, documents));
  if (!reuse) {
    progress(`documents: dropping and creating ${DATABASE}`);
    await recreateDatabase(DATABASE);
  }
  // Loopen migrates and seeds the demo organisation; the documents go in beside it while it idles.
  const loopen: RunningLoopen = await startLoopenOn(url, 'documents', apiOnly);
  const baseUrl = loopen.server.baseUrl;
  try {
    let seeded: SeedDocumentsOutcome;
    try {
      seeded = reuse
        ? await previousSeed(url, clinicDocuments)
        : await seedDocuments({
            databaseUrl: url,
            documents,
            versionsPerDocument,
            clinicPeople,
            clinicDocuments,
            log: (message) => progress(`documents: seed: ${message}`),
          });
    } catch (error) {
      throw new Error(`seeding: ${errorMessage(error)}`);
    }
    notes.push(
      reuse
        ? `!!! BENCH_DOCS_REUSE=1: measured on the database ${DATABASE} seeded by an earlier run (not seeded now)`
        : `seeded ${seeded.documents.toLocaleString('en')} documents, ${seeded.versions.toLocaleString('en')} versions ` +
            `(content about ${round(seeded.averageVersionBytes / 1024, 1)} KB of JSON each), ${seeded.clinicPeople} clinic people ` +
            `and ${seeded.acknowledgements.toLocaleString('en')} acknowledgements in ${Math.round(seeded.seconds)} s: ` +
            seeded.steps.map((s) => `${s.step} ${s.seconds} s`).join('; '),
      `${(await countDocuments(url)).toLocaleString('en')} documents in ${DATABASE} (PostgreSQL ${await serverVersion(url)}); ${await sizes(url)}`,
    );
    details.seed = {
      seconds: round(seeded.seconds, 1),
      steps: seeded.steps.map((s) => ({ step: s.step, seconds: s.seconds })),
      acknowledgements: seeded.acknowledgements,
      averageVersionBytes: seeded.averageVersionBytes,
    };

    const reader = await signIn(baseUrl, 'sjukskoterska', password);
    const clinicManager = await signIn(baseUrl, 'chef.ortopedi', password);
    const picked = await sample(url, Math.max(requests, 200));
    if (picked.length === 0) throw new Error('no seeded documents found');
    const at = (i: number) => picked[i % picked.length] ?? picked[0];
    const load = loadavg().map((v) => round(v, 2));
    notes.push(`load average before the measurements: ${load.join(' / ')} (1 / 5 / 15 min, 2 shared cores)`);
    details.loadBefore = load;

    // A floor to read the others against on a shared machine: the cheapest signed-in request.
    progress(`documents: GET /api/me, ${requests} requests`);
    const me = await sequential(baseUrl, reader, requests, warmup, () => '/api/me');
    rows.push(timingRow('floor: GET /api/me (session and actor only)', me, null));

    progress(`documents: open a document, ${requests} requests`);
    const open = await sequential(baseUrl, reader, requests, warmup, (i) => `/api/documents/${at(i)?.id}`);
    rows.push(timingRow('open a document: GET /api/documents/{id}', open, 30));

    progress(`documents: open a version, ${requests} requests`);
    const version = await sequential(baseUrl, reader, requests, warmup, (i) => {
      const doc = at(i * 7 + 3);
      return `/api/documents/${doc?.id}/versions/${1 + ((i * 37) % (doc?.versions ?? 1))}`;
    });
    rows.push(timingRow('open a version: GET /api/documents/{id}/versions/{n}', version, 30));

    const paths = await openApiPaths(baseUrl);
    if (await present(baseUrl, reader, paths, 'search', SEARCH_PATH, `${SEARCH_PATH}?q=fallrisken`, notes)) {
      const q = encodeURIComponent;
      const kinds: Array<[string, (i: number) => string]> = [
        [
          'search, one word',
          (i) =>
            `${SEARCH_PATH}?q=${q(documentSearchQueries.oneWord[i % documentSearchQueries.oneWord.length] ?? '')}`,
        ],
        [
          'search, two words',
          (i) =>
            `${SEARCH_PATH}?q=${q(documentSearchQueries.twoWords[i % documentSearchQueries.twoWords.length] ?? '')}`,
        ],
        [
          'search, one word and a type',
          (i) =>
            `${SEARCH_PATH}?q=${q(documentSearchQueries.oneWord[i % documentSearchQueries.oneWord.length] ?? '')}` +
            `&typeId=${at(i)?.typeId}`,
        ],
      ];
      const totals: JsonValue[] = [];
      for (const [name, pathFor] of kinds) {
        progress(`documents: ${name}, ${searchRequests} requests`);
        const probe = await fetch(`${baseUrl}${pathFor(0)}`, { headers: { cookie: reader.cookie } });
        const body = (await probe.json()) as { total?: number; totalIsLowerBound?: boolean };
        totals.push({
          name,
          status: probe.status,
          total: body.total ?? null,
          lowerBound: body.totalIsLowerBound ?? null,
        });
        const timing = await sequential(baseUrl, reader, searchRequests, Math.min(warmup, 20), pathFor);
        rows.push(timingRow(`${name}: GET ${SEARCH_PATH}`, timing, 50));
      }
      details.searchTotals = totals;
      notes.push(
        `search words: ${documentSearchQueries.oneWord.join(', ')}; two words: ${documentSearchQueries.twoWords.join(', ')}`,
      );
    } else {
      rows.push({
        request: `search: GET ${SEARCH_PATH}`,
        goal: 'p95 ≤ 50 ms: not measured (endpoint not present)',
      });
    }

    const clinicDoc = (i: number) => seeded.clinicDocumentIds[i % seeded.clinicDocumentIds.length];
    const ackProbe = `/api/documents/${clinicDoc(0)}/acknowledgements?unitId=${seeded.clinicUnitId}`;
    if (await present(baseUrl, clinicManager, paths, 'acknowledgements', ACK_PATH, ackProbe, notes)) {
      progress(`documents: read-acknowledgement overview, ${ackRequests} requests`);
      const probe = await fetch(`${baseUrl}${ackProbe}`, { headers: { cookie: clinicManager.cookie } });
      const body = (await probe.json()) as { audience?: number; read?: number; total?: number };
      details.acknowledgementProbe = {
        status: probe.status,
        audience: body.audience ?? null,
        read: body.read ?? null,
        total: body.total ?? null,
      };
      const timing = await sequential(
        baseUrl,
        clinicManager,
        ackRequests,
        Math.min(warmup, 20),
        (i) => `/api/documents/${clinicDoc(i)}/acknowledgements?unitId=${seeded.clinicUnitId}`,
      );
      rows.push(timingRow('read-acknowledgement overview, clinic of 2,000 (chef.ortopedi)', timing, 200));
      notes.push(
        `acknowledgements: the clinic manager's overview of one of ${seeded.clinicDocumentIds.length} documents addressed to ` +
          `the whole of Ortopedkliniken (${seeded.clinicPeople.toLocaleString('en')} seeded staff); the probe answered ` +
          `${probe.status} with audience ${body.audience ?? '?'}, read ${body.read ?? '?'}`,
      );
    } else {
      rows.push({
        request: `read-acknowledgement overview: GET ${ACK_PATH}`,
        goal: 'p95 ≤ 200 ms: not measured (endpoint not present)',
      });
    }

    progress(`documents: PDF export, ${pdfRequests} requests`);
    const pdf = await sequential(baseUrl, reader, pdfRequests, Math.min(warmup, 5), (i) => {
      const doc = at(i * 11 + 5);
      return `/api/documents/${doc?.id}/versions/${doc?.versions ?? 1}/pdf`;
    });
    rows.push(timingRow('PDF export of the current version: GET …/versions/{n}/pdf', pdf, null));

    // Last, as they may be slow: the clinic's read overview across documents, and the nurse's reading list.
    const overviewPath = `${OVERVIEW_PATH}?unitId=${seeded.clinicUnitId}`;
    if (
      await present(baseUrl, clinicManager, paths, 'reading overview', OVERVIEW_PATH, overviewPath, notes)
    ) {
      progress(`documents: reading overview of the clinic, ${readingRequests} requests`);
      const overview = await series(baseUrl, clinicManager, readingRequests, warmup, () => overviewPath);
      rows.push(
        timingRow(
          `reading overview of the clinic: GET ${OVERVIEW_PATH}?unitId= (chef.ortopedi)`,
          overview.timing,
          200,
        ),
      );
      const body = overview.body as { items?: Array<{ audience?: number }>; total?: number };
      const items = body.items ?? [];
      notes.push(
        `reading overview: ${(body.total ?? items.length).toLocaleString('en')} documents ask the clinic to read ` +
          `(the first page of ${items.length} measured), the largest audience on it ` +
          `${Math.max(0, ...items.map((item) => item.audience ?? 0)).toLocaleString('en')}` +
          measuredOnce(overview),
      );
    } else {
      rows.push({
        request: `reading overview: GET ${OVERVIEW_PATH}`,
        goal: 'p95 ≤ 200 ms: not measured (endpoint not present)',
      });
    }
    if (await present(baseUrl, reader, paths, 'reading list', READING_PATH, READING_PATH, notes)) {
      progress(`documents: reading list, ${readingRequests} requests`);
      const list = await series(baseUrl, reader, readingRequests, warmup, () => READING_PATH);
      rows.push(timingRow(`reading list: GET ${READING_PATH} (sjukskoterska)`, list.timing, null));
      const body = list.body as { total?: number; unread?: number };
      notes.push(
        `reading list: the nurse has ${body.unread ?? '?'} documents to read, ${body.total ?? '?'} in the list` +
          measuredOnce(list),
      );
    } else {
      rows.push({
        request: `reading list: GET ${READING_PATH}`,
        goal: 'not measured (endpoint not present)',
      });
    }

    for (const row of rows) {
      const bad = row['non-200'];
      if (typeof bad === 'number' && bad > 0) failures.push(`${row.request}: ${bad} answers were not 200`);
    }
    details.statuses = { open: open.statuses, version: version.statuses, pdf: pdf.statuses };
    const after = loadavg().map((v) => round(v, 2));
    details.loadAfter = after;
    notes.push(
      `requests one at a time from the bench (${warmup} untimed first, fewer for search, the overview and the PDF), ` +
        `signed in as sjukskoterska (the clinic manager chef.ortopedi for the overview); documents picked at random; ` +
        `Loopen on PostgreSQL started as a process (node scripts/start.mjs, LOOPEN_SKIP_BUILD=1); ` +
        `every read of a document version's PDF writes its audit row, as in production; load average after: ${after.join(' / ')}`,
    );
  } catch (error) {
    failures.push(errorMessage(error));
  } finally {
    notes.push(...(await loopen.stop()));
  }
  if (quick)
    notes.push(`!!! BENCH_QUICK=1: ${documents} documents and few requests, a smoke test, not the figures`);
  return {
    part: 'documents',
    title: `Controlled documents with ${documents.toLocaleString('en')} documents and ${(documents * versionsPerDocument).toLocaleString('en')} versions`,
    database: 'postgres',
    rows,
    notes,
    failures,
    details: {
      documents,
      versionsPerDocument,
      clinicPeople,
      requests,
      searchRequests,
      ackRequests,
      pdfRequests,
      readingRequests,
      warmup,
      quick,
      ...details,
    },
  };
}

export const documentsPart: Part = {
  name: 'documents',
  describe:
    'controlled documents: open, search, read-acknowledgement overview and PDF with 50,000 documents / 500,000 versions (PostgreSQL)',
  run: runDocuments,
};
