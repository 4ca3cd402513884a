import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { auditLog } from '../../platform/tables.ts';
import { bodies, people, units } from './tables.ts';

/**
 * The audit entries that concern these organisations: those whose actor is one of their people, and
 * those about one of their people, units (with their contacts and assignments), bodies, or the
 * organisation itself — whoever the actor. The organisation module owns these entity types, so it
 * says which organisation each belongs to. Contacts and assignments are found through the unit in
 * their summary, since a deleted one leaves no row to look up.
 */
export function auditEntriesOf(tx: Db, organisationIds: string[]): SQL {
  if (organisationIds.length === 0) return sql`false`;
  const peopleOf = tx
    .select({ id: people.id })
    .from(people)
    .where(inArray(people.organisationId, organisationIds));
  // Entity ids are text in the audit log.
  const personIds = tx
    .select({ id: sql<string>`${people.id}::text` })
    .from(people)
    .where(inArray(people.organisationId, organisationIds));
  const unitIds = tx
    .select({ id: sql<string>`${units.id}::text` })
    .from(units)
    .where(inArray(units.organisationId, organisationIds));
  const bodyIds = tx
    .select({ id: sql<string>`${bodies.id}::text` })
    .from(bodies)
    .where(inArray(bodies.organisationId, organisationIds));
  const scoped =
    or(
      inArray(auditLog.actorId, peopleOf),
      and(eq(auditLog.entityType, 'person'), inArray(auditLog.entityId, personIds)),
      and(eq(auditLog.entityType, 'unit'), inArray(auditLog.entityId, unitIds)),
      and(eq(auditLog.entityType, 'body'), inArray(auditLog.entityId, bodyIds)),
      and(eq(auditLog.entityType, 'organisation'), inArray(auditLog.entityId, organisationIds)),
      and(
        inArray(auditLog.entityType, ['unit_contact', 'unit_assignment']),
        inArray(sql`${auditLog.summary}->>'unitId'`, unitIds),
      ),
    ) ?? sql`false`;
  return scoped;
}
