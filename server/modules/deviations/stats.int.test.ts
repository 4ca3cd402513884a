import { inflateRawSync } from 'node:zlib';
import { eq, type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviationStats, StatsDrillDown } from '../../../contracts/deviation-stats.ts';
import type { DeviationStatus } from '../../../contracts/deviations.ts';
import { seedDemo } from '../../seed/demo.ts';
import { Client, type TestApp, testApp } from '../../test/harness.ts';
import { people, units } from '../organisation/tables.ts';
import { deviationCategories, deviations } from './tables.ts';

let t: TestApp;
const ids = new Map<string, string>();
function id(name: string): string {
  const value = ids.get(name);
  if (!value) throw new Error(`no fixture ${name}`);
  return value;
}

let numbered = 0;
const past = new Date('2020-01-01T00:00:00Z');
const future = new Date('2100-01-01T00:00:00Z');

/** One report as it stands after its handling so far, straight into the table. */
async function report(options: {
  unit: string;
  type: string;
  reportedAt: string;
  status: DeviationStatus;
  due?: Date;
  resolvedAt?: string;
  closedAt?: string;
}): Promise<void> {
  const [category] = await t.database.db
    .select({ id: deviationCategories.id, entryId: deviationCategories.entryId })
    .from(deviationCategories)
    .where(eq(deviationCategories.key, options.type));
  if (!category) throw new Error(`no category ${options.type}`);
  numbered += 1;
  const [unit] = await t.database.db.select().from(units).where(eq(units.name, options.unit));
  if (!unit) throw new Error(`no unit ${options.unit}`);
  await t.database.db.insert(deviations).values({
    organisationId: unit.organisationId,
    number: `ST-2025-${String(numbered).padStart(6, '0')}`,
    entryId: category.entryId,
    categoryId: category.id,
    reporterId: id('sjukskoterska'),
    unitId: unit.id,
    occurredAt: new Date(options.reportedAt),
    reportedAt: new Date(options.reportedAt),
    description: 'Händelse för statistiken',
    status: options.status,
    handlerId: id('chef.avd12'),
    dueAt: options.due ?? future,
    resolvedAt: options.resolvedAt ? new Date(options.resolvedAt) : null,
    closedAt: options.closedAt ? new Date(options.closedAt) : null,
    searchConfig: 'swedish',
  });
}

const ward = 'Ortopedisk vårdavdelning 12';
const hip = 'Sektion höft och knä';
const medicineWard = 'Medicinavdelning 3';

beforeAll(async () => {
  t = await testApp();
  const db = t.database.db;
  await seedDemo(db, { password: 'loopen-demo' });
  for (const p of await db.select({ id: people.id, username: people.username }).from(people))
    ids.set(p.username, p.id);
  for (const u of await db.select({ id: units.id, name: units.name }).from(units)) ids.set(u.name, u.id);
  for (const c of await db
    .select({ id: deviationCategories.id, key: deviationCategories.key })
    .from(deviationCategories))
    ids.set(c.key, c.id);

  // Ward 12: two falls handled in 2 and 4 days, an overdue medication error, an open organisational one.
  await report({
    unit: ward,
    type: 'fall-injury',
    reportedAt: '2025-01-10T09:00:00Z',
    status: 'closed',
    resolvedAt: '2025-01-12T09:00:00Z',
    closedAt: '2025-01-20T09:00:00Z',
  });
  await report({
    unit: ward,
    type: 'fall-no-injury',
    reportedAt: '2025-01-15T09:00:00Z',
    status: 'resolved',
    resolvedAt: '2025-01-19T09:00:00Z',
  });
  await report({
    unit: ward,
    type: 'wrong-dose',
    reportedAt: '2025-02-03T09:00:00Z',
    status: 'submitted',
    due: past,
  });
  await report({
    unit: ward,
    type: 'insurance-medicine',
    reportedAt: '2025-02-10T09:00:00Z',
    status: 'in_handling',
  });
  // The hip section, beside the ward in the orthopaedic clinic: an escalated fall past its deadline.
  await report({
    unit: hip,
    type: 'fall-injury',
    reportedAt: '2025-01-20T09:00:00Z',
    status: 'escalated',
    due: past,
  });
  // The medical clinic: none of the orthopaedic clinic's business.
  await report({
    unit: medicineWard,
    type: 'wrong-drug',
    reportedAt: '2025-01-05T09:00:00Z',
    status: 'closed',
    resolvedAt: '2025-01-15T09:00:00Z',
    closedAt: '2025-01-16T09:00:00Z',
  });
  await report({
    unit: medicineWard,
    type: 'staffing',
    reportedAt: '2025-03-01T09:00:00Z',
    status: 'submitted',
  });
});
afterAll(async () => t.close());

