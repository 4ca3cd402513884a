import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { organisations } from '../modules/organisation/tables.ts';
import { seedDemo } from '../seed/demo.ts';
import { openDatabase } from './db.ts';
import { auditLog } from './tables.ts';

describe('the embedded database', () => {
  it('keeps its data in the data folder across a restart, and migrating again changes nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'loopen-db-'));
    try {
      const first = await openDatabase({ dataDir });
      await first.migrate();
      expect(await seedDemo(first.db, { password: 'loopen-demo' })).toBe(true);
      await first.db.insert(organisations).values({ name: 'Kommunen Exempelby', kind: 'municipality' });
      await first.close();

      const second = await openDatabase({ dataDir });
      await second.migrate();
      expect(await seedDemo(second.db, { password: 'loopen-demo' })).toBe(false);
      const [kept] = await second.db
        .select()
        .from(organisations)
        .where(eq(organisations.name, 'Kommunen Exempelby'));
      expect(kept?.kind).toBe('municipality');
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the lock on the embedded database', () => {
  it('when the lock file names a running process, then opening the folder is refused; when its process is gone, or its pid now belongs to a process started later, then the lock is taken over; while open, a second opening in the same process is refused too', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'loopen-lock-'));
    const lockFile = join(dataDir, 'pglite.lock');
    const holder = (): number | null =>
      existsSync(lockFile) ? (JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number }).pid : null;
    try {
      // A running process (the one that started this test), its start time unknown: in use.
      writeFileSync(lockFile, JSON.stringify({ pid: process.ppid, started: null }));
      await expect(openDatabase({ dataDir })).rejects.toThrow(
        `is in use by another process (pid ${process.ppid})`,
      );
      expect(holder()).toBe(process.ppid);

      // Where /proc tells start times: the same pid, started at another time, is another process.
      if (existsSync('/proc/self/stat')) {
        writeFileSync(lockFile, JSON.stringify({ pid: process.ppid, started: '1' }));
        const reused = await openDatabase({ dataDir });
        expect(holder()).toBe(process.pid);
        await reused.close();
        expect(holder()).toBeNull();
      }

      // A process that has exited: its lock is stale.
      const gone = spawnSync(process.execPath, ['-e', '']).pid;
      writeFileSync(lockFile, JSON.stringify({ pid: gone, started: null }));
      const database = await openDatabase({ dataDir });
      expect(holder()).toBe(process.pid);
      await expect(openDatabase({ dataDir })).rejects.toThrow(
        `is in use by another process (pid ${process.pid})`,
      );
      await database.close();
      expect(holder()).toBeNull();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the audit log', () => {
  it('refuses to change or remove a row, on either database', async () => {
    const { testDatabase } = await import('../test/harness.ts');
    const database = await testDatabase();
    try {
      await database.db.insert(auditLog).values({ action: 'test.done', entityType: 'test' });
      await expect(database.db.update(auditLog).set({ action: 'test.forged' })).rejects.toThrow();
      await expect(database.db.delete(auditLog)).rejects.toThrow();
      const rows = await database.db.select().from(auditLog);
      expect(rows.map((r) => r.action)).toEqual(['test.done']);
    } finally {
      await database.close();
    }
  });
});
