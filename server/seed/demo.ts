import { eq } from 'drizzle-orm';
import { organisations, people, roleAssignments, units } from '../modules/organisation/tables.ts';
import { systemContext, writeAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import { hashPassword } from '../platform/passwords.ts';

export const DEMO_REGION = 'Region Exempelland';

/** Seeds the fictional demo organisation once; a second call finds it and does nothing. */
export async function seedDemo(db: Db, options: { password: string }): Promise<boolean> {
  const [existing] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, DEMO_REGION));
  if (existing) return false;
  const passwordHash = await hashPassword(options.password);
  await db.transaction(async (tx) => {
    const [region] = await tx.insert(organisations).values({ name: DEMO_REGION, kind: 'region' }).returning();
    if (!region) throw new Error('seed failed');
    const rootId = crypto.randomUUID();
    await tx
      .insert(units)
      .values({ id: rootId, organisationId: region.id, name: DEMO_REGION, path: `/${rootId}/` });
    const [admin] = await tx
      .insert(people)
      .values({
        organisationId: region.id,
        username: 'admin',
        name: 'Alma Admin',
        email: 'admin@exempel.example',
        passwordHash,
      })
      .returning();
    if (!admin) throw new Error('seed failed');
    await tx.insert(roleAssignments).values({ personId: admin.id, role: 'administrator', unitId: rootId });
    await writeAudit(tx, systemContext, {
      action: 'demo.seeded',
      entityType: 'organisation',
      entityId: region.id,
    });
  });
  return true;
}
