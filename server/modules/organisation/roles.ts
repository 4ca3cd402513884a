import { and, eq, inArray } from 'drizzle-orm';
import type { Actor, RoleName } from '../../platform/access.ts';
import { assertAllowed } from '../../platform/access.ts';
import { type AuditContext, writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { assertAdministratorsRemain, recordFirstAdministrators } from './administrators.ts';
import { type PersonRecord, requirePerson } from './person-records.ts';
import {
  isFirstAdministrator,
  isRootPath,
  mayAdministerUnit,
  mayAssignRoleOn,
  mayGiveRoleTo,
  type PersonGrants,
  type Steward,
} from './policy.ts';
import { lockOrganisations, missingReference, type UnitRecord, unitColumns } from './records.ts';
import { loadSteward, neverAdministeredOrganisations } from './stewardship.ts';
import { roleAssignments, units } from './tables.ts';

export interface RoleRequest {
  role: RoleName;
  unitId: string;
  /** where the unit id came from in the request, for the error */
  field: string;
}

/**
 * Checks that every unit exists and that the actor may give these roles to this person (policy.ts,
 * rule 4). Returns the units by id and the organisations whose first administrator this appoints.
 * Shared by "create a person with roles" and "add a role".
 */
export async function checkRoleRequests(
  tx: Db,
  steward: Steward,
  person: PersonGrants,
  requests: RoleRequest[],
): Promise<{ units: Map<string, UnitRecord>; firstAdministratorOf: Map<string, string> }> {
  const { actor } = steward;
  const unitIds = [...new Set(requests.map((r) => r.unitId))];
  const found =
    unitIds.length === 0 ? [] : await tx.select(unitColumns).from(units).where(inArray(units.id, unitIds));
  const byId = new Map(found.map((u) => [u.id, u]));
  for (const request of requests) {
    if (!byId.has(request.unitId)) throw missingReference(request.field, 'organisation.unit_not_found');
  }
  const outside = found.filter((u) => !mayAdministerUnit(actor, u.path));
  // Two first appointments at once must not both see an organisation without administrators.
  await lockOrganisations(
    tx,
    outside.map((u) => u.organisationId),
  );
  const never = await neverAdministeredOrganisations(
    tx,
    outside.map((u) => u.organisationId),
  );
  const firstAdministratorOf = new Map<string, string>();
  for (const request of requests) {
    const unit = byId.get(request.unitId);
    if (!unit) continue;
    const target = {
      role: request.role,
      unitPath: unit.path,
      organisationNeverAdministered: never.has(unit.organisationId),
    };
    assertAllowed(mayAssignRoleOn(actor, target), 'organisation.unit_outside_scope');
    assertAllowed(mayGiveRoleTo(steward, person, unit), 'organisation.person_outside_scope');
    if (isFirstAdministrator(actor, target)) firstAdministratorOf.set(unit.organisationId, unit.id);
  }
  return { units: byId, firstAdministratorOf };
}

export async function addRole(
  options: { actor: Actor; audit: AuditContext; personId: string; role: RoleName; unitId: string },
  tx: Db,
): Promise<{ person: PersonRecord; steward: Steward }> {
  const steward = await loadSteward(tx, options.actor);
  const person = await requirePerson(tx, options.personId);
  const { firstAdministratorOf } = await checkRoleRequests(tx, steward, person, [
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
  await recordFirstAdministrators(
    tx,
    options.audit,
    [...firstAdministratorOf].map(([organisationId, unitId]) => ({
      organisationId,
      unitId,
      personId: person.id,
    })),
  );
  return { person: await requirePerson(tx, person.id), steward };
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
      organisationId: units.organisationId,
    })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(and(eq(roleAssignments.id, options.roleId), eq(roleAssignments.personId, options.personId)));
  if (!role) throw new AppError('organisation.role_not_found', 'not_found');
  assertAllowed(mayAdministerUnit(options.actor, role.unitPath), 'organisation.unit_outside_scope');
  if (role.role === 'administrator' && isRootPath(role.unitPath)) {
    const person = await requirePerson(tx, options.personId);
    await assertAdministratorsRemain(tx, {
      organisationIds: [role.organisationId],
      personName: person.name,
      without: { roleId: role.id },
    });
  }
  await tx.delete(roleAssignments).where(eq(roleAssignments.id, role.id));
  await writeAudit(tx, options.audit, {
    action: 'person.role_removed',
    entityType: 'person',
    entityId: options.personId,
    summary: { roleId: role.id, role: role.role, unitId: role.unitId },
  });
}
