import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';

/** The database handle every use case receives; a transaction has the same type. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** An arbitrary constant key for pg_advisory_lock while migrating. */
const MIGRATION_LOCK = 4_242_001;

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../db/migrations');

/** Opens PostgreSQL when a URL is given, otherwise embedded PGlite in dataDir ('memory://' for tests). */
export async function openDatabase(options: {
  url?: string | undefined;
  dataDir?: string;
  poolSize?: number;
}): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle client that loses its server must not take the process down.
    pool.on('error', () => {});
    const db = drizzlePg({ client: pool }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      // Several server processes may start at once: an advisory lock lets one migrate at a time.
      migrate: async () => {
        const client = await pool.connect();
        try {
          await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
          await migratePg(drizzlePg({ client }), { migrationsFolder });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
          client.release();
        }
      },
      ping: async () => {
        await pool.query('select 1');
      },
      close: () => pool.end(),
    };
  }
  const dataDir = options.dataDir ?? './data';
  let client: PGlite;
  let unlock = (): void => {};
  if (dataDir.startsWith('memory://')) {
    client = new PGlite(dataDir);
  } else {
    const dir = join(resolve(dataDir), 'pglite');
    mkdirSync(dirname(dir), { recursive: true });
    unlock = await lockDataFolder(dir);
    try {
      client = new PGlite(dir);
    } catch (error) {
      unlock();
      throw error;
    }
  }
  try {
    await client.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  const db = drizzlePglite({ client }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(drizzlePglite({ client }), { migrationsFolder }),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
  };
}

/**
 * The embedded database serves one process. PGlite takes no lock on its folder, and two processes
 * writing one folder corrupt it, so a lock file beside the folder (`pglite.lock`) names the process
 * that holds it: its pid and, where /proc tells, its start time, so that a pid used again by
 * another process after a restart is not taken for the holder. A lock left by a process that is
 * gone (a crash, a kill) is taken over, as PostgreSQL does with its postmaster.pid.
 */
const heldFolders = new Set<string>();

interface LockHolder {
  pid: number;
  started: string | null;
}

/** A process's start time in clock ticks since boot (Linux), or null where /proc does not tell. */
function processStarted(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, starttime field 22.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isRunning(holder: LockHolder): boolean {
  // This process holds only what heldFolders says; its own pid in a file is from an earlier life.
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (holder.started === null) return true;
  const started = processStarted(holder.pid);
  return started === null || started === holder.started;
}

function readHolder(lockFile: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(lockFile, 'utf8')) as Partial<LockHolder>;
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, started: parsed.started ?? null } : null;
  } catch {
    return null;
  }
}

/** Takes the folder's lock or throws naming the process that has it; returns the release. */
async function lockDataFolder(folder: string): Promise<() => void> {
  const lockFile = `${folder}.lock`;
  const inUse = (pid: number): Error =>
    new Error(
      `the embedded database in ${folder} is in use by another process (pid ${pid}): ` +
        'it serves one process only; run several server processes on PostgreSQL (DATABASE_URL)',
    );
  if (heldFolders.has(folder)) throw inUse(process.pid);
  const mine = JSON.stringify({ pid: process.pid, started: processStarted(process.pid) });
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      writeFileSync(lockFile, mine, { flag: 'wx' });
      heldFolders.add(folder);
      return () => {
        heldFolders.delete(folder);
        // Only our own: a folder whose lock was taken over (we were taken for dead) keeps its holder's.
        if (readHolder(lockFile)?.pid === process.pid) rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(lockFile);
    if (holder && isRunning(holder)) throw inUse(holder.pid);
    if (!holder && attempt < 10) {
      // Just created by another process that has not written its pid yet: look again.
      await new Promise((r) => setTimeout(r, 50));
      continue;
    }
    // Its holder is gone (or never wrote its pid): take the lock over.
    rmSync(lockFile, { force: true });
  }
  throw new Error(`could not take the lock ${lockFile}`);
}

/**
 * Awaits queries one after another. A transaction is one connection, and node-postgres runs one
 * query at a time on it (overlapping ones are deprecated and refused by pg 9). Drizzle's query
 * builders start only when awaited, so a list of them runs in order here, unlike Promise.all.
 */
export async function inOrder<T extends readonly PromiseLike<unknown>[]>(
  queries: [...T],
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query);
  return results as { -readonly [K in keyof T]: Awaited<T[K]> };
}
