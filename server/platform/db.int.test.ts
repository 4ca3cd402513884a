import { mkdtempSync, rmSync } from 'node:fs';
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