const clients = new Map<string, Client>();
async function as(username: string): Promise<Client> {
  const existing = clients.get(username);
  if (existing) return existing;
  const client = new Client(t.app);
  await client.login(username, 'loopen-demo');
  clients.set(username, client);
  return client;
}

async function stats(username: string, query: string): Promise<DeviationStats> {
  const answer = await (await as(username)).get<DeviationStats>(`/api/deviations/stats?${query}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

function countsByLabel(result: DeviationStats): Record<string, number> {
  return Object.fromEntries(
    result.rows.map((r) => [typeof r.label === 'string' ? r.label : r.label.sv, r.count]),
  );
}

const year = 'from=2025-01-01&to=2025-12-31';

describe('statistics for management', () => {
  it('counts the ward manager’s own reports by entry, with open, overdue, closed and the median handling time', async () => {
    const result = await stats('chef.avd12', `groupBy=entry&${year}`);
    expect(countsByLabel(result)).toEqual({ Vårdavvikelse: 3, 'Säkerhet, miljö och organisation': 1 });
    expect(result.totals).toMatchObject({ count: 4, open: 2, overdue: 1, closed: 1, medianHandlingDays: 3 });
    const care = result.rows.find((r) => typeof r.label !== 'string' && r.label.en === 'Care deviation');
    expect(care).toMatchObject({ count: 3, open: 1, overdue: 1, closed: 1, medianHandlingDays: 3 });
    // The ward manager never counts another unit's reports: not the hip section's, not medicine's.
    expect(result.totals.count).toBe(4);
  });

  it('rolls the clinic up for its quality coordinator, and splits it into its sections on request', async () => {
    const whole = await stats('kvalitet.ortopedi', `groupBy=unit&${year}`);
    expect(countsByLabel(whole)).toEqual({ Ortopedkliniken: 5 });
    expect(whole.rows[0]?.drillDown).toMatchObject({ view: 'unit', unitId: id('Ortopedkliniken') });

    const sections = await stats('kvalitet.ortopedi', `groupBy=unit&unitId=${id('Ortopedkliniken')}&${year}`);
    expect(countsByLabel(sections)).toEqual({ [ward]: 4, [hip]: 1 });
    expect(sections.rows.find((r) => r.label === hip)).toMatchObject({ overdue: 1, open: 1 });
  });

  it('counts by type, by area (the top of the tree) and by status', async () => {
    const types = await stats('kvalitet.ortopedi', `groupBy=category&${year}`);
    expect(countsByLabel(types)).toEqual({
      'Fall med skada': 2,
      'Fall utan skada': 1,
      'Fel dos': 1,
      Försäkringsmedicin: 1,
    });
    const areas = await stats('kvalitet.ortopedi', `groupBy=area&${year}`);
    expect(countsByLabel(areas)).toEqual({ Fall: 3, Läkemedel: 1, 'Verksamhet/organisation': 1 });
    expect(areas.rows[0]).toMatchObject({ label: { sv: 'Fall' }, medianHandlingDays: 3 });
    const statuses = await stats('kvalitet.ortopedi', `groupBy=status&${year}`);
    expect(statuses.rows.map((r) => [r.key, r.count])).toEqual([
      ['submitted', 1],
      ['in_handling', 1],
      ['escalated', 1],
      ['resolved', 1],
      ['closed', 1],
    ]);
  });

  it('counts by month, empty months included, each month drilling down to its own dates', async () => {
    const months = await stats('kvalitet.ortopedi', 'groupBy=month&from=2025-01-01&to=2025-04-15');
    expect(months.rows.map((r) => [r.key, r.count])).toEqual([
      ['2025-01', 3],
      ['2025-02', 2],
      ['2025-03', 0],
      ['2025-04', 0],
    ]);
    expect(months.rows[1]?.drillDown).toEqual({ view: 'unit', from: '2025-02-01', to: '2025-02-28' });
    expect(months.rows[3]?.drillDown).toEqual({ view: 'unit', from: '2025-04-01', to: '2025-04-15' });
  });

  it('filters by a branch of the classification tree, a status and a period', async () => {
    const falls = await stats('kvalitet.ortopedi', `groupBy=unit&categoryId=${id('falls')}&${year}`);
    expect(falls.totals).toMatchObject({ count: 3, medianHandlingDays: 3 });
    const open = await stats('kvalitet.ortopedi', `groupBy=entry&status=submitted,escalated&${year}`);
    expect(open.totals).toMatchObject({ count: 2, overdue: 2, closed: 0, medianHandlingDays: null });
    const february = await stats('kvalitet.ortopedi', 'groupBy=entry&from=2025-02-01&to=2025-02-28');
    expect(february.totals.count).toBe(2);
  });

  it('shows the medicine manager none of the orthopaedic clinic’s reports, even when asked for that clinic', async () => {
    const own = await stats('chef.medicin', `groupBy=entry&${year}`);
    expect(own.totals).toMatchObject({ count: 2, closed: 1, medianHandlingDays: 10 });
    const ortho = await stats('chef.medicin', `groupBy=unit&unitId=${id('Ortopedkliniken')}&${year}`);
    expect(ortho.rows).toEqual([]);
    expect(ortho.totals.count).toBe(0);
  });

  it('lets each number lead to the list behind it', async () => {
    const coordinator = await as('kvalitet.ortopedi');
    const byType = await stats('kvalitet.ortopedi', `groupBy=category&${year}`);
    for (const row of byType.rows) {
      if (!row.drillDown) throw new Error('every type row drills down');
      const list = await coordinator.get<{ total: number }>(`/api/deviations?${listQuery(row.drillDown)}`);
      expect(list.status).toBe(200);
      expect(list.body.total, String(row.key)).toBe(row.count);
    }
    const overdue = await coordinator.get<{ total: number }>(
      `/api/deviations?${listQuery(byType.totals.drillDown)}&overdue=true`,
    );
    expect(overdue.body.total).toBe(byType.totals.overdue);
  });

  it('refuses staff, and answers clearly for an unknown unit or status', async () => {
    const nurse = await as('sjukskoterska');
    expect((await nurse.get('/api/deviations/stats')).status).toBe(403);
    expect((await nurse.get('/api/deviations/stats/export?format=csv')).status).toBe(403);
    const coordinator = await as('kvalitet.ortopedi');
    const unknownUnit = await coordinator.get<{ detail: string }>(
      '/api/deviations/stats?groupBy=unit&unitId=00000000-0000-4000-8000-000000000000',
    );
    expect(unknownUnit.status).toBe(404);
    expect(unknownUnit.body.detail).toBe('Enheten finns inte.');
    expect((await coordinator.get('/api/deviations/stats?status=lost')).status).toBe(400);
    expect((await coordinator.get('/api/deviations/stats?groupBy=colour')).status).toBe(400);
  });

  it('exports the same numbers as CSV for Swedish Excel', async () => {
    const result = await stats('kvalitet.ortopedi', `groupBy=area&${year}`);
    const answer = await (await as('kvalitet.ortopedi')).get<string>(
      `/api/deviations/stats/export?format=csv&groupBy=area&${year}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.headers['content-disposition']).toMatch(
      /^attachment; filename="avvikelsestatistik-area-.*\.csv"$/,
    );
    expect(answer.body.startsWith('\uFEFF')).toBe(true);
    const lines = answer.body
      .slice(1)
      .trim()
      .split('\r\n')
      .map((l) => l.split(';'));
    expect(lines[0]).toEqual([
      'Område',
      'Antal',
      'Öppna',
      'Försenade',
      'Avslutade',
      'Median handläggningstid (dagar)',
    ]);
    expect(lines.slice(1).map((l) => [l[0], Number(l[1]), Number(l[3]), l[5]])).toEqual([
      ...result.rows.map((r) => [
        typeof r.label === 'string' ? r.label : r.label.sv,
        r.count,
        r.overdue,
        r.medianHandlingDays === null ? '' : String(r.medianHandlingDays).replace('.', ','),
      ]),
      ['Totalt', 5, 2, '3'],
    ]);
  });

  it('exports the same numbers as XLSX, headed in the viewer’s language', async () => {
    const coordinator = await as('kvalitet.ortopedi');
    await coordinator.put('/api/me/language', { language: 'en' });
    const result = await stats('kvalitet.ortopedi', `groupBy=status&${year}`);
    const session = coordinator.cookie('loopen_session') ?? '';
    const answer = await t.app.inject({
      method: 'GET',
      url: `/api/deviations/stats/export?format=xlsx&groupBy=status&${year}`,
      headers: { cookie: `loopen_session=${session}` },
    });
    await coordinator.put('/api/me/language', { language: 'sv' });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(answer.headers['content-disposition']).toMatch(/filename="deviation-statistics-status-.*\.xlsx"/);
    const sheet = readFirstSheet(answer.rawPayload);
    expect(sheet[0]).toEqual(['Status', 'Count', 'Open', 'Overdue', 'Closed', 'Median handling time (days)']);
    expect(sheet.slice(1).map((r) => [r[0], Number(r[1])])).toEqual([
      ['Submitted', 1],
      ['In handling', 1],
      ['Escalated', 1],
      ['Resolved', 1],
      ['Closed', 1],
      ['Total', result.totals.count],
    ]);
    expect(Number(sheet.at(-1)?.[5])).toBe(result.totals.medianHandlingDays);
  });
});

