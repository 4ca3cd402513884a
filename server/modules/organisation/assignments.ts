import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access.ts';
import { assertAllowed } from '../../platform/access.ts';
import { type AuditContext, diffSummary, writeAudit } from '../../platform/audit.ts';
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

async function requireAssignment(
  tx: Db,
  assignmentId: string,
): Promise<AssignmentRecord & { unitPath: string }> {
  const [row] = await tx
    .select({ ...assignmentColumns, unitPath: units.path })
    .from(unitAssignments)
    .innerJoin(units, eq(units.id, unitAssignments.unitId))
    .where(eq(unitAssignments.id, assignmentId));
  if (!row) throw new AppError('organisation.assignment_not_found', 'not_found');
  return row;
}

interface AssignmentInput {
  title: string;
  description?: string | null | undefined;
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
}

/** Dates are days; they are stored as UTC midnight so that they read back as the same day anywhere. */
function dayToTimestamp(day: string | null | undefined): Date | null {
  return day ? new Date(`${day}T00:00:00.000Z`) : null;
}

function timestampToDay(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

export async function createUnitAssignment(
  options: {
    actor: Actor;
    audit: AuditContext;
    unitId: string;
    assignment: AssignmentInput;
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

export async function updateUnitAssignment(
  options: { actor: Actor; audit: AuditContext; assignmentId: string; changes: Partial<AssignmentInput> },
  tx: Db,
): Promise<AssignmentRecord> {
  const before = await requireAssignment(tx, options.assignmentId);
  assertAllowed(mayAdministerUnit(options.actor, before.unitPath), 'organisation.unit_outside_scope');
  const { changes } = options;
  // A change to one end of the period is checked against the stored other end.
  const validFrom = changes.validFrom === undefined ? before.validFrom : dayToTimestamp(changes.validFrom);
  const validTo = changes.validTo === undefined ? before.validTo : dayToTimestamp(changes.validTo);
  if (validFrom && validTo && validTo < validFrom) {
    throw missingReference(
      changes.validTo === undefined ? 'validFrom' : 'validTo',
      'organisation.assignment_dates',
    );
  }
  const next = {
    title: changes.title,
    description: blankToNull(changes.description),
    validFrom: changes.validFrom === undefined ? undefined : timestampToDay(validFrom),
    validTo: changes.validTo === undefined ? undefined : timestampToDay(validTo),
  };
  // Compared and audited as days, the way they are given and shown.
  const summary = diffSummary(
    {
      title: before.title,
      description: before.description,
      validFrom: timestampToDay(before.validFrom),
      validTo: timestampToDay(before.validTo),
    },
    next,
  );
  if (Object.keys(summary).length === 0) return before;
  await tx
    .update(unitAssignments)
    .set({
      title: next.title,
      description: next.description,
      validFrom: changes.validFrom === undefined ? undefined : validFrom,
      validTo: changes.validTo === undefined ? undefined : validTo,
    })
    .where(eq(unitAssignments.id, before.id));
  await writeAudit(tx, options.audit, {
    action: 'unit_assignment.updated',
    entityType: 'unit_assignment',
    entityId: before.id,
    summary: { unitId: before.unitId, ...summary },
  });
  return requireAssignment(tx, before.id);
}

export async function deleteUnitAssignment(
  options: { actor: Actor; audit: AuditContext; assignmentId: string },
  tx: Db,
): Promise<void> {
  const assignment = await requireAssignment(tx, options.assignmentId);
  assertAllowed(mayAdministerUnit(options.actor, assignment.unitPath), 'organisation.unit_outside_scope');
  await tx.delete(unitAssignments).where(eq(unitAssignments.id, assignment.id));
  await writeAudit(tx, options.audit, {
    action: 'unit_assignment.deleted',
    entityType: 'unit_assignment',
    entityId: assignment.id,
    summary: { unitId: assignment.unitId, title: assignment.title },
  });
}
