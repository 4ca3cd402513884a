import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { Database, Db } from './db.ts';

/**
 * Background jobs on the same database with pg-boss (its own schema `pgboss`, which it creates and
 * migrates itself at start). On PostgreSQL pg-boss shares the app's connection pool; on embedded
 * PGlite it runs its SQL on the same PGlite instance, which serialises every statement, so a job
 * query simply waits while a transaction is open.
 *
 * The point of jobs here is the outbox: `enqueue(tx, …)` writes the job row in the caller's
 * transaction, so a job exists exactly when the change that caused it committed — a rolled-back
 * change queues nothing, and a crash after the commit loses nothing (the job waits in the table).
 */

export interface JobsLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface Jobs {
  /** Queues a job in the caller's transaction: it runs only if that transaction commits. */
  enqueue(tx: Db, queue: string, data: Record<string, unknown>): Promise<void>;
  /** Runs `handler` for each job of the queue, in any process; a throw retries the job later. */
  work(queue: string, handler: (data: Record<string, unknown>) => Promise<void>): Promise<void>;
  /** Runs the queue's job every `minutes` (cron): one job per tick across all processes. */
  every(queue: string, minutes: number, handler: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

type PgBossDb = PgBoss.Db;

/** pg-boss's `executeSql(text, values)` on PGlite: `exec` for parameterless (multi-statement) SQL. */
function pgliteExecutor(client: PGlite): PgBossDb {
  return {
    async executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
      if (values && values.length > 0) return client.query(text, values);
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

function poolExecutor(pool: pg.Pool): PgBossDb {
  return {
    async executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
      return pool.query(text, values);
    },
  };
}

/**
 * pg-boss's numbered SQL ($1, $2 …) as a Drizzle query, so that it runs on a Drizzle transaction of
 * either driver. A placeholder used twice becomes two parameters with the same value.
 */
export function positionalSql(text: string, values: readonly unknown[]): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    const index = Number(match[1]) - 1;
    if (index < 0 || index >= values.length) throw new Error(`placeholder ${match[0]} has no value`);
    // undefined would vanish from the query: pg-boss means null by it.
    chunks.push(sql.raw(text.slice(last, match.index)), sql`${sql.param(values[index] ?? null)}`);
    last = match.index + match[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
}

function transactionExecutor(tx: Db): PgBossDb {
  return {
    async executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
      const result = (await tx.execute(positionalSql(text, values ?? []))) as unknown as { rows: unknown[] };
      return { rows: result.rows };
    },
  };
}

/** The driver's client behind Drizzle: PGlite or a node-postgres pool. */
function executorFor(database: Database): PgBossDb {
  const client = (database.db as unknown as { $client?: unknown }).$client;
  if (database.kind === 'pglite' && client instanceof PGlite) return pgliteExecutor(client);
  if (database.kind === 'postgres' && client instanceof pg.Pool) return poolExecutor(client);
  throw new Error('jobs: cannot reach the database client behind Drizzle');
}

export interface JobsOptions {
  log: JobsLog;
  /** how often a worker looks for new jobs; tests use a short one */
  pollingSeconds?: number;
}

/** An arbitrary constant key for pg_advisory_lock while creating queues (migrations use 4_242_001). */
const QUEUE_LOCK = 4_242_003;

/**
 * Runs `work` while this process holds an advisory lock, taken on a connection of its own (the
 * work needs the pool's). On PGlite there is one process, so nothing to wait for.
 */
async function oneProcessAtATime<T>(database: Database, work: () => Promise<T>): Promise<T> {
  const client = (database.db as unknown as { $client?: unknown }).$client;
  if (!(client instanceof pg.Pool)) return work();
  const locker = new pg.Client(client.options);
  await locker.connect();
  try {
    await locker.query('select pg_advisory_lock($1)', [QUEUE_LOCK]);
    return await work();
  } finally {
    // Closing the session releases the lock.
    await locker.end();
  }
}

/** Starts pg-boss on the app's database (creating its schema on first start). */
export async function startJobs(database: Database, options: JobsOptions): Promise<Jobs> {
  const boss = new PgBoss({
    db: executorFor(database),
    // Finished jobs stay a week in pg-boss's archive for inspection, then maintenance drops them.
    deleteAfterDays: 7,
  });
  boss.on('error', (error: unknown) => options.log.error({ err: error }, 'jobs: pg-boss error'));
  await boss.start();
  const created = new Set<string>();
  const ensureQueue = async (queue: string): Promise<void> => {
    if (created.has(queue)) return;
    // pg-boss 10 needs a queue before a job is sent to it; creating an existing one is harmless,
    // but two processes creating the same one at once deadlock inside pg-boss's create_queue (it
    // inserts the queue's row and attaches a partition), and one of them fails to start. So
    // processes that start together on a fresh database create queues one after another.
    if (!(await boss.getQueue(queue))) {
      await oneProcessAtATime(database, () =>
        boss.createQueue(queue, { name: queue, retryLimit: 5, retryDelay: 60, retryBackoff: true }),
      );
    }
    created.add(queue);
  };
  const pollingIntervalSeconds = options.pollingSeconds ?? 2;

  return {
    async enqueue(tx, queue, data) {
      if (!created.has(queue)) throw new Error(`jobs: queue ${queue} has no worker in this process`);
      await boss.send(queue, data, { db: transactionExecutor(tx) });
    },
    async work(queue, handler) {
      await ensureQueue(queue);
      await boss.work<Record<string, unknown>>(queue, { pollingIntervalSeconds }, async (jobs) => {
        for (const job of jobs) await handler(job.data);
      });
    },
    async every(queue, minutes, handler) {
      await ensureQueue(queue);
      await boss.schedule(queue, `*/${minutes} * * * *`);
      await boss.work(queue, { pollingIntervalSeconds }, async () => {
        await handler();
      });
      options.log.info({ queue, minutes }, 'jobs: scheduled');
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
