import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access.ts';
import { assertAllowed } from '../../platform/access.ts';
import { type AuditContext, writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { mayAdministerUnit } from './policy.ts';
import { blankToNull, missingReference, requireUnit } from './records.ts';
import { unitAssignments, units } from './tables.ts';

// Which unit holds which mission (seed 003: "hub for ankle prostheses"), kept by the unit's administrator.

export type AssignmentRecord = {
  id: string;
  unitId: string;
  title: string;
  description: string | null;
  validFrom: Date | null;
  validTo: Date | null;
};

const assignmentColumns = {
  id: unitAssignments.id,
  unitId: unitAssignments.unitId,
  title: unitAssignments.title,
  description: unitAssignments.description,
  validFrom: unitAssignments.validFrom,
  validTo: unitAssignments.validTo,
};

export async function listAssignmentsOf(tx: Db, unitId: string): Promise<AssignmentRecord[]> {
  return tx
    .select(assignmentColumns)
    .from(unitAssignments)
    .where(eq(unitAssignments.unitId, unitId))
    .orderBy(asc(unitAssignments.title));
}

/** Dates are days; they are stored as UTC midnight so that they read back as the same day anywhere. */
function dayToTimestamp(day: string | null | undefined): Date | null {
  return day ? new Date(`${day}T00:00:00.000Z`) : null;
}

export async function createUnitAssignment(
  options: {
    actor: Actor;
    audit: AuditContext;
    unitId: string;
    assignment: {
      title: string;
      description?: string | null | undefined;
      validFrom?: string | null | undefined;
      validTo?: string | null | undefined;
    };
  },
  tx: Db,
): Promise<AssignmentRecord> {
  const unit = await requireUnit(tx, options.unitId);
  assertAllowed(mayAdministerUnit(options.actor, unit.path), 'organisation.unit_outside_scope');
  const { assignment } = options;
  const validFrom = dayToTimestamp(assignment.validFrom);
  const validTo = dayToTimestamp(assignment.validTo);
  if (validFrom && validTo && validTo < validFrom)
    throw missingReference('validTo', 'organisation.assignment_dates');
  const [row] = await tx
    .insert(unitAssignments)
    .values({
      unitId: unit.id,
      title: assignment.title,
      description: blankToNull(assignment.description) ?? null,
      validFrom,
      validTo,
    })
    .returning(assignmentColumns);
  if (!row) throw new Error('assignment insert returned no row');
  await writeAudit(tx, options.audit, {
    action: 'unit_assignment.created',
    entityType: 'unit_assignment',
    entityId: row.id,
    summary: {
      unitId: unit.id,
      title: row.title,
      validFrom: assignment.validFrom ?? null,
      validTo: assignment.validTo ?? null,
    },
  });
  return row;
}

export async function deleteUnitAssignment(
  options: { actor: Actor; audit: AuditContext; assignmentId: string },
  tx: Db,
): Promise<void> {
  const [assignment] = await tx
    .select({
      id: unitAssignments.id,
      unitId: unitAssignments.unitId,
      title: unitAssignments.title,
      unitPath: units.path,
    })
    .from(unitAssignments)
    .innerJoin(units, eq(units.id, unitAssignments.unitId))
    .where(eq(unitAssignments.id, options.assignmentId));
  if (!assignment) throw new AppError('organisation.assignment_not_found', 'not_found');
  assertAllowed(mayAdministerUnit(options.actor, assignment.unitPath), 'organisation.unit_outside_scope');
  await tx.delete(unitAssignments).where(eq(unitAssignments.id, assignment.id));
  await writeAudit(tx, options.audit, {
    action: 'unit_assignment.deleted',
    entityType: 'unit_assignment',
    entityId: assignment.id,
    summary: { unitId: assignment.unitId, title: assignment.title },
  });
}
