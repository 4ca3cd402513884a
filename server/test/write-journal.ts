import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db.ts';

/**
 * A test-only record of every row written, to prove that a refused request wrote nothing. Row
 * counts and latest timestamps would miss an UPDATE that leaves both alone, and hashing every table
 * around each of thousands of requests is too slow; a row trigger on every table costs little and
 * names exactly what a request committed. A rolled-back write leaves no entry, as it should: only
 * committed writes matter. Updates that change nothing are not recorded.
 */

export interface JournalEntry {
  tbl: string;
  op: 'INSERT' | 'UPDATE' | 'DELETE';
  old: Record<string, unknown> | null;
  new: Record<string, unknown> | null;
}

const JOURNAL = 'fuzz_write_journal';

/** Adds the journal table and a trigger on every other table of the public schema. */
export async function installWriteJournal(db: Db): Promise<string[]> {
  await db.execute(
    sql.raw(
      `create table ${JOURNAL} (id bigserial primary key, tbl text not null, op text not null, old jsonb, new jsonb)`,
    ),
  );
  await db.execute(
    sql.raw(`create function ${JOURNAL}_row() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and to_jsonb(old) = to_jsonb(new) then return null; end if;
        insert into ${JOURNAL} (tbl, op, old, new) values (tg_table_name, tg_op,
          case when tg_op <> 'INSERT' then to_jsonb(old) end,
          case when tg_op <> 'DELETE' then to_jsonb(new) end);
        return null;
      end $$`),
  );
  const tables = rowsOf<{ name: string }>(
    await db.execute(
      sql`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> ${JOURNAL}
          order by table_name`,
    ),
  ).map((r) => r.name);
  for (const table of tables) {
    await db.execute(
      sql.raw(
        `create trigger ${JOURNAL} after insert or update or delete on "${table}" for each row execute function ${JOURNAL}_row()`,
      ),
    );
  }
  return tables;
}

/** What was written since the last call; the journal starts empty again. */
export async function takeWrites(db: Db): Promise<JournalEntry[]> {
  return rowsOf<JournalEntry>(
    await db.execute(sql.raw(`delete from ${JOURNAL} returning tbl, op, old, new`)),
  );
}

/** Rows of a db.execute result: node-postgres and PGlite both answer with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
