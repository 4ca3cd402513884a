import { mkdirSync } from 'node:fs';
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
  if (dataDir.startsWith('memory://')) {
    client = new PGlite(dataDir);
  } else {
    const dir = join(resolve(dataDir), 'pglite');
    mkdirSync(dirname(dir), { recursive: true });
    client = new PGlite(dir);
  }
  await client.waitReady;
  const db = drizzlePglite({ client }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(drizzlePglite({ client }), { migrationsFolder }),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.close(),
  };
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
