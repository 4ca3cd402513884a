import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { Deviation, DeviationConfig, DeviationReceipt } from '../../contracts/deviations.ts';
import { queryRows } from '../modules/deviations/records.ts';
import { openDatabase } from '../platform/db.ts';
import {
  databaseUrl,
  dropDatabase,
  HttpClient,
  killAllServers,
  type ScratchDatabase,
  type ServerProcess,
  scratchDatabase,
  startServer,
} from './processes.ts';

/**
 * Backup and restore exactly as docs/operations.md tells an operator to do it: on PostgreSQL
 * pg_dump while Loopen runs, createdb and pg_restore; on the embedded database a stop, a tar of
 * the data folder, and later the folder replaced by the archive's. The restored copy holds the same rows, and Loopen
 * starts on it and serves the same reports.
 */

const pgUrl = process.env.DATABASE_URL;
const work = mkdtempSync(join(tmpdir(), 'loopen-backup-'));
const databases: ScratchDatabase[] = [];

afterAll(async () => {
  await killAllServers();
  for (const d of databases) await d.drop();
  rmSync(work, { recursive: true, force: true });
});

/** A PNG's signature and some bytes: an attachment, stored in the database. */
const photo = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(4096, 7),
]);

interface Made {
  receipts: DeviationReceipt[];
  attachmentId: string;
}

