import { and, eq, inArray, isNull, ne, type SQL } from 'drizzle-orm';
import { type AuditContext, writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { lockOrganisations } from './records.ts';
import { organisations, people, roleAssignments, units } from './tables.ts';

// An organisation's administrators: the administrator role on its root unit. Once it has one, it
// keeps one (policy.ts, rule 2).

/**
 * Refuses a change after which one of these organisations would have no active administrator on its
 * root, not counting what the change removes: a person being deactivated, or one role being taken
 * away. Locks the organisations first, so two administrators deactivating each other at the same
 * moment cannot both pass.
 */
export async function assertAdministratorsRemain(
  tx: Db,
  change: {
    organisationIds: string[];
    /** who the change concerns, for the message */
    personName: string;
    without: { personId: string } | { roleId: string };
    /** the request field the refusal is about, if any */
    field?: string;
  },
): Promise<void> {
  const ids = [...new Set(change.organisationIds)];
  if (ids.length === 0) return;
  await lockOrganisations(tx, ids);
  const excluded: SQL =
    'personId' in change.without
      ? ne(people.id, change.without.personId)
      : ne(roleAssignments.id, change.without.roleId);
  const remaining = await tx
    .selectDistinct({ organisationId: units.organisationId })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .where(
      and(
        eq(roleAssignments.role, 'administrator'),
        isNull(units.parentId),
        inArray(units.organisationId, ids),
        eq(people.active, true),
        excluded,
      ),
    );
  const kept = new Set(remaining.map((r) => r.organisationId));
  const orphaned = ids.filter((id) => !kept.has(id));
  const [first] = orphaned;
  if (!first) return;
  const [organisation] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, first));
  const params = { name: change.personName, organisation: organisation?.name ?? first };
  const fields: FieldError[] = change.field
    ? [{ path: change.field, key: 'organisation.last_administrator', params }]
    : [];
  throw new AppError('organisation.last_administrator', 'conflict', { params, fields });
}

/**
 * The bootstrap of rule 2 is audited on the organisation itself, so that its audit trail shows who
 * appointed its first administrator, and from when caretaking by others ended.
 */
export async function recordFirstAdministrators(
  tx: Db,
  audit: AuditContext,
  appointments: Array<{ organisationId: string; personId: string; unitId: string }>,
): Promise<void> {
  if (appointments.length === 0) return;
  await writeAudit(
    tx,
    audit,
    appointments.map((a) => ({
      action: 'organisation.first_administrator',
      entityType: 'organisation',
      entityId: a.organisationId,
      summary: { personId: a.personId, unitId: a.unitId },
    })),
  );
}