describe('statistics kept up to date as cases change', () => {
  // 2024 belongs to these stories alone: the stories above count 2025.
  it('counts a report made at half past midnight Swedish time on 1 March in March, in months and in periods', async () => {
    await report({
      unit: ward,
      type: 'fall-injury',
      reportedAt: '2024-02-29T23:30:00Z',
      status: 'submitted',
    });
    await report({
      unit: ward,
      type: 'fall-injury',
      reportedAt: '2024-02-29T22:30:00Z',
      status: 'submitted',
    });
    const months = await stats('chef.avd12', 'groupBy=month&from=2024-02-01&to=2024-03-31');
    expect(months.rows.map((r) => [r.key, r.count])).toEqual([
      ['2024-02', 1],
      ['2024-03', 1],
    ]);
    // A period cut inside the months counts the same cases as the list does.
    const coordinator = await as('chef.avd12');
    for (const period of ['from=2024-02-29&to=2024-02-29', 'from=2024-03-01&to=2024-03-10']) {
      const counted = await stats('chef.avd12', `groupBy=entry&${period}`);
      const listed = await coordinator.get<{ total: number }>(`/api/deviations?view=unit&${period}`);
      expect(counted.totals.count, period).toBe(1);
      expect(listed.body.total, period).toBe(1);
    }
  });

  it('moves a case between its counts whenever its status, unit, type or dates change, and agrees with a recount', async () => {
    const db = t.database.db;
    for (const day of ['05', '06', '07', '08'])
      await report({
        unit: ward,
        type: 'wrong-dose',
        reportedAt: `2024-06-${day}T08:00:00Z`,
        status: 'submitted',
      });
    const june = 'from=2024-06-01&to=2024-06-30';
    expect((await stats('kvalitet.ortopedi', `groupBy=status&${june}`)).totals).toMatchObject({
      count: 4,
      open: 4,
      medianHandlingDays: null,
    });
    // Several changes to the same cases in one transaction, as a handling step makes them.
    await db.transaction(async (tx) => {
      await tx.execute(
        sql`update deviations set status = 'in_handling' where number like 'ST-%' and reported_at::date = '2024-06-05'`,
      );
      await tx.execute(sql`update deviations set status = 'resolved', resolved_at = reported_at + interval '2 days 5 hours'
        where number like 'ST-%' and reported_at::date = '2024-06-05'`);
      await tx.execute(sql`update deviations set status = 'closed', closed_at = reported_at + interval '6 days',
        resolved_at = reported_at + interval '5 days' where number like 'ST-%' and reported_at::date = '2024-06-06'`);
    });
    await db.execute(
      sql`update deviations set unit_id = ${id(hip)} where number like 'ST-%' and reported_at::date = '2024-06-07'`,
    );
    await db.execute(sql`update deviations set category_id = ${id('fall-injury')},
      entry_id = (select entry_id from deviation_categories where id = ${id('fall-injury')})
      where number like 'ST-%' and reported_at::date = '2024-06-08'`);
    const byStatus = await stats('kvalitet.ortopedi', `groupBy=status&${june}`);
    expect(byStatus.rows.map((r) => [r.key, r.count])).toEqual([
      ['submitted', 2],
      ['resolved', 1],
      ['closed', 1],
    ]);
    // Handled in 2 and 5 whole days: the median lies between them.
    expect(byStatus.totals).toMatchObject({ count: 4, open: 2, closed: 1, medianHandlingDays: 3.5 });
    const byUnit = await stats('kvalitet.ortopedi', `groupBy=unit&unitId=${id('Ortopedkliniken')}&${june}`);
    expect(countsByLabel(byUnit)).toMatchObject({ [ward]: 3, [hip]: 1 });
    // A change that rolls back leaves the counts as they were.
    await db
      .transaction(async (tx) => {
        await tx.execute(
          sql`update deviations set status = 'closed', closed_at = now() where number like 'ST-%'`,
        );
        throw new Error('roll back');
      })
      .catch(() => undefined);
    // Moving the report date across a month moves the case's month.
    await db.execute(
      sql`update deviations set reported_at = '2024-07-01T08:00:00Z' where number like 'ST-%' and reported_at::date = '2024-06-08'`,
    );
    expect((await stats('kvalitet.ortopedi', `groupBy=entry&${june}`)).totals.count).toBe(3);

    // The cells equal a recount from the cases, the one the migration made.
    const cells = sql`select organisation_id, month, unit_id, category_id, entry_id, status, handling_days, cases
      from deviation_stats_rollup order by 1, 2, 3, 4, 5, 6, 7`;
    const kept = await rows(cells);
    await db.execute(sql`select deviation_stats_rebuild()`);
    expect(await rows(cells)).toEqual(kept);
    expect(kept.every((c) => Number(c.cases) > 0)).toBe(true);
  });
});