/** What people did before the backup: reports (one with a patient, one with a photo), one accepted. */
async function makeData(server: ServerProcess): Promise<Made> {
  const nurse = new HttpClient(server.url);
  await nurse.login('sjukskoterska');
  const config = (await nurse.get<DeviationConfig>('/api/deviation-config')).body;
  const typeNamed = (sv: string): string => {
    const found = config.categories.find((c) => c.name.sv === sv && c.selectable);
    if (!found) throw new Error(`no type ${sv}`);
    return found.id;
  };
  const receipts: DeviationReceipt[] = [];
  for (let i = 0; i < 5; i++) {
    const answer = await nurse.post<DeviationReceipt>('/api/deviations', {
      categoryId: typeNamed(i % 2 === 0 ? 'Försäkringsmedicin' : 'Fall utan skada'),
      occurredAt: new Date(Date.now() - 3600_000).toISOString(),
      description: `Rapport ${i} före säkerhetskopian: läkarintyget kom fram för sent.`,
      ...(i === 1 ? { patientInvolved: true, patientIdentifier: '19811228-9874' } : {}),
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    receipts.push(answer.body);
  }
  const form = new FormData();
  form.append('file', new Blob([photo], { type: 'image/png' }), 'golvet.png');
  const first = receipts[0] as DeviationReceipt;
  const attached = await nurse.request<Deviation>('POST', `/api/deviations/${first.id}/attachments`, form);
  expect(attached.status, JSON.stringify(attached.body)).toBeLessThan(300);
  const attachmentId = attached.body.attachments[0]?.id ?? '';
  const manager = new HttpClient(server.url);
  await manager.login('chef.avd12');
  const accepted = await manager.post(`/api/deviations/${first.id}/transitions`, { action: 'accept' });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  return { receipts, attachmentId };
}

/** The reports a fingerprint names (ours and the demo's example reports). */
function reportIds(fingerprint: Record<string, string>): string[] {
  return (fingerprint['report ids'] ?? '').split(',');
}

/** Per table of Loopen's schema: its row count and an MD5 over its rows in a fixed order. */
async function fingerprint(source: { url: string } | { dataDir: string }): Promise<Record<string, string>> {
  const database = await openDatabase('url' in source ? { url: source.url, poolSize: 1 } : source);
  try {
    const tables = await queryRows<{ name: string }>(
      database.db,
      sql`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    const result: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await queryRows<{ n: number; md5: string }>(
        database.db,
        sql`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as md5
            from ${sql.identifier(name)} t`,
      );
      result[name] = `${row?.n} rows, ${row?.md5}`;
    }
    const ids = await queryRows<{ id: string }>(database.db, sql`select id from deviations order by id`);
    result['report ids'] = ids.map((r) => r.id).join(',');
    return result;
  } finally {
    await database.close();
  }
}

/** The restored installation serves what was there: the reports, the patient, the photo, the numbers go on. */
async function servesTheSameReports(server: ServerProcess, made: Made): Promise<void> {
  const manager = new HttpClient(server.url);
  await manager.login('chef.avd12');
  for (const receipt of made.receipts) {
    const answer = await manager.get<Deviation>(`/api/deviations/${receipt.id}`);
    expect(answer.status).toBe(200);
    expect(answer.body.number).toBe(receipt.number);
  }
  const [first, second] = made.receipts;
  expect((await manager.get<Deviation>(`/api/deviations/${first?.id}`)).body.status).toBe('in_handling');
  expect((await manager.get<Deviation>(`/api/deviations/${second?.id}`)).body.patient).toEqual({
    kind: 'se_personnummer',
    identifier: '19811228-9874',
  });
  const download = await manager.bytes(`/api/deviation-attachments/${made.attachmentId}`);
  expect(download.status).toBe(200);
  expect(download.body.equals(photo)).toBe(true);
  // A new report after the restore gets the next number.
  const nurse = new HttpClient(server.url);
  await nurse.login('sjukskoterska');
  const config = (await nurse.get<DeviationConfig>('/api/deviation-config')).body;
  const type = config.categories.find((c) => c.name.sv === 'Försäkringsmedicin');
  const next = await nurse.post<DeviationReceipt>('/api/deviations', {
    categoryId: type?.id,
    occurredAt: new Date(Date.now() - 3600_000).toISOString(),
    description: 'Den första rapporten efter återställningen.',
  });
  expect(next.status).toBe(201);
  const last = made.receipts[4]?.number ?? '';
  const following = String(Number(last.slice(-6)) + 1).padStart(6, '0');
  expect(next.body.number).toBe(`${last.slice(0, -6)}${following}`);
}

/** Runs an operator's command; its output goes to the test's log only when it fails. */
function run(command: string, args: string[], env: Record<string, string> = {}): void {
  execFileSync(command, args, { env: { ...process.env, ...env }, stdio: 'pipe' });
}

describe('backup and restore, as docs/operations.md says', () => {
  if (pgUrl) {
    it('when PostgreSQL is dumped with pg_dump while Loopen runs and restored with pg_restore into a new database, then it holds the same rows and Loopen serves the same reports from it', async () => {
      const original = await scratchDatabase(pgUrl, 'loopen_backup');
      databases.push(original);
      const server = await startServer({ DATABASE_URL: original.url });
      const made = await makeData(server);

      // Back up while Loopen runs.
      const dump = join(work, 'loopen.dump');
      run('pg_dump', ['--format=custom', `--file=${dump}`, original.url]);
      await server.stop();
      // Restore into an empty database: createdb (with libpq's PG* settings), then pg_restore.
      const restoredName = `${original.name}_restored`;
      databases.push({
        name: restoredName,
        url: databaseUrl(pgUrl, restoredName),
        drop: () => dropDatabase(pgUrl, restoredName),
      });
      const server0 = new URL(pgUrl);
      run('createdb', [restoredName], {
        PGHOST: server0.hostname,
        PGPORT: server0.port || '5432',
        PGUSER: decodeURIComponent(server0.username) || 'postgres',
        ...(server0.password ? { PGPASSWORD: decodeURIComponent(server0.password) } : {}),
      });
      const restoredUrl = databaseUrl(pgUrl, restoredName);
      run('pg_restore', ['--no-owner', `--dbname=${restoredUrl}`, dump]);

      const before = await fingerprint({ url: original.url });
      expect(await fingerprint({ url: restoredUrl })).toEqual(before);
      expect(reportIds(before)).toEqual(expect.arrayContaining(made.receipts.map((r) => r.id)));
      expect(before.deviation_attachments).toMatch(/^1 rows/);

      const restored = await startServer({ DATABASE_URL: restoredUrl });
      await servesTheSameReports(restored, made);
      expect((await restored.stop()).code).toBe(0);
    }, 120_000);
  } else {
    it('when the embedded database is stopped and its data folder packed with tar, and later the folder is replaced by the unpacked archive, then it holds the same rows as at the backup (a report made after it is gone) and Loopen serves the same reports from it', async () => {
      const dataDir = join(work, 'data');
      const server = await startServer({ LOOPEN_DATA_DIR: dataDir });
      const made = await makeData(server);
      // Stop Loopen (SIGTERM: it closes the database cleanly and gives up its lock), then pack the folder.
      expect((await server.stop()).code).toBe(0);
      expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(false);
      const before = await fingerprint({ dataDir });
      const archive = join(work, 'loopen-data.tgz');
      run('tar', ['-czf', archive, '-C', dataDir, 'pglite']);

      // Work goes on after the backup: one more report.
      const later = await startServer({ LOOPEN_DATA_DIR: dataDir });
      const nurse = new HttpClient(later.url);
      await nurse.login('sjukskoterska');
      const config = (await nurse.get<DeviationConfig>('/api/deviation-config')).body;
      const afterBackup = await nurse.post<DeviationReceipt>('/api/deviations', {
        categoryId: config.categories.find((c) => c.name.sv === 'Försäkringsmedicin')?.id,
        occurredAt: new Date(Date.now() - 3600_000).toISOString(),
        description: 'En rapport efter säkerhetskopian.',
      });
      expect(afterBackup.status).toBe(201);
      expect((await later.stop()).code).toBe(0);

      // Restore: with Loopen stopped, replace the folder by the archive's.
      rmSync(join(dataDir, 'pglite'), { recursive: true });
      run('tar', ['-xzf', archive, '-C', dataDir]);

      const after = await fingerprint({ dataDir });
      expect(after).toEqual(before);
      expect(reportIds(before)).toEqual(expect.arrayContaining(made.receipts.map((r) => r.id)));
      expect(reportIds(after)).not.toContain(afterBackup.body.id);
      expect(before.deviation_attachments).toMatch(/^1 rows/);

      const restored = await startServer({ LOOPEN_DATA_DIR: dataDir });
      await servesTheSameReports(restored, made);
      expect((await restored.stop()).code).toBe(0);
    }, 120_000);
  }
});
