import { and, eq, inArray } from 'drizzle-orm';
import type { Actor, RoleName } from '../../platform/access.ts';
import { assertAllowed } from '../../platform/access.ts';
import { type AuditContext, writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { type PersonRecord, requirePerson } from './person-records.ts';
import { mayAdministerUnit, mayAssignRole } from './policy.ts';
import { missingReference, organisationsWithAdministrator, type UnitRecord, unitColumns } from './records.ts';
import { roleAssignments, units } from './tables.ts';

export interface RoleRequest {
  role: RoleName;
  unitId: string;
  /** where the unit id came from in the request, for the error */
  field: string;
}

/**
 * Checks that every unit exists and that the actor may hand out roles on it; returns the units by id.
 * Shared by "create a person with roles" and "add a role".
 */
export async function checkRoleRequests(
  tx: Db,
  actor: Actor,
  requests: RoleRequest[],
): Promise<Map<string, UnitRecord>> {
  const unitIds = [...new Set(requests.map((r) => r.unitId))];
  const found =
    unitIds.length === 0 ? [] : await tx.select(unitColumns).from(units).where(inArray(units.id, unitIds));
  const byId = new Map(found.map((u) => [u.id, u]));
  for (const request of requests) {
    if (!byId.has(request.unitId)) throw missingReference(request.field, 'organisation.unit_not_found');
  }
  const outside = found.filter((u) => !mayAdministerUnit(actor, u.path));
  const withAdministrator = await organisationsWithAdministrator(
    tx,
    outside.map((u) => u.organisationId),
  );
  for (const unit of outside) {
    assertAllowed(
      mayAssignRole(actor, {
        unitPath: unit.path,
        organisationHasAdministrator: withAdministrator.has(unit.organisationId),
      }),
      'organisation.unit_outside_scope',
    );
  }
  return byId;
}

export async function addRole(
  options: { actor: Actor; audit: AuditContext; personId: string; role: RoleName; unitId: string },
  tx: Db,
): Promise<PersonRecord> {
  const person = await requirePerson(tx, options.personId);
  await checkRoleRequests(tx, options.actor, [
    { role: options.role, unitId: options.unitId, field: 'unitId' },
  ]);
  if (person.roles.some((r) => r.role === options.role && r.unitId === options.unitId)) {
    throw new AppError('organisation.role_exists', 'conflict');
  }
  const [row] = await tx
    .insert(roleAssignments)
    .values({ personId: person.id, role: options.role, unitId: options.unitId })
    .returning({ id: roleAssignments.id });
  if (!row) throw new Error('role insert returned no row');
  await writeAudit(tx, options.audit, {
    action: 'person.role_added',
    entityType: 'person',
    entityId: person.id,
    summary: { roleId: row.id, role: options.role, unitId: options.unitId },
  });
  return requirePerson(tx, person.id);
}

export async function removeRole(
  options: { actor: Actor; audit: AuditContext; personId: string; roleId: string },
  tx: Db,
): Promise<void> {
  const [role] = await tx
    .select({
      id: roleAssignments.id,
      role: roleAssignments.role,
      unitId: roleAssignments.unitId,
      unitPath: units.path,
    })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(and(eq(roleAssignments.id, options.roleId), eq(roleAssignments.personId, options.personId)));
  if (!role) throw new AppError('organisation.role_not_found', 'not_found');
  assertAllowed(mayAdministerUnit(options.actor, role.unitPath), 'organisation.unit_outside_scope');
  await tx.delete(roleAssignments).where(eq(roleAssignments.id, role.id));
  await writeAudit(tx, options.audit, {
    action: 'person.role_removed',
    entityType: 'person',
    entityId: options.personId,
    summary: { roleId: role.id, role: role.role, unitId: role.unitId },
  });
}