async function rows(query: SQL): Promise<Record<string, unknown>[]> {
  return ((await t.database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
}

function listQuery(drill: StatsDrillDown): string {
  return new URLSearchParams(Object.entries(drill).filter((e): e is [string, string] => !!e[1])).toString();
}

/** The files of a zip archive (an XLSX is one), read with Node's own inflate. */
function unzip(archive: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let offset = archive.readUInt32LE(end + 16);
  for (let i = 0; i < archive.readUInt16LE(end + 10); i++) {
    const method = archive.readUInt16LE(offset + 10);
    const size = archive.readUInt32LE(offset + 20);
    const nameLength = archive.readUInt16LE(offset + 28);
    const skip = archive.readUInt16LE(offset + 30) + archive.readUInt16LE(offset + 32);
    const local = archive.readUInt32LE(offset + 42);
    const name = archive.toString('utf8', offset + 46, offset + 46 + nameLength);
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(start, start + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    offset += 46 + nameLength + skip;
  }
  return files;
}

function xmlText(value: string): string {
  return value
    .replace(/<[^>]+>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}

/** The first worksheet's cells as text, row by row: shared, inline and plain values. */
function readFirstSheet(archive: Buffer): string[][] {
  const files = unzip(archive);
  const shared = [...(files.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>(.*?)<\/si>/gs)].map((m) =>
    xmlText(m[1] ?? ''),
  );
  const sheet = files.get('xl/worksheets/sheet1.xml') ?? '';
  return [...sheet.matchAll(/<row[^>]*>(.*?)<\/row>/gs)].map((row) =>
    [...(row[1] ?? '').matchAll(/<c ([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)].map((cell) => {
      const attributes = cell[1] ?? '';
      const body = cell[2] ?? '';
      if (attributes.includes('t="s"')) return shared[Number(xmlText(body))] ?? '';
      return xmlText(body);
    }),
  );
}
