import { eq, sql } from 'drizzle-orm';
import {
  bodies,
  bodyMembers,
  organisations,
  people,
  roleAssignments,
  unitAssignments,
  unitContacts,
  units,
} from '../modules/organisation/tables.ts';
import { systemContext, writeAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import { hashPassword } from '../platform/passwords.ts';
import {
  demoAssignments,
  demoBodies,
  demoContacts,
  demoEmail,
  demoOrganisations,
  demoPeople,
} from './demo-data.ts';
import { seedDemoDeviationConfig } from './demo-deviations.ts';
import { seedDemoDocumentConfig, seedDemoDocuments, seedDemoKnowledgeSupports } from './demo-documents.ts';

export const DEMO_REGION = 'Region Älvsund';

/** An arbitrary constant key for pg_advisory_xact_lock while seeding (the migration lock is 4_242_001). */
const SEED_LOCK = 4_242_002;

function lookup<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo data: unknown ${what} '${key}'`);
  return value;
}

/**
 * Seeds the fictional demo organisation once, in one transaction; a second call finds the region
 * and does nothing, so restarts keep whatever people changed in the demo.
 */
export async function seedDemo(db: Db, options: { password: string }): Promise<boolean> {
  if (await demoSeeded(db)) {
    await topUpDemo(db);
    return false;
  }
  // One hash for all demo users: they share the password, and argon2 is slow by design.
  const passwordHash = await hashPassword(options.password);

  return db.transaction(async (tx) => {
    // Server processes that start together on a fresh database all get this far: the lock lets one
    // seed, and each of the others, once it holds the lock, finds the region and leaves it alone
    // (without it, the second process died on the region's unique name).
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    if (await demoSeeded(tx)) {
      await topUpIn(tx);
      return false;
    }
    const orgIds = new Map<string, string>();
    const unitIds = new Map<string, string>();
    const unitPaths = new Map<string, string>();
    for (const org of demoOrganisations) {
      const [row] = await tx.insert(organisations).values({ name: org.name, kind: org.kind }).returning();
      if (!row) throw new Error('demo seed: organisation insert failed');
      orgIds.set(org.key, row.id);
      for (const unit of org.units) {
        const id = crypto.randomUUID();
        const parentId = unit.parent ? lookup(unitIds, unit.parent, 'unit') : null;
        const path = `${unit.parent ? lookup(unitPaths, unit.parent, 'unit') : '/'}${id}/`;
        await tx.insert(units).values({
          id,
          organisationId: row.id,
          parentId,
          name: unit.name,
          externalId: unit.externalId ?? null,
          path,
        });
        unitIds.set(unit.key, id);
        unitPaths.set(unit.key, path);
      }
    }

    const personIds = new Map<string, string>();
    for (const person of demoPeople) {
      const [row] = await tx
        .insert(people)
        .values({
          organisationId: lookup(orgIds, person.organisation, 'organisation'),
          username: person.username,
          name: person.name,
          email: demoEmail(person.username, person.organisation),
          profession: person.profession,
          language: person.language ?? 'sv',
          passwordHash,
        })
        .returning({ id: people.id });
      if (!row) throw new Error('demo seed: person insert failed');
      personIds.set(person.username, row.id);
      for (const role of person.roles) {
        await tx
          .insert(roleAssignments)
          .values({ personId: row.id, role: role.role, unitId: lookup(unitIds, role.unit, 'unit') });
      }
    }

    for (const body of demoBodies) {
      const [row] = await tx
        .insert(bodies)
        .values({
          organisationId: lookup(orgIds, body.organisation, 'organisation'),
          name: body.name,
          kind: body.kind,
          description: body.description,
        })
        .returning({ id: bodies.id });
      if (!row) throw new Error('demo seed: body insert failed');
      for (const member of body.members) {
        await tx.insert(bodyMembers).values({
          bodyId: row.id,
          personId: lookup(personIds, member.username, 'person'),
          role: member.role,
        });
      }
    }

    for (const contact of demoContacts) {
      await tx.insert(unitContacts).values({
        unitId: lookup(unitIds, contact.unit, 'unit'),
        organisationId: lookup(orgIds, contact.organisation, 'organisation'),
        name: contact.name,
        role: contact.role,
        email: contact.email,
        phone: contact.phone,
      });
    }
    for (const assignment of demoAssignments) {
      await tx.insert(unitAssignments).values({
        unitId: lookup(unitIds, assignment.unit, 'unit'),
        title: assignment.title,
        description: assignment.description,
      });
    }

    await seedDemoDeviationConfig(tx, lookup(orgIds, 'region', 'organisation'));
    await seedDemoDocumentConfig(tx, lookup(orgIds, 'region', 'organisation'));
    await seedDemoDocuments(tx, lookup(orgIds, 'region', 'organisation'));
    await seedDemoKnowledgeSupports(tx, lookup(orgIds, 'region', 'organisation'));

    await writeAudit(tx, systemContext, {
      action: 'demo.seeded',
      entityType: 'organisation',
      entityId: lookup(orgIds, 'region', 'organisation'),
      summary: {
        organisations: demoOrganisations.length,
        people: demoPeople.length,
        bodies: demoBodies.length,
      },
    });
    return true;
  });
}

/**
 * What later modules add to a demo seeded before them (document types and templates), once: each
 * part finds its own rows and leaves them be, so a restart changes nothing.
 */
async function topUpDemo(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    await topUpIn(tx);
  });
}

async function topUpIn(tx: Db): Promise<void> {
  const [region] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, DEMO_REGION));
  if (!region) return;
  if (await seedDemoDocumentConfig(tx, region.id)) {
    await writeAudit(tx, systemContext, {
      action: 'demo.documents_seeded',
      entityType: 'organisation',
      entityId: region.id,
      summary: {},
    });
  }
  if (await seedDemoDocuments(tx, region.id)) {
    await writeAudit(tx, systemContext, {
      action: 'demo.routine_published',
      entityType: 'organisation',
      entityId: region.id,
      summary: {},
    });
  }
  if (await seedDemoKnowledgeSupports(tx, region.id)) {
    await writeAudit(tx, systemContext, {
      action: 'demo.knowledge_supports_seeded',
      entityType: 'organisation',
      entityId: region.id,
      summary: {},
    });
  }
}

async function demoSeeded(db: Db): Promise<boolean> {
  const [existing] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, DEMO_REGION));
  return existing !== undefined;
}
